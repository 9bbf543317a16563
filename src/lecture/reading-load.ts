/** How hard a line is to read in its time on screen. */
export interface Load {
  words: number;
  /** Words per minute at normal speed. */
  wpm: number;
  /** Characters (without spaces) per second at normal speed. */
  cps: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
let segmenter: Intl.Segmenter | undefined;

/** Words of a Chinese or Japanese line, as the browser's word segmenter finds them. */
function segmentedWords(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

export function lineLoad(text: string, start: number, end: number): Load {
  const seconds = Math.max(end - start, 0.001);
  // Chinese and Japanese put no spaces between words: the browser's word segmenter finds them,
  // else a dense line would be one word and never slowed. (Transcript search indexes single
  // characters and pairs instead: right for finding text, too many for counting words.)
  const words = CJK.test(text) ? segmentedWords(text) : (text.match(WORD)?.length ?? 0);
  const chars = text.replace(/\s+/g, '').length;
  return { words, wpm: (words / seconds) * 60, cps: chars / seconds };
}

/** The slowest playback the overlay asks for: slower speech turns hard to follow. */
export const RATE_FLOOR = 0.5;

export type Plan = { kind: 'none' } | { kind: 'slow'; rate: number } | { kind: 'pause' };

/**
 * What to do for a line at the learner's own speed `rate`: nothing when it reads at or
 * under the limit; else slow to the rate that brings it to the limit (never under the
 * floor), or pause at its end. The learner reads the line at wpm × rate.
 */
export function planLine(load: Load, rate: number, limitWpm: number, mode: 'off' | 'slow' | 'pause'): Plan {
  if (mode === 'off' || load.words < 3 || load.wpm * rate <= limitWpm) return { kind: 'none' };
  if (mode === 'pause') return { kind: 'pause' };
  const wanted = Math.max(RATE_FLOOR, Math.round((limitWpm / load.wpm) * 100) / 100);
  return wanted < rate ? { kind: 'slow', rate: wanted } : { kind: 'none' };
}
