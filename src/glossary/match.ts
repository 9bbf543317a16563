/*
 * Finding glossary words in caption text. Safe for the content script: no dictionary, no
 * lemmatizer. The background expands every entry into its surface forms (forms.ts) and
 * sends them in the compact shape below; this file only tokenizes and looks words up.
 */

export interface GlossaryMatch {
  /** UTF-16 offsets into the text: text.slice(start, end) is what the learner sees. */
  start: number;
  end: number;
  entryId: string;
  term: string;
  meaning: string;
}

export interface GlossaryMatcher {
  find(text: string): GlossaryMatch[];
}

/** One entry as the background sends it: `forms[i]` lists the accepted words at position i. */
export interface CompactEntry {
  id: string;
  term: string;
  meaning: string;
  forms: string[][];
}

export interface MatcherData {
  /** Changes whenever the glossary changes, so a page can tell it is up to date. */
  version: number;
  entries: CompactEntry[];
}

export interface Token {
  start: number;
  end: number;
  /** NFC, lower case: the key the background's forms use too. */
  norm: string;
}

// One Han/kana character or emoji per token (these scripts write no spaces, so a term
// is a run of single-character tokens); any other run of letters, marks and digits is a word,
// with the apostrophes inside it ("don't", "o'clock", "Newton's").
const CJK_CHAR = String.raw`[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]`;
const WORD_CHAR = String.raw`(?!${CJK_CHAR})[\p{L}\p{M}\p{N}]`;
// A pictograph keeps its skin tone and variation marks, and joins (ZWJ) the ones it is drawn with (👩‍🔬).
const PICTOGRAPH = String.raw`\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]*`;
const TOKEN = new RegExp(
  String.raw`${CJK_CHAR}|${PICTOGRAPH}(?:\u200D${PICTOGRAPH})*|${WORD_CHAR}+(?:['\u2019]${WORD_CHAR}+)*`,
  'gu',
);
// Between two words of a phrase only spaces and hyphens may stand (not a full stop).
const PHRASE_GAP = /^[\s\-\u2010\u2011\u00a0]*$/;
// "the model's output" marks a kept "model" (the possessive is no form of its own).
const POSSESSIVE = "'s";

const ONE_CJK_CHAR = new RegExp(`^${CJK_CHAR}$`, 'u');

/** True for a token that is one Han or kana character (those scripts write no spaces). */
export const isCjkChar = (token: string): boolean => ONE_CJK_CHAR.test(token);

export function normaliseToken(word: string): string {
  // Captions write both apostrophes; the background's forms use the straight one.
  return word.normalize('NFC').toLowerCase().replace(/\u2019/g, "'");
}

/** "model's" without its possessive, or '' (no entry's key) when there is none. */
function bare(norm: string): string {
  return norm.endsWith(POSSESSIVE) ? norm.slice(0, -POSSESSIVE.length) : '';
}

// French and Italian elide an article or a small word onto the next one: "l'eau" is "l" and
// "eau", "dell'acqua" is "dell" and "acqua" (as before words kept their apostrophes). Other
// apostrophes are inside one word: "don't", "o'clock", "aujourd'hui".
const ELISION = /^(?:c|d|j|l|m|n|s|t|qu|jusqu|lorsqu|puisqu|quelqu|dell|dall|nell|sull|all|un|quell|quest)['\u2019](?=\p{L})/iu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let start = m.index;
    let word = m[0];
    for (let e = ELISION.exec(word); e; e = ELISION.exec(word)) {
      const cut = e[0].length - 1; // the apostrophe stands between the two words
      out.push({ start, end: start + cut, norm: normaliseToken(word.slice(0, cut)) });
      start += cut + 1;
      word = word.slice(cut + 1);
    }
    out.push({ start, end: start + word.length, norm: normaliseToken(word) });
  }
  return out;
}

/**
 * Where a term is written in a sentence, as whole words (so "cat" is not the start of
 * "category"), with offsets into the sentence as written; null when it is not there.
 */
export function findTerm(sentence: string, term: string): { start: number; end: number } | null {
  const want = tokenize(term);
  if (want.length === 0) return null;
  const words = tokenize(sentence);
  outer: for (let i = 0; i + want.length <= words.length; i++) {
    for (let k = 0; k < want.length; k++) {
      if (words[i + k].norm !== want[k].norm) continue outer;
      if (k > 0 && !PHRASE_GAP.test(sentence.slice(words[i + k - 1].end, words[i + k].start))) continue outer;
    }
    return { start: words[i].start, end: words[i + want.length - 1].end };
  }
  return null;
}

interface Candidate {
  entry: CompactEntry;
  rest: Array<Set<string>>;
}

/** A matcher over the background's expanded glossary: one map lookup per word of a cue. */
export function buildMatcher(data: MatcherData | CompactEntry[]): GlossaryMatcher {
  const entries = Array.isArray(data) ? data : data.entries;
  const byFirst = new Map<string, Candidate[]>();
  for (const entry of entries) {
    if (entry.forms.length === 0) continue;
    const rest = entry.forms.slice(1).map((f) => new Set(f));
    for (const first of new Set(entry.forms[0])) {
      const list = byFirst.get(first);
      const c = { entry, rest };
      if (list) list.push(c);
      else byFirst.set(first, [c]);
    }
  }
  // Longest phrases first, so "carbon dioxide" wins over "carbon".
  for (const list of byFirst.values()) list.sort((a, b) => b.rest.length - a.rest.length);

  return {
    find(text: string): GlossaryMatch[] {
      const matches: GlossaryMatch[] = [];
      if (byFirst.size === 0 || !text) return matches;
      const tokens = tokenize(text);
      let i = 0;
      while (i < tokens.length) {
        const list = byFirst.get(tokens[i].norm) ?? byFirst.get(bare(tokens[i].norm));
        let taken = 0;
        if (list) {
          for (const c of list) {
            if (fits(text, tokens, i, c.rest)) {
              const last = tokens[i + c.rest.length];
              matches.push({ start: tokens[i].start, end: last.end, entryId: c.entry.id, term: c.entry.term, meaning: c.entry.meaning });
              taken = c.rest.length + 1;
              break;
            }
          }
        }
        i += taken || 1;
      }
      return matches;
    },
  };
}

function fits(text: string, tokens: Token[], i: number, rest: Array<Set<string>>): boolean {
  if (i + rest.length >= tokens.length) return rest.length === 0;
  for (let k = 0; k < rest.length; k++) {
    const prev = tokens[i + k];
    const next = tokens[i + k + 1];
    if (!(rest[k].has(next.norm) || rest[k].has(bare(next.norm))) || !PHRASE_GAP.test(text.slice(prev.end, next.start))) return false;
  }
  return true;
}
