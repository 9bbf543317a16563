/**
 * SubRip (SRT) parsing and serializing. SRT has no formal spec; this follows
 * common practice and is deliberately tolerant: BOM, CR/CRLF, counters from 0
 * or missing, comma or dot milliseconds, short hours, extra blank lines,
 * missing blank lines between cues, and no final newline.
 */
import type { Cue, ParseIssue, ParseResult } from '../types';
import { consumeCharRef, decodeCharRefs } from './char-refs';
import { EMPTY_FILE_MESSAGE } from './messages';
import { formatSrtTime, parseSrtTimestamp } from './time';

const TS = String.raw`(?:\d+:)?\d{1,2}:\d{1,2}[,.]\d{1,3}`;
// Anything after the end time (e.g. "X1:100 X2:200 Y1:.. Y2:..") is ignored.
const TIMING_LINE = new RegExp(String.raw`^\s*(${TS})\s*-->\s*(${TS})(?:\s.*)?$`);
const COUNTER = /^\s*\d+\s*$/;
// A line meant as a timing even if it is broken ("00:00:0x,000 --> …"): it starts with a time.
const TIMING_LIKE = /^\s*\S*\d:\S*\s*-->/;
/** Used by format sniffing: a line that is clearly an SRT (or WebVTT) timing line. */
export const SRT_TIMING_SNIFF = new RegExp(String.raw`^\s*${TS}\s*-->\s*${TS}`, 'm');

interface Timing {
  start: number;
  end: number;
}

function parseTimingLine(line: string): Timing | null {
  const m = TIMING_LINE.exec(line);
  if (!m) return null;
  const start = parseSrtTimestamp(m[1]);
  const end = parseSrtTimestamp(m[2]);
  return start === null || end === null ? null : { start, end };
}

/**
 * The formatting tags SRT files use (b i u s, font, br) and the WebVTT ones that
 * converted files carry (c v ruby rt lang, with classes and annotations). Only these
 * are markup: any other "<...>" is caption text (ArrayList<Integer>, #include <vector>,
 * x<y and y>z), kept as written, as FFmpeg-based players show it.
 */
const FORMAT_TAG = /<\/?(?:(?:[bius]|c|ruby|rt)(?:\.[^\s.<>/]+)*\s*|(?:font|v|lang)(?:\.[^\s.<>/]+)*(?:\s[^<>]*)?|br\s*\/?)>/gi;
const FORMAT_TAG_AT = new RegExp(FORMAT_TAG.source, 'iy');
const BR = /^<br/i;
const ASS_OVERRIDE = /\{\\[^}]*\}/g;
const ASS_OVERRIDE_AT = new RegExp(ASS_OVERRIDE.source, 'y');

/**
 * Plain reading text from SRT cue text: the formatting tags above and ASS
 * override tags ({\an8}) removed, <br> turned into a line break, character
 * references decoded after the tags are gone (so "&lt;b&gt;" stays visible as "<b>").
 */
export function srtTextToPlain(raw: string): string {
  let s = raw.replace(/\r\n?/g, '\n');
  if (s.includes('{')) s = s.replace(ASS_OVERRIDE, '');
  if (s.includes('<')) s = s.replace(FORMAT_TAG, (tag) => (BR.test(tag) ? '\n' : ''));
  if (s.includes('&')) s = decodeCharRefs(s);
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/**
 * Plain text written so that srtTextToPlain gives it back: only what it would
 * otherwise read as markup is escaped (a "<" opening a formatting tag, a "&"
 * opening a character reference, the "{" of "{\"). Other "<" stay as written,
 * because many players (FFmpeg, mpv) decode no entities and would show "&lt;".
 */
function escapeSrtText(text: string): string {
  if (!/[<&{]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' && matchesAt(FORMAT_TAG_AT, text, i)) out += '&lt;';
    else if (c === '&' && consumeCharRef(text, i) !== null) out += '&amp;';
    else if (c === '{' && matchesAt(ASS_OVERRIDE_AT, text, i)) out += '&#123;';
    else out += c;
  }
  return out;
}

function matchesAt(sticky: RegExp, text: string, at: number): boolean {
  sticky.lastIndex = at;
  return sticky.test(text);
}

function skippedTiming(line: number): ParseIssue {
  return { line, message: `Line ${line}: the cue timing is not valid, so this cue was skipped.` };
}

/** Parses SRT text into cues; blocks that cannot be read become issues. */
export function parseSrt(input: string): ParseResult {
  let s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (s.includes('\0')) s = s.replace(/\0/g, '\ufffd');
  const result: ParseResult = { cues: [], issues: [] };
  if (s.trim() === '') {
    result.fatal = EMPTY_FILE_MESSAGE;
    return result;
  }
  const lines = s.split('\n');
  const blank = (k: number): boolean => lines[k].trim() === '';
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && blank(i)) i++;
    if (i >= lines.length) break;
    let to = i;
    while (to < lines.length && !blank(to)) to++;
    readBlock(lines, i, to, result);
    i = to;
  }
  return result;
}

/**
 * Reads the non-blank lines [from, to); a block may hold several cues when blank lines
 * are missing. What cannot be read is reported, and reading goes on at the next cue of
 * the block, so one bad cue costs only itself.
 */
function readBlock(lines: string[], from: number, to: number, result: ParseResult): void {
  // A cue starts at a valid timing line, or at a broken one that is clearly meant as a
  // timing (time-shaped, or after a counter line); "x --> y" in caption text is text.
  const startsCue = (j: number): boolean =>
    lines[j].includes('-->') && (parseTimingLine(lines[j]) !== null || TIMING_LIKE.test(lines[j]) || (j > from && COUNTER.test(lines[j - 1])));
  // Where the next cue after line `after` begins: its counter line, else its timing line; `to` when none.
  const nextCue = (after: number): number => {
    for (let j = after + 1; j < to; j++) {
      if (startsCue(j)) return j - 1 > after && COUNTER.test(lines[j - 1]) ? j - 1 : j;
    }
    return to;
  };
  let k = from;
  while (k < to) {
    let counter: string | undefined;
    let timingAt: number;
    if (lines[k].includes('-->')) {
      timingAt = k;
    } else if (k + 1 < to && COUNTER.test(lines[k]) && lines[k + 1].includes('-->')) {
      counter = lines[k].trim();
      timingAt = k + 1;
    } else {
      // Text before any timing line: a stray title, or the end of a cue cut by a blank line.
      const next = nextCue(k);
      const line = k + 1;
      const why = next < to ? 'this text is not part of any cue' : 'this block has no cue timing';
      result.issues.push({ line, message: `Line ${line}: ${why}, so it was skipped.` });
      k = next;
      continue;
    }
    const timing = parseTimingLine(lines[timingAt]);
    if (!timing) {
      result.issues.push(skippedTiming(timingAt + 1));
      k = nextCue(timingAt);
      continue;
    }
    // Text runs to the end of the block, or to the next cue (a missing blank line).
    const textEnd = nextCue(timingAt);
    const raw = lines.slice(timingAt + 1, textEnd).join('\n');
    const text = srtTextToPlain(raw);
    const cue: Cue = { index: result.cues.length, start: timing.start, end: timing.end, text };
    if (raw !== text) cue.raw = raw;
    if (counter !== undefined) cue.id = counter;
    result.cues.push(cue);
    k = textEnd;
  }
}

/**
 * Serializes cues as standard SRT: 1-based counters, comma milliseconds, a
 * blank line after every cue, raw markup kept when it still matches the text,
 * otherwise the text, escaped only where a reader would take it for markup.
 */
export function toSrt(cues: Cue[]): string {
  const blocks = cues.map((cue, i) => {
    const useRaw = cue.raw !== undefined && srtTextToPlain(cue.raw) === cue.text;
    // A blank line would end the cue early, so blank text lines are dropped.
    const body = (useRaw ? (cue.raw as string) : escapeSrtText(cue.text))
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .join('\n');
    return `${i + 1}\n${formatSrtTime(cue.start)} --> ${formatSrtTime(cue.end)}\n${body === '' ? '' : body + '\n'}\n`;
  });
  // Every cue ends with a blank line, the last one too, as most SRT writers do.
  return blocks.join('');
}
