/**
 * The bench page: built by bench/lib/build-page.mjs into out/bench-page/ and driven by
 * bench/ingest.mjs and bench/search.mjs through `window.moocBench`. It runs our real
 * code (src/captions/store, src/captions/search, src/db/schema) in Chromium's IndexedDB.
 */
import { MoocMateDb, type CourseRecord, type CueRecord, type LectureRecord, type TrackRecord } from '../../src/db/schema';
import { deleteLecture, ingestTrack, type CapturedTrack } from '../../src/captions/store';
import { courseIdFor } from '../../src/captions/ids';
import { terms } from '../../src/captions/terms';
import { setPrecomputedTerms } from './terms-shim';
import { type Corpus, sharedCorpus } from './corpus';
import { clearStores, deleteDb, describeSchema, done, openRawDb, req, shapeOf } from './idb';
import { NOW, STORES, library, populateFinish, populateRange, populateStart } from './library';
import { attachLibrary, closeLibrary, wordStats } from './open-library';
import { buildQueries, runQueries } from './queries';

function capturedTrack(corpus: Corpus, n: number): CapturedTrack {
  const texts = corpus.lecture(0, n);
  return {
    page: {
      site: 'html5',
      courseKey: 'http://127.0.0.1',
      courseTitle: 'MoocMate Demo University',
      courseUrl: 'http://127.0.0.1/',
      lectureKey: 'http://127.0.0.1/demo/course/media/lecture-1.webm',
      lectureTitle: 'Lecture 1: Photosynthesis',
      lectureUrl: 'http://127.0.0.1/bench/pages/lecture-2000.html',
      videoSrc: 'http://127.0.0.1/demo/course/media/lecture-1.webm',
    },
    track: { kind: 'captions', label: 'English', language: 'en', url: 'http://127.0.0.1/gen/cues-2000.vtt', source: 'track-file' },
    cues: texts.map((text, index) => ({ index, start: index * 2, end: index * 2 + 1.8, text })),
    status: 'ok',
    detectedLanguage: 'eng',
  };
}

// ---------------------------------------------------------------------------
// Ingest: ingestTrack against a raw bulk write of the same final records.

export interface IngestOptions {
  cues: number;
  warmup: number;
  rounds: number;
}

async function ingestBench({ cues, warmup, rounds }: IngestOptions) {
  const captured = capturedTrack(sharedCorpus(), cues);
  await deleteDb('bench-ingest').catch(() => undefined);
  await deleteDb('bench-raw').catch(() => undefined);
  const db = new MoocMateDb('bench-ingest');
  await db.open();
  const dexieIdb = db.backendDB();
  // The baseline database: the same stores and indexes, made with the raw API.
  const raw = await openRawDb('bench-raw', shapeOf(dexieIdb));
  const schemaDexie = describeSchema(dexieIdb);
  const schemaRaw = describeSchema(raw);
  if (schemaDexie !== schemaRaw) throw new Error(`schemas differ:\n dexie: ${schemaDexie}\n raw:   ${schemaRaw}`);

  // The final records, exactly as ingestTrack writes them: run it once and read them back.
  const first = await ingestTrack(db, captured, NOW);
  const records = {
    course: (await db.courses.toArray())[0] as CourseRecord,
    lecture: (await db.lectures.toArray())[0] as LectureRecord,
    track: (await db.tracks.toArray())[0] as TrackRecord,
    cues: (await db.cues.toArray()) as CueRecord[],
  };
  if (records.cues.length !== cues || first.cueCount !== cues) throw new Error(`ingestTrack stored ${records.cues.length} cues, expected ${cues}`);
  const termCount = records.cues.reduce((n, c) => n + c.terms.length, 0);
  const precomputed = new Map(records.cues.map((c) => [c.text, c.terms]));

  // The shim really is what ingestTrack calls: a precomputed table shows in the stored row.
  await clearStores(dexieIdb, STORES);
  const probe = { ...captured, cues: [{ index: 0, start: 0, end: 1, text: 'shim probe' }] };
  setPrecomputedTerms(new Map([['shim probe', ['shim-ok']]]));
  await ingestTrack(db, probe, NOW);
  setPrecomputedTerms(null);
  const probed = await db.cues.toArray();
  if (probed[0]?.terms[0] !== 'shim-ok') throw new Error('the terms shim is not in ingestTrack: cannot time it without terms');

  const ours = async (withTerms: boolean) => {
    await clearStores(dexieIdb, STORES);
    setPrecomputedTerms(withTerms ? null : precomputed);
    const t0 = performance.now();
    const r = await ingestTrack(db, captured, NOW);
    const t = performance.now() - t0;
    setPrecomputedTerms(null);
    if (r.unchanged || r.cueCount !== cues) throw new Error('ingestTrack did not write the track');
    return t;
  };
  const baseline = async () => {
    await clearStores(raw, STORES);
    const t0 = performance.now();
    const tx = raw.transaction([...STORES], 'readwrite');
    tx.objectStore('courses').put(records.course);
    tx.objectStore('lectures').put(records.lecture);
    tx.objectStore('tracks').put(records.track);
    const store = tx.objectStore('cues');
    for (const c of records.cues) store.put(c);
    await done(tx);
    return performance.now() - t0;
  };
  const termsOnly = () => {
    const t0 = performance.now();
    let n = 0;
    for (const c of captured.cues) n += terms(c.text).length;
    const t = performance.now() - t0;
    if (n !== termCount) throw new Error('terms differ');
    return t;
  };

  const kinds = ['ours', 'oursNoTerms', 'raw'] as const;
  const run = (k: (typeof kinds)[number]) => (k === 'ours' ? ours(true) : k === 'oursNoTerms' ? ours(false) : baseline());
  for (let i = 0; i < warmup; i++) for (const k of kinds) await run(k);
  const times: Record<(typeof kinds)[number] | 'terms', number[]> = { ours: [], oursNoTerms: [], raw: [], terms: [] };
  for (let i = 0; i < rounds; i++) {
    // Rotate the order each round so none of them always runs first or last.
    for (let j = 0; j < kinds.length; j++) {
      const k = kinds[(i + j) % kinds.length];
      times[k].push(await run(k));
    }
    times.terms.push(termsOnly());
  }
  // The stores end up holding one copy each; verify they match.
  const dexieCount = await db.cues.count();
  const rawCount = await req(raw.transaction('cues').objectStore('cues').count());
  db.close();
  raw.close();
  await deleteDb('bench-ingest');
  await deleteDb('bench-raw');
  if (dexieCount !== rawCount) throw new Error(`cue counts differ: ${dexieCount} vs ${rawCount}`);
  return { cues, termEntries: termCount, schema: schemaDexie, times };
}

/**
 * ingestTrack of a 2,000-cue track into the big search library, alternated with the raw
 * write of the same records, every round under new ids (new keys cost far more than keys
 * just deleted), each removed again at once so the cached library stays as it was.
 * Shows how the write cost grows with the library.
 */
async function ingestIntoLibrary(rounds: number) {
  const db = library().db!;
  const idb = db.backendDB();
  const base = capturedTrack(sharedCorpus(), 2000);
  const times: Record<'ours' | 'raw', number[]> = { ours: [], raw: [] };
  const remove = async (lectureId: string, courseId: string) => {
    await deleteLecture(db, lectureId);
    await db.courses.delete(courseId);
  };
  for (let i = 0; i < rounds; i++) {
    const captured = { ...base, page: { ...base.page, lectureKey: `${base.page.lectureKey}?bench-round=${i}` } };
    const t0 = performance.now();
    const r = await ingestTrack(db, captured, NOW);
    times.ours.push(performance.now() - t0);
    const course = (await db.courses.get(courseIdFor(captured.page.site, captured.page.courseKey)))!;
    const lecture = (await db.lectures.get(r.lectureId))!;
    const track = (await db.tracks.get(r.trackId))!;
    const cues = await db.cues.where('[trackId+index]').between([r.trackId, -Infinity], [r.trackId, Infinity]).toArray();
    await remove(r.lectureId, course.id);

    // The same records under ids no round used before.
    const lectureId = `${lecture.id}-raw${i}`;
    const trackId = `${track.id}-raw${i}`;
    const t1 = performance.now();
    const tx = idb.transaction([...STORES], 'readwrite');
    tx.objectStore('courses').put(course);
    tx.objectStore('lectures').put({ ...lecture, id: lectureId });
    tx.objectStore('tracks').put({ ...track, id: trackId, lectureId });
    const store = tx.objectStore('cues');
    for (const c of cues) store.put({ ...c, trackId, lectureId });
    await done(tx);
    times.raw.push(performance.now() - t1);
    await remove(lectureId, course.id);
  }
  return times;
}

const api = { ingestBench, ingestIntoLibrary, populateStart, populateRange, populateFinish, attachLibrary, buildQueries, runQueries, wordStats, closeLibrary };
(window as unknown as { moocBench: typeof api }).moocBench = api;
export type MoocBench = typeof api;
