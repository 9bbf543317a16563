import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { dumpDb, launchExtension, openExtensionPage, ROOT, startFixtureServer, waitFor, type Extension, type Server, type Dump } from './harness';
import { parseVtt } from '../../src/captions/formats/vtt';

let ext: Extension;
let server: Server;
let probe: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
  probe = await openExtensionPage(ext, 'dashboard.html');
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const media = (name: string) => readFileSync(join(ROOT, 'demo/course/media', name), 'utf8');
const tracksOf = (db: Dump, lectureTitle: string) => {
  const lecture = db.lectures.find((l) => l.title === lectureTitle);
  return lecture ? db.tracks.filter((t) => t.lectureId === lecture.id) : [];
};

describe('capture on a generic lecture page', () => {
  it('collects every track of the demo lecture, not only the one showing, and leaves the modes alone', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/demo/course/lecture-1.html`);
    const db = await waitFor('three tracks of lecture 1', async () => {
      const d = await dumpDb(probe);
      const tracks = d.lectures.length ? d.tracks : [];
      return tracks.length === 3 && tracks.every((t) => t.status === 'ok') ? d : null;
    });
    const byLang = Object.fromEntries(db.tracks.map((t) => [t.language, t]));
    for (const lang of ['en', 'es', 'fr']) {
      const expected = parseVtt(media(`lecture-1.${lang}.vtt`)).cues;
      const track = byLang[lang];
      expect(track, lang).toBeDefined();
      expect(track.cueCount).toBe(expected.length);
      const stored = db.cues.filter((c) => c.trackId === track.id).sort((a, b) => Number(a.index) - Number(b.index));
      expect(stored.map((c) => c.text)).toEqual(expected.map((c) => c.text));
      expect(stored.map((c) => c.start)).toEqual(expected.map((c) => c.start));
    }
    // The default track was read from the player; the learner's other tracks stay off and were fetched as files.
    expect(byLang.en.source).toBe('text-track');
    expect(byLang.es.source).toBe('track-file');
    expect(byLang.fr.source).toBe('track-file');
    const modes = await page.evaluate(() => [...document.querySelector('video')!.textTracks].map((t) => `${t.language}:${t.mode}`));
    expect(modes).toEqual(['en:showing', 'es:disabled', 'fr:disabled']);
    // franc over the whole transcript names each language.
    expect([byLang.en.detectedLanguage, byLang.es.detectedLanguage, byLang.fr.detectedLanguage]).toEqual(['eng', 'spa', 'fra']);
    expect(db.lectures[0]).toMatchObject({ title: expect.stringMatching(/\S/), url: `${server.url}/demo/course/lecture-1.html` });
    await page.close();
  });

  it('lists the captured lecture in the dashboard', async () => {
    await probe.reload();
    const db = await dumpDb(probe);
    const title = String(db.lectures[0].title);
    await probe.getByRole('link', { name: new RegExp(title) }).first().waitFor();
    await probe.getByRole('link', { name: new RegExp(title) }).first().click();
    await expect.poll(() => probe.locator('.transcript .cue').count()).toBe(tracksOf(db, title).find((t) => t.language === 'en')?.cueCount);
  });

  it('visiting the same lecture again adds nothing (capture is idempotent)', async () => {
    const before = await dumpDb(probe);
    const page = await ext.context.newPage();
    await page.goto(`${server.url}/demo/course/lecture-1.html`);
    await page.waitForTimeout(1500);
    await page.reload();
    await page.waitForTimeout(1500);
    const after = await dumpDb(probe);
    expect(after.cues.length).toBe(before.cues.length);
    expect(after.tracks.map((t) => [t.id, t.contentHash])).toEqual(before.tracks.map((t) => [t.id, t.contentHash]));
    expect(after.lectures.length).toBe(1);
    await page.close();
  });

  it('raises no errors in pages or in the extension', () => {
    expect(ext.errors).toEqual([]);
  });
});
