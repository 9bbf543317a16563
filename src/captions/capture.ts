import type { Cue, ParseResult } from './types';
import { cueTextToPlain } from './formats/vtt';
import { formatClock, parseCaptionFile } from './formats';
import { parseSjson } from './formats/sjson';
import { parseYoutubeJson3, parseYoutubeXml } from './formats/youtube';
import type { RawCue, SourceFormat } from '../messaging/protocol';
import type { TrackStatus } from '../db/schema';
import { cut, MAX_CUE_ID, MAX_CUE_TEXT } from '../db/limits';

const MAX_LISTED = 3;

export interface Prepared {
  cues: Cue[];
  status: TrackStatus;
  error?: string;
  /** Set when the file is on a host MoocMate may not read yet: the pattern to ask for. */
  needsPermission?: string;
}

/** Cues read from the page's TextTrack API: text may hold WebVTT markup, so it is made plain. */
export function prepareCuesFromPage(raw: readonly RawCue[]): Prepared {
  const cues: Cue[] = [];
  const dropped: number[] = [];
  for (const r of raw) {
    if (!(r.end >= r.start)) {
      dropped.push(r.start);
      continue;
    }
    const text = cueTextToPlain(r.text);
    const cue: Cue = { index: cues.length, start: r.start, end: r.end, text };
    if (text !== r.text) cue.raw = r.text;
    if (r.id) cue.id = r.id;
    cues.push(cue);
  }
  if (dropped.length === 0) return { cues, status: 'ok' };
  const at = dropped.slice(0, MAX_LISTED).map(formatClock).join(', ');
  return {
    cues,
    status: 'partial',
    error: `Kept ${cues.length} lines; skipped ${dropped.length} that end before they start (at ${at}${dropped.length > MAX_LISTED ? ', …' : ''}).`,
  };
}


export interface FileHint {
  url?: string;
  contentType?: string;
  /** What the platform says the file is; 'auto' (the default) sniffs WebVTT or SRT. */
  format?: SourceFormat;
  /** Speech-recognition captions: rolling text is cleaned. */
  generated?: boolean;
}

/** The parser for a platform's format. */
function parseSource(body: string, hint: FileHint): ParseResult {
  switch (hint.format ?? 'auto') {
    case 'sjson':
      return parseSjson(body);
    case 'json3':
      return parseYoutubeJson3(body, { generated: hint.generated });
    case 'srv3':
      return parseYoutubeXml(body, { generated: hint.generated });
    default:
      return parseCaptionFile(body, hint);
  }
}

/** Turns a caption file into cues, with a readable note of anything skipped. */
export function prepareCuesFromFile(body: string, hint: FileHint): Prepared {
  const read = parseSource(body, hint);
  if (read.fatal) return { cues: [], status: 'error', error: read.fatal };
  const parsed = keepStorable(read);
  if (parsed.issues.length === 0) {
    if (parsed.cues.length === 0) return { cues: [], status: 'error', error: 'The caption file has no captions.' };
    return { cues: parsed.cues, status: 'ok' };
  }
  const listed = parsed.issues
    .slice(0, MAX_LISTED)
    .map((i) => i.message)
    .join(' ');
  const more = parsed.issues.length > MAX_LISTED ? ` (${parsed.issues.length - MAX_LISTED} more)` : '';
  return {
    cues: parsed.cues,
    status: parsed.cues.length > 0 ? 'partial' : 'error',
    error: `Kept ${parsed.cues.length} lines; skipped ${parsed.issues.length} part(s) of the file. ${listed}${more}`,
  };
}

/**
 * What a file's parser kept, as MoocMate stores it: a line that ends before it starts is
 * skipped (the spec's parsers keep it; a player never shows it), and a line longer than
 * MAX_CUE_TEXT is cut. A stored track must always come back from a backup (limits.ts).
 */
function keepStorable(parsed: ParseResult): ParseResult {
  const cues: Cue[] = [];
  const issues = [...parsed.issues];
  for (const c of parsed.cues) {
    if (!(c.end >= c.start)) {
      issues.push({ line: 0, message: `The line at ${formatClock(c.start)} ends before it starts; it was skipped.` });
      continue;
    }
    const cue: Cue = { ...c, index: cues.length };
    if (c.text.length > MAX_CUE_TEXT || (c.raw?.length ?? 0) > MAX_CUE_TEXT) {
      issues.push({ line: 0, message: `The line at ${formatClock(c.start)} is very long; it was cut to ${MAX_CUE_TEXT} characters.` });
      cue.text = cut(c.text, MAX_CUE_TEXT);
      delete cue.raw;
    }
    if (cue.id) cue.id = cut(cue.id, MAX_CUE_ID);
    if (cue.settings) cue.settings = cut(cue.settings, MAX_CUE_ID);
    cues.push(cue);
  }
  return { ...parsed, cues, issues };
}

/**
 * The player parses a <track> file itself and silently drops what it cannot read. When the
 * cues came from the player, the background reads the file too, only to say what was dropped.
 */
export function addFileReport(fromPage: Prepared, file: Prepared): Prepared {
  if (file.status === 'ok' || !file.error) return fromPage;
  return {
    ...fromPage,
    status: fromPage.cues.length > 0 ? 'partial' : 'error',
    error: [fromPage.error, `The caption file itself: ${file.error}`].filter(Boolean).join(' '),
  };
}

export class FetchTrackError extends Error {
  constructor(
    message: string,
    /** A host pattern the learner has not allowed yet, when that is why the fetch failed. */
    readonly needsPermission?: string,
  ) {
    super(message);
  }
}

/**
 * Fetches a caption file from the background, which has host permission, so a track on
 * another origin without CORS still loads. Retried once: signed caption URLs fail now
 * and then for a moment.
 */
export async function fetchTrackFile(
  url: string,
  fetcher: typeof fetch = fetch,
  mayRead: (pattern: string) => Promise<boolean> = async () => true,
): Promise<{ body: string; contentType: string }> {
  const parsed = safeUrl(url);
  if (!parsed) throw new FetchTrackError(`The caption address is not valid: ${url.slice(0, 200)}`);
  const pattern = `${parsed.protocol}//${parsed.hostname}/*`;
  if (!(await mayRead(pattern))) {
    throw new FetchTrackError(
      `The captions are on ${parsed.hostname}, which MoocMate may not read yet. Allow it in the MoocMate popup.`,
      pattern,
    );
  }
  let last = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const res = await fetcher(parsed.href, { credentials: 'include' });
      if (res.ok) return { body: await res.text(), contentType: res.headers.get('content-type') ?? '' };
      last = `the server answered ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
  }
  throw new FetchTrackError(`Could not load the caption file (${last}).`);
}

function safeUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}
