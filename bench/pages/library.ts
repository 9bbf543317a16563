/**
 * The search library of the bench page: 1,000 lectures x 1,000 cues of synthetic text
 * (./corpus.ts) in a MoocMateDb database, with the record shapes ingestTrack writes.
 * bench/search.mjs caches the populated profile, keyed on this file and corpus.ts:
 * anything that changes what gets stored belongs here, and nothing else.
 */
import { MoocMateDb, type CourseRecord, type CueRecord, type LectureRecord, type TrackRecord } from '../../src/db/schema';
import { terms } from '../../src/captions/terms';
import { courseIdFor, lectureIdFor, trackIdFor } from '../../src/captions/ids';
import { SEEDED, seededPlace, sharedCorpus } from './corpus';
import { deleteDb, describeSchema, done } from './idb';

export const NOW = 1_700_000_000_000;
/** The stores ingestTrack writes. */
export const STORES = ['courses', 'lectures', 'tracks', 'cues'] as const;

export const SEARCH_DB = 'bench-search';

export interface Library {
  db: MoocMateDb | null;
  lectures: number;
  cuesPerLecture: number;
  /** Lectures 0 .. populated-1 are stored. */
  populated: number;
  /** For each word rank: how many cues contain it (the length of its range in the terms index). */
  df: Uint32Array;
  rank: Map<string, number>;
  genMs: number;
  writeMs: number;
  cues: number;
  indexEntries: number;
}

let lib: Library | null = null;

export function setLibrary(next: Library | null): void {
  lib = next;
}

export function library(): Library {
  if (!lib) throw new Error('no library: call populateStart or attachLibrary first');
  return lib;
}

export function newLibrary(lectures: number, cuesPerLecture: number, df?: number[]): Library {
  const c = sharedCorpus();
  return {
    db: null,
    lectures,
    cuesPerLecture,
    populated: 0,
    df: df ? Uint32Array.from(df) : new Uint32Array(c.vocab.length),
    rank: new Map(c.vocab.map((w, i) => [w, i])),
    genMs: 0,
    writeMs: 0,
    cues: 0,
    indexEntries: 0,
  };
}

/** The schema (with IDB version) of a database MoocMateDb creates itself, for comparison. */
export async function referenceSchema(): Promise<string> {
  await deleteDb('bench-schema-ref').catch(() => undefined);
  const ref = new MoocMateDb('bench-schema-ref');
  await ref.open();
  const want = `v${ref.backendDB().version} ${describeSchema(ref.backendDB())}`;
  ref.close();
  await deleteDb('bench-schema-ref');
  return want;
}

/** A new, empty library database, created by MoocMateDb itself. */
export async function populateStart(lectures: number, cuesPerLecture: number) {
  await deleteDb(SEARCH_DB).catch(() => undefined);
  lib = newLibrary(lectures, cuesPerLecture);
  lib.db = new MoocMateDb(SEARCH_DB);
  await lib.db.open();
  return { vocab: lib.df.length };
}

export function seededAt(l: Library): Map<string, string> {
  return new Map(
    SEEDED.map((phrase, k) => {
      const at = seededPlace(k, l.lectures, l.cuesPerLecture);
      return [`${at.lecture}:${at.cue}`, phrase];
    }),
  );
}

/** The text of one stored cue, regenerated (seeded phrases included). */
export function cueText(l: Library, lecture: number, cue: number): string {
  return seededAt(l).get(`${lecture}:${cue}`) ?? sharedCorpus().lecture(lecture, cue + 1)[cue];
}

/**
 * Writes lectures [from, to) with the raw IndexedDB API into the database MoocMateDb made,
 * in transactions of about `batch` cues, with the record shapes ingestTrack writes (course,
 * lecture, track, cues with terms from src/captions/terms); the terms index is filled as
 * the cues go in, as in real use. The next batch is generated while the previous commits.
 */
export async function populateRange(from: number, to: number, batch: number) {
  const l = library();
  const c = sharedCorpus();
  const idb = l.db!.backendDB();
  const seeded = seededAt(l);
  let pending: Promise<void> | null = null;
  let rows: CueRecord[] = [];
  let meta: { courses: CourseRecord[]; lectures: LectureRecord[]; tracks: TrackRecord[] } = { courses: [], lectures: [], tracks: [] };

  const flush = async () => {
    const t0 = performance.now();
    if (pending) await pending;
    const tx = idb.transaction([...STORES], 'readwrite', { durability: 'relaxed' });
    for (const r of meta.courses) tx.objectStore('courses').put(r);
    for (const r of meta.lectures) tx.objectStore('lectures').put(r);
    for (const r of meta.tracks) tx.objectStore('tracks').put(r);
    const store = tx.objectStore('cues');
    for (const r of rows) store.put(r);
    tx.commit();
    pending = done(tx);
    rows = [];
    meta = { courses: [], lectures: [], tracks: [] };
    l.writeMs += performance.now() - t0;
  };

  for (let lecture = from; lecture < to; lecture++) {
    const t0 = performance.now();
    const courseKey = `https://university${lecture % 100}.example`;
    const lectureKey = `${courseKey}/media/lecture-${lecture}.mp4`;
    const courseId = courseIdFor('html5', courseKey);
    const lectureId = lectureIdFor('html5', lectureKey);
    const trackId = trackIdFor(lectureId, 'captions', 'en', 'English');
    if (lecture < 100) meta.courses.push({ id: courseId, site: 'html5', title: `Course ${lecture}`, url: `${courseKey}/`, firstSeen: NOW, lastSeen: NOW });
    meta.lectures.push({ id: lectureId, courseId, site: 'html5', key: lectureKey, title: `Lecture ${lecture}`, url: `${courseKey}/lecture-${lecture}.html`, videoSrc: lectureKey, firstSeen: NOW, lastSeen: NOW });
    const texts = c.lecture(lecture, l.cuesPerLecture);
    for (let i = 0; i < texts.length; i++) {
      texts[i] = seeded.get(`${lecture}:${i}`) ?? texts[i];
      const t = terms(texts[i]);
      for (const w of t) {
        const r = l.rank.get(w);
        if (r !== undefined) l.df[r]++;
      }
      l.indexEntries += t.length;
      rows.push({ index: i, start: i * 4, end: i * 4 + 3.5, text: texts[i], trackId, lectureId, terms: t });
    }
    meta.tracks.push({
      id: trackId, lectureId, kind: 'captions', label: 'English', language: 'en', source: 'track-file',
      url: `${courseKey}/media/lecture-${lecture}.en.vtt`, detectedLanguage: 'eng', cueCount: texts.length, status: 'ok',
      contentHash: `h_${lecture}`, capturedAt: NOW,
    });
    l.cues += texts.length;
    l.populated = lecture + 1;
    l.genMs += performance.now() - t0;
    if (rows.length >= batch) await flush();
  }
  if (rows.length || meta.lectures.length) await flush();
  const t0 = performance.now();
  await pending;
  l.writeMs += performance.now() - t0;
  return { cues: l.cues };
}

/** Ends populating: checks the database against MoocMateDb's own schema and returns the figures the cache keeps. */
export async function populateFinish() {
  const l = library();
  const schema = `v${l.db!.backendDB().version} ${describeSchema(l.db!.backendDB())}`;
  const want = await referenceSchema();
  if (schema !== want) throw new Error(`the populated database differs from MoocMateDb's:\n have ${schema}\n want ${want}`);
  return {
    cues: await l.db!.cues.count(),
    lectures: await l.db!.lectures.count(),
    indexEntries: l.indexEntries,
    genMs: l.genMs,
    writeMs: l.writeMs,
    schema,
    df: Array.from(l.df),
  };
}
