import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Dump, dumpDb, openExtensionPage, openSearchHit, pageStatus, siteSuite, waitFor, wipeDb } from '../harness';

const suite = siteSuite();

const FIRST = 'GJLlxj_dtq8';
const NEXT = 'F1xioXWb8CY';
type Row = Record<string, unknown>;

function cuesOf(db: Dump, track: Row): Array<{ start: number; end: number; text: string }> {
  return db.cues
    .filter((c) => c.trackId === track.id)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((c) => ({ start: Number(c.start), end: Number(c.end), text: String(c.text) }));
}

/** Cue count, first and last cue (text, start, end) of a track. */
function expectCues(db: Dump, track: Row, count: number, first: [string, number, number], last: [string, number, number]) {
  const cues = cuesOf(db, track);
  expect(cues, String(track.label)).toHaveLength(count);
  expect(track.cueCount).toBe(count);
  expect([cues[0].text, cues[0].start, cues[0].end]).toEqual(first);
  const l = cues[cues.length - 1];
  expect([l.text, l.start, l.end]).toEqual(last);
  return cues;
}

const lectureByKey = (db: Dump, key: string) => db.lectures.find((l) => l.key === key);
const tracksOf = (db: Dump, lecture: Row | undefined) => db.tracks.filter((t) => lecture && t.lectureId === lecture.id);
const byLabel = (tracks: Row[], label: string) => tracks.find((t) => t.label === label)!;
const timedtext = (path: string) => suite.server.requests.filter((r) => r.host?.startsWith('www.youtube.com') && r.path === path);

describe('YouTube', () => {
  it('captures every track of the watch page, then the next video after in-page navigation', async () => {
    await wipeDb(suite.probe);
    suite.server.requests.length = 0;
    const page = await suite.ext.context.newPage();
    await page.goto(`https://www.youtube.com/watch?v=${FIRST}`);
    let db = await waitFor('four tracks of the first video', async () => {
      const d = await dumpDb(suite.probe);
      const t = tracksOf(d, lectureByKey(d, FIRST));
      return t.length === 4 && t.filter((x) => x.status === 'ok').length === 3 ? d : null;
    });

    // Identity from the inline ytInitialPlayerResponse: the video, its channel.
    const first = lectureByKey(db, FIRST)!;
    expect(first).toMatchObject({ site: 'youtube', title: 'Surface Go Review - It’s Awesome', url: `https://www.youtube.com/watch?v=${FIRST}` });
    expect(db.courses.find((c) => c.id === first.courseId)).toMatchObject({
      site: 'youtube',
      title: 'Dave2D',
      url: 'https://www.youtube.com/channel/UCVYamHliCI9rw1tHR1xbkfw',
    });

    const tracks = tracksOf(db, first);
    for (const t of tracks) expect(t.source).toBe('platform-data');
    // The watch page's URLs have no fmt: json3 is asked for.
    const en = byLabel(tracks, 'English');
    expect(en).toMatchObject({ language: 'en', status: 'ok' });
    expect(en.generated).toBeUndefined();
    expect(String(en.url)).toContain('fmt=json3');
    expectCues(db, en, 4, ['This is the Surface Go.', 0, 2], ['Battery life is about six hours.', 8.5, 11.5]);

    // Auto-generated: marked, and the rolling repeats are gone.
    const asr = byLabel(tracks, 'English (auto-generated)');
    expect(asr).toMatchObject({ language: 'en', status: 'ok', generated: true });
    const asrCues = expectCues(db, asr, 5, ['welcome back everyone', 0, 2.51], ['sort of slow', 9.5, 11.5]);
    expect(asrCues.map((c) => c.text)).toEqual([
      'welcome back everyone',
      'today we look at sorting',
      'starting with the the simplest one',
      'bubble sort',
      'sort of slow',
    ]);

    // Failed once (503), then loaded: the background's second try.
    const de = byLabel(tracks, 'German');
    expect(de).toMatchObject({ language: 'de', status: 'ok' });
    expectCues(db, de, 3, ['Das ist das Surface Go.', 0, 2], ['Die Tastatur kostet extra.', 5.54, 8.5]);
    expect(timedtext('/api/timedtext/a-de')).toHaveLength(2);

    // Refused (403): an error track with a readable message, and no cues.
    const ja = byLabel(tracks, 'Japanese');
    expect(ja).toMatchObject({ language: 'ja', status: 'error', cueCount: 0 });
    expect(String(ja.error)).toMatch(/Could not load the caption file \(the server answered 403\)/);

    // In-page navigation: new src, title, player response (yt-navigate-finish), URL.
    await page.click('#next');
    await page.getByText('video 2').waitFor();
    expect(page.url()).toBe(`https://www.youtube.com/watch?v=${NEXT}`);
    db = await waitFor('two tracks of the next video', async () => {
      const d = await dumpDb(suite.probe);
      const t = tracksOf(d, lectureByKey(d, NEXT));
      return t.length === 2 && t.every((x) => x.status === 'ok') ? d : null;
    });
    const next = lectureByKey(db, NEXT)!;
    expect(next).toMatchObject({
      site: 'youtube',
      title: 'The Tide Is Turning - Russian Civil War Fall 1919 I THE GREAT WAR 1919',
      url: `https://www.youtube.com/watch?v=${NEXT}`,
    });
    expect(db.courses.find((c) => c.id === next.courseId)).toMatchObject({ title: 'The Great War', url: 'https://www.youtube.com/channel/UCUcyEsEjhPEDf69RRVhRh4A' });

    // The innertube response asks for fmt=srv3: kept, and parsed as XML.
    const nextTracks = tracksOf(db, next);
    const nextEn = byLabel(nextTracks, 'English');
    expect(String(nextEn.url)).toContain('fmt=srv3');
    expect(nextEn).toMatchObject({ source: 'platform-data', language: 'en' });
    expectCues(db, nextEn, 3, ['Hey, this is just a test', 0, 1.54], ['just something shorter, I made up for testing', 5.7, 8.939]);
    const nextAsr = byLabel(nextTracks, 'English (auto-generated)');
    expect(nextAsr).toMatchObject({ source: 'platform-data', generated: true });
    const rolled = expectCues(db, nextAsr, 3, ['in autumn 1919', 0, 3], ['in the russian civil war', 6.01, 10]);
    expect(rolled[1]).toEqual({ start: 3.01, end: 6, text: 'the tide is turning' });

    // Nothing left over: the first video keeps its four tracks, no track anywhere else.
    await page.waitForTimeout(1000);
    db = await dumpDb(suite.probe);
    expect(db.lectures.map((l) => l.key).sort()).toEqual([FIRST, NEXT].sort());
    expect(tracksOf(db, lectureByKey(db, FIRST))).toHaveLength(4);
    expect(db.tracks).toHaveLength(6);
    const firstTexts = new Set(tracksOf(db, lectureByKey(db, FIRST)).flatMap((t) => cuesOf(db, t).map((c) => c.text)));
    for (const t of nextTracks) for (const c of cuesOf(db, t)) expect(firstTexts.has(c.text)).toBe(false);
    expect(suite.ext.errors).toEqual([]);
    await page.close();
  });

  it('reads the open transcript panel when the caption URLs need a PO token', async () => {
    await wipeDb(suite.probe);
    suite.server.requests.length = 0;
    const page = await suite.ext.context.newPage();
    await page.goto(`https://www.youtube.com/live/${FIRST}`);
    const db = await waitFor('the panel track', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 1 ? d : null;
    });
    const track = db.tracks[0];
    expect(track).toMatchObject({ source: 'transcript-panel', label: 'English', language: 'en', status: 'ok' });
    // The panel has start times only: each line ends at the next; the last at the video's end (316 s).
    const cues = expectCues(db, track, 4, ['Hey, this is just a test', 0, 1], ['and a line a minute later', 62, 316]);
    expect(cues[2]).toEqual({ start: 5, end: 62, text: 'just something shorter, I made up for testing' });
    expect(lectureByKey(db, FIRST)).toMatchObject({ title: 'Surface Go Review - It’s Awesome' });
    // The nine tokenless URLs were never fetched (YouTube answers them with an empty body).
    await page.waitForTimeout(500);
    expect(suite.server.requests.filter((r) => r.path.startsWith('/api/timedtext'))).toEqual([]);
    expect((await dumpDb(suite.probe)).tracks).toHaveLength(1);
    expect(suite.ext.errors).toEqual([]);
    await page.close();
  });

  it('stores nothing and raises nothing for transcripts disabled and unplayable videos', async () => {
    await wipeDb(suite.probe);
    suite.server.requests.length = 0;
    const expected: Record<string, string> = {
      dsMFmonKDD4: 'Angèle - Eels x Richard Cocciante | A Take Away Show',
      // No videoDetails at all: the page's title, which is only "YouTube", leaves the id.
      Unplayable1: 'Unplayable1',
    };
    for (const [id, title] of Object.entries(expected)) {
      const page = await suite.ext.context.newPage();
      await page.goto(`https://www.youtube.com/live/${id}`);
      await page.waitForTimeout(3500); // the adapter waits up to 2 s for a player response
      // The adapter ran and found the lecture, with nothing to capture.
      const status = await pageStatus(suite.ext, suite.probe, page);
      expect(status.site).toBe('youtube');
      expect(status.lectures).toEqual([expect.objectContaining({ title, trackCount: 0, capture: 'none' })]);
      await page.close();
    }
    const db = await dumpDb(suite.probe);
    expect(db.tracks).toEqual([]);
    expect(db.lectures).toEqual([]);
    expect(suite.server.requests.filter((r) => r.path.startsWith('/api/timedtext'))).toEqual([]);
    expect(suite.ext.errors).toEqual([]);
  });

  it('falls back to the generic adapter when the player markup changed', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto('https://www.youtube.com/live/Changed0001');
    const db = await waitFor('generic capture', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks[0]?.status === 'ok' ? d : null;
    });
    expect(db.lectures).toEqual([expect.objectContaining({ site: 'html5', title: 'Photosynthesis, redesigned player' })]);
    expect(db.tracks[0]).toMatchObject({ language: 'en', cueCount: 12 });
    expect(suite.ext.errors).toEqual([]);
    await page.close();
  });

  it('captures an embedded player from its getPlayerResponse() (main world)', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(`https://www.youtube-nocookie.com/embed/${FIRST}?rel=0`);
    const db = await waitFor('two embed tracks', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 2 && d.tracks.every((t) => t.status === 'ok') ? d : null;
    });
    // Not embedded in a Khan page: YouTube's identity.
    expect(db.lectures).toHaveLength(1);
    expect(db.lectures[0]).toMatchObject({ site: 'youtube', key: FIRST, title: 'Surface Go Review - It’s Awesome' });
    expect(db.courses[0]).toMatchObject({ title: 'Dave2D' });
    const en = byLabel(db.tracks, 'English');
    expect(String(en.url)).toContain('fmt=srv3');
    expectCues(db, en, 4, ['Hello, this is\na test & more', 0, 1.54], ['Line one\nLine two', 10, 10.8]);
    const asr = byLabel(db.tracks, 'English (auto-generated)');
    expect(asr.generated).toBe(true);
    expectCues(db, asr, 3, ['in autumn 1919', 0, 3], ['in the russian civil war', 6.01, 10]);
    expect(suite.ext.errors).toEqual([]);
    await page.close();
  });

  it('a search hit opens the watch page with its video at that moment', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(`https://www.youtube.com/watch?v=${FIRST}`);
    await waitFor('the English track', async () => {
      const d = await dumpDb(suite.probe);
      return tracksOf(d, lectureByKey(d, FIRST)).some((t) => t.label === 'English' && t.status === 'ok');
    });
    await page.close();
    const dash = await openExtensionPage(suite.ext);
    const watch = await openSearchHit(suite.ext, dash, '"battery life"');
    await watch.waitForLoadState();
    expect(watch.url()).toBe(`https://www.youtube.com/watch?v=${FIRST}`);
    // "Battery life is about six hours." starts at 8.5 s.
    await expect.poll(() => watch.evaluate(() => document.querySelector('video')!.currentTime), { timeout: 15_000 }).toBeCloseTo(8.5, 1);
    await watch.close();
    await dash.close();
  });
});
