import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openExtensionPage, readTracks, screenshot, startFixtureServer, waitFor, type Extension, type Server } from './harness';

// The dashboard's search over a long transcript: a first page with "Show more", and an
// honest note when common words made the search stop before it had read every line.
let ext: Extension;
let server: Server;
let dash: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
  dash = await openExtensionPage(ext, 'dashboard.html');
  const page = await ext.context.newPage();
  // 20,000 generated lines "Line i: " + 3 to 6 of 30 words: each word is in ~2,800 lines.
  await page.goto(`${server.url}/tests/fixtures/pages/html5/big-track.html`);
  await waitFor('20,000 cues', async () => (await readTracks(dash))[0]?.cueCount === 20000, 60_000);
  await page.close();
  await dash.reload();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function search(q: string) {
  await dash.getByRole('searchbox', { name: /search all/i }).fill(q);
  await dash.getByRole('button', { name: 'Search', exact: true }).click();
}

describe('search over a long transcript', () => {
  it('shows a first page of a common word, and more on request', async () => {
    await search('leaf');
    await expect.poll(() => dash.locator('.hit').count()).toBe(50);
    await dash.getByText('More than 50 lines found.', { exact: false }).waitFor();
    await dash.getByRole('button', { name: 'Show more lines' }).click();
    await expect.poll(() => dash.locator('.hit').count()).toBe(100);
    const texts = await dash.locator('.hit .hit-text').allTextContents();
    expect(texts.every((t) => /\bleaf\b/i.test(t))).toBe(true);
    expect(await dash.locator('.search-incomplete').count()).toBe(0);
  });

  it('says when common words made it stop early, and still lists what it found', async () => {
    // "leaf light" is in 78 of the 20,000 lines; both words are in thousands.
    await search('"leaf light"');
    await dash.locator('.search-incomplete').waitFor();
    expect(await dash.locator('.search-incomplete').textContent()).toMatch(/may be more/);
    const texts = await dash.locator('.hit .hit-text').allTextContents();
    expect(texts.length).toBeLessThan(78);
    expect(texts.every((t) => /leaf light/i.test(t))).toBe(true);
    await screenshot(dash, 'dashboard-search-incomplete');

    // The learner asks to look further until the answer is complete: every one of the 78.
    const further = dash.getByRole('button', { name: 'Look at more lines' });
    const results = dash.locator('.search-results');
    for (let depth = 1; depth <= 3 && (await dash.locator('.search-incomplete').count()) > 0; depth++) {
      await further.click();
      await dash.locator(`.search-results[data-depth="${depth}"][aria-busy="false"]`).waitFor({ timeout: 60_000 });
    }
    expect(await results.getAttribute('data-depth')).not.toBe('0');
    expect(await dash.locator('.search-incomplete').count()).toBe(0);
    await dash.getByText('More than 50 lines found.', { exact: false }).waitFor();
    await dash.getByRole('button', { name: 'Show more lines' }).click();
    await dash.getByText('78 lines found.').waitFor();
    const all = await dash.locator('.hit .hit-text').allTextContents();
    expect(all).toHaveLength(78);
    expect(all.every((t) => /leaf light/i.test(t))).toBe(true);
  });

  it('a rare word among common ones gives the complete answer', async () => {
    await search('sugar "line 1999"');
    await dash.getByText('1 line found.').waitFor();
    expect(await dash.locator('.hit .hit-text').allTextContents()).toEqual(['Line 1999: tiny absorb make carbon chlorophyll sugar']);
    expect(await dash.locator('.search-incomplete').count()).toBe(0);
  });

  it('raised no errors in any page or in the extension', () => {
    expect(ext.errors).toEqual([]);
  });
});
