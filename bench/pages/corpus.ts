/**
 * Deterministic synthetic lecture text for the benchmarks (runs in the bench page).
 *
 * Vocabulary: ~200 real common English words at the head (roughly in frequency order),
 * then generated pseudo-words, 40,000 words in all. Word ranks follow a Zipf law
 * (weight 1/rank). Each lecture also has 30 topic words drawn from the tail that it
 * uses often (15% of its tokens), as real lectures repeat their own terms.
 * A cue has 6 to 14 words, starts with a capital letter and sometimes has punctuation.
 * Everything is a pure function of (lecture, cue), so a cue's text can be regenerated.
 */

const ENGLISH = `the of and to a in is that it you we this for on are be with as was
have not but they at so what can or from there by one all if which do an will about
has more when how also some their would like these into them other our just very because
its than then now here first only time two well way see been get make know could where
look why think going really let us because right need those each much most where use
many any thing things work over new after same even back should may part what down
energy system between through different point example called kind every number does
problem question change value another three under give people still off find large great
small long high must order form end good model start important again set case come
before while both data going actually means state take put since show around never
without against process result called simple next across within group level line
power rate water light cell human theory world idea less might take place often always
`;

const SYLLABLES = [
  'ba', 'be', 'bi', 'bo', 'bu', 'ca', 'ce', 'ci', 'co', 'da', 'de', 'di', 'do', 'du', 'fa', 'fe',
  'fi', 'fo', 'ga', 'ge', 'gi', 'go', 'ha', 'he', 'hi', 'ho', 'ka', 'ke', 'ki', 'ko', 'la', 'le',
  'li', 'lo', 'lu', 'ma', 'me', 'mi', 'mo', 'mu', 'na', 'ne', 'ni', 'no', 'nu', 'pa', 'pe', 'pi',
  'po', 'ra', 're', 'ri', 'ro', 'ru', 'sa', 'se', 'si', 'so', 'ta', 'te', 'ti', 'to', 'tu', 'va',
  've', 'vi', 'vo', 'za', 'ze', 'zo', 'tra', 'pro', 'str', 'ent', 'ion', 'al', 'ic', 'er', 'ly', 'ous',
];

export const VOCAB_SIZE = 40_000;
export const TOPIC_WORDS = 30;
export const TOPIC_SHARE = 0.15;

/** Phrases planted in known cues; no generated word can collide with them (they are real words not in ENGLISH). */
export const SEEDED = [
  'photosynthesis happens inside the chloroplast',
  'the mitochondria is the powerhouse of the cell',
  'gradient descent converges slowly on plateaus',
  'quantum entanglement puzzled einstein',
  'supply and demand meet at equilibrium',
  'the treaty of westphalia ended the war',
  'recursion needs a base case',
  'plate tectonics explains earthquakes',
] as const;

export function seededPlace(k: number, lectures: number, cues: number): { lecture: number; cue: number } {
  return { lecture: (k * 131 + 7) % lectures, cue: (k * 457 + 11) % cues };
}

/** splitmix32: small, fast, good enough for text. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return (z >>> 0) / 4294967296;
  };
}

export class Corpus {
  readonly vocab: string[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(size = VOCAB_SIZE) {
    const head = [...new Set(ENGLISH.split(/\s+/).filter(Boolean))];
    const seen = new Set(head);
    for (const p of SEEDED) for (const w of p.split(' ')) seen.add(w);
    const vocab = [...head];
    const r = rng(12345);
    while (vocab.length < size) {
      const n = 2 + Math.floor(r() * 3);
      let w = '';
      for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
      if (!seen.has(w)) {
        seen.add(w);
        vocab.push(w);
      }
    }
    this.vocab = vocab;
    this.cumulative = new Float64Array(size);
    let acc = 0;
    for (let i = 0; i < size; i++) this.cumulative[i] = acc += 1 / (i + 1);
    this.total = acc;
  }

  /** A Zipf-distributed word rank (0 = most common). */
  private zipf(u: number): number {
    const x = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The texts of one lecture's cues, as word ranks (for statistics) and as text. */
  lecture(lecture: number, cues: number): string[] {
    const r = rng(0x51ed270b ^ Math.imul(lecture + 1, 0x27d4eb2d));
    const topics: number[] = [];
    for (let i = 0; i < TOPIC_WORDS; i++) topics.push(1000 + Math.floor(r() * (this.vocab.length - 1000)));
    const out: string[] = [];
    for (let c = 0; c < cues; c++) {
      const n = 6 + Math.floor(r() * 9); // 6..14 words
      let text = '';
      for (let i = 0; i < n; i++) {
        const rank = r() < TOPIC_SHARE ? topics[Math.floor(r() * TOPIC_WORDS)] : this.zipf(r());
        let w = this.vocab[rank];
        if (i === 0) w = w[0].toUpperCase() + w.slice(1);
        text += i === 0 ? w : ` ${w}`;
        const p = r();
        if (i < n - 1 && p < 0.06) text += ',';
      }
      text += r() < 0.8 ? '.' : '?';
      out.push(text);
    }
    return out;
  }
}

let shared: Corpus | null = null;

/** One corpus per page (building the vocabulary takes a moment). */
export function sharedCorpus(): Corpus {
  return (shared ??= new Corpus());
}
