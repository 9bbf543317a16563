import { baseForm } from '../language/lemma';

/** A trimmed word-frequency list (scripts/word-frequency-plugin.ts makes it at build time). */
export interface FrequencyData {
  words: string;
  zipfSteps: Array<[number, number]>;
}

export interface WordFrequency {
  /** Zipf value (about 1–7.5; 7 = "the", 3 = once per million words); 0 when the list does not have the word. */
  zipf(word: string): number;
}

export function loadFrequency(data: FrequencyData): WordFrequency {
  const rank = new Map<string, number>();
  data.words.split('\n').forEach((w, i) => rank.set(w, i));
  const steps = data.zipfSteps;
  return {
    zipf(word) {
      const r = rank.get(word);
      if (r === undefined) return 0;
      for (const [z, n] of steps) if (r < n) return z;
      return steps[steps.length - 1]?.[0] ?? 0;
    },
  };
}

export interface WordToKnow {
  /** As the lecture says it most often ("roots", "carbon dioxide"). */
  text: string;
  /** Lower-case base form (phrases: each word's base form); what the glossary compares. */
  base: string;
  zipf: number;
  /** How many times the lecture says it. */
  count: number;
  /** The first line that says it. */
  cueIndex: number;
  start: number;
  sentence: string;
}

export interface WordsToKnowOptions {
  /** Base forms the learner already has (the glossary). */
  exclude?: ReadonlySet<string>;
  /** Words at or above this Zipf value are common. 3.5 ≈ 160 times in the 51 million words of SUBTLEXus. */
  maxZipf?: number;
  limit?: number;
}

export const DEFAULT_MAX_ZIPF = 3.5;
/** A word a phrase is built around must itself be a content word: "the stomata" is not a phrase. */
const FUNCTION_WORD_ZIPF = 5.5;
// Accented letters too ("café", "naïve"; marks for text in decomposed form). Latin script
// only: the list is English, and a word in another script would rank as rarest.
const WORD = /[\p{sc=Latin}\p{M}]+(?:['’][\p{sc=Latin}\p{M}]+)*/gu;
/** Sound tags ("[INAUDIBLE]", "(laughs)") and speaker labels ("LILA FISHER:" at a line's start) are not what is said. */
const SOUND_TAG = /\[[^\]]*\]|\([^)]*\)/g;
const SPEAKER = /^[ \t>-]*\p{Lu}[\p{Lu}\p{M} .'’-]*:/gmu;
const SENTENCE_END = /[.!?:;]/;
/** SUBTLEX spells words without accents ("cafe", "cliche"). */
const plain = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

interface Seen {
  base: string;
  zipf: number;
  count: number;
  forms: Map<string, number>;
  cue: { index: number; start: number; text: string };
  /** Seen in lower case, or capitalised only where a sentence starts: not a name. */
  common: boolean;
}

/**
 * The lecture's least common words and two-word phrases, rarest (and most repeated) first, with the line that
 * first says each. Names (always capitalised mid-sentence), short words and the learner's
 * glossary words are left out.
 */
export function wordsToKnow(
  cues: ReadonlyArray<{ index: number; start: number; text: string }>,
  freq: WordFrequency,
  { exclude = new Set(), maxZipf = DEFAULT_MAX_ZIPF, limit = 40 }: WordsToKnowOptions = {},
): WordToKnow[] {
  const words = new Map<string, Seen>();
  const pairs = new Map<string, Seen & { parts: [string, string] }>();
  const bases = new Map<string, { base: string; zipf: number }>();
  const info = (lower: string) => {
    let got = bases.get(lower);
    if (!got) {
      const base = baseForm(lower);
      const spelt = plain(lower);
      got = { base, zipf: Math.max(freq.zipf(spelt), freq.zipf(spelt === lower ? base : baseForm(spelt))) };
      bases.set(lower, got);
    }
    return got;
  };
  const note = <T extends Seen>(map: Map<string, T>, key: string, make: () => T, form: string, common: boolean) => {
    let s = map.get(key);
    if (!s) map.set(key, (s = make()));
    s.count++;
    s.forms.set(form, (s.forms.get(form) ?? 0) + 1);
    s.common ||= common;
    return s;
  };

  // A sentence runs on across lines: whether the next word starts one carries over.
  let sentenceStart = true;
  for (const cue of cues) {
    const c = { index: cue.index, start: cue.start, text: cue.text };
    // A label starts what its speaker says; a tag stands between words, so no phrase spans it.
    const text = cue.text.replace(SPEAKER, '.').replace(SOUND_TAG, ' | ');
    let prev: { lower: string; base: string; zipf: number } | null = null;
    let end = 0;
    for (const m of text.matchAll(WORD)) {
      const raw = m[0].replace(/['’]s$/, '');
      const lower = raw.toLowerCase();
      const between = text.slice(end, m.index);
      end = m.index! + m[0].length;
      if (SENTENCE_END.test(between)) sentenceStart = true;
      const capitalised = /^\p{Lu}/u.test(raw) && !sentenceStart;
      sentenceStart = false;
      if (lower.includes("'") || lower.includes('’')) {
        prev = null;
        continue;
      }
      const { base, zipf } = info(lower);
      if (lower.length >= 3 && zipf < maxZipf) {
        note(words, base, () => ({ base, zipf, count: 0, forms: new Map(), cue: c, common: false }), lower, !capitalised);
      }
      // A phrase: two content words side by side with nothing but a space between them.
      if (prev && /^\s+$/.test(between) && lower.length >= 3 && prev.lower.length >= 3 && Math.max(prev.zipf, zipf) < FUNCTION_WORD_ZIPF && Math.min(prev.zipf, zipf) < maxZipf) {
        const key = `${prev.base} ${base}`;
        const text = `${prev.lower} ${lower}`;
        note(pairs, key, () => ({ base: key, zipf: Math.min(prev!.zipf, zipf), count: 0, forms: new Map(), cue: c, common: false, parts: [prev!.base, base] as [string, string] }), text, !capitalised);
      }
      prev = { lower, base, zipf };
    }
    if (SENTENCE_END.test(text.slice(end))) sentenceStart = true;
  }

  const out: WordToKnow[] = [];
  const usual = (forms: Map<string, number>) => [...forms].sort((a, b) => b[1] - a[1])[0][0];
  for (const p of pairs.values()) {
    // A term, not a coincidence: said twice or more, and its rarer word mostly comes in it.
    const rarer = Math.min(...p.parts.map((part) => words.get(part)?.count ?? Infinity));
    if (p.count < 2 || p.count * 2 < rarer || !p.common || exclude.has(p.base)) continue;
    out.push({ text: usual(p.forms), base: p.base, zipf: p.zipf, count: p.count, cueIndex: p.cue.index, start: p.cue.start, sentence: p.cue.text });
    // The phrase stands for a word that never appears without it.
    for (const part of p.parts) if (words.get(part)?.count === p.count) words.delete(part);
  }
  for (const w of words.values()) {
    if (!w.common || exclude.has(w.base)) continue;
    out.push({ text: usual(w.forms), base: w.base, zipf: w.zipf, count: w.count, cueIndex: w.cue.index, start: w.cue.start, sentence: w.cue.text });
  }
  // Rarest first; a word the lecture says ten times counts one Zipf step rarer (the learner meets it more).
  const score = (w: WordToKnow) => w.zipf - Math.log10(w.count);
  return out.sort((a, b) => score(a) - score(b) || a.start - b.start).slice(0, limit);
}
