import { isCjkChar, tokenize, type Token } from './match';

/** Longest term a learner can add: a phrase, not a paragraph. */
export const MAX_TERM_CHARS = 80;
export const MAX_TERM_WORDS = 8;
export const MAX_SENTENCE_CHARS = 600;

/** A glossary input that cannot be stored; `key` names the message in _locales. */
export class GlossaryError extends Error {
  constructor(
    readonly key: 'glossaryEmptyTerm' | 'glossaryTooLong' | 'glossaryNotThere',
    english: string,
  ) {
    super(english);
  }
}

/**
 * Words for the length limit: characters written together in Chinese or Japanese
 * (one token each) count as one word, so "マサチューセッツ工科大学" is one term, not twelve.
 */
function wordCount(term: string, tokens: readonly Token[]): number {
  let n = 0;
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const joined = prev && prev.end === t.start && isCjkChar(term.slice(t.start, t.end)) && isCjkChar(term.slice(prev.start, prev.end));
    if (!joined) n++;
  });
  return n;
}

/** The term as it will be stored: one line, single spaces, NFC. Throws GlossaryError. */
export function cleanTerm(raw: string): string {
  const term = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const words = tokenize(term);
  if (words.length === 0) throw new GlossaryError('glossaryEmptyTerm', 'Select a word or a few words first.');
  if (term.length > MAX_TERM_CHARS || wordCount(term, words) > MAX_TERM_WORDS) {
    throw new GlossaryError('glossaryTooLong', `That selection is too long for the glossary (at most ${MAX_TERM_WORDS} words or ${MAX_TERM_CHARS} characters). Select a word or a short phrase.`);
  }
  return term;
}

/** The sentence kept with a word: one paragraph of text, cut around the term when very long. */
export function cleanSentence(raw: string, term: string): string {
  const s = raw.normalize('NFC').replace(/[ \t\r\f\v]+/g, ' ').trim();
  if (s.length <= MAX_SENTENCE_CHARS) return s;
  const at = Math.max(0, s.toLowerCase().indexOf(term.toLowerCase()));
  const from = Math.max(0, Math.min(at - MAX_SENTENCE_CHARS / 2, s.length - MAX_SENTENCE_CHARS));
  return `${from > 0 ? '…' : ''}${s.slice(from, from + MAX_SENTENCE_CHARS).trim()}…`;
}
