/** Caption file formats: format sniffing plus the per-format parsers and writers. */
import type { ParseResult } from '../types';
import { EMPTY_FILE_MESSAGE, NOT_CAPTIONS_MESSAGE } from './messages';
import { parseSrt, SRT_TIMING_SNIFF } from './srt';
import { parseVtt } from './vtt';

export { parseVtt, parseVttDetailed, cueTextToPlain, toVtt } from './vtt';
export type {
  VttAlign,
  VttCueDetailed,
  VttDetailedResult,
  VttLineAlign,
  VttParseResult,
  VttPositionAlign,
  VttRegion,
  VttVertical,
} from './vtt';
export { parseSrt, srtTextToPlain, toSrt } from './srt';
export { toTxt } from './txt';
export { formatClock, formatSrtTime, formatVttTime, parseSrtTimestamp } from './time';
export { BAD_VTT_SIGNATURE_MESSAGE, EMPTY_FILE_MESSAGE, NOT_CAPTIONS_MESSAGE } from './messages';

export type CaptionFormat = 'vtt' | 'srt';

export interface CaptionFileHint {
  url?: string;
  contentType?: string;
}

export type CaptionFileResult = ParseResult & { format: CaptionFormat };

/** What the URL's extension or the Content-Type says, if anything. */
function formatFromHint(hint: CaptionFileHint | undefined): CaptionFormat | undefined {
  if (!hint) return undefined;
  const type = hint.contentType?.split(';')[0].trim().toLowerCase();
  if (type === 'text/vtt') return 'vtt';
  if (type === 'application/x-subrip' || type === 'text/srt' || type === 'application/srt' || type === 'text/x-srt') {
    return 'srt';
  }
  if (hint.url) {
    const path = hint.url.split(/[?#]/)[0].toLowerCase();
    if (path.endsWith('.vtt') || path.endsWith('.webvtt')) return 'vtt';
    if (path.endsWith('.srt')) return 'srt';
  }
  return undefined;
}

/**
 * Parses a caption file of either format. The content decides first (a
 * "WEBVTT" signature means WebVTT; a timing line such as
 * "00:00:01,000 --> 00:00:02,000" means SRT, which also reads WebVTT files
 * that lack the signature); the URL extension or Content-Type only decides
 * when the content does not. When nothing matches, `fatal` is set and
 * `format` is the hinted format, or 'vtt'.
 */
export function parseCaptionFile(text: string, hint?: CaptionFileHint): CaptionFileResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.startsWith('WEBVTT')) return { ...parseVtt(text), format: 'vtt' };
  // Timing lines sit near the top of any real file; no need to scan it all.
  if (SRT_TIMING_SNIFF.test(body.slice(0, 16384))) return { ...parseSrt(text), format: 'srt' };
  const hinted = formatFromHint(hint);
  if (body.trim() === '') return { cues: [], issues: [], fatal: EMPTY_FILE_MESSAGE, format: hinted ?? 'vtt' };
  // A .vtt without the signature gets the specific WebVTT message; an ".srt"
  // without a single timing line is not SRT at all (often an HTML error page).
  if (hinted === 'vtt') return { ...parseVtt(text), format: 'vtt' };
  return { cues: [], issues: [], fatal: NOT_CAPTIONS_MESSAGE, format: hinted ?? 'vtt' };
}
