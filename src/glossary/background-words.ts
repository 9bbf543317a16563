// The background's glossary writes and forms, which need the lemmatizer: imported lazily
// by background.ts so the service worker starts without loading its word lists.
export { addWord, addWords } from './store';
export { compactEntry } from './forms';
