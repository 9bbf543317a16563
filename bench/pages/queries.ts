/** The search query mix of the bench page, built from the library's real words and cues. */
import { FIRST_PAGE, searchTranscripts } from '../../src/captions/search';
import { words } from '../../src/captions/terms';
import { SEEDED, rng, seededPlace, sharedCorpus } from './corpus';
import { cueText, library } from './library';

export interface Query {
  category: string;
  q: string;
  /** Hits a correct search must find at least (phrases copied from stored cues). */
  expectAtLeast?: number;
  /** A query that must find nothing. */
  expectNone?: boolean;
}

/** A deterministic query mix from the library's real word frequencies and cue texts. */
export function buildQueries(): Query[] {
  const l = library();
  const c = sharedCorpus();
  const r = rng(777);
  const byDf = (lo: number, hi: number) => {
    const out: string[] = [];
    for (let i = 0; i < l.df.length; i++) if (l.df[i] >= lo && l.df[i] <= hi) out.push(c.vocab[i]);
    return out;
  };
  const one = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const pick = <T,>(xs: T[], n: number): T[] => (xs.length === 0 ? [] : Array.from({ length: n }, () => one(xs)));
  // Bands around src/captions/search.ts's constants: under 50 keys a word is "rare enough";
  // under CANDIDATE_CAP (4000) its candidates are all read; at the cap the index is walked.
  const rare = byDf(1, 49);
  const mid = byDf(200, 3999);
  const common = byDf(4000, Infinity);
  const groups: Query[][] = [];
  groups.push(pick(rare, 40).map((w) => ({ category: 'rare word', q: w })));
  groups.push(pick(mid, 40).map((w) => ({ category: 'mid word', q: w })));
  groups.push([
    ...['the', 'and', 'of'].map((w) => ({ category: 'common word', q: w })),
    ...pick(common, 27).map((w) => ({ category: 'common word', q: w })),
  ]);
  const pairs: Query[] = [];
  for (let i = 0; i < 40; i++) {
    const kind = i % 4;
    const [a, b] =
      kind === 0 ? [one(mid), one(common)] : kind === 1 ? [one(rare), one(common)] : kind === 2 ? [one(common), one(common)] : [one(mid), one(mid)];
    pairs.push({ category: 'two words', q: `${a} ${b}` });
  }
  groups.push(pairs);
  // Phrases of 2 to 4 consecutive words copied from stored cues.
  const phrases: Query[] = [];
  while (phrases.length < 40) {
    const seq = words(cueText(l, Math.floor(r() * l.populated), Math.floor(r() * l.cuesPerLecture)));
    const len = 2 + Math.floor(r() * 3);
    const start = Math.floor(r() * Math.max(1, seq.length - len + 1));
    phrases.push({ category: 'phrase', q: `"${seq.slice(start, start + len).join(' ')}"`, expectAtLeast: 1 });
  }
  groups.push(phrases);
  const seeded: Query[] = [];
  SEEDED.forEach((phrase, k) => {
    if (seededPlace(k, l.lectures, l.cuesPerLecture).lecture >= l.populated) return;
    const w = phrase.split(' ');
    seeded.push({ category: 'seeded phrase', q: `"${w.slice(1, 4).join(' ')}"`, expectAtLeast: 1 });
    seeded.push({ category: 'seeded phrase', q: `${w[w.length - 1]} "${w[0]} ${w[1]}"`, expectAtLeast: 1 });
  });
  groups.push(seeded);
  const misses: Query[] = [];
  for (let i = 0; i < 20; i++) misses.push({ category: 'miss', q: `zq${Math.floor(r() * 1e6).toString(36)}xv`, expectNone: true });
  for (let i = 0; i < 10; i++) misses.push({ category: 'miss', q: `${one(common)} zq${i}nothing`, expectNone: true });
  groups.push(misses);
  // Round-robin over the categories, so any prefix of the list is a fair mix.
  const out: Query[] = [];
  for (let i = 0; groups.some((g) => i < g.length); i++) for (const g of groups) if (i < g.length) out.push(g[i]);
  return out;
}

export async function runQueries(queries: Query[]) {
  const l = library();
  const out: Array<{ category: string; q: string; ms: number; hits: number; more: boolean; incomplete: boolean; ok: boolean }> = [];
  for (const query of queries) {
    const t0 = performance.now();
    // The first page, as the dashboard asks for it (its "Show more" asks again).
    const res = await searchTranscripts(l.db!, query.q, FIRST_PAGE);
    const ms = performance.now() - t0;
    const hits = res.hits.length;
    const ok = query.expectNone ? hits === 0 : query.expectAtLeast ? hits >= query.expectAtLeast : true;
    out.push({ category: query.category, q: query.q, ms, hits, more: res.more, incomplete: res.incomplete, ok });
  }
  return out;
}
