import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionUrl, launchExtension, openExtensionPage, readDb, readTracks, screenshot, seekToCaption, startFixtureServer, tabIdOf, waitFor, type Extension, type Server } from './harness';

let ext: Extension;
let server: Server;
let lecture: Page;
let probe: Page;

const flags = async () => (await readDb(probe, ['flags'])).flags;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
  probe = await openExtensionPage(ext);
  lecture = await ext.context.newPage();
  await lecture.goto(`${server.url}/demo/course/lecture-1.html`);
  await waitFor('lecture captured', async () => (await readTracks(probe)).filter((t) => t.status === 'ok').length === 3);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('flagging captions', () => {
  it('one keystroke flags the caption on screen with its time and text', async () => {
    // The cue at 12.4 s: "First, plants take in water through their roots." (11.2–14.0).
    await seekToCaption(lecture, 12.4);
    await lecture.keyboard.press('Alt+Shift+KeyF');
    const [flag] = await waitFor('a flag', async () => {
      const f = await flags();
      return f.length === 1 ? f : null;
    });
    expect(flag).toMatchObject({
      cueIndex: 3,
      start: 11.2,
      end: 14,
      text: 'First, plants take in water through their roots.',
      language: 'en',
      kind: 'wrong-words',
      status: 'new',
      origin: 'learner',
      reporter: 'me',
    });
  });

  it('the button by the player flags too, and the side panel marks and lists the flags', async () => {
    await lecture.evaluate(async () => {
      const v = document.querySelector('video')!;
      v.currentTime = 22;
      await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
    });
    // The button sits on the video's top-right corner, and stays there when the page scrolls.
    const button = lecture.getByRole('button', { name: /Flag caption/ });
    const onCorner = async () => {
      const b = (await button.boundingBox())!;
      const v = (await lecture.locator('video').boundingBox())!;
      return Math.abs(b.x + b.width - (v.x + v.width - 8)) <= 2 && Math.abs(b.y - (v.y + 8)) <= 2;
    };
    await screenshot(lecture, 'lecture-flag-button');
    await expect.poll(onCorner).toBe(true);
    await lecture.evaluate(() => window.scrollBy(0, 60));
    await expect.poll(onCorner).toBe(true);
    await lecture.evaluate(() => window.scrollTo(0, 0));
    await button.click();
    await waitFor('two flags', async () => (await flags()).length === 2);

    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(extensionUrl(ext, `sidepanel.html?tab=${await tabIdOf(ext, lecture)}`));
    await expect.poll(() => panel.locator('.cue.flagged').count()).toBe(2);
    expect(await panel.locator('.cue.flagged').first().getAttribute('data-index')).toBe('3');
    await panel.getByText('Flags (2)').waitFor();

    // Edit the first flag: a mistranslation with a correction.
    const item = panel.locator('.flag').first();
    await item.getByRole('button', { name: 'Edit' }).click();
    await item.getByRole('combobox', { name: 'Problem' }).selectOption('mistranslation');
    await item.getByRole('textbox', { name: /Correct text/ }).fill('First, plants take up water through their roots.');
    await item.getByRole('button', { name: 'Save' }).click();
    await waitFor('edited flag', async () => (await flags()).some((f) => f.kind === 'mistranslation' && f.suggestion === 'First, plants take up water through their roots.'));

    // Withdraw the second.
    await panel.locator('.flag').nth(1).getByRole('button', { name: 'Withdraw' }).click();
    await waitFor('one flag left', async () => (await flags()).length === 1);
    await expect.poll(() => panel.locator('.cue.flagged').count()).toBe(1);
    await screenshot(panel, 'sidepanel-flags');
    await panel.close();
  });

  it('an automatic finding becomes a flag in one click', async () => {
    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(extensionUrl(ext, `sidepanel.html?tab=${await tabIdOf(ext, lecture)}`));
    await panel.getByText(/^Caption checks \(\d+\)$/).click();
    const finding = panel.locator('.finding').first();
    await finding.waitFor();
    const rule = await finding.getAttribute('data-rule');
    const message = await finding.locator('span').first().textContent();
    expect(message).toMatch(/\d/); // names its numbers
    await finding.getByRole('button', { name: 'Flag it' }).click();
    const made = await waitFor('flag from a finding', async () => (await flags()).find((f) => f.origin === 'check'));
    expect(made).toMatchObject({ rule, status: 'new', note: message });
    // The flag keeps the caption itself, as the learner saw it.
    const db = await readDb(probe, ['tracks', 'cues']);
    const cue = db.cues.find((c) => c.trackId === made.trackId && c.index === made.cueIndex);
    expect(made.text).toBe(cue?.text);
    await expect.poll(() => finding.getByText('Flagged').count()).toBe(1);
    await screenshot(panel, 'sidepanel-checks');

    // The reading speed limit is the learner's: a generous limit leaves no speed findings.
    const speed = panel.locator('.finding[data-rule="reading-speed"]');
    expect(await speed.count()).toBeGreaterThan(0);
    await panel.getByRole('spinbutton', { name: /Reading speed limit/ }).fill('40');
    await panel.getByRole('spinbutton', { name: /Reading speed limit/ }).press('Tab');
    await expect.poll(() => speed.count()).toBe(0);
    await panel.getByRole('spinbutton', { name: /Reading speed limit/ }).fill('17');
    await panel.getByRole('spinbutton', { name: /Reading speed limit/ }).press('Tab');
    await expect.poll(() => speed.count()).toBeGreaterThan(0);
    await panel.close();
  });

  it('the dashboard shows the flags and the checks of a lecture too', async () => {
    const dash = await openExtensionPage(ext);
    await dash.locator('.lecture-link').first().click();
    await dash.getByText(/^Flags \(2\)$/).waitFor();
    // The learner's flag on line 3 and the accepted finding's line.
    await expect.poll(() => dash.locator('.cue.flagged').count()).toBe(2);
    await dash.getByText(/^Caption checks \(\d+\)$/).click();
    await dash.locator('.finding').first().waitFor(); // drawn once the list is open
    await dash.close();
  });
});
