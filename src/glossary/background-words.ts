// The background's glossary writes and forms, which need the lemmatizer: imported by
// background.ts only after lexiconReady() has loaded the word lists.
export { addWord, addWords } from './store';
export { compactEntry } from './forms';
