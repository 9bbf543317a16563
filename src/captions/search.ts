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

/** How many index keys one word may read before we stop counting it as a candidate set. */
const CANDIDATE_CAP = 4000;

function matches(cue: CueRecord, q: SearchQuery): boolean {
  const have = new Set(cue.terms);
  if (!q.all.every((w) => have.has(w))) return false;
  if (q.phrases.length === 0) return true;
  const seq = words(cue.text);
  return q.phrases.every((p) => containsPhrase(seq, p));
}

/**
 * Search across every stored transcript. Each word is looked up in the cues' multi-entry
 * `terms` index; the rarest word (fewest index keys, counted up to a cap) gives the
 * candidates, which are then checked for the other words and phrases. Work is bounded by
 * the cap, not by the size of the library.
 */
export async function searchTranscripts(db: MoocMateDb, input: string, limit = 200): Promise<SearchResult> {
  const q = parseQuery(input);
  if (q.all.length === 0) return { hits: [], more: false };

  let best: Array<[string, number]> | null = null;
  for (const w of q.all) {
    const keys = await db.cues.where('terms').equals(w).limit(CANDIDATE_CAP).primaryKeys();
    if (keys.length === 0) return { hits: [], more: false };
    if (!best || keys.length < best.length) best = keys;
    if (keys.length < 50) break; // rare enough: checking candidates beats more lookups
  }
  const hits: CueRecord[] = [];
  if (best && best.length < CANDIDATE_CAP) {
    const rows = await db.cues.bulkGet(best);
    for (const row of rows) {
      if (row && matches(row, q)) hits.push(row);
      if (hits.length > limit) break;
    }
  } else {
    // Every word is very common: walk the longest word's index until enough lines match.
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
