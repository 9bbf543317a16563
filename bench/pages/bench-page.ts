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
import { phaseTimer, phases, splitPhases } from './phase-timer';
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
 * write of the same records (the order swaps each round), every round under ids no run
 * used before (new keys cost far more than keys just deleted), each removed again at once
 * so the cached library stays as it was. Each call is split into phases (phase-timer.ts),
 * and the same is done into an empty database in the same page, for comparison.
 */
async function ingestIntoLibrary(rounds: number) {
  const base = capturedTrack(sharedCorpus(), 2000);
  const nonce = Date.now().toString(36);
  const empty = new MoocMateDb('bench-ingest-empty');
  empty.use(phaseTimer);
  await empty.open();
  const out = { ours: [] as number[], raw: [] as number[], phases: [] as Phases[], rawPhases: [] as RawPhases[], empty: [] as Phases[], emptyRaw: [] as RawPhases[] };
  try {
    for (let i = 0; i < rounds; i++) {
      const captured = { ...base, page: { ...base.page, lectureKey: `${base.page.lectureKey}?bench-round=${nonce}-${i}` } };
      const oursFirst = i % 2 === 0;
      let records: Written | null = null;
      const oursRound = async () => {
        const r = await timedIngest(library().db!, captured);
        out.ours.push(r.phases.totalMs);
        out.phases.push(r.phases);
        records = r.records;
      };
      const rawRound = async () => {
        // The same records (taken from this round's ingestTrack, or made by an untimed one).
        const recs = records ?? (await untimedRecords(empty, captured));
        const p = await rawWrite(library().db!, recs, `-raw${nonce}-${i}`);
        out.raw.push(p.totalMs);
        out.rawPhases.push(p);
      };
      if (oursFirst) {
        await oursRound();
        await rawRound();
      } else {
        await rawRound();
        await oursRound();
      }
      // The same two writes into an empty database, for the phases' comparison.
      const e = await timedIngest(empty, captured);
      out.empty.push(e.phases);
      out.emptyRaw.push(await rawWrite(empty, e.records, `-raw${nonce}-${i}`));
      await clearStores(empty.backendDB(), STORES);
    }
  } finally {
    empty.close();
    await deleteDb('bench-ingest-empty').catch(() => undefined);
  }
  return out;
}

type Phases = ReturnType<typeof splitPhases>;
interface RawPhases {
  totalMs: number;
  /** From the first put to the last put's success: IndexedDB wrote each record and its index entries. */
  putsMs: number;
  /** From the last put's success to the transaction's `complete`: the commit. */
  commitMs: number;
}
interface Written {
  course: CourseRecord;
  lecture: LectureRecord;
  track: TrackRecord;
  cues: CueRecord[];
}

/** ingestTrack, timed and split into phases; then its records are read back and removed (untimed). */
async function timedIngest(db: MoocMateDb, captured: CapturedTrack) {
  phases.ops = [];
  phases.on = true;
  const t0 = performance.now();
  const r = await ingestTrack(db, captured, NOW);
  const t1 = performance.now();
  phases.on = false;
  const split = splitPhases(t0, t1, phases.ops);
  const records = await readBack(db, r.lectureId, r.trackId, captured);
  await deleteLecture(db, r.lectureId);
  await db.courses.delete(records.course.id);
  return { phases: split, records };
}

async function readBack(db: MoocMateDb, lectureId: string, trackId: string, captured: CapturedTrack): Promise<Written> {
  return {
    course: (await db.courses.get(courseIdFor(captured.page.site, captured.page.courseKey)))!,
    lecture: (await db.lectures.get(lectureId))!,
    track: (await db.tracks.get(trackId))!,
    cues: await db.cues.where('[trackId+index]').between([trackId, -Infinity], [trackId, Infinity]).toArray(),
  };
}

async function untimedRecords(db: MoocMateDb, captured: CapturedTrack): Promise<Written> {
  const r = await ingestTrack(db, captured, NOW);
  const records = await readBack(db, r.lectureId, r.trackId, captured);
  await clearStores(db.backendDB(), STORES);
  return records;
}

/** The raw write of the records under ids with `suffix`, timed in two phases, then removed (untimed). */
async function rawWrite(db: MoocMateDb, recs: Written, suffix: string): Promise<RawPhases> {
  const lectureId = `${recs.lecture.id}${suffix}`;
  const trackId = `${recs.track.id}${suffix}`;
  const t0 = performance.now();
  const tx = db.backendDB().transaction([...STORES], 'readwrite');
  tx.objectStore('courses').put(recs.course);
  tx.objectStore('lectures').put({ ...recs.lecture, id: lectureId });
  tx.objectStore('tracks').put({ ...recs.track, id: trackId, lectureId });
  const store = tx.objectStore('cues');
  let last: IDBRequest | null = null;
  for (const c of recs.cues) last = store.put({ ...c, trackId, lectureId });
  let lastOk = t0;
  if (last) last.onsuccess = () => (lastOk = performance.now());
  await done(tx);
  const t1 = performance.now();
  await deleteLecture(db, lectureId);
  await db.courses.delete(recs.course.id);
  return { totalMs: t1 - t0, putsMs: lastOk - t0, commitMs: t1 - lastOk };
}

const api = { ingestBench, ingestIntoLibrary, populateStart, populateRange, populateFinish, attachLibrary, buildQueries, runQueries, wordStats, closeLibrary };
(window as unknown as { moocBench: typeof api }).moocBench = api;
export type MoocBench = typeof api;
