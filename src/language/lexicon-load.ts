/**
 * The lemmatizer's WordNet word lists, loaded on first need from the data file the build
 * writes (scripts/lexicon-plugin.ts). In the build, wink-lemmatizer's own data modules are
 * the `parts` below: it keeps references to them from its start, and they answer once the
 * file is in.
 *
 * wink-lemmatizer asks two things of the lists: a word's index (`words[w]`) and the kinds
 * of its WordNet senses (`senses[index]`), only to know whether the word can be an
 * adjective (a sense under 2), a verb (29 to 43) or a noun (3 to 28). So the file keeps
 * the words in their sorted order (the index is the position: found by binary search,
 * nothing to build) and one digit per word for those three answers. Loading it costs
 * about a third of reading wink-lexicon's full lists.
 */
export interface LexiconFile {
  /** Every word, in index order, which is sorted order; one per line. */
  words: string;
  /** One digit per word: 1 adjective + 2 verb + 4 noun. */
  masks: string;
  verb: Record<string, string>;
  noun: Record<string, string>;
  adjective: Record<string, string>;
}

export interface LexiconParts {
  words: Record<string, number>;
  senses: number[][];
  verb: Record<string, string>;
  noun: Record<string, string>;
  adjective: Record<string, string>;
}

export const ADJECTIVE = 1;
export const VERB = 2;
export const NOUN = 4;

/** The three answers of a list of sense kinds, as wink-lemmatizer reads them. */
export function senseMask(senses: readonly number[]): number {
  let mask = 0;
  for (const s of senses) {
    if (s < 2) mask |= ADJECTIVE;
    if (s > 28 && s < 44) mask |= VERB;
    if (s > 2 && s < 29) mask |= NOUN;
  }
  return mask;
}

/** One sense list for each combination of answers (2 is none of the three). */
const SENSES_BY_MASK: number[][] = Array.from({ length: 8 }, (_, m) => {
  const s = [m & ADJECTIVE ? 0 : -1, m & VERB ? 30 : -1, m & NOUN ? 3 : -1].filter((x) => x >= 0);
  return s.length ? s : [2];
});

export interface Lexicon {
  parts: LexiconParts;
  /** Loads the file once; a failed load is tried again at the next call. */
  ready(): Promise<void>;
}

export function createLexicon(fetchFile: () => Promise<Response>): Lexicon {
  let list: string[] = [];
  let masks = '';
  const indexOf = (word: string): number | undefined => {
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = list[mid];
      if (w === word) return mid;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const parts: LexiconParts = {
    words: new Proxy(Object.create(null) as Record<string, number>, {
      get: (_t, key) => (typeof key === 'string' ? indexOf(key) : undefined),
    }),
    senses: new Proxy([] as number[][], {
      get: (t, key) => (typeof key === 'string' && /^\d+$/.test(key) && +key < masks.length ? SENSES_BY_MASK[masks.charCodeAt(+key) - 48] : Reflect.get(t, key)),
    }),
    verb: Object.create(null),
    noun: Object.create(null),
    adjective: Object.create(null),
  };
  let loading: Promise<void> | undefined;
  const ready = () =>
    (loading ??= (async () => {
      const res = await fetchFile();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const data = checked(await res.json());
      list = data.list;
      masks = data.masks;
      Object.assign(parts.verb, data.verb);
      Object.assign(parts.noun, data.noun);
      Object.assign(parts.adjective, data.adjective);
    })().catch((err: unknown) => {
      loading = undefined; // the next call tries again
      throw new Error(`The English word lists did not load (${err instanceof Error ? err.message : String(err)}).`);
    }));
  return { parts, ready };
}

function checked(data: unknown): LexiconFile & { list: string[] } {
  const d = data as Partial<LexiconFile> | null;
  const isMap = (m: unknown) => typeof m === 'object' && m !== null && !Array.isArray(m);
  if (!d || typeof d.words !== 'string' || typeof d.masks !== 'string' || !isMap(d.verb) || !isMap(d.noun) || !isMap(d.adjective)) {
    throw new Error('the word list file is not in the expected form');
  }
  const list = d.words.split('\n');
  if (list.length !== d.masks.length) throw new Error(`the word list file has ${list.length} words but ${d.masks.length} sense marks`);
  if (!/^[0-7]*$/.test(d.masks)) throw new Error('the word list file has a sense mark that is not 0 to 7');
  // The binary search needs the order.
  for (let i = 1; i < list.length; i++) if (!(list[i - 1] < list[i])) throw new Error(`the word list file is not sorted at "${list[i]}"`);
  return { ...(d as LexiconFile), list };
}

export const LEXICON_FILE = 'lexicon.json';

/** The build's lists, from the extension's own root (service worker and pages alike). */
export const lexicon = createLexicon(() => fetch(`/${LEXICON_FILE}`));
