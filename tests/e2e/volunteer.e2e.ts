import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionUrl, launchExtension, openExtensionPage, tabIdOf, readDb, readTracks, screenshot, seekToCaption, startFixtureServer, waitFor, type Extension, type Server } from './harness';
import { toVtt } from '../../src/captions/formats/vtt';
import type { Cue } from '../../src/captions/types';

let server: Server;
const browsers: Extension[] = [];
const FIX = 'First, plants take up water through their roots.';
const OTHER = 'First, plants draw water in through their roots.';
let learnerA = '';

async function watchLecture(ext: Extension): Promise<{ lecture: Page; dash: Page }> {
  const dash = await openExtensionPage(ext);
  const lecture = await ext.context.newPage();
  await lecture.goto(`${server.url}/demo/course/lecture-1.html`);
  await waitFor('captured', async () => (await readTracks(dash)).filter((t) => t.status === 'ok').length === 3);
  return { lecture, dash };
}

async function flagAt(lecture: Page, time: number) {
  await seekToCaption(lecture, time);
  await lecture.keyboard.press('Alt+Shift+KeyF');
}

/** A learner's browser: watch, flag with the keystroke, add details in the side panel, export the flags file. */
async function learnerFile(flags: Array<{ time: number; suggestion?: string; kind?: string }>): Promise<string> {
  const ext = await launchExtension();
  browsers.push(ext);
  const { lecture, dash } = await watchLecture(ext);
  for (const f of flags) {
    const before = (await readDb(dash, ['flags'])).flags.length;
    await flagAt(lecture, f.time);
    await waitFor('flag stored', async () => (await readDb(dash, ['flags'])).flags.length === before + 1);
  }
  // The learner adds details in the side panel, flag by flag.
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 420, height: 1000 });
  await panel.goto(extensionUrl(ext, `sidepanel.html?tab=${await tabIdOf(ext, lecture)}`));
  for (const [i, f] of flags.entries()) {
    if (!f.suggestion && !f.kind) continue;
    const item = panel.locator('.flag').nth(i);
    await item.getByRole('button', { name: 'Edit' }).click();
    if (f.kind) await item.getByRole('combobox', { name: 'Problem' }).selectOption(f.kind);
    if (f.suggestion) await item.getByRole('textbox', { name: /Correct text/ }).fill(f.suggestion);
    await item.getByRole('button', { name: 'Save' }).click();
    await waitFor('saved', async () => (await readDb(dash, ['flags'])).flags.some((x) => (f.suggestion ? x.suggestion === f.suggestion : x.kind === f.kind)));
  }
  await panel.close();
  await dash.goto(dash.url().replace(/#.*$/, '') + '#/flags');
  const [download] = await Promise.all([dash.waitForEvent('download'), dash.getByRole('button', { name: 'Export flags file' }).click()]);
  return (await download.path())!;
}

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
});

describe('the volunteer queue', () => {
  it('merges two learners’ flags with counts, and a second import changes nothing', async () => {
    // Learner A and learner B flag the same line the same way; B also flags another line.
    const fileA = await learnerFile([{ time: 12.4, suggestion: FIX }]);
    learnerA = fileA;
    const fileB = await learnerFile([{ time: 12.4, suggestion: FIX }, { time: 22, kind: 'mistranslation' }]);

    const volunteer = await launchExtension();
    browsers.push(volunteer);
    const { dash } = await watchLecture(volunteer);
    await dash.goto(dash.url().replace(/#.*$/, '') + '#/flags');
    for (const file of [fileA, fileB]) {
      await dash.getByTestId('import-flags').setInputFiles(file);
      await dash.getByText(/^Flags imported:/).waitFor();
    }
    const items = dash.locator('.queue-item');
    await expect.poll(() => items.count()).toBe(2);
    const merged = items.filter({ hasText: 'First, plants take in water' });
    await expect(merged.locator('.badge').first().textContent()).resolves.toBe('2 learners');
    expect(await items.filter({ hasText: 'Mistranslation' }).locator('.badge').first().textContent()).toBe('1 learner');
    expect(await merged.textContent()).toContain(FIX);

    // Importing the same file again adds nothing.
    const before = (await readDb(dash, ['flags'])).flags;
    await dash.getByTestId('import-flags').setInputFiles(fileA);
    await dash.getByText(/0 new, 0 updated, 1 already here/).waitFor();
    expect((await readDb(dash, ['flags'])).flags).toEqual(before);
    await expect.poll(() => items.count()).toBe(2);
    await screenshot(dash, 'dashboard-queue');
  }, 240_000); // three browsers one after another: minutes when the machine is very busy

  it('the corrected VTT differs from the captured one in exactly the confirmed fix', async () => {
    const volunteer = browsers[browsers.length - 1];
    const dash = volunteer.context.pages().find((p) => p.url().includes('#/flags'))!;
    const merged = dash.locator('.queue-item').filter({ hasText: 'First, plants take in water' });
    await merged.getByRole('combobox', { name: 'Status' }).selectOption('confirmed');
    await waitFor('confirmed', async () => (await readDb(dash, ['flags'])).flags.filter((f) => f.status === 'confirmed').length === 2);
    // The other item stays unconfirmed: its change must not be applied.
    const en = (await readTracks(dash)).find((t) => t.language === 'en')!;
    const [download] = await Promise.all([
      dash.waitForEvent('download'),
      dash.locator('.corrected', { hasText: 'English' }).getByRole('button', { name: 'VTT' }).click(),
    ]);
    const corrected = readFileSync((await download.path())!, 'utf8');
    const cues = (await readDb(dash, ['cues'])).cues
      .filter((c) => c.trackId === en.id)
      .sort((a, b) => Number(a.index) - Number(b.index)) as unknown as Cue[];
    const captured = toVtt(cues);
    const a = captured.split('\n');
    const b = corrected.split('\n');
    expect(b).toHaveLength(a.length);
    const changed = a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
    expect(changed).toEqual([['First, plants take in water through their roots.', FIX]]);
  });

  it('when learners disagree, the volunteer picks the suggestion that goes into the corrected captions', async () => {
    const volunteer = browsers[browsers.length - 1];
    const dash = volunteer.context.pages().find((p) => p.url().includes('#/flags'))!;
    // A third learner suggests other words for the same line (their file, as A's with their own id).
    const file = JSON.parse(readFileSync(learnerA, 'utf8')) as { reporter: string; flags: Array<Record<string, unknown>> };
    const now = Date.now();
    file.reporter = 'learner-c';
    file.flags = file.flags.map((f) => ({ ...f, id: `c-${String(f.id)}`, reporter: 'learner-c', suggestion: OTHER, status: 'new', createdAt: now, updatedAt: now }));
    const fileC = join(tmpdir(), `moocmate-flags-learner-c-${now}.json`);
    writeFileSync(fileC, JSON.stringify(file));
    await dash.getByTestId('import-flags').setInputFiles(fileC);
    await dash.getByText(/^Flags imported:/).waitFor();

    const merged = dash.locator('.queue-item').filter({ hasText: 'First, plants take in water' });
    await expect.poll(() => merged.locator('.suggestion').count()).toBe(2);
    // Two learners' words are the ones the corrected captions use; the third's can be picked.
    const applied = merged.locator('.suggestion', { has: dash.getByTestId('suggestion-applied') });
    await expect.poll(() => applied.textContent()).toContain(FIX);
    const other = merged.locator('.suggestion', { hasText: OTHER });
    await other.getByTestId('use-suggestion').click();
    await expect.poll(async () => (await other.textContent()) ?? '').toContain('Goes into the corrected captions.');
    await screenshot(dash, 'dashboard-queue-choose-suggestion');

    const statuses: Record<string, string[]> = {};
    for (const f of (await readDb(dash, ['flags'])).flags) if (f.kind === 'wrong-words') (statuses[String(f.suggestion)] ??= []).push(String(f.status));
    expect(statuses).toEqual({ [FIX]: ['rejected', 'rejected'], [OTHER]: ['confirmed'] });
    const [download] = await Promise.all([
      dash.waitForEvent('download'),
      dash.locator('.corrected', { hasText: 'English' }).getByRole('button', { name: 'VTT' }).click(),
    ]);
    const corrected = readFileSync((await download.path())!, 'utf8');
    expect(corrected).toContain(`\n${OTHER}\n`);
    expect(corrected).not.toContain(FIX);
  });
});
