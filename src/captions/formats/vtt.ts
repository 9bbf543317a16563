/**
 * WebVTT parsing and serializing, written from the WHATWG/W3C WebVTT spec
 * ("WebVTT parser algorithm", "collect a WebVTT block", "parse the WebVTT cue
 * settings", "WebVTT cue text parsing rules"). One core (parseCore) feeds
 * both the VTTCue-like view (parseVttDetailed) and the app's Cue view (parseVtt).
 */
import type { Cue, ParseIssue, ParseResult } from '../types';
import { decodeCharRefs } from './char-refs';
import { BAD_VTT_SIGNATURE_MESSAGE, EMPTY_FILE_MESSAGE } from './messages';
import { collectVttTimestamp, formatVttTime } from './time';

export type VttAlign = 'start' | 'center' | 'end' | 'left' | 'right';
export type VttLineAlign = 'start' | 'center' | 'end';
export type VttPositionAlign = 'line-left' | 'center' | 'line-right' | 'auto';
export type VttVertical = '' | 'rl' | 'lr';

/** A REGION block, with the VTTRegion attribute names and defaults. */
export interface VttRegion {
  id: string;
  width: number;
  lines: number;
  regionAnchorX: number;
  regionAnchorY: number;
  viewportAnchorX: number;
  viewportAnchorY: number;
  scroll: '' | 'up';
}

/** A cue with the VTTCue attribute names; `text` is the payload as written. */
export interface VttCueDetailed {
  id: string;
  startTime: number;
  endTime: number;
  text: string;
  align: VttAlign;
  line: number | 'auto';
  lineAlign: VttLineAlign;
  position: number | 'auto';
  positionAlign: VttPositionAlign;
  size: number;
  snapToLines: boolean;
  vertical: VttVertical;
  region: VttRegion | null;
  /** Everything after the end timestamp, with the surrounding whitespace removed. */
  settings: string;
  /** 1-based line number of the timing line. */
  lineNumber: number;
}

export interface VttDetailedResult {
  cues: VttCueDetailed[];
  regions: VttRegion[];
  /** Contents of the STYLE blocks (CSS text, unparsed). */
  stylesheets: string[];
  /** Text after the "WEBVTT" signature up to the first blank line; "" when none. */
  header: string;
  issues: ParseIssue[];
  fatal?: string;
}

/** parseVtt's result: the shared ParseResult plus the file header, for round trips. */
export interface VttParseResult extends ParseResult {
  header?: string;
}

// ASCII whitespace as the spec (Infra) defines it: tab, LF, FF, CR, space.
const ASCII_WS = /[\t\n\f\r ]+/;
const PERCENTAGE = /^\d+(?:\.\d+)?%$/;
const NOTE_LINE = /^NOTE(?:[ \t]|$)/;
const HAS_DIGIT = /\d/;
const LINE_NUMBER_CHARS = /^-?\d+(?:\.\d+)?$/;

function isAsciiWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** Spec preprocessing: one BOM dropped by UTF-8 decode, NUL -> U+FFFD, CRLF/CR -> LF. */
function preprocess(input: string): string {
  let s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (s.includes('\0')) s = s.replace(/\0/g, '\ufffd');
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  return s;
}

/** HTML "rules for parsing floating-point number values" on an already validated string. */
function parseFloatValue(s: string): number | null {
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  // The HTML rules never produce -0.
  return n === 0 ? 0 : n;
}

/** "Parse a percentage string": digits[.digits]% in 0..100, else null. */
function parsePercentage(s: string): number | null {
  if (!PERCENTAGE.test(s)) return null;
  const n = parseFloatValue(s.slice(0, -1));
  if (n === null || n < 0 || n > 100) return null;
  return n;
}

function splitPair(value: string): [string, string | null] {
  const comma = value.indexOf(',');
  return comma < 0 ? [value, null] : [value.slice(0, comma), value.slice(comma + 1)];
}

/** Splits "name:value" tokens the way both setting parsers require; null to skip. */
function nameValue(token: string): [string, string] | null {
  const colon = token.indexOf(':');
  if (colon <= 0 || colon === token.length - 1) return null;
  return [token.slice(0, colon), token.slice(colon + 1)];
}

function newRegion(): VttRegion {
  return {
    id: '',
    width: 100,
    lines: 3,
    regionAnchorX: 0,
    regionAnchorY: 100,
    viewportAnchorX: 0,
    viewportAnchorY: 100,
    scroll: '',
  };
}

/** "Collect WebVTT region settings". */
function parseRegionSettings(buffer: string, region: VttRegion): void {
  for (const token of buffer.split(ASCII_WS)) {
    const nv = nameValue(token);
    if (!nv) continue;
    const [name, value] = nv;
    switch (name) {
      case 'id':
        region.id = value;
        break;
      case 'width': {
        const p = parsePercentage(value);
        if (p !== null) region.width = p;
        break;
      }
      case 'lines':
        if (/^\d+$/.test(value)) region.lines = Number(value);
        break;
      case 'regionanchor':
      case 'viewportanchor': {
        const [xs, ys] = splitPair(value);
        if (ys === null) break;
        const x = parsePercentage(xs);
        const y = parsePercentage(ys);
        if (x === null || y === null) break;
        if (name === 'regionanchor') {
          region.regionAnchorX = x;
          region.regionAnchorY = y;
        } else {
          region.viewportAnchorX = x;
          region.viewportAnchorY = y;
        }
        break;
      }
      case 'scroll':
        if (value === 'up') region.scroll = 'up';
        break;
    }
  }
}

/** The "line" setting; an invalid value or alignment leaves the cue untouched. */
function applyLine(cue: VttCueDetailed, value: string): void {
  const [linepos, linealign] = splitPair(value);
  if (!HAS_DIGIT.test(linepos)) return;
  const percent = linepos.endsWith('%');
  let number: number | null;
  if (percent) {
    number = parsePercentage(linepos);
  } else {
    // Only an optional leading "-", digits, and one "." between digits.
    number = LINE_NUMBER_CHARS.test(linepos) ? parseFloatValue(linepos) : null;
  }
  if (number === null) return;
  let align: VttLineAlign | undefined;
  if (linealign === 'start' || linealign === 'center' || linealign === 'end') align = linealign;
  else if (linealign !== null) return;
  if (align) cue.lineAlign = align;
  cue.line = number;
  cue.snapToLines = !percent;
  cue.region = null;
}

function applyPosition(cue: VttCueDetailed, value: string): void {
  const [colpos, colalign] = splitPair(value);
  const number = parsePercentage(colpos);
  if (number === null) return;
  let align: VttPositionAlign | undefined;
  if (colalign === 'line-left' || colalign === 'center' || colalign === 'line-right') align = colalign;
  else if (colalign !== null) return;
  if (align) cue.positionAlign = align;
  cue.position = number;
}

/** "Parse the WebVTT cue settings". */
function parseCueSettings(input: string, cue: VttCueDetailed, regions: VttRegion[]): void {
  for (const token of input.split(ASCII_WS)) {
    const nv = nameValue(token);
    if (!nv) continue;
    const [name, value] = nv;
    switch (name) {
      case 'region': {
        let found: VttRegion | null = null;
        for (let i = regions.length - 1; i >= 0; i--) {
          if (regions[i].id === value) {
            found = regions[i];
            break;
          }
        }
        cue.region = found;
        break;
      }
      case 'vertical':
        if (value === 'rl' || value === 'lr') cue.vertical = value;
        // There are no vertical regions.
        if (cue.vertical !== '') cue.region = null;
        break;
      case 'line':
        applyLine(cue, value);
        break;
      case 'position':
        applyPosition(cue, value);
        break;
      case 'size': {
        const p = parsePercentage(value);
        if (p === null) break;
        cue.size = p;
        if (p !== 100) cue.region = null;
        break;
      }
      case 'align':
        if (value === 'start' || value === 'center' || value === 'end' || value === 'left' || value === 'right') {
          cue.align = value;
        }
        break;
    }
  }
}

function skipWs(s: string, pos: number): number {
  while (pos < s.length && isAsciiWs(s.charCodeAt(pos))) pos++;
  return pos;
}

/** "Collect WebVTT cue timings and settings"; false on failure. */
function parseTimingLine(line: string, cue: VttCueDetailed, regions: VttRegion[]): boolean {
  let pos = skipWs(line, 0);
  const start = collectVttTimestamp(line, pos);
  if (!start) return false;
  pos = skipWs(line, start.end);
  if (line.charCodeAt(pos) !== 0x2d || line.charCodeAt(pos + 1) !== 0x2d || line.charCodeAt(pos + 2) !== 0x3e) {
    return false;
  }
  pos = skipWs(line, pos + 3);
  const end = collectVttTimestamp(line, pos);
  if (!end) return false;
  cue.startTime = start.seconds;
  cue.endTime = end.seconds;
  // Settings without their surrounding whitespace; most cues have none.
  const from = skipWs(line, end.end);
  if (from < line.length) {
    let to = line.length;
    while (isAsciiWs(line.charCodeAt(to - 1))) to--;
    cue.settings = line.slice(from, to);
    parseCueSettings(cue.settings, cue, regions);
  }
  return true;
}

function newCue(id: string, lineNumber: number): VttCueDetailed {
  return {
    id,
    startTime: 0,
    endTime: 0,
    text: '',
    align: 'center',
    line: 'auto',
    lineAlign: 'start',
    position: 'auto',
    positionAlign: 'auto',
    size: 100,
    snapToLines: true,
    vertical: '',
    region: null,
    settings: '',
    lineNumber,
  };
}

function startsWithKeyword(buffer: string, keyword: string): boolean {
  if (!buffer.startsWith(keyword)) return false;
  for (let i = keyword.length; i < buffer.length; i++) {
    if (!isAsciiWs(buffer.charCodeAt(i))) return false;
  }
  return true;
}

/** What the core parser produces besides cues, which go to a callback. */
type CoreResult = Omit<VttDetailedResult, 'cues'>;

/**
 * The spec's parser algorithm, step by step. Lines are pre-split; an index
 * into `lines` plays the role of the spec's position pointer. Cues are handed
 * to `onCue` so parseVtt need not keep a second copy of every cue.
 */
function parseCore(input: string, onCue: (cue: VttCueDetailed) => void): CoreResult {
  const result: CoreResult = { regions: [], stylesheets: [], header: '', issues: [] };
  const s = preprocess(input);
  if (!/\S/.test(s)) {
    result.fatal = EMPTY_FILE_MESSAGE;
    return result;
  }
  // Signature: "WEBVTT" alone, or followed by space, tab or LF.
  const seventh = s.charCodeAt(6);
  if (!s.startsWith('WEBVTT') || (s.length > 6 && seventh !== 0x20 && seventh !== 0x09 && seventh !== 0x0a)) {
    result.fatal = BAD_VTT_SIGNATURE_MESSAGE;
    return result;
  }

  const lines = s.split('\n');
  const last = lines.length - 1;
  // One past the last real line: a trailing LF leaves an empty entry that is not a line.
  const count = s.endsWith('\n') ? last : lines.length;
  const regions = result.regions;
  let header = lines[0].slice(6);
  let seenCue = false;
  let i = 1;
  if (i >= count) {
    result.header = header;
    return result;
  }
  // Header block (only when the line after the signature is not blank): it
  // ends at a blank line, or just before a line containing "-->".
  if (lines[i] !== '') {
    while (i < count && lines[i] !== '' && !lines[i].includes('-->')) header += '\n' + lines[i++];
    if (i < count && lines[i] === '') i++;
  } else {
    i++;
  }
  result.header = header;

  // Block loop ("collect a WebVTT block" inlined: this runs once per cue).
  for (;;) {
    while (i < count && lines[i] === '') i++;
    if (i >= count) break;
    const firstLine = i;
    let lineCount = 0;
    let previous = i;
    let buffer = '';
    let seenArrow = false;
    let cue: VttCueDetailed | null = null;
    let style = false;
    let region: VttRegion | null = null;
    let badTimingLine = 0;
    for (;;) {
      // Past the end reads as an empty line at EOF, as in the spec.
      const line = i <= last ? lines[i] : '';
      lineCount++;
      const seenEof = i >= last;
      i++;
      if (line.includes('-->')) {
        if (lineCount === 1 || (lineCount === 2 && !seenArrow)) {
          seenArrow = true;
          previous = i;
          cue = newCue(buffer, i);
          if (parseTimingLine(line, cue, regions)) {
            buffer = '';
            seenCue = true;
          } else {
            cue = null;
            badTimingLine = i;
          }
        } else {
          i = previous;
          break;
        }
      } else if (line === '') {
        break;
      } else {
        if (lineCount === 2 && !seenCue) {
          if (startsWithKeyword(buffer, 'STYLE')) {
            style = true;
            buffer = '';
          } else if (startsWithKeyword(buffer, 'REGION')) {
            region = newRegion();
            buffer = '';
          }
        }
        buffer = buffer === '' ? line : buffer + '\n' + line;
        previous = i;
      }
      if (seenEof) break;
    }
    if (cue) {
      cue.text = buffer;
      onCue(cue);
    } else if (style) {
      result.stylesheets.push(buffer);
    } else if (region) {
      parseRegionSettings(buffer, region);
      regions.push(region);
    } else {
      reportSkipped(firstLine, badTimingLine, lines[firstLine], seenCue, result.issues);
    }
  }
  return result;
}

/** Parses WebVTT into VTTCue-like objects and regions, following the spec's parser algorithm. */
export function parseVttDetailed(input: string): VttDetailedResult {
  const cues: VttCueDetailed[] = [];
  const rest = parseCore(input, (cue) => cues.push(cue));
  return { cues, ...rest };
}

/** Records why a non-cue block was dropped; comments are dropped silently. */
function reportSkipped(
  firstIndex: number,
  badTimingLine: number,
  firstLine: string,
  seenCue: boolean,
  issues: ParseIssue[],
): void {
  if (badTimingLine > 0) {
    issues.push({
      line: badTimingLine,
      message: `Line ${badTimingLine}: the cue timing is not valid, so this cue was skipped.`,
    });
    return;
  }
  if (NOTE_LINE.test(firstLine)) return;
  const line = firstIndex + 1;
  if (seenCue && (startsWithKeyword(firstLine, 'STYLE') || startsWithKeyword(firstLine, 'REGION'))) {
    const kind = firstLine.trim();
    issues.push({ line, message: `Line ${line}: ${kind} blocks must come before the first cue, so this one was ignored.` });
    return;
  }
  if (!seenCue && (startsWithKeyword(firstLine, 'STYLE') || startsWithKeyword(firstLine, 'REGION'))) return;
  issues.push({ line, message: `Line ${line}: this block has no cue timing, so it was skipped.` });
}

// A tag runs from "<" to the first ">" (or the end of the text), as in the
// spec's cue text tokenizer, whatever state it passes through.
const TAG = /<([^>]*)>?/g;
const INTERNAL_TAGS = new Set(['c', 'i', 'b', 'u', 'ruby', 'v', 'lang']);

/**
 * Plain reading text from WebVTT cue text: tags dropped, character
 * references decoded, ruby annotations (<rt>) left out so base text reads
 * cleanly. Tags are tracked like the spec's cue text parser does, so an end
 * tag only closes what it may close. Each line is trimmed and blank lines are
 * removed.
 */
export function cueTextToPlain(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!s.includes('<')) return tidyLines(s.includes('&') ? decodeCharRefs(s) : s);
  let out = '';
  // Open elements, innermost last.
  const stack: string[] = [];
  let inRt = 0;
  let from = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(s); m !== null; m = TAG.exec(s)) {
    // Text between tags; references never span a tag, so decode each piece alone.
    if (inRt === 0 && m.index > from) out += decodeCharRefs(s.slice(from, m.index));
    from = TAG.lastIndex;
    const body = m[1];
    const top = stack.length > 0 ? stack[stack.length - 1] : '';
    if (body.charCodeAt(0) === 0x2f) {
      const name = body.slice(1);
      if (name === top && top !== '') {
        stack.pop();
        if (top === 'rt') inRt--;
      } else if (name === 'ruby' && top === 'rt') {
        stack.pop();
        inRt--;
        stack.pop();
      }
      continue;
    }
    const first = body.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39) continue; // timestamp tag
    const name = /^[^\t\n\f .]*/.exec(body)?.[0] ?? '';
    if (name === 'rt') {
      if (top === 'ruby') {
        stack.push('rt');
        inRt++;
      }
    } else if (INTERNAL_TAGS.has(name)) {
      stack.push(name);
    }
  }
  if (inRt === 0 && from < s.length) out += decodeCharRefs(s.slice(from));
  return tidyLines(out);
}

/** Trims every line and drops the blank ones. */
function tidyLines(s: string): string {
  const t = s.trim();
  return t.includes('\n') ? t.replace(/\s*\n\s*/g, '\n') : t;
}

/** Parses WebVTT for the app: plain-text cues, issues for skipped blocks, fatal for non-WebVTT. */
export function parseVtt(input: string): VttParseResult {
  const cues: Cue[] = [];
  const core = parseCore(input, (d) => {
    const text = cueTextToPlain(d.text);
    const cue: Cue = { index: cues.length, start: d.startTime, end: d.endTime, text };
    if (d.text !== text) cue.raw = d.text;
    if (d.id !== '') cue.id = d.id;
    if (d.settings !== '') cue.settings = d.settings;
    cues.push(cue);
  });
  const result: VttParseResult = { cues, issues: core.issues };
  if (core.fatal !== undefined) result.fatal = core.fatal;
  else if (core.header !== '') result.header = core.header;
  return result;
}

/** Escapes plain text so WebVTT reads it back unchanged. */
function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cue text lines safe inside a cue block: no empty lines (they end the cue), no "-->". */
function payloadLines(payload: string): string {
  return payload
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.replace(/-->/g, '--&gt;'))
    .join('\n');
}

/** Newlines would split the line; in an id, "-->" would turn it into a timing line. */
function oneLine(s: string, isId: boolean): string {
  const flat = s.replace(/[\r\n]+/g, ' ');
  return isId ? flat.replace(/-->/g, '- ->') : flat;
}

/**
 * Serializes cues as WebVTT. A cue's raw payload, id and settings are written
 * as they were, so a clean WebVTT file (hours in every timestamp, no comment,
 * STYLE or REGION blocks) comes back byte for byte. `header` is the text after
 * "WEBVTT": it goes on its own line unless it starts with a space, tab or newline.
 */
export function toVtt(cues: Cue[], opts: { header?: string } = {}): string {
  let out = 'WEBVTT';
  const header = (opts.header ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l, i) => (i === 0 || l.trim() !== '') && !l.includes('-->'))
    .join('\n');
  if (header !== '') out += /^[ \t\n]/.test(header) ? header : '\n' + header;
  out += '\n';
  for (const cue of cues) {
    out += '\n';
    if (cue.id) out += oneLine(cue.id, true) + '\n';
    out += `${formatVttTime(cue.start)} --> ${formatVttTime(cue.end)}`;
    if (cue.settings) out += ' ' + oneLine(cue.settings, false);
    out += '\n';
    // Raw markup is only reused when it still means the same text.
    const useRaw = cue.raw !== undefined && cueTextToPlain(cue.raw) === cue.text;
    const payload = payloadLines(useRaw ? (cue.raw as string) : escapeCueText(cue.text));
    if (payload !== '') out += payload + '\n';
  }
  return out;
}
