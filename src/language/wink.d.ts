declare module 'wink-lemmatizer' {
  const lemmatize: {
    noun(word: string): string;
    verb(word: string): string;
    adjective(word: string): string;
  };
  export default lemmatize;
}
declare module 'wink-lexicon/src/wn-verb-exceptions.js' {
  const map: Record<string, string>;
  export default map;
}
declare module 'wink-lexicon/src/wn-noun-exceptions.js' {
  const map: Record<string, string>;
  export default map;
}
declare module 'wink-lexicon/src/wn-adjective-exceptions.js' {
  const map: Record<string, string>;
  export default map;
}
