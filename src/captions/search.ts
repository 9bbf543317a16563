import type { CueRecord, MoocMateDb } from '../db/schema';
import { containsPhrase, lookupTerms, unspaced, words } from './terms';

export interface SearchQuery {
  /** Words that must all be in one line. */
  all: string[];
  /** Quoted phrases that must appear word for word. */
  phrases: string[][];
}

/**
 * `"carbon dioxide" leaf` → phrase [carbon, dioxide] and word leaf. Text written without
 * spaces (`光合作用`, `ภาษาไทย`) is a phrase too: its words must be in a row. Chinese and
 * Japanese are looked up by their character pairs (terms.ts); a pair alone needs no
 * phrase check.
 */
export function parseQuery(input: string): SearchQuery {
  const phrases: string[][] = [];
  const looked: string[] = [];
  const addPhrase = (w: string[]) => {
    const { terms, pairOnly } = lookupTerms(w);
    looked.push(...terms);
    if (!pairOnly) phrases.push(w);
  };
  const rest = input.replace(/"([^"]*)"?/g, (_, p: string) => {
    const w = words(p);
    if (w.length > 0) addPhrase(w);
    return ' ';
  });
  const loose: string[] = [];
  for (const chunk of rest.split(/\s+/)) {
    const w = words(chunk);
    if (w.length > 1 && unspaced(chunk)) addPhrase(w);
    else loose.push(...w);
  }
  return { all: [...new Set([...loose, ...looked])], phrases };
}

export interface SearchResult {
  hits: CueRecord[];
  /** True when there were more hits than the limit. */
  more: boolean;
  /**
   * True when the search stopped at its work budget before it had looked at every line
   * that could match: there may be hits it did not see. Only queries made of common
   * words get here; a rarer word in the query makes the search complete again.
   */
  incomplete: boolean;
}

/** How much one search may read; the defaults keep a query near 50 ms on a million lines. */
export interface SearchBudget {
  /** Keys read first of each word of a query of several words (a shorter list is complete). */
  probeKeys: number;
  /** Lines read at most of the word walked when every word is common, its first lines included. */
  walkRows: number;
  /** Lines read per step of that walk; the time budget is checked between steps. */
  walkStep: number;
  /** Time (from the start of the search) after which the walk takes no further step. */
  walkMs: number;
}

export const DEFAULT_BUDGET: SearchBudget = { probeKeys: 100, walkRows: 400, walkStep: 150, walkMs: 30 };

/**
 * The budget when the learner asks to look further after an incomplete answer: each level
 * reads ten times as many lines (and may take ten times as long) as the one before; from
 * level 3 on there is no limit, so the answer is complete, however long it takes.
 */
export function widerBudget(level: number): SearchBudget {
  if (level <= 0) return DEFAULT_BUDGET;
  if (level >= 3) return { ...DEFAULT_BUDGET, walkRows: Infinity, walkStep: 2_000, walkMs: Infinity };
  const k = 10 ** level;
  return { ...DEFAULT_BUDGET, walkRows: DEFAULT_BUDGET.walkRows * k, walkStep: DEFAULT_BUDGET.walkStep * Math.min(k, 10), walkMs: DEFAULT_BUDGET.walkMs * k };
}

/** Hits the dashboard asks for first; "Show more" asks again for more. */
export const FIRST_PAGE = 50;

const NONE: SearchResult = { hits: [], more: false, incomplete: false };

function matches(cue: CueRecord, q: SearchQuery): boolean {
  const have = new Set(cue.terms);
  if (!q.all.every((w) => have.has(w))) return false;
  if (q.phrases.length === 0) return true;
  const seq = words(cue.text);
  return q.phrases.every((p) => containsPhrase(seq, p));
}

type Key = [string, number];
const keyId = (k: Key) => `${k[0]}\u0000${k[1]}`;

/** IndexedDB's order of cue keys [trackId, index] (strings by code unit, like `<`). */
function compareKeys(a: Key, b: Key): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] - b[1];
}

/**
 * Search across every stored transcript, with a bounded amount of work whatever the size
 * of the library (docs/architecture.md, "Transcript search"). IndexedDB has no cheap word
 * counts (Chromium's count() reads every index entry: seconds for "the" in a million
 * lines), and each request is a round trip, so the search reads the multi-entry `terms`
 * index in key order with few requests, and learns the words' sizes as it goes:
 * - one word: its first `limit + 1` lines, one request;
 * - several words: the first `probeKeys` keys of each word, all at once (keys cost about
 *   half as much as lines). A word with fewer keys is rare and its list is complete: the
 *   rare lists are intersected, narrowed by the common words' first keys (each holds every
 *   key of its word up to its last one), and only then are lines read: complete.
 * - every word common: the word whose first keys reach furthest into the library is the
 *   rarest; its lines are walked in key order, a step at a time, until enough match, its
 *   lines end (complete), or the row or time budget is spent (`incomplete`: there may be
 *   hits it did not see).
 */
export async function searchTranscripts(
  db: MoocMateDb,
  input: string,
  limit = 200,
  budget: SearchBudget = DEFAULT_BUDGET,
): Promise<SearchResult> {
  const q = parseQuery(input);
  if (q.all.length === 0) return NONE;
  const t0 = performance.now();
  const index = (word: string) => db.cues.where('terms').equals(word);

  if (q.all.length === 1 && q.phrases.every((p) => p.length === 1)) {
    // Every line with the word matches (a one-word phrase is the word itself; `"the the"` is not).
    const rows = await index(q.all[0]).limit(limit + 1).toArray();
    return { hits: rows.slice(0, limit), more: rows.length > limit, incomplete: false };
  }

  const lists = await Promise.all(q.all.map((w) => index(w).limit(budget.probeKeys).primaryKeys()));
  if (lists.some((l) => l.length === 0)) return NONE;
  const ended = (l: Key[]) => l.length < budget.probeKeys;
  const shortest = lists.reduce((a, b) => (b.length < a.length ? b : a));

  if (ended(shortest)) {
    let candidates = shortest;
    for (const list of lists) {
      if (list === shortest) continue;
      const have = new Set(list.map(keyId));
      const last = list[list.length - 1];
      candidates = candidates.filter((k) => have.has(keyId(k)) || (!ended(list) && compareKeys(k, last) > 0));
    }
    if (candidates.length === 0) return NONE;
    // Single reads are round trips each: for more than a few, one request on the index is cheaper.
    const rows =
      candidates.length <= FEW_KEYS
        ? await db.cues.bulkGet(candidates)
        : await index(q.all[lists.indexOf(shortest)]).toArray();
    const hits = rows.filter((r): r is CueRecord => r !== undefined && matches(r, q));
    return { hits: hits.slice(0, limit), more: hits.length > limit, incomplete: false };
  }

  // Every word is common: walk the lines of the one whose first keys reach furthest.
  const last = (l: Key[]) => l[l.length - 1];
  const walked = q.all[lists.indexOf(lists.reduce((a, b) => (compareKeys(last(b), last(a)) > 0 ? b : a)))];
  const hits: CueRecord[] = [];
  let read = 0;
  let done = false;
  while (hits.length <= limit && read < budget.walkRows) {
    if (read > 0 && performance.now() - t0 > budget.walkMs) break;
    const step = Math.min(read === 0 ? budget.probeKeys : budget.walkStep, budget.walkRows - read);
    // offset() skips what was read inside IndexedDB (a cursor advance), without reading it again.
    const rows = await index(walked).offset(read).limit(step).toArray();
    read += rows.length;
    for (const row of rows) if (matches(row, q)) hits.push(row);
    if (rows.length < step) {
      done = true;
      break;
    }
  }
  return { hits: hits.slice(0, limit), more: hits.length > limit, incomplete: !done && hits.length <= limit };
}

/** Up to this many lines are read one by one; more are read with one request on the index. */
const FEW_KEYS = 12;
