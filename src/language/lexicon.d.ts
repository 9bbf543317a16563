declare module 'virtual:lexicon' {
  /** Loads the English word lists of the lemmatizer once (scripts/lexicon-plugin.ts); call before baseForm. */
  export function lexiconReady(): Promise<void>;
}
