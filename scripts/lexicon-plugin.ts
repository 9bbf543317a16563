import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { LEXICON_FILE, senseMask, type LexiconFile } from '../src/language/lexicon-load';

/**
 * Build step: the WordNet word lists of the English lemmatizer (wink-lexicon, read by
 * wink-lemmatizer and src/language/lemma.ts) leave the code and become one data file,
 * `lexicon.json`, loaded on first need by `lexiconReady()` from `virtual:lexicon`.
 *
 * Why: bundled as code they were 1.7 MB of the service worker's 2.2 MB, and Chromium
 * parses a service worker's whole script every time it starts (it stops after 30 s
 * idle). A stopped worker took about 280 ms to give its first answer, against about
 * 20 ms for an empty worker (bench figure 8). The lists are needed only to add a word
 * or to mark glossary words, and the data file keeps only what the lemmatizer reads.
 *
 * In the build the lists' modules are the loader's parts (src/language/lexicon-load.ts),
 * which answer once `lexiconReady()` has loaded the file: the lemmatizer keeps its
 * references to them. In unit tests and benches (`lazy: false`) the real modules stay
 * and `lexiconReady()` does nothing.
 */
export const LEXICON_MODULE = 'virtual:lexicon';
export { LEXICON_FILE };

/** wink-lexicon's lists, by part. `words` maps a word to its index in `senses`. */
const PARTS = {
  words: 'wink-lexicon/src/wn-words.js',
  senses: 'wink-lexicon/src/wn-word-senses.js',
  verb: 'wink-lexicon/src/wn-verb-exceptions.js',
  noun: 'wink-lexicon/src/wn-noun-exceptions.js',
  adjective: 'wink-lexicon/src/wn-adjective-exceptions.js',
} as const;
type Part = keyof typeof PARTS;

const PART_ID = '\0moocmate-lexicon-part:';
const MODULE_ID = `\0${LEXICON_MODULE}`;

/** The data file's text, from the installed wink-lexicon (its form: src/language/lexicon-load.ts). */
export function lexiconFile(): string {
  const require = createRequire(import.meta.url);
  const words = require(PARTS.words) as Record<string, number>;
  const senses = require(PARTS.senses) as number[][];
  const list = Object.keys(words);
  // The index must be the position, and the order sorted: the loader finds words by binary search.
  list.forEach((w, i) => {
    if (words[w] !== i || (i > 0 && !(list[i - 1] < w)) || w.includes('\n')) {
      throw new Error(`wink-lexicon: "${w}" is out of order; scripts/lexicon-plugin.ts needs a look.`);
    }
  });
  const file: LexiconFile = {
    words: list.join('\n'),
    masks: senses.map(senseMask).join(''),
    verb: { ...require(PARTS.verb) },
    noun: { ...require(PARTS.noun) },
    adjective: { ...require(PARTS.adjective) },
  };
  return JSON.stringify(file);
}

const LOADER = JSON.stringify(fileURLToPath(new URL('../src/language/lexicon-load.ts', import.meta.url)));

// In the build: wink-lexicon's data modules are the loader's parts, and `virtual:lexicon`
// its ready().
const partCode = (part: Part) => `module.exports = require(${LOADER}).lexicon.parts.${part};\n`;
const readyCode = `import { lexicon } from ${LOADER};\nexport const lexiconReady = lexicon.ready;\n`;

export function lexiconPlugin({ lazy }: { lazy: boolean }): Plugin {
  const byId = new Map<string, Part>(Object.entries(PARTS).map(([part, id]) => [id, part as Part]));
  return {
    name: 'moocmate:lexicon',
    enforce: 'pre',
    resolveId(source) {
      if (source === LEXICON_MODULE) return MODULE_ID;
      const part = lazy ? byId.get(source) : undefined;
      return part ? PART_ID + part : null;
    },
    load(id) {
      if (id === MODULE_ID) return lazy ? readyCode : 'export const lexiconReady = () => Promise.resolve();\n';
      if (id.startsWith(PART_ID)) return partCode(id.slice(PART_ID.length) as Part);
      return null;
    },
  };
}
