/** Opening, describing and closing the search library (not part of the cache key). */
import { MoocMateDb } from '../../src/db/schema';
import { deleteLecture } from '../../src/captions/store';
import { deleteDb, describeSchema } from './idb';
import { phaseTimer } from './phase-timer';
import { SEARCH_DB, library, newLibrary, referenceSchema, setLibrary } from './library';

/**
 * Opens a library populated earlier (a cached profile); `df` and `builtSchema` are what
 * populateFinish returned then. When MoocMateDb's schema has changed since, opening it
 * runs MoocMateDb's upgrade on it, as it would on a learner's library (timed). `stale`
 * when the result still differs from what MoocMateDb creates: populate again.
 */
export async function attachLibrary(lectures: number, cuesPerLecture: number, populated: number, df: number[], builtSchema: string) {
  const want = await referenceSchema();
  const l = newLibrary(lectures, cuesPerLecture, df);
  l.populated = populated;
  const db = new MoocMateDb(SEARCH_DB);
  // Times ingestTrack's operations during the ingest rounds only (phase-timer.ts).
  db.use(phaseTimer);
  const t0 = performance.now();
  try {
    await db.open();
  } catch (err) {
    return { stale: true as const, have: builtSchema, want, error: String(err) };
  }
  const openMs = performance.now() - t0;
  const have = `v${db.backendDB().version} ${describeSchema(db.backendDB())}`;
  if (have !== want) {
    db.close();
    return { stale: true as const, have, want };
  }
  l.db = db;
  setLibrary(l);
  const leftovers = await removeIngestLeftovers(db);
  return {
    leftoversRemoved: leftovers,
    stale: false as const,
    cues: await db.cues.count(),
    lectures: await db.lectures.count(),
    schema: have,
    upgradedFrom: builtSchema === want ? null : builtSchema,
    upgradeMs: builtSchema === want ? 0 : openMs,
  };
}

/**
 * Removes what an interrupted ingestIntoLibrary round left in the library (its lectures
 * have '?bench-round=' in their key or an id ending in '-rawN'; its course is the bench
 * page's own origin). Returns how many lectures were removed.
 */
async function removeIngestLeftovers(db: MoocMateDb): Promise<number> {
  const extra = (await db.lectures.toArray()).filter((x) => x.key.includes('?bench-round=') || /-raw\d+$/.test(x.id));
  for (const x of extra) await deleteLecture(db, x.id);
  const courses = (await db.courses.toArray()).filter((c) => c.url === 'http://127.0.0.1/');
  for (const c of courses) await db.courses.delete(c.id);
  return extra.length;
}

/** How many cues contain each word (its key count in the terms index), to explain slow queries. */
export function wordStats(ws: string[]) {
  const l = library();
  return Object.fromEntries(ws.map((w) => [w, l.rank.has(w) ? l.df[l.rank.get(w)!] : null]));
}

export async function closeLibrary(drop: boolean) {
  try {
    library().db?.close();
  } catch {
    // no library open
  }
  setLibrary(null);
  if (drop) await deleteDb(SEARCH_DB).catch(() => undefined);
}
