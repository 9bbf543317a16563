import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { dumpDb, extensionUrl, launchExtension, openExtensionPage, screenshot, startFixtureServer, tabIdOf, waitFor, type Extension, type Server, seekVideo } from './harness';

let ext: Extension;
let server: Server;
let course: Page;

const INJECTED = 'img, svg, iframe, script, b, a[href^="javascript"], [onclick], [onerror], [onload], [onmouseover], [onfocus]';
const LITERAL = '<img src=x onerror=alert(1)> entity-encoded HTML';

async function expectInert(page: Page, scope: string) {
  expect(await page.locator(`${scope} :is(${INJECTED})`).count(), `markup injected into ${scope}`).toBe(0);
  expect(await page.title()).not.toBe('ALERTED');
}

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
  course = await ext.context.newPage();
  await course.goto(`${server.url}/tests/fixtures/pages/html5/hostile.html`);
  const probe = await openExtensionPage(ext);
  await waitFor('hostile track captured', async () => (await dumpDb(probe)).tracks[0]?.cueCount === 11);
  await probe.close();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('hostile caption text is shown as text everywhere', () => {
  it('in the side panel', async () => {
    const panel = await ext.context.newPage();
    panel.on('dialog', () => {
      throw new Error('a dialog opened in the side panel');
    });
    await panel.goto(extensionUrl(ext, `sidepanel.html?tab=${await tabIdOf(ext, course)}`));
    await expect.poll(() => panel.locator('.transcript .cue').count()).toBe(11);
    await expect.poll(() => panel.locator('.transcript').textContent()).toContain(LITERAL);
    // <svg …> is a WebVTT tag (dropped, never markup); the text around it stays.
    expect(await panel.locator('.transcript').textContent()).toContain('"> breaking out of an attribute');
    expect(await panel.locator('.transcript').textContent()).toContain("{{constructor.constructor('alert(1)')()}}");
    await expectInert(panel, '.transcript');
    await panel.getByRole('searchbox').fill('onerror');
    await expect.poll(() => panel.locator('.transcript .cue').count()).toBeGreaterThan(0);
    await expectInert(panel, '.transcript');
    await screenshot(panel, 'sidepanel-hostile');
    await panel.close();
  });

  it('in the dashboard transcript and search results', async () => {
    const dash = await openExtensionPage(ext, 'dashboard.html');
    dash.on('dialog', () => {
      throw new Error('a dialog opened in the dashboard');
    });
    await dash.locator('.lecture-link').first().click();
    await expect.poll(() => dash.locator('.transcript').textContent()).toContain(LITERAL);
    await expectInert(dash, 'main');
    await dash.getByRole('searchbox', { name: /search all/i }).fill('onerror alert');
    await dash.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => dash.locator('.hit').count()).toBeGreaterThan(0);
    expect(await dash.locator('.search-results').textContent()).toContain(LITERAL);
    await expectInert(dash, 'main');
    await dash.close();
  });

  it('in the exported files', async () => {
    const panel = await ext.context.newPage();
    await panel.goto(extensionUrl(ext, `sidepanel.html?tab=${await tabIdOf(ext, course)}`));
    await expect.poll(() => panel.locator('.transcript .cue').count()).toBe(11);
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'TXT', exact: true }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain(LITERAL);
    expect(text).not.toContain('<script>'); // a WebVTT tag, not text: the reader never saw it
    await panel.close();
  });

  it('in the caption overlay on the video', async () => {
    await course.bringToFront();
    await course.keyboard.press('Alt+Shift+KeyC');
    const overlay = async (at: number) => {
      await seekVideo(course, at);
      return course.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(r));
        const root = document.querySelector('[data-moocmate="captions"]')?.shadowRoot;
        return { text: root?.querySelector('.top')?.textContent ?? '', elements: root?.querySelectorAll('.box *').length ?? -1 };
      });
    };
    await expect.poll(async () => (await overlay(6)).text).toBe(LITERAL);
    // Only the overlay's own parts (a status and two lines), with nothing inside them.
    for (const at of [4, 6, 9, 11, 14]) expect((await overlay(at)).elements, `elements at ${at} s`).toBe(3);
    // <script> is an unknown WebVTT tag: dropped, its words kept as text.
    expect((await overlay(4)).text).toBe('alert(1)Script tags inside a cue');
    expect(await course.locator('[data-moocmate="captions"]').evaluate((h) => h.shadowRoot!.querySelectorAll(`:is(img, svg, script, b, [onclick], [onerror], [onload])`).length)).toBe(0);
    await course.keyboard.press('Alt+Shift+KeyC');
  });

  it('and the course page itself never ran any of it', async () => {
    expect(await course.evaluate(() => (window as unknown as { __alerts?: number }).__alerts ?? 0)).toBe(0);
    expect(ext.errors).toEqual([]);
  });
});
