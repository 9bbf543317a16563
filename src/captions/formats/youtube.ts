/**
 * YouTube timedtext captions: the JSON form (fmt=json3) and the XML forms
 * (srv1 `<transcript><text start dur>`, srv2 `<timedtext><text t d>` and
 * srv3 `<timedtext format="3"><body><p t d>`). The XML is read with a small
 * tokenizer of our own because this code runs in a service worker, which has
 * no DOMParser, and in Node for the tests.
 */
import type { Cue, ParseIssue, ParseResult } from '../types';
import { decodeCharRefs } from './char-refs';
import {
  EMPTY_FILE_MESSAGE,
  EMPTY_TRANSCRIPT_MESSAGE,
  NOT_YOUTUBE_JSON_MESSAGE,
  NOT_YOUTUBE_XML_MESSAGE,
  YOUTUBE_NOT_JSON_MESSAGE,
} from './messages';
import { srtTextToPlain } from './srt';

export interface YoutubeParseOptions {
  /** The track is auto-generated ("asr"): rolling text is cleaned with cleanAutoCaptions. */
  generated?: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Trims every line and drops the blank ones. */
function tidyLines(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

// ---------------------------------------------------------------------------
// json3

/**
 * json3 is protobuf rendered as JSON (proto3), which leaves out fields whose
 * value is 0, so a missing tStartMs or dDurationMs means 0.
 */
function jsonMs(v: unknown, which: string): number | string {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isFinite(v)) return `the ${which} is not a number`;
  if (v < 0) return `the ${which} is negative`;
  return v;
}

/**
 * Parses YouTube's json3 captions. Events without "segs" set up windows and
 * styles and are not cues; events whose text is only line breaks (the
 * "aAppend" newline events of auto-generated tracks) are dropped silently.
 * Issues use 1-based event numbers as `line`.
 */
export function parseYoutubeJson3(input: string, opts: YoutubeParseOptions = {}): ParseResult {
  const result: ParseResult = { cues: [], issues: [] };
  const s = stripBom(input);
  if (s.trim() === '') {
    result.fatal = EMPTY_FILE_MESSAGE;
    return result;
  }
  let data: unknown;
  try {
    data = JSON.parse(s);
  } catch {
    result.fatal = YOUTUBE_NOT_JSON_MESSAGE;
    return result;
  }
  if (!isRecord(data) || !Array.isArray(data.events)) {
    result.fatal = NOT_YOUTUBE_JSON_MESSAGE;
    return result;
  }
  const events: unknown[] = data.events;
  events.forEach((event, i) => {
    const n = i + 1;
    const skip = (why: string): void => {
      result.issues.push({ line: n, message: `Event ${n}: ${why}, so it was skipped.` });
    };
    if (!isRecord(event)) return skip('it is not an object');
    if (event.segs === undefined) return;
    if (!Array.isArray(event.segs)) return skip('its text segments are not a list');
    let raw = '';
    for (const seg of event.segs as unknown[]) {
      if (isRecord(seg) && typeof seg.utf8 === 'string') raw += seg.utf8;
    }
    const text = tidyLines(raw);
    if (text === '') return;
    const start = jsonMs(event.tStartMs, 'start time');
    if (typeof start === 'string') return skip(start);
    const duration = jsonMs(event.dDurationMs, 'duration');
    if (typeof duration === 'string') return skip(duration);
    const cue: Cue = { index: result.cues.length, start: start / 1000, end: (start + duration) / 1000, text };
    if (raw !== text) cue.raw = raw;
    result.cues.push(cue);
  });
  if (result.cues.length === 0 && result.issues.length === 0) result.fatal = EMPTY_TRANSCRIPT_MESSAGE;
  else if (opts.generated) result.cues = cleanAutoCaptions(result.cues);
  return result;
}

// ---------------------------------------------------------------------------
// XML tokenizer

type XmlToken =
  | { kind: 'open'; name: string; attrs: Map<string, string>; selfClosing: boolean; pos: number }
  | { kind: 'close'; name: string; pos: number }
  /** `text` is already decoded (entities, or CDATA taken literally). */
  | { kind: 'text'; text: string; pos: number }
  /** The input ends inside markup; nothing follows this token. */
  | { kind: 'cut'; pos: number };

const NAME_START = /[A-Za-z_:]/;
const NAME_CHAR = /[A-Za-z0-9_:.-]/;
const WS = /[\t\n\r ]/;

/**
 * Splits XML into tags and text. It knows comments, CDATA, processing
 * instructions and declarations, and quoted attribute values (which may hold
 * ">"); a "<" that cannot start a tag is kept as text, so stray markup in a
 * damaged file degrades to text instead of swallowing captions.
 */
function tokenizeXml(s: string): XmlToken[] {
  const tokens: XmlToken[] = [];
  let text = '';
  let textPos = 0;
  const flushText = (): void => {
    if (text !== '') tokens.push({ kind: 'text', text, pos: textPos });
    text = '';
  };
  const addText = (t: string, at: number): void => {
    if (text === '') textPos = at;
    text += t;
  };
  let pos = 0;
  while (pos < s.length) {
    const lt = s.indexOf('<', pos);
    if (lt < 0) {
      addText(decodeCharRefs(s.slice(pos)), pos);
      break;
    }
    if (lt > pos) addText(decodeCharRefs(s.slice(pos, lt)), pos);
    // Markup whose end is a fixed string.
    const skipTo = (open: string, close: string): number | null => {
      if (!s.startsWith(open, lt)) return null;
      const end = s.indexOf(close, lt + open.length);
      return end < 0 ? -1 : end;
    };
    const cdataEnd = skipTo('<![CDATA[', ']]>');
    if (cdataEnd !== null) {
      if (cdataEnd < 0) {
        flushText();
        tokens.push({ kind: 'cut', pos: lt });
        return tokens;
      }
      addText(s.slice(lt + 9, cdataEnd), lt);
      pos = cdataEnd + 3;
      continue;
    }
    const otherEnd = skipTo('<!--', '-->') ?? skipTo('<?', '?>') ?? skipTo('<!', '>');
    if (otherEnd !== null) {
      if (otherEnd < 0) {
        flushText();
        tokens.push({ kind: 'cut', pos: lt });
        return tokens;
      }
      pos = otherEnd + (s.startsWith('-->', otherEnd) ? 3 : s.startsWith('?>', otherEnd) ? 2 : 1);
      continue;
    }
    const closing = s[lt + 1] === '/';
    let p = lt + (closing ? 2 : 1);
    if (p >= s.length || !NAME_START.test(s[p])) {
      addText('<', lt);
      pos = lt + 1;
      continue;
    }
    const nameStart = p;
    while (p < s.length && NAME_CHAR.test(s[p])) p++;
    const name = s.slice(nameStart, p).toLowerCase();
    const tag = readTagRest(s, p);
    if (tag === null) {
      flushText();
      tokens.push({ kind: 'cut', pos: lt });
      return tokens;
    }
    flushText();
    tokens.push(
      closing
        ? { kind: 'close', name, pos: lt }
        : { kind: 'open', name, attrs: tag.attrs, selfClosing: tag.selfClosing, pos: lt },
    );
    pos = tag.end;
  }
  flushText();
  return tokens;
}

/** Reads attributes up to ">" or "/>"; null when the input ends first. */
function readTagRest(s: string, from: number): { attrs: Map<string, string>; selfClosing: boolean; end: number } | null {
  const attrs = new Map<string, string>();
  let p = from;
  for (;;) {
    while (p < s.length && WS.test(s[p])) p++;
    if (p >= s.length) return null;
    if (s[p] === '>') return { attrs, selfClosing: false, end: p + 1 };
    if (s.startsWith('/>', p)) return { attrs, selfClosing: true, end: p + 2 };
    const nameStart = p;
    while (p < s.length && !WS.test(s[p]) && s[p] !== '=' && s[p] !== '>' && !s.startsWith('/>', p)) p++;
    // A lone "/" or similar junk: step over it rather than loop forever.
    if (p === nameStart) {
      p++;
      continue;
    }
    const name = s.slice(nameStart, p).toLowerCase();
    while (p < s.length && WS.test(s[p])) p++;
    if (s[p] !== '=') {
      attrs.set(name, '');
      continue;
    }
    p++;
    while (p < s.length && WS.test(s[p])) p++;
    if (p >= s.length) return null;
    const quote = s[p];
    let value: string;
    if (quote === '"' || quote === "'") {
      const close = s.indexOf(quote, p + 1);
      if (close < 0) return null;
      value = s.slice(p + 1, close);
      p = close + 1;
    } else {
      const valueStart = p;
      while (p < s.length && !WS.test(s[p]) && s[p] !== '>') p++;
      value = s.slice(valueStart, p);
    }
    attrs.set(name, decodeCharRefs(value));
  }
}

/** 1-based line numbers for offsets, from a table of line starts. */
function lineFinder(s: string): (pos: number) => number {
  const starts = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

// ---------------------------------------------------------------------------
// timedtext XML

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

function xmlNumber(v: string | undefined, which: string, fallback: number | null): number | string {
  if (v === undefined) return fallback ?? `it has no ${which}`;
  const t = v.trim();
  if (DECIMAL.test(t)) return Number(t);
  if (t.startsWith('-') && DECIMAL.test(t.slice(1))) return `the ${which} is negative`;
  return `the ${which} is not a number`;
}

/**
 * Timing of a caption element: srv1 uses start/dur in seconds, srv2 and srv3
 * use t/d in milliseconds. A missing duration means 0, as YouTube's own
 * readers take it. Returns the reason when it cannot be used.
 */
function xmlTiming(attrs: Map<string, string>): { start: number; end: number } | string {
  const seconds = attrs.has('start') || !attrs.has('t');
  const start = xmlNumber(attrs.get(seconds ? 'start' : 't'), 'start time', null);
  if (typeof start === 'string') return start;
  const duration = xmlNumber(attrs.get(seconds ? 'dur' : 'd'), 'duration', 0);
  if (typeof duration === 'string') return duration;
  if (!seconds) return { start: start / 1000, end: (start + duration) / 1000 };
  // Rounded to the millisecond so 1.54 + 4.16 does not come out as 5.700000000000001.
  return { start, end: Math.round((start + duration) * 1000) / 1000 };
}

interface OpenCaption {
  line: number;
  name: string;
  timing: { start: number; end: number } | string;
  /** Text content with XML decoded: the caption's own markup, e.g. "<i>hi</i>". */
  raw: string;
}

/**
 * Parses YouTube timedtext XML (srv1, srv2 or srv3). Caption text is XML
 * escaped and may itself be escaped HTML ("&lt;i&gt;"): the XML is decoded
 * first, then tags are stripped and HTML entities decoded again, as for SRT.
 * `raw` keeps the XML-decoded text, which is the caption's own markup. Empty
 * captions are dropped silently. Issues carry real line numbers.
 */
export function parseYoutubeXml(input: string, opts: YoutubeParseOptions = {}): ParseResult {
  const result: ParseResult = { cues: [], issues: [] };
  const s = stripBom(input);
  if (s.trim() === '') {
    result.fatal = EMPTY_FILE_MESSAGE;
    return result;
  }
  const lineAt = lineFinder(s);
  const issue = (pos: number, message: string): void => {
    const line = lineAt(pos);
    result.issues.push({ line, message: `Line ${line}: ${message}` });
  };
  const tokens = tokenizeXml(s);
  let rootSeen = false;
  let caption: OpenCaption | null = null;
  let strayReported = false;

  const finish = (c: OpenCaption): void => {
    if (typeof c.timing === 'string') {
      // An empty caption is dropped silently whatever its timing says.
      if (tidyLines(c.raw) !== '') result.issues.push(skippedAt(c.line, c.timing));
      return;
    }
    const text = srtTextToPlain(c.raw);
    if (text === '') return;
    const cue: Cue = { index: result.cues.length, start: c.timing.start, end: c.timing.end, text };
    if (c.raw !== text) cue.raw = c.raw;
    result.cues.push(cue);
  };

  for (const token of tokens) {
    if (!rootSeen) {
      // Before the root element only whitespace may appear (the prolog's
      // declarations and comments are not tokens).
      if (token.kind === 'text' && token.text.trim() === '') continue;
      if (token.kind !== 'open' || (token.name !== 'transcript' && token.name !== 'timedtext')) {
        result.fatal = NOT_YOUTUBE_XML_MESSAGE;
        return result;
      }
      rootSeen = true;
      continue;
    }
    if (token.kind === 'cut') {
      if (caption) {
        const line = caption.line;
        result.issues.push({ line, message: `Line ${line}: the file ends inside this caption, so it was skipped.` });
        caption = null;
      } else {
        issue(token.pos, 'the file ends in the middle of a tag; the rest was ignored.');
      }
      break;
    }
    if (token.kind === 'text') {
      if (caption) caption.raw += token.text;
      else if (token.text.trim() !== '' && !strayReported) {
        issue(token.pos + token.text.search(/\S/), 'text outside any caption was ignored.');
        strayReported = true;
      }
      continue;
    }
    if (token.kind === 'open') {
      if (token.name === 'text' || token.name === 'p') {
        if (caption) {
          issue(token.pos, 'the caption before this one is not closed; it was ended here.');
          finish(caption);
        }
        const next: OpenCaption = { line: lineAt(token.pos), name: token.name, timing: xmlTiming(token.attrs), raw: '' };
        if (token.selfClosing) finish(next);
        else caption = next;
      } else if (caption && token.name === 'br') {
        caption.raw += '\n';
      }
      // Other elements (srv3 <s> word segments, <head> styles) only matter for their text.
      continue;
    }
    // Closing tags: only the caption's own, or its parents' when it was left open.
    if (caption && token.name === caption.name) {
      finish(caption);
      caption = null;
    } else if (caption && (token.name === 'body' || token.name === 'transcript' || token.name === 'timedtext')) {
      issue(token.pos, 'a caption is not closed; it was ended here.');
      finish(caption);
      caption = null;
    }
  }
  if (!rootSeen) {
    result.fatal = NOT_YOUTUBE_XML_MESSAGE;
    return result;
  }
  if (caption) {
    const line = caption.line;
    result.issues.push({ line, message: `Line ${line}: the file ends inside this caption, so it was skipped.` });
  }
  if (result.cues.length === 0 && result.issues.length === 0) result.fatal = EMPTY_TRANSCRIPT_MESSAGE;
  else if (opts.generated) result.cues = cleanAutoCaptions(result.cues);
  return result;
}

function skippedAt(line: number, why: string): ParseIssue {
  return { line, message: `Line ${line}: ${why}, so this caption was skipped.` };
}

// ---------------------------------------------------------------------------
// auto-generated captions

/**
 * How many leading words of `cur` repeat the trailing words of `prev`. The
 * longest such overlap wins, but a single repeated word only counts when it is
 * the whole previous text or the whole first line of this cue, so an ordinary
 * "the ... the" across cues is not eaten.
 */
function repeatedWords(prev: string[], cur: string[], firstLineWords: number): number {
  for (let k = Math.min(prev.length, cur.length); k > 0; k--) {
    let same = true;
    for (let j = 0; j < k && same; j++) same = prev[prev.length - k + j] === cur[j];
    if (same && (k >= 2 || k === prev.length || k === firstLineWords)) return k;
  }
  return 0;
}

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w !== '');
}

/** `text` without its first `k` words, lines tidied. */
function dropWords(text: string, k: number): string {
  const re = /\S+/g;
  let end = 0;
  for (let i = 0; i < k; i++) {
    const m = re.exec(text);
    if (!m) return '';
    end = m.index + m[0].length;
  }
  return tidyLines(text.slice(end));
}

/**
 * Makes auto-generated ("asr") YouTube captions readable. Those tracks roll:
 * each event shows the previous line again and adds words under it, and
 * events overlap in time. The rule, cue by cue in file order:
 *  1. Leading words that repeat the end of the previous cue's original text
 *     are dropped (longest overlap; one word only if it is that whole text or
 *     this cue's whole first line).
 *  2. A cue with nothing left is merged into the previous kept cue, which
 *     then lasts until the later of the two ends.
 *  3. A cue that still runs past the next cue's start ends there instead.
 *  4. Cues are renumbered; `raw` keeps the original text when it changed.
 * The input array and its cues are not modified.
 */
export function cleanAutoCaptions(cues: Cue[]): Cue[] {
  const out: Cue[] = [];
  let prevWords: string[] = [];
  for (const cue of cues) {
    const curWords = words(cue.text);
    const firstLine = words(cue.text.split('\n')[0]).length;
    const k = repeatedWords(prevWords, curWords, firstLine);
    prevWords = curWords;
    const text = k > 0 ? dropWords(cue.text, k) : cue.text;
    if (text === '') {
      const last = out[out.length - 1];
      if (last) last.end = Math.max(last.end, cue.end);
      continue;
    }
    const kept: Cue = { ...cue, text };
    const source = cue.raw ?? cue.text;
    if (source !== text) kept.raw = source;
    else delete kept.raw;
    out.push(kept);
  }
  for (let i = 0; i + 1 < out.length; i++) {
    const next = out[i + 1].start;
    if (out[i].end > next) out[i].end = Math.max(out[i].start, next);
  }
  out.forEach((c, i) => {
    c.index = i;
  });
  return out;
}
