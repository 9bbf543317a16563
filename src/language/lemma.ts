import lemmatize from 'wink-lemmatizer';
import verbExceptions from 'wink-lexicon/src/wn-verb-exceptions.js';
import nounExceptions from 'wink-lexicon/src/wn-noun-exceptions.js';
import adjectiveExceptions from 'wink-lexicon/src/wn-adjective-exceptions.js';

/*
 * English base forms (WordNet's morphology via wink-lemmatizer). The word lists weigh about
 * 3 MB, so only the background and the bench import this file; the content script and the
 * extension pages get ready-made surface forms from the background.
 */

const ENGLISH_WORD = /^[a-z][a-z'-]*$/;

/**
 * Common lecture words whose base WordNet's rules get wrong for a learner: "does" is not
 * the deer "doe", "evening" is not a form of "even", a field of study is not the plural of
 * an old word ("physics", not "physic"), and "data" is what courses say.
 */
const OWN_BASE: ReadonlyMap<string, string> = new Map([
  ['does', 'do'],
  ['evening', 'evening'],
  ['evenings', 'evening'],
  ['species', 'species'],
  ['data', 'data'],
  ...['physics', 'mathematics', 'economics', 'genetics', 'politics', 'ethics', 'linguistics', 'electronics', 'mechanics', 'thermodynamics', 'robotics', 'logistics', 'optics', 'acoustics', 'aesthetics', 'athletics'].map((w) => [w, w] as const),
]);

/** Lower-case English lemma: "ran" and "running" give "run". Other scripts come back lower-cased. */
export function baseForm(word: string): string {
  // Typographic apostrophes and a possessive 's come from caption text ("the model’s").
  const w = word.normalize('NFC').toLowerCase().replace(/[’‘]/g, "'").replace(/'s$/, '');
  if (!ENGLISH_WORD.test(w)) return w;
  const own = OWN_BASE.get(w);
  if (own) return own;
  // -ing and -ed forms are read as verbs first ("cooking" -> cook, not the noun "cooking");
  // other words as nouns first ("leaves" -> leaf).
  if (/(?:ing|ed)$/.test(w)) {
    const verb = lemmatize.verb(w);
    if (verb !== w) return verb;
  }
  for (const pos of ['noun', 'verb', 'adjective'] as const) {
    const lemma = lemmatize[pos](w);
    if (lemma !== w) return lemma;
  }
  return w;
}

let irregular: Map<string, Set<string>> | undefined;
let irregularVerbs: Set<string> | undefined;

/** base -> irregular inflected forms ("run" -> ran), from WordNet's exception lists. */
function irregularForms(): Map<string, Set<string>> {
  if (irregular) return irregular;
  irregular = new Map();
  for (const list of [verbExceptions, nounExceptions, adjectiveExceptions]) {
    for (const [inflected, base] of Object.entries(list)) {
      if (!irregular.has(base)) irregular.set(base, new Set());
      irregular.get(base)!.add(inflected);
    }
  }
  return irregular;
}

const VOWEL = /[aeiou]/;

/** Regular English endings a base form may take; each candidate is checked with baseForm. */
function regularCandidates(base: string): string[] {
  const out = [`${base}s`, `${base}es`, `${base}ed`, `${base}d`, `${base}ing`, `${base}er`, `${base}est`, `${base}r`, `${base}st`];
  if (base.endsWith('e')) out.push(`${base.slice(0, -1)}ing`);
  if (/[^aeiou]y$/.test(base)) {
    const stem = base.slice(0, -1);
    out.push(`${stem}ies`, `${stem}ied`, `${stem}ier`, `${stem}iest`);
  }
  // stop -> stopped, stopping: one short vowel before a final consonant.
  const last = base.at(-1) ?? '';
  if (base.length >= 3 && /[bdfgklmnprtvz]/.test(last) && VOWEL.test(base.at(-2) ?? '') && !VOWEL.test(base.at(-3) ?? '')) {
    out.push(`${base}${last}ed`, `${base}${last}ing`, `${base}${last}er`, `${base}${last}est`);
  }
  return out;
}

/**
 * Every surface form of one English word that baseForm() takes back to the same base:
 * "run" -> run, runs, ran, running. Words of other scripts are only themselves.
 */
export function surfaceForms(word: string): string[] {
  const w = word.normalize('NFC').toLowerCase();
  if (!ENGLISH_WORD.test(w)) return [w];
  const base = baseForm(w);
  const forms = new Set([w, base]);
  for (const f of irregularForms().get(base) ?? []) forms.add(f);
  // An irregular verb has its own past ("ran"): the rule-made "runed" is not English.
  const irregularPast = (irregularVerbs ??= new Set(Object.values(verbExceptions))).has(base);
  for (const f of regularCandidates(base)) {
    if (irregularPast && f.endsWith('ed')) continue;
    if (baseForm(f) === base) forms.add(f);
  }
  return [...forms];
}
