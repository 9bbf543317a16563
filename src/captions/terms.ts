/**
 * Word normalisation shared by indexing and querying: lower case, accents folded,
 * split on letters and digits; CJK text (no spaces) split with Intl.Segmenter.
 */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// Only Latin/Greek/Cyrillic accents fold; marks that are part of a letter (Devanagari
// vowel signs, kana voicing) must stay, so the text is recomposed afterwards.
const ACCENTS = /[\u0300-\u036f]+/g;

let segmenter: Intl.Segmenter | undefined;

/** True when a text holds Chinese or Japanese, written without spaces between words. */
export const hasCjk = (text: string): boolean => CJK.test(text);

export function normalise(text: string): string {
  return text.normalize('NFKD').replace(ACCENTS, '').normalize('NFC').toLowerCase();
}

/** Words of a text in order (duplicates kept), normalised. */
export function words(text: string): string[] {
  const plain = normalise(text);
  if (!CJK.test(plain)) return plain.match(WORD) ?? [];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(plain)) {
    if (s.isWordLike) out.push(...(s.segment.match(WORD) ?? []));
  }
  return out;
}

/** Distinct words of a text, for the search index. */
export function terms(text: string): string[] {
  return [...new Set(words(text))];
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
