// Glossary bench: marking glossary words in caption lines with 10,000 entries (every
// inflected form included), as the content script does (src/glossary/match.ts), against a
// naive scan of every form of every term in the same run. Also: the background's cost to
// expand the entries into their forms, the matcher build, and the size of what a page gets.
//
//   node bench/glossary.mjs          prints the figures, writes out/bench/glossary.json
//   import { benchGlossary } from './glossary.mjs'; const r = await benchGlossary({ log });
//
// Runs our real TypeScript, built for Node with Vite (SSR). Figures are reported, never asserted.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildForNode } from './lib/vite-build.mjs';
import { ROOT } from './lib/paths.mjs';
import { median, round, seededRandom } from './lib/stats.mjs';

const OUT = join(ROOT, 'out/bench-glossary');
const ENTRIES = 10_000;
const CUES = 2_000;
const RUNS = 7;
/** The naive scan takes ~30 ms a line: it is timed on the first lines only, fewer times. */
const NAIVE_CUES = 150;
const NAIVE_RUNS = 3;
export const GLOSSARY_TARGET_US_PER_CUE = 50;

async function buildModules() {
  const { modules } = await buildForNode({ outDir: OUT, entries: { match: 'src/glossary/match.ts', forms: 'src/glossary/forms.ts' } });
  return modules;
}

export async function benchGlossary({ log = console.log } = {}) {
  const { match, forms } = await buildModules();
  // Real English words: WordNet's lemma list (wink-lexicon, already a dependency of the lemmatizer).
  const { default: lexicon } = await import('wink-lexicon/src/wn-words.js');
  const words = Object.keys(lexicon).filter((w) => /^[a-z]{3,12}$/.test(w));
  const rnd = seededRandom(5);
  const pick = () => words[Math.floor(rnd() * words.length)];
  const terms = new Set();
  // One in ten entries is a two-word phrase.
  while (terms.size < ENTRIES) terms.add(terms.size % 10 === 9 ? `${pick()} ${pick()}` : pick());
  const entries = [...terms].map((term, i) => ({ id: `e${i}`, term, meaning: `meaning ${i}` }));

  const t0 = performance.now();
  const compact = entries.map((e) => forms.compactEntry(e));
  const expandMs = performance.now() - t0;
  const formCount = compact.reduce((n, e) => n + e.forms.reduce((m, f) => m + f.length, 0), 0);
  const payloadBytes = Buffer.byteLength(JSON.stringify({ version: 1, entries: compact }));

  const t1 = performance.now();
  const matcher = match.buildMatcher(compact);
  const buildMs = performance.now() - t1;

  // Caption lines of 6-16 words; about one word in eight is a glossary word in some form.
  const filler = 'the a of and to in is that it for on with as was at by this be from or have an they which one you were all we can her has there been if more when will would who so no'.split(' ');
  const cues = [];
  for (let i = 0; i < CUES; i++) {
    const n = 6 + Math.floor(rnd() * 11);
    const out = [];
    for (let k = 0; k < n; k++) {
      if (rnd() < 0.125) {
        const e = compact[Math.floor(rnd() * compact.length)];
        out.push(e.forms.map((f) => f[Math.floor(rnd() * f.length)]).join(' '));
      } else out.push(rnd() < 0.6 ? filler[Math.floor(rnd() * filler.length)] : pick());
    }
    const line = out.join(' ');
    cues.push(`${line[0].toUpperCase()}${line.slice(1)}.`);
  }

  // The naive way: every form of every term, looked for in every line (whole words only).
  const naiveTerms = compact.map((e) => ({ e, phrases: cartesian(e.forms) }));
  const naive = (text) => {
    const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    const found = [];
    for (const { e, phrases } of naiveTerms) for (const p of phrases) if (lower.includes(` ${p} `)) found.push(e.id);
    return found;
  };

  const time = (fn, lines, runsWanted) => {
    const runs = [];
    let hits = 0;
    for (let r = 0; r < runsWanted; r++) {
      hits = 0;
      const s = performance.now();
      for (const c of lines) hits += fn(c).length;
      runs.push(((performance.now() - s) * 1000) / lines.length);
    }
    return { usPerCue: median(runs), hits };
  };
  time((c) => matcher.find(c), cues, 2); // warm-up
  const ours = time((c) => matcher.find(c), cues, RUNS);
  const few = cues.slice(0, NAIVE_CUES);
  const oursOnFew = time((c) => matcher.find(c), few, RUNS);
  const baseline = time(naive, few, NAIVE_RUNS);

  const result = {
    entries: ENTRIES,
    forms: formCount,
    cues: CUES,
    usPerCue: { matcher: round(ours.usPerCue, 2), naiveScan: round(baseline.usPerCue, 1) },
    naiveCues: NAIVE_CUES,
    // Same lines for both sides of the ratio.
    ratio: round(baseline.usPerCue / oursOnFew.usPerCue, 0),
    // The naive scan counts a phrase and its own words separately; the matcher keeps the longest.
    hitsOnNaiveLines: { matcher: oursOnFew.hits, naiveScan: baseline.hits },
    backgroundExpandMs: round(expandMs, 0),
    matcherBuildMs: round(buildMs, 1),
    payloadBytes,
    target: { usPerCue: GLOSSARY_TARGET_US_PER_CUE },
    pass: ours.usPerCue <= GLOSSARY_TARGET_US_PER_CUE,
  };
  log(`  ${ENTRIES} entries, ${formCount} forms; matcher ${result.usPerCue.matcher} µs/cue vs naive ${result.usPerCue.naiveScan} µs/cue (${result.ratio}x on ${NAIVE_CUES} lines); hits ${oursOnFew.hits} / ${baseline.hits}`);
  log(`  background expansion ${result.backgroundExpandMs} ms, matcher build ${result.matcherBuildMs} ms, payload ${Math.round(payloadBytes / 1024)} KB`);
  return result;
}

function cartesian(lists) {
  return lists.reduce((acc, forms) => acc.flatMap((a) => forms.map((f) => (a ? `${a} ${f}` : f))), ['']);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchGlossary();
  mkdirSync(join(ROOT, 'out/bench'), { recursive: true });
  writeFileSync(join(ROOT, 'out/bench/glossary.json'), `${JSON.stringify(r, null, 2)}\n`);
}
