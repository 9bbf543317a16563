import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { dumpDb, extensionUrl, launchExtension, openExtensionPage, screenshot, seekVideo, startFixtureServer, tabIdOf, waitFor, type Extension, type Server } from './harness';

let ext: Extension;
let server: Server;
let lecture: Page;
let panel: Page;

const videoTime = () => lecture.evaluate(() => document.querySelector('video')!.currentTime);

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
  lecture = await ext.context.newPage();
  await lecture.goto(`${server.url}/demo/course/lecture-1.html`);
  const probe = await openExtensionPage(ext);
  await waitFor('lecture 1 captured', async () => (await dumpDb(probe)).tracks.filter((t) => t.status === 'ok').length === 3);
  await probe.close();
  // Chrome's side panel is this same page; opened for the lecture's tab so a test can drive it.
  panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 400, height: 760 });
  await panel.goto(extensionUrl(ext, `sidepanel.html?tab=${await tabIdOf(ext, lecture)}`));
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('side panel', () => {
  it('shows the lecture transcript and highlights the line being played', async () => {
    await panel.getByRole('heading', { name: /Photosynthesis/i }).waitFor();
    await expect.poll(() => panel.locator('.transcript .cue').count()).toBe(12);
    await lecture.evaluate(async () => {
      const v = document.querySelector('video')!;
      v.muted = true;
      v.currentTime = 12;
      await v.play();
    });
    // 12 s is inside the cue "First, plants take in water through their roots." (11.2–14.0).
    await expect.poll(() => panel.locator('.cue.current').textContent()).toContain('water through their roots');
    // ...and it moves on as the video plays.
    await waitFor('playback past 14.2 s', async () => (await videoTime()) > 14.4);
    await expect.poll(() => panel.locator('.cue.current').textContent()).toContain('carbon dioxide');
    await lecture.evaluate(() => document.querySelector('video')!.pause());
    await screenshot(panel, 'sidepanel-following');
  });

  it('seeks the video when a line is clicked', async () => {
    await panel.locator('.cue', { hasText: 'chlorophyll' }).first().locator('.cue-button').click();
    const target = Number(await panel.locator('.cue', { hasText: 'chlorophyll' }).first().getAttribute('data-index'));
    const db = await dumpDb(panel);
    const en = db.tracks.find((t) => t.language === 'en')!;
    const cue = db.cues.find((c) => c.trackId === en.id && c.index === target)!;
    await expect.poll(videoTime).toBeCloseTo(Number(cue.start), 1);
    await expect.poll(() => panel.locator('.cue.current').textContent()).toContain('chlorophyll');
  });

  it('keeps the playing line in view by scrolling the transcript only, never the controls above it', async () => {
    // The learner opens the sections above the transcript: the panel is now taller than its window.
    for (const name of ['Words to know', 'In the lecture']) {
      const summary = panel.locator('summary', { hasText: name });
      if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
    }
    expect(await panel.evaluate(() => document.scrollingElement!.scrollHeight > innerHeight)).toBe(true);
    await panel.evaluate(() => window.scrollTo(0, 0));
    const lineInList = () =>
      panel.evaluate(() => {
        const row = document.querySelector('.cue.current')!.getBoundingClientRect();
        const list = document.querySelector('.transcript')!.getBoundingClientRect();
        return row.top >= list.top - 1 && row.bottom <= list.bottom + 1;
      });
    for (const [time, text] of [[41, 'Thanks for watching'], [1, 'Hello, and welcome']] as const) {
      await seekVideo(lecture, time, { pause: true });
      await expect.poll(() => panel.locator('.cue.current').textContent()).toContain(text);
      await expect.poll(lineInList).toBe(true);
      expect(await panel.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    }
    await screenshot(panel, 'sidepanel-sections-open');
    for (const name of ['Words to know', 'In the lecture']) await panel.locator('summary', { hasText: name }).click();
  });

  it('stops following while the learner scrolls the transcript to read, and comes back in one click', async () => {
    const list = panel.locator('.transcript');
    const lineInList = () =>
      panel.evaluate(() => {
        const row = document.querySelector('.cue.current')!.getBoundingClientRect();
        const box = document.querySelector('.transcript')!.getBoundingClientRect();
        return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
      });
    const back = panel.getByRole('button', { name: 'Back to the playing line' });
    await seekVideo(lecture, 30.5);
    await lecture.evaluate(() => document.querySelector('video')!.play());
    await expect.poll(lineInList).toBe(true);
    expect(await back.count()).toBe(0);
    const panelHeight = await panel.evaluate(() => document.scrollingElement!.scrollHeight);
    const listBox = (await list.boundingBox())!;
    // The learner scrolls up to read the first lines again while the video plays on.
    await list.hover();
    await panel.mouse.wheel(0, -2000);
    await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(0);
    await back.waitFor();
    const line = await panel.locator('.cue.current').textContent();
    await expect.poll(() => panel.locator('.cue.current').textContent(), { timeout: 10_000 }).not.toBe(line);
    await new Promise((r) => setTimeout(r, 700));
    expect(await list.evaluate((el) => el.scrollTop)).toBe(0);
    expect(await lineInList()).toBe(false);
    await screenshot(panel, 'sidepanel-reading-back');
    // The button lies over the foot of the lines: nothing moves, the panel does not grow.
    expect(await panel.evaluate(() => document.scrollingElement!.scrollHeight)).toBe(panelHeight);
    expect(await list.boundingBox()).toEqual(listBox);
    const button = (await back.boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(listBox.y + listBox.height);
    await back.click();
    await expect.poll(lineInList).toBe(true);
    expect(await back.count()).toBe(0);
    await lecture.evaluate(() => document.querySelector('video')!.pause());
  });

  it('finds words in this transcript', async () => {
    await panel.getByRole('searchbox').fill('ROOTS');
    await expect.poll(() => panel.locator('.transcript .cue').count()).toBe(1);
    await expect(panel.locator('.transcript mark').first().textContent()).resolves.toBe('roots');
    await panel.getByRole('searchbox').fill('');
    await expect.poll(() => panel.locator('.transcript .cue').count()).toBe(12);
  });

  it('switches to the other languages of the lecture', async () => {
    const select = panel.getByRole('combobox', { name: /language/i });
    const options = await select.locator('option').allTextContents();
    expect(options.join('|')).toMatch(/English/);
    expect(options.join('|')).toMatch(/Spanish/);
    expect(options.join('|')).toMatch(/French/);
    const spanish = await select.locator('option', { hasText: 'Spanish' }).getAttribute('value');
    await select.selectOption(spanish!);
    await expect.poll(() => panel.locator('.transcript').textContent()).toMatch(/fotosíntesis/);
    await screenshot(panel, 'sidepanel-spanish');
  });

  it('downloads the transcript as TXT, SRT and VTT, and copies it', async () => {
    const save = async (name: string) => {
      const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name, exact: true }).click()]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    };
    const srt = await save('SRT');
    expect(srt.name).toMatch(/\.srt$/);
    expect(srt.text).toMatch(/^1\r?\n00:00:00,500 --> 00:00:03,700\r?\n/);
    expect(srt.text).toMatch(/fotosíntesis/);
    const vtt = await save('VTT');
    expect(vtt.text.startsWith('WEBVTT')).toBe(true);
    expect(vtt.text).toContain('00:00:00.500 --> 00:00:03.700');
    const txt = await save('TXT');
    expect(txt.text.split('\n').filter(Boolean)).toHaveLength(12);
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await panel.getByRole('button', { name: /copy/i }).first().click();
    await panel.getByText('Copied.').waitFor();
    expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe(txt.text);
  });
});
