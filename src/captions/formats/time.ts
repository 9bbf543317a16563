/**
 * Timestamp parsing and formatting shared by the caption formats.
 * Times are seconds (floats) everywhere outside this file.
 */

/** A timestamp read from a string, and the index just past it. */
export interface TimestampMatch {
  seconds: number;
  end: number;
}

/**
 * Seconds from the components. Computed as whole milliseconds / 1000 so the
 * result is the double closest to the written decimal (e.g. 3599.999), which
 * summing the parts in floating point does not always give.
 */
function toSeconds(h: number, m: number, s: number, ms: number): number {
  return (((h * 60 + m) * 60 + s) * 1000 + ms) / 1000;
}

// The shape "collect a WebVTT timestamp" accepts: each digit run is read whole
// by the spec, so a fixed-width group must be followed by ':' or '.', and the
// fraction by a non-digit. A sticky regex is much faster than a char loop.
const VTT_TIMESTAMP = /(\d+):(\d\d)(?::(\d\d))?\.(\d\d\d)(?!\d)/y;

/**
 * "Collect a WebVTT timestamp" from the WHATWG WebVTT spec, starting at `pos`.
 * Accepts `mm:ss.ttt` and `h+:mm:ss.ttt`; returns null on failure.
 */
export function collectVttTimestamp(s: string, pos: number): TimestampMatch | null {
  VTT_TIMESTAMP.lastIndex = pos;
  const m = VTT_TIMESTAMP.exec(s);
  if (!m) return null;
  let v1 = Number(m[1]);
  let v2 = Number(m[2]);
  let v3: number;
  if (m[3] !== undefined) {
    v3 = Number(m[3]);
  } else {
    // A first field that is not two digits, or above 59, is hours: mm:ss must follow.
    if (m[1].length !== 2 || v1 > 59) return null;
    v3 = v2;
    v2 = v1;
    v1 = 0;
  }
  if (v2 > 59 || v3 > 59) return null;
  return { seconds: toSeconds(v1, v2, v3, Number(m[4])), end: VTT_TIMESTAMP.lastIndex };
}

// SRT in the wild: 1+ digit hours (sometimes missing), 1-2 digit minutes and
// seconds, comma or dot, 1-3 fraction digits.
const SRT_TIME = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})$/;

/** Parses one SRT timestamp such as `00:01:02,500` (lenient); null if it is not one. */
export function parseSrtTimestamp(text: string): number | null {
  const m = SRT_TIME.exec(text.trim());
  if (!m) return null;
  const h = m[1] === undefined ? 0 : Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3]);
  if (min > 59 || sec > 59) return null;
  // "1,5" means half a second: the digits are a decimal fraction.
  const ms = Number(m[4].padEnd(3, '0'));
  return toSeconds(h, min, sec, ms);
}

interface Parts {
  h: number;
  m: number;
  s: number;
  ms: number;
}

function split(seconds: number): Parts {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
  const ms = total % 1000;
  const allSeconds = (total - ms) / 1000;
  const s = allSeconds % 60;
  const allMinutes = (allSeconds - s) / 60;
  return { h: Math.floor(allMinutes / 60), m: allMinutes % 60, s, ms };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `HH:MM:SS.mmm` (hours always written, so every cue line looks the same). */
export function formatVttTime(seconds: number): string {
  const p = split(seconds);
  return `${pad(p.h, 2)}:${pad(p.m, 2)}:${pad(p.s, 2)}.${pad(p.ms, 3)}`;
}

/** `HH:MM:SS,mmm` as SRT expects. */
export function formatSrtTime(seconds: number): string {
  const p = split(seconds);
  return `${pad(p.h, 2)}:${pad(p.m, 2)}:${pad(p.s, 2)},${pad(p.ms, 3)}`;
}

/** Short clock for transcripts: `mm:ss`, or `h:mm:ss` from one hour on. Rounds down. */
export function formatClock(seconds: number): string {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const s = whole % 60;
  const minutes = (whole - s) / 60;
  if (minutes < 60) return `${pad(minutes, 2)}:${pad(s, 2)}`;
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60, 2)}:${pad(s, 2)}`;
}
