import type { Cue } from '../captions/types';

/**
 * Automatic caption checks. Each finding names its rule and the numbers behind it, so a
 * volunteer can act on it. Limits follow common caption guidelines (17 characters per
 * second for adults, 42 characters per line, two lines, 0.83–7 s on screen); the reading
 * speed limit is the learner's to change.
 */
export type Rule =
  | 'reading-speed'
  | 'line-length'
  | 'too-many-lines'
  | 'too-short'
  | 'too-long'
  | 'overlap'
  | 'empty'
  | 'repeated'
  | 'language'
  | 'translation-mismatch';

export interface Finding {
  rule: Rule;
  /** Index of the cue the finding is about; -1 for the whole track. */
  cueIndex: number;
  start: number;
  end: number;
  /** The measured value and the limit it broke, for the message. */
  value: number;
  limit: number;
  /** Extra detail: the other cue's index, the detected language… */
  detail?: string;
}

export interface CheckOptions {
  maxCharsPerSecond: number;
  maxLineLength: number;
  maxLines: number;
  minDuration: number;
  maxDuration: number;
}

export const DEFAULT_CHECKS: CheckOptions = {
  maxCharsPerSecond: 17,
  maxLineLength: 42,
  maxLines: 2,
  minDuration: 0.83,
  maxDuration: 7,
};

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Characters a reader reads: letters, digits, punctuation and spaces, not line breaks. */
function readable(text: string): number {
  return [...text.replace(/\n/g, ' ').replace(/\s+/g, ' ').trim()].length;
}

/** Checks every cue of one track for timing and layout problems. */
export function checkCues(cues: readonly Cue[], opts: CheckOptions = DEFAULT_CHECKS): Finding[] {
  const out: Finding[] = [];
  const add = (cue: Cue, rule: Rule, value: number, limit: number, detail?: string) =>
    out.push({ rule, cueIndex: cue.index, start: cue.start, end: cue.end, value, limit, ...(detail ? { detail } : {}) });

  let latestEnd: Cue | null = null;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i];
    const duration = cue.end - cue.start;
    const text = cue.text.trim();
    if (text === '') {
      add(cue, 'empty', 0, 1);
      continue;
    }
    const chars = readable(text);
    if (duration > 0 && chars / duration > opts.maxCharsPerSecond) add(cue, 'reading-speed', round(chars / duration), opts.maxCharsPerSecond);
    const lines = text.split('\n');
    const longest = Math.max(...lines.map((l) => [...l].length));
    if (longest > opts.maxLineLength) add(cue, 'line-length', longest, opts.maxLineLength);
    if (lines.length > opts.maxLines) add(cue, 'too-many-lines', lines.length, opts.maxLines);
    if (duration < opts.minDuration) add(cue, 'too-short', round(duration, 2), opts.minDuration);
    if (duration > opts.maxDuration) add(cue, 'too-long', round(duration, 2), opts.maxDuration);
    // Overlap with any earlier cue still on screen (cues are in start order).
    if (latestEnd && cue.start < latestEnd.end - 0.001) add(cue, 'overlap', round(latestEnd.end - cue.start, 2), 0, String(latestEnd.index));
    if (!latestEnd || cue.end > latestEnd.end) latestEnd = cue;
    const prev = cues[i - 1];
    if (prev && prev.text.trim() === text) add(cue, 'repeated', 2, 1, String(prev.index));
  }
  return out;
}
