import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Dump, dumpDb, inOurWorld, openExtensionPage, openSearchHit, readDb, ROOT, siteSuite, waitFor, wipeDb } from '../harness';
import { parseSjson } from '../../../src/captions/formats/sjson';
import { courseIdFor, lectureIdFor } from '../../../src/captions/ids';

const suite = siteSuite();
/** The site adapters loaded later in a frame (entrypoints/course-page/shared.ts). */
const SITES_LOADED = 'Object.keys(globalThis.__moocmateSites ?? {})';

const COURSE = 'course-v1:MoocMateX+PLANT101+2026';
const LMS = `https://courses.edx.org/courses/${COURSE}`;
const usage = (id: string) => `block-v1:MoocMateX+PLANT101+2026+type@video+block@${id}`;
const lectureId = (id: string) => lectureIdFor('edx', usage(id));
/** A unit in the learning MFE: the app's own page, with the unit in an iframe of the LMS. */
const BLOCK_V1 = 'block-v1:MoocMateX+PLANT101+2026';
const MFE_UNIT = `https://learning.edx.org/course/${COURSE}/${BLOCK_V1}+type@sequential+block@5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d/${BLOCK_V1}+type@vertical+block@90a1b2c3d4e5f60718293a4b5c6d7e8f`;

/** What the parser makes of a fixture transcript: the cues MoocMate must store. */
function expected(file: string) {
  const { cues, fatal } = parseSjson(readFileSync(join(ROOT, 'tests/fixtures/pages/edx/transcripts', file), 'utf8'));
  expect(fatal).toBeUndefined();
  return cues;
}

function cuesOf(db: Dump, trackId: unknown) {
  return db.cues.filter((c) => c.trackId === trackId).sort((a, b) => Number(a.index) - Number(b.index));
}

function trackOf(db: Dump, id: string, language: string) {
  const t = db.tracks.find((x) => x.lectureId === lectureId(id) && x.language === language);
  expect(t, `track ${language} of ${id}`).toBeDefined();
  return t!;
}

/** The track holds exactly the file's cues: count, first and last text, start and end. */
function expectTrack(db: Dump, id: string, language: string, file: string, count: number) {
  const track = trackOf(db, id, language);
  expect(track).toMatchObject({ source: 'platform-data', status: 'ok', cueCount: count });
  const want = expected(file);
  expect(want).toHaveLength(count);
  const got = cuesOf(db, track.id);
  expect(got).toHaveLength(count);
  for (const i of [0, count - 1]) {
    expect(got[i]).toMatchObject({ text: want[i].text, start: want[i].start, end: want[i].end });
  }
  expect(got.map((c) => c.text)).toEqual(want.map((c) => c.text));
  return track;
}

/** Waits until `lectures` lectures and `tracks` tracks are stored, none of them still missing cues. */
async function settled(lectures: number, tracks: number, timeout = 20_000): Promise<Dump> {
  return waitFor(
    `${lectures} lectures and ${tracks} tracks`,
    async () => {
      const d = await dumpDb(suite.probe);
      const whole = d.tracks.every((t) => d.cues.filter((c) => c.trackId === t.id).length === Number(t.cueCount));
      return d.lectures.length === lectures && d.tracks.length === tracks && whole ? d : null;
    },
    timeout,
  );
}

describe('edX / Open edX', () => {
  it('captures a unit with three videos as three lectures, each with its SJSON transcripts', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(`${LMS}/courseware/week-1/leaves/1`);
    const db = await settled(3, 6);
    expect(db.courses).toHaveLength(1);
    expect(db.courses[0]).toMatchObject({ id: courseIdFor('edx', COURSE), site: 'edx', title: 'How Plants Make Food' });
    const byId = (id: string) => db.lectures.find((l) => l.id === lectureId(id));
    expect(byId('a1b2c3d4e5f60718293a4b5c6d7e8f90')).toMatchObject({
      title: 'Lecture 1: Photosynthesis',
      url: `${LMS}/courseware/week-1/leaves/1`,
      videoSrc: 'https://courses.edx.org/demo/course/media/lecture-1.webm',
      courseId: courseIdFor('edx', COURSE),
    });
    expect(byId('b2c3d4e5f60718293a4b5c6d7e8f90a1')).toMatchObject({ title: 'Lecture 2: Light and chlorophyll' });
    expect(byId('c3d4e5f60718293a4b5c6d7e8f90a1b2')).toMatchObject({
      title: 'Unit 1: How leaves make food (3)',
      videoSrc: 'https://www.youtube.com/watch?v=OEoXaMPEzfM',
    });
    const en1 = expectTrack(db, 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 'en', 'lecture-1.en.sjson', 12);
    expect(en1).toMatchObject({ label: 'English', url: `${LMS}/xblock/${usage('a1b2c3d4e5f60718293a4b5c6d7e8f90')}/handler/transcript/translation/en` });
    expect(trackOf(db, 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 'es').label).toBe('Español');
    expectTrack(db, 'a1b2c3d4e5f60718293a4b5c6d7e8f90', 'es', 'lecture-1.es.sjson', 12);
    expectTrack(db, 'b2c3d4e5f60718293a4b5c6d7e8f90a1', 'en', 'lecture-2.en.sjson', 11);
    expectTrack(db, 'b2c3d4e5f60718293a4b5c6d7e8f90a1', 'es', 'lecture-2.es.sjson', 11);
    // The corpus transcripts: 65 entries with an empty one at each end, and 3 Chinese entries.
    expectTrack(db, 'c3d4e5f60718293a4b5c6d7e8f90a1b2', 'en', 'subs_OEoXaMPEzfM.srt.sjson', 63);
    const zh = expectTrack(db, 'c3d4e5f60718293a4b5c6d7e8f90a1b2', 'zh', 'zh_subs_OEoXaMPEzfM.srt.sjson', 3);
    expect(zh.label).toBe('中文');
    const zhCues = cuesOf(db, zh.id);
    expect(zhCues[0]).toMatchObject({ text: '好 各位同学', start: 0.27, end: 2.72 });
    expect(zhCues[2]).toMatchObject({ text: '从算筹到ENIAC', start: 5.43, end: 7.16 });
    const first = cuesOf(db, en1.id);
    expect(first[0]).toMatchObject({ text: 'Hello, and welcome to the first lecture of our course.', start: 0.5, end: 3.7 });
    // The generic script found the Open edX markup and loaded the adapter into its world.
    expect(await inOurWorld(suite.ext, page, SITES_LOADED)).toEqual(['edx']);
    await page.close();
  });

  it('captures the next unit after in-page navigation, with nothing left over from the first', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(`${LMS}/courseware/week-2/sunlight/1`);
    let db = await settled(2, 3);
    expect(db.lectures.map((l) => l.title).sort()).toEqual(['Photosynthesis, again', 'Welcome to edX']);
    await page.click('#next-unit');
    await page.getByText('unit 2', { exact: true }).waitFor();
    db = await settled(4, 7);
    const unit2 = [usage('0718293a4b5c6d7e8f90a1b2c3d4e5f6'), usage('18293a4b5c6d7e8f90a1b2c3d4e5f607')].map((k) => lectureIdFor('edx', k));
    for (const l of db.lectures.filter((x) => unit2.includes(String(x.id)))) {
      expect(l.url, 'unit 2 lectures keep the address the page moved to').toBe(`${LMS}/courseware/week-2/sunlight/2`);
    }
    expect(db.lectures.find((l) => l.id === unit2[0])?.title).toBe('Chlorophyll up close');
    expect(db.lectures.find((l) => l.id === unit2[1])?.title).toBe('Unit 2: Light (2)');
    // Unit 1 stays as it was: its own cues, its own address.
    expectTrack(db, 'e5f60718293a4b5c6d7e8f90a1b2c3d4', 'en', 'lecture-1.en.sjson', 12);
    expectTrack(db, 'e5f60718293a4b5c6d7e8f90a1b2c3d4', 'es', 'lecture-1.es.sjson', 12);
    expectTrack(db, 'f60718293a4b5c6d7e8f90a1b2c3d4e5', 'en', 'subs_3_yD_cEKoCk.srt.sjson', 51);
    expect(db.lectures.find((l) => l.id === lectureId('e5f60718293a4b5c6d7e8f90a1b2c3d4'))?.url).toBe(`${LMS}/courseware/week-2/sunlight/1`);
    expectTrack(db, '0718293a4b5c6d7e8f90a1b2c3d4e5f6', 'en', 'lecture-2.en.sjson', 11);
    expectTrack(db, '0718293a4b5c6d7e8f90a1b2c3d4e5f6', 'es', 'lecture-2.es.sjson', 11);
    expectTrack(db, '18293a4b5c6d7e8f90a1b2c3d4e5f607', 'en', 'subs_OEoXaMPEzfM.srt.sjson', 63);
    expectTrack(db, '18293a4b5c6d7e8f90a1b2c3d4e5f607', 'zh', 'zh_subs_OEoXaMPEzfM.srt.sjson', 3);
    // Nothing more arrives later (no capture of the old blocks under the new address).
    await page.waitForTimeout(1500);
    const later = await dumpDb(suite.probe);
    expect([later.lectures.length, later.tracks.length, later.cues.length]).toEqual([4, 7, db.cues.length]);
    expect(db.courses).toHaveLength(1);
    await page.close();
  });

  it('falls back to the transcript panel when the player markup has no data', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(`${LMS}/courseware/week-3/chlorophyll/1`);
    const db = await settled(1, 1);
    const track = db.tracks[0];
    expect(track).toMatchObject({ source: 'transcript-panel', language: 'en', label: 'English', cueCount: 11, lectureId: lectureId('a0b1c2d3e4f5061728394a5b6c7d8e9f') });
    const cues = cuesOf(db, track.id);
    const want = expected('lecture-2.en.sjson');
    expect(cues.map((c) => c.text)).toEqual(want.map((c) => c.text));
    expect(cues[0]).toMatchObject({ text: 'Welcome back. This is lecture two.', start: 0.5, end: 3.1 });
    // The last panel line has no next start: it gets 5 s.
    expect(cues[10]).toMatchObject({ text: want[10].text, start: want[10].start, end: want[10].start + 5 });
    expect(db.lectures[0]).toMatchObject({ title: 'Why leaves are green' });
    await page.close();
  });

  it('reads the older attribute markup and its Org/Course/Run course', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto('https://courses.edx.org/courses/MoocMateX/PLANT100/2014_T1/courseware/week_1/intro/');
    const db = await settled(1, 1);
    expect(db.courses[0]).toMatchObject({ id: courseIdFor('edx', 'MoocMateX/PLANT100/2014_T1'), title: 'Plants 100 (archived)' });
    expect(db.lectures[0]).toMatchObject({ id: lectureIdFor('edx', 'i4x://MoocMateX/PLANT100/video/intro'), title: 'Welcome to the course' });
    const track = db.tracks[0];
    expect(track).toMatchObject({ source: 'platform-data', status: 'ok', language: 'en', label: 'English', cueCount: 51 });
    const want = expected('subs_3_yD_cEKoCk.srt.sjson');
    const cues = cuesOf(db, track.id);
    expect(cues).toHaveLength(51);
    expect(cues[0]).toMatchObject({ text: want[0].text, start: want[0].start, end: want[0].end });
    expect(cues[50]).toMatchObject({ text: want[50].text, start: want[50].start, end: want[50].end });
    await page.close();
  });

  it('retries a transcript that fails once, reports one that is refused, and leaves the other videos whole', async () => {
    await wipeDb(suite.probe);
    suite.server.requests.length = 0;
    const page = await suite.ext.context.newPage();
    await page.goto(`${LMS}/courseware/week-4/broken/1`);
    const db = await settled(3, 3);
    const asked = (id: string) => suite.server.requests.filter((r) => r.path === `/courses/${COURSE}/xblock/${usage(id)}/handler/transcript/translation/en`).length;
    // 503 then 200; 403 twice (the background tries once more); the good one once.
    expect([asked('4b5c6d7e8f90a1b2c3d4e5f60718293a'), asked('5c6d7e8f90a1b2c3d4e5f60718293a4b'), asked('6d7e8f90a1b2c3d4e5f60718293a4b5c')]).toEqual([2, 2, 1]);
    expectTrack(db, '4b5c6d7e8f90a1b2c3d4e5f60718293a', 'en', 'lecture-1.en.sjson', 12);
    const refused = trackOf(db, '5c6d7e8f90a1b2c3d4e5f60718293a4b', 'en');
    expect(refused).toMatchObject({ status: 'error', cueCount: 0, source: 'platform-data' });
    expect(String(refused.error)).toMatch(/Could not load the caption file \(the server answered 403\)/);
    expectTrack(db, '6d7e8f90a1b2c3d4e5f60718293a4b5c', 'en', 'subs_OEoXaMPEzfM.srt.sjson', 63);
    await page.close();
  });

  it('captures the unit the learning MFE shows in its iframe, linked through jump_to', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(MFE_UNIT);
    const db = await settled(1, 2);
    const id = '8f90a1b2c3d4e5f60718293a4b5c6d7e';
    expect(db.lectures[0]).toMatchObject({
      id: lectureId(id),
      title: 'Lecture 1 in the new learning experience',
      url: `${LMS}/jump_to/${usage(id)}`,
    });
    expectTrack(db, id, 'en', 'lecture-1.en.sjson', 12);
    expectTrack(db, id, 'es', 'lecture-1.es.sjson', 12);
    // The learning app's own frame shows no Open edX markup: the edX adapter was not loaded there.
    expect(await inOurWorld(suite.ext, page, SITES_LOADED)).toEqual([]);
    await page.close();
  });

  it('a search hit opens the MFE unit through jump_to, with the video in its frame at that moment', async () => {
    const id = '8f90a1b2c3d4e5f60718293a4b5c6d7e';
    const line = expected('lecture-1.en.sjson')[3];
    expect(line.start).toBeGreaterThan(1); // not where a video starts anyway
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(MFE_UNIT);
    expect((await settled(1, 2)).lectures[0].id).toBe(lectureId(id));
    await page.close();
    const dash = await openExtensionPage(suite.ext);
    const words = line.text.split(/\s+/).slice(0, 3).join(' ');
    const unit = await openSearchHit(suite.ext, dash, `"${words}"`, words);
    // The lecture's address is the LMS's jump_to link; it leads to the learning app.
    await waitFor('the learning app', async () => unit.url() === MFE_UNIT);
    const frame = await waitFor('the unit frame', async () => unit.frames().find((f) => f.url().includes('/xblock/')));
    await expect
      .poll(() => frame.evaluate(() => document.querySelector('video')!.currentTime), { timeout: 15_000 })
      .toBeCloseTo(line.start, 1);
    await unit.close();
    await dash.close();
  });

  it('a page that shows Open edX markup only later (a peer assessment put in by script) gets the adapter then, and its duty is read', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(MFE_UNIT);
    await settled(1, 2); // the unit in its iframe: the top frame has been read and found nothing of edX
    expect(await inOurWorld(suite.ext, page, SITES_LOADED)).toEqual([]);
    // The assessment block of the saved ORA page, added to the top frame as a single-page app would.
    const ora = readFileSync(join(ROOT, 'tests/fixtures/pages/edx/ora-peer.html'), 'utf8');
    await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      document.body.append(document.adoptNode(doc.querySelector('[data-block-type="openassessment"]')!));
    }, ora);
    await waitFor('the edX adapter loaded', async () => (await inOurWorld<string[]>(suite.ext, page, SITES_LOADED)).includes('edx'));
    const duties = await waitFor('the duty read', async () => {
      const { duties } = (await readDb(suite.probe, ['duties'])) as { duties: Array<Record<string, unknown>> };
      return duties.length > 0 && duties;
    });
    expect(duties).toHaveLength(1);
    expect(duties[0]).toMatchObject({ site: 'edx', reviewsGiven: 1, reviewsRequired: 3 });
    await page.close();
  });

  it('raised no errors in any page', () => {
    expect(suite.ext.errors).toEqual([]);
  });
});
