/**
 * Word normalisation shared by indexing and querying: lower case, accents folded,
 * split on letters and digits. Scripts written without spaces get more:
 * - Chinese and Japanese: one character a word, and the index also holds each pair of
 *   adjacent characters. A dictionary segmenter splits the same word differently in
 *   different lines (从算筹到ENIAC gave 筹到; 讲的 was one word), so searching by its
 *   words would miss lines; characters and pairs find every line that holds the text.
 * - Thai, Lao, Khmer and Burmese: split into words with Intl.Segmenter (their letters
 *   alone mean little, so no pairs).
 */
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc]/u;
const SEGMENTED = /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const UNSPACED = new RegExp(`${CJK.source}|${SEGMENTED.source}`, 'u');
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// A CJK character with its marks, or a run of other letters and digits.
const CJK_PIECE = new RegExp(`${CJK.source}\\p{M}*|(?:(?!${CJK.source})[\\p{L}\\p{N}\\p{M}])+`, 'gu');
// Only Latin/Greek/Cyrillic accents fold; marks that are part of a letter (Devanagari
// vowel signs, kana voicing) must stay, so the text is recomposed afterwards.
const ACCENTS = /[\u0300-\u036f]+/g;

let segmenter: Intl.Segmenter | undefined;

/** True when a text holds Chinese or Japanese, written without spaces between words. */
const hasCjk = (text: string): boolean => CJK.test(text);

export function normalise(text: string): string {
  return text.normalize('NFKD').replace(ACCENTS, '').normalize('NFC').toLowerCase();
}

/** Words of a text in order (duplicates kept), normalised; Chinese and Japanese one character a word. */
export function words(text: string): string[] {
  const plain = normalise(text);
  if (!UNSPACED.test(plain)) return plain.match(WORD) ?? [];
  let runs: string[];
  if (SEGMENTED.test(plain)) {
    // The segmenter's dictionaries follow the script, whatever the locale.
    segmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
    runs = [];
    for (const s of segmenter.segment(plain)) if (s.isWordLike) runs.push(...(s.segment.match(WORD) ?? []));
  } else {
    runs = plain.match(WORD) ?? [];
  }
  const out: string[] = [];
  for (const run of runs) {
    if (hasCjk(run)) out.push(...(run.match(CJK_PIECE) ?? []));
    else out.push(run);
  }
  return out;
}

/** Each pair of adjacent CJK characters of a word sequence, in order. */
function cjkPairs(seq: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < seq.length; i++) if (hasCjk(seq[i - 1]) && hasCjk(seq[i])) out.push(seq[i - 1] + seq[i]);
  return out;
}

/** Distinct index terms of a text: its words, and its pairs of adjacent CJK characters. */
export function terms(text: string): string[] {
  const seq = words(text);
  return [...new Set([...seq, ...cjkPairs(seq)])];
}

/**
 * The index terms a search for this word sequence looks up: each CJK character that is
 * part of a pair by its pairs (far rarer than the characters, so fewer lines to read),
 * every other word as it is. A line holding them all may still hold them apart: the
 * caller checks the sequence itself unless `pairOnly` says the terms are the proof.
 */
export function lookupTerms(seq: readonly string[]): { terms: string[]; pairOnly: boolean } {
  const pairs = cjkPairs(seq);
  const paired = (i: number) => hasCjk(seq[i]) && ((i > 0 && hasCjk(seq[i - 1])) || (i + 1 < seq.length && hasCjk(seq[i + 1])));
  const rest = seq.filter((_, i) => !paired(i));
  return { terms: [...new Set([...rest, ...pairs])], pairOnly: seq.length === 2 && pairs.length === 1 };
}

/** True when the text has words written without spaces (a query's such run must match in a row). */
export function unspaced(text: string): boolean {
  return UNSPACED.test(text);
}

/** True when `needle` occurs in `hay` as consecutive words. */
export function containsPhrase(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
