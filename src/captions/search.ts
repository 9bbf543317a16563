import type { CueRecord, MoocMateDb } from '../db/schema';
import { containsPhrase, words } from './terms';

export interface SearchQuery {
  /** Words that must all be in one line. */
  all: string[];
  /** Quoted phrases that must appear word for word. */
  phrases: string[][];
}

/** `"carbon dioxide" leaf` → phrase [carbon, dioxide] and word leaf. */
export function parseQuery(input: string): SearchQuery {
  const phrases: string[][] = [];
  const rest = input.replace(/"([^"]*)"?/g, (_, p: string) => {
    const w = words(p);
    if (w.length > 0) phrases.push(w);
    return ' ';
  });
  const all = [...new Set([...words(rest), ...phrases.flat()])];
  return { all, phrases };
}

export interface SearchResult {
  hits: CueRecord[];
  /** True when there were more hits than the limit. */
  more: boolean;
}

/** How many index keys one word may read before it counts as too common to list in full. */
const CANDIDATE_CAP = 2000;
/** Candidate lines are read in pages, so a long candidate list costs only what is shown. */
const PAGE = 250;

function matches(cue: CueRecord, q: SearchQuery): boolean {
  const have = new Set(cue.terms);
  if (!q.all.every((w) => have.has(w))) return false;
  if (q.phrases.length === 0) return true;
  const seq = words(cue.text);
  return q.phrases.every((p) => containsPhrase(seq, p));
}

type Key = [string, number];
const keyId = (k: Key) => `${k[0]}\u0000${k[1]}`;

/**
 * Search across every stored transcript. Each word's lines come from the cues' multi-entry
 * `terms` index as keys only (up to a cap); the full lists are intersected, and only then
 * are lines read, a page at a time, until enough match (phrases are checked on the text).
 * When every word is too common to list, the longest word's index is walked until enough
 * lines match. Work is bounded by the cap and the page size, not by the library's size.
 */
export async function searchTranscripts(db: MoocMateDb, input: string, limit = 200): Promise<SearchResult> {
  const q = parseQuery(input);
  if (q.all.length === 0) return { hits: [], more: false };

  const lists = await Promise.all(q.all.map((w) => db.cues.where('terms').equals(w).limit(CANDIDATE_CAP).primaryKeys()));
  if (lists.some((l) => l.length === 0)) return { hits: [], more: false };
  const exact = lists.filter((l) => l.length < CANDIDATE_CAP).sort((a, b) => a.length - b.length);

  const hits: CueRecord[] = [];
  if (exact.length > 0) {
    let candidates: Key[] = exact[0];
    for (const other of exact.slice(1)) {
      const keep = new Set(other.map(keyId));
      candidates = candidates.filter((k) => keep.has(keyId(k)));
    }
    for (let i = 0; i < candidates.length && hits.length <= limit; i += PAGE) {
      for (const row of await db.cues.bulkGet(candidates.slice(i, i + PAGE))) {
        if (row && matches(row, q)) hits.push(row);
      }
    }
  } else {
    const longest = [...q.all].sort((a, b) => b.length - a.length)[0];
    await db.cues
      .where('terms')
      .equals(longest)
      .until(() => hits.length > limit)
      .each((row) => {
        if (matches(row, q)) hits.push(row);
      });
  }
  return { hits: hits.slice(0, limit), more: hits.length > limit };
}
