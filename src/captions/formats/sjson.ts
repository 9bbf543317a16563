/**
 * edX / Open edX SJSON transcripts: {"start":[ms...],"end":[ms...],"text":[...]},
 * three parallel arrays, one entry per caption. Other keys (for example
 * "paragraphs") are ignored. Issues use 1-based entry numbers as `line`,
 * because an entry is spread over three arrays and has no single line.
 */
import type { Cue, ParseIssue, ParseResult } from '../types';
import {
  EMPTY_FILE_MESSAGE,
  EMPTY_TRANSCRIPT_MESSAGE,
  NOT_SJSON_MESSAGE,
  SJSON_NOT_JSON_MESSAGE,
} from './messages';
import { srtTextToPlain } from './srt';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why a millisecond value cannot be used, or null when it is fine. */
function badTime(v: unknown, which: 'start' | 'end'): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return `the ${which} time is not a number`;
  if (v < 0) return `the ${which} time is negative`;
  return null;
}

function skipped(entry: number, why: string): ParseIssue {
  return { line: entry, message: `Entry ${entry}: ${why}, so this entry was skipped.` };
}

/**
 * Parses an SJSON transcript. Text may hold HTML entities and simple tags
 * (edX stores whatever the uploaded SRT had), so it is read like SRT text;
 * the original goes to `raw`. Entries whose text is empty are gap fillers
 * (edX puts one before the first and after the last caption) and are dropped
 * without an issue, as empty cues are in the YouTube formats.
 */
export function parseSjson(input: string): ParseResult {
  const result: ParseResult = { cues: [], issues: [] };
  const s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (s.trim() === '') {
    result.fatal = EMPTY_FILE_MESSAGE;
    return result;
  }
  let data: unknown;
  try {
    data = JSON.parse(s);
  } catch {
    result.fatal = SJSON_NOT_JSON_MESSAGE;
    return result;
  }
  if (!isRecord(data) || !Array.isArray(data.start) || !Array.isArray(data.end) || !Array.isArray(data.text)) {
    result.fatal = NOT_SJSON_MESSAGE;
    return result;
  }
  const starts: unknown[] = data.start;
  const ends: unknown[] = data.end;
  const texts: unknown[] = data.text;
  const count = Math.min(starts.length, ends.length, texts.length);
  const longest = Math.max(starts.length, ends.length, texts.length);
  if (longest === 0) {
    result.fatal = EMPTY_TRANSCRIPT_MESSAGE;
    return result;
  }
  for (let i = 0; i < count; i++) {
    const entry = i + 1;
    const why = badTime(starts[i], 'start') ?? badTime(ends[i], 'end');
    if (why !== null) {
      result.issues.push(skipped(entry, why));
      continue;
    }
    const start = starts[i] as number;
    const end = ends[i] as number;
    if (end < start) {
      result.issues.push(skipped(entry, 'it ends before it starts'));
      continue;
    }
    const raw = texts[i];
    if (typeof raw !== 'string') {
      result.issues.push(skipped(entry, 'the text is not a string'));
      continue;
    }
    const text = srtTextToPlain(raw);
    if (text === '') continue;
    const cue: Cue = { index: result.cues.length, start: start / 1000, end: end / 1000, text };
    if (raw !== text) cue.raw = raw;
    result.cues.push(cue);
  }
  if (count < longest) {
    const from = count + 1;
    result.issues.push({
      line: from,
      message:
        `Entry ${from} onwards: the start, end and text lists have different lengths ` +
        `(${starts.length}, ${ends.length} and ${texts.length}), so only the first ${count} entries were read.`,
    });
  }
  if (result.cues.length === 0 && result.issues.length === 0) result.fatal = EMPTY_TRANSCRIPT_MESSAGE;
  return result;
}
