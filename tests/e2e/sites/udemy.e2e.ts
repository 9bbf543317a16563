import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Dump, dumpDb, pageStatus, siteSuite, waitFor, wipeDb } from '../harness';

const suite = siteSuite();

const ORIGIN = 'https://www.udemy.com';
const COURSE = 'practical-python-for-data-analysis';
const COURSE_TITLE = 'Practical Python for Data Analysis';
const lectureUrl = (id: number) => `${ORIGIN}/course/${COURSE}/learn/lecture/${id}`;

type Row = Record<string, unknown>;

function cuesOf(db: Dump, track: Row | undefined): Row[] {
  expect(track, 'track').toBeDefined();
  return db.cues.filter((c) => c.trackId === track!.id).sort((a, b) => Number(a.index) - Number(b.index));
}

/** Count, first and last cue (text, start, end) of one track. */
function expectCues(db: Dump, track: Row | undefined, count: number, first: [string, number, number], last: [string, number, number]) {
  const cues = cuesOf(db, track);
  expect(cues).toHaveLength(count);
  expect(track!.cueCount).toBe(count);
  expect([cues[0].text, cues[0].start, cues[0].end]).toEqual(first);
  expect([cues[count - 1].text, cues[count - 1].start, cues[count - 1].end]).toEqual(last);
}

const lectureByKey = (db: Dump, id: number) => db.lectures.find((l) => l.key === `${COURSE}/lecture/${id}`);
const trackOf = (db: Dump, lecture: Row | undefined, language: string) =>
  db.tracks.find((t) => t.lectureId === lecture?.id && t.language === language);

const requestsTo = (path: string) => suite.server.requests.filter((r) => r.host?.startsWith('vtt-c.udemycdn.com') && r.path === path).length;
const videoSrc = (page: Page) => page.evaluate(() => document.querySelector('video')!.src);

describe('Udemy', () => {
  it('captures the caption tracks on the CDN of a lecture played from a blob: source', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(lectureUrl(38211742));
    await page.getByText('lecture 38211742 ready').waitFor();
    expect(await videoSrc(page)).toMatch(/^blob:https:\/\/www\.udemy\.com\//);
    const db = await waitFor('English and Spanish', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 2 && d.tracks.every((t) => t.status === 'ok') ? d : null;
    });
    expect(db.courses).toHaveLength(1);
    expect(db.courses[0]).toMatchObject({ site: 'udemy', title: COURSE_TITLE, url: `${ORIGIN}/course/${COURSE}/` });
    expect(db.lectures).toHaveLength(1);
    const lecture = lectureByKey(db, 38211742);
    // A blob: source changes on every visit: the lecture is known by its address, not its video.
    expect(lecture).toMatchObject({ site: 'udemy', title: '1. Welcome to the course', url: lectureUrl(38211742), videoSrc: '', courseId: db.courses[0].id });

    const en = trackOf(db, lecture, 'en');
    // Another origin without CORS: the page cannot read it, the background fetches the file.
    expect(en).toMatchObject({ kind: 'captions', label: 'English', source: 'track-file', status: 'ok' });
    expect(String(en!.url)).toMatch(/^https:\/\/vtt-c\.udemycdn\.com\/38211742\/en_US\/2024-03-02_14-05-11-5c1e9d0a\.vtt\?Expires=\d+&Signature=/);
    expectCues(db, en, 7, ['Hi there, and welcome to Practical Python for Data Analysis.', 0, 3.5], ["Let's get started with setting up Python.", 28.6, 33]);
    const es = trackOf(db, lecture, 'es');
    expect(es).toMatchObject({ label: 'Español [Auto]', source: 'track-file', status: 'ok' });
    expectCues(db, es, 7, ['Hola, y bienvenidos a Python práctico para el análisis de datos.', 0, 3.5], ['Empecemos instalando Python.', 28.6, 33]);
    expect(cuesOf(db, en)[5].text).toBe('If you get stuck, ask in the Q&A and I will answer.');
    // Captions stay as the learner set them.
    expect(await page.evaluate(() => [...document.querySelector('video')!.textTracks].map((t) => t.mode))).toEqual(['showing', 'disabled']);

    const status = await pageStatus(suite.ext, suite.probe, page);
    expect(status.site).toBe('udemy');
    expect(status.lectures).toEqual([expect.objectContaining({ title: '1. Welcome to the course', courseTitle: COURSE_TITLE, trackCount: 2, capture: 'full' })]);
    await page.close();
  });

  it('captures the next lecture (pushState, new blob: source, tracks replaced) with nothing left over', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(lectureUrl(38211742));
    await waitFor('lecture 1', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 2 && d.tracks.every((t) => t.status === 'ok');
    });
    const firstBlob = await videoSrc(page);
    await page.click('[data-purpose="go-to-next"]');
    await page.getByText('lecture 38211746 ready').waitFor();
    expect(page.url()).toBe(lectureUrl(38211746));
    const secondBlob = await videoSrc(page);
    expect(secondBlob).toMatch(/^blob:/);
    expect(secondBlob).not.toBe(firstBlob);
    expect(await page.locator('video track').count()).toBe(2);

    const db = await waitFor('lecture 2 as a second lecture', async () => {
      const d = await dumpDb(suite.probe);
      return d.lectures.length === 2 && d.tracks.length === 4 && d.tracks.every((t) => t.status === 'ok') ? d : null;
    });
    expect(db.courses).toHaveLength(1);
    const first = lectureByKey(db, 38211742);
    const second = lectureByKey(db, 38211746);
    expect(second).toMatchObject({ title: '2. Variables and types', url: lectureUrl(38211746), videoSrc: '', courseId: db.courses[0].id });
    expect(first).toMatchObject({ title: '1. Welcome to the course', url: lectureUrl(38211742) });

    expectCues(db, trackOf(db, second, 'en'), 6, ['A variable is a name that points to a value.', 0.8, 4.6], [
      'In the next lecture we will read our first CSV file.',
      26.4,
      31.8,
    ]);
    expectCues(db, trackOf(db, second, 'es'), 6, ['Una variable es un nombre que apunta a un valor.', 0.8, 4.6], [
      'En la próxima clase leeremos nuestro primer archivo CSV.',
      26.4,
      31.8,
    ]);
    expect(String(trackOf(db, second, 'en')!.url)).toContain('https://vtt-c.udemycdn.com/38211746/en_US/');
    // Lecture 1 keeps exactly its own two tracks; neither lecture holds the other's words.
    expect(db.tracks.filter((t) => t.lectureId === first!.id).map((t) => `${t.language}:${t.cueCount}`).sort()).toEqual(['en:7', 'es:7']);
    const textsOf = (l: Row | undefined) => db.cues.filter((c) => c.lectureId === l!.id).map((c) => String(c.text));
    expect(textsOf(first).some((t) => /variable|comillas/i.test(t))).toBe(false);
    expect(textsOf(second).some((t) => /welcome|bienvenidos|Q&A/i.test(t))).toBe(false);

    const status = await pageStatus(suite.ext, suite.probe, page);
    expect(status.lectures).toEqual([expect.objectContaining({ title: '2. Variables and types', trackCount: 2, capture: 'full' })]);
    await page.close();
  });

  it('falls back to the transcript panel by data-purpose alone when the player gives no tracks', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(lectureUrl(38211754));
    await page.getByText('ready, no tracks').waitFor();
    const db = await waitFor('the panel, spread over the known duration', async () => {
      const d = await dumpDb(suite.probe);
      const t = d.tracks[0];
      return d.tracks.length === 1 && d.cues.some((c) => c.trackId === t.id && Number(c.end) > 40) ? d : null;
    });
    expect(db.lectures[0]).toMatchObject({ key: `${COURSE}/lecture/38211754`, title: '4. Cleaning messy data', videoSrc: '' });
    expect(db.courses[0]).toMatchObject({ title: COURSE_TITLE });
    const track = db.tracks[0];
    expect(track).toMatchObject({ source: 'transcript-panel', label: 'Udemy transcript', language: 'en', status: 'ok', cueCount: 6 });
    const cues = cuesOf(db, track);
    // Every cue, the active one included, in order; decoys with the same classes but no data-purpose are not cues.
    expect(cues.map((c) => c.text)).toEqual([
      'Real data is never as tidy as the examples in a textbook.',
      'Columns have odd names, dates come in three formats,',
      'and some rows are simply empty.',
      'First we rename the columns & drop the empty rows.',
      'Then we parse every date into one format.',
      'Clean data makes every later step easier.',
    ]);
    // The panel shows no times: lines are laid end to end over the whole video.
    expect(cues[0].start).toBe(0);
    for (let i = 1; i < cues.length; i++) expect(cues[i].start).toBe(cues[i - 1].end);
    expect(Number(cues[5].end)).toBeCloseTo(44.5, 0);
    expect((await pageStatus(suite.ext, suite.probe, page)).lectures).toEqual([
      expect.objectContaining({ title: '4. Cleaning messy data', trackCount: 1, capture: 'partial', note: 'notePanelOnly' }),
    ]);
    await page.close();
  });

  it('captures a caption URL that fails once, reports an expired one (403), and keeps the others whole', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(lectureUrl(38211750));
    const db = await waitFor('three tracks', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 3 ? d : null;
    });
    const lecture = lectureByKey(db, 38211750);
    expect(lecture).toMatchObject({ title: '3. Reading CSV files' });
    const en = trackOf(db, lecture, 'en');
    expect(en).toMatchObject({ status: 'ok', source: 'track-file' });
    expectCues(db, en, 5, ['A CSV file is just text with commas between the values.', 0, 4], ['Always look at your data before you trust it.', 19.1, 24]);
    expect(requestsTo('/38211750/en_US/2024-03-02_14-10-03-77e0b2c9.vtt')).toBe(2); // 503, then the file

    const es = trackOf(db, lecture, 'es');
    expect(es).toMatchObject({ status: 'error', cueCount: 0, label: 'Español [Auto]' });
    expect(String(es!.error)).toBe('Could not load the caption file (the server answered 403).');
    const fr = trackOf(db, lecture, 'fr');
    expect(fr).toMatchObject({ status: 'ok', label: 'Français [Auto]' });
    expectCues(db, fr, 5, ["Un fichier CSV n'est que du texte avec des virgules entre les valeurs.", 0, 4], [
      'Regardez toujours vos données avant de leur faire confiance.',
      19.1,
      24,
    ]);
    expect((await pageStatus(suite.ext, suite.probe, page)).lectures[0]).toMatchObject({ trackCount: 3, capture: 'full' });
    await page.close();
  });

  it('raised no errors in any page or in the extension', () => {
    expect(suite.ext.errors).toEqual([]);
  });
});
