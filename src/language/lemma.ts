import lemmatize from 'wink-lemmatizer';

/**
 * The lower-case English base form of one word ("roots" → "root", "went" → "go").
 * wink-lemmatizer checks each candidate against WordNet, so a word it does not know comes
 * back as written. Its lexicon is about 3 MB: extension pages only, never the content script.
 */
export function baseForm(word: string): string {
  const w = word.toLowerCase().replace(/[’‘]/g, "'").replace(/'s$/, '');
  if (!/^[a-z][a-z'-]*$/.test(w)) return w;
  // -ing and -ed forms are read as verbs first ("cooking" → "cook", not the noun "cooking").
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
