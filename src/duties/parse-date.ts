import * as chrono from 'chrono-node';
import type { DateDoubt, DutyDeadline } from '../db/schema';

/** A date as a page shows it; parsed in the background (chrono stays out of the page). */
export interface DateReading {
  text: string;
  /** A machine-readable moment from the markup (`data-datetime`, `<time datetime>`), if any. */
  iso?: string;
  /** The page's language (BCP 47), to pick the parser's locale. */
  lang?: string;
  /** The zone the page says it shows times in: an IANA name (`America/New_York`). */
  timeZone?: string;
}

type Parser = { parse: typeof chrono.parse };
const LOCALES: Record<string, Parser> = {
  en: chrono.en,
  es: chrono.es,
  fr: chrono.fr,
  pt: chrono.pt,
  de: chrono.de,
  nl: chrono.nl,
  it: chrono.it,
  ja: chrono.ja,
  ru: chrono.ru,
  uk: chrono.uk,
  zh: chrono.zh,
  sv: chrono.sv,
  fi: chrono.fi,
  vi: chrono.vi,
  id: chrono.id,
};

/** ISO 8601 with an explicit zone: the only text trusted without a question. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The learner's own zone (the browser's). */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const NUMERIC_DATE = /\b(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}\b/;

function validZone(zone: string | undefined): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

/** Minutes `zone` is ahead of UTC at the moment `utc`. */
function zoneOffsetMinutes(utc: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utc));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(utc / 1000) * 1000) / 60_000);
}

/**
 * The moment a wall-clock time in `zone` stands for, with the daylight-saving edges resolved
 * like browsers do: a time shown twice is the first one; a time skipped (2:30 when clocks
 * go from 2:00 to 3:00) is read with the offset before the change, so 3:30.
 */
export function wallTimeIn(zone: string, y: number, mo: number, d: number, h: number, mi: number): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offsets a day either side: the same unless the offset changes near this time.
  const before = zoneOffsetMinutes(wall - 86_400_000, zone);
  const after = zoneOffsetMinutes(wall + 86_400_000, zone);
  const fits = [before, after].map((o) => wall - o * 60_000).filter((t) => zoneOffsetMinutes(t, zone) * 60_000 === wall - t);
  return fits.length > 0 ? Math.min(...fits) : wall - before * 60_000;
}

function localeFor(lang: string | undefined): Parser {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  return LOCALES[base] ?? chrono.en;
}

/**
 * Forms pages write that chrono misreads: after Spanish "p. m." (Intl 'es', with a space)
 * the zone is lost; "UTC−8" with a minus sign (U+2212, Intl 'fr', 'sv') is read as UTC.
 */
const readable = (s: string) => s.replace(/\u2212/g, '-').replace(/(\d ?)([ap])\. ?m\./gi, '$1$2.m.');

/** "18h30", "18 h 30" (French, Portuguese): chrono reads "18:30" but not these. */
const H_MM = /\b([01]?\d|2[0-3]) ?h ?([0-5]\d)\b/g;

/** Every result of the page-language parser, then of English: course pages mix both ("Due 3 dic, 11:59 PM PST"). */
function parseAll(text: string, lang: string | undefined, now: number): chrono.ParsedResult[][] {
  return [localeFor(lang), chrono.en].map((p) => p.parse(text, new Date(now), { forwardDate: true }));
}

function isRelative(r: chrono.ParsedResult): boolean {
  return [...(r.tags?.() ?? [])].some((t) => t.startsWith('result/relativeDate') || t.startsWith('casualReference/')) || !r.start.isCertain('day');
}

/**
 * A time of day written just after the date that the parser returned as a result of its
 * own ("3 декабря 2026 г. в 9:00", "3 december 2026 kl. 17:30"): a few letters between, no digits.
 */
function timeAfter(date: chrono.ParsedResult, results: chrono.ParsedResult[], text: string): chrono.ParsedComponents | null {
  const end = date.index + date.text.length;
  const near = results
    .filter((r) => r.index >= end && r.start.isCertain('hour') && !r.start.isCertain('day'))
    .sort((a, b) => a.index - b.index)[0];
  if (!near) return null;
  const gap = text.slice(end, near.index);
  return gap.length <= 12 && !/\d/.test(gap) ? near.start : null;
}

/**
 * Reads a deadline. A certain moment has no doubts; anything a page leaves open (no year,
 * no time of day, no zone, "in 5 days", words no parser knows) keeps the best guess and
 * says why the learner must confirm it. Never a silent guess.
 */
export function parseDeadline(reading: DateReading, now: number, learnerZone = localZone()): DutyDeadline {
  const text = reading.text.replace(/\s+/g, ' ').trim().slice(0, 300);
  const iso = reading.iso?.trim();
  if (iso && ISO_WITH_ZONE.test(iso)) {
    const at = Date.parse(iso);
    if (Number.isFinite(at)) return { at, text: text || iso, doubts: [] };
  }
  const source = text || iso || '';
  if (!source) return { at: null, text: '', doubts: ['unreadable'] };
  const pageZone = validZone(reading.timeZone);
  const plain = readable(source);
  let lists = parseAll(plain, reading.lang, now);
  let result = lists.flat()[0];
  if (!result) return { at: null, text: source, doubts: ['unreadable'] };
  // "18 h 30" as "18:30", only for a calendar date: "dans 2 h 30" stays relative.
  const withColons = plain.replace(H_MM, '$1:$2');
  if (withColons !== plain && !isRelative(result)) {
    lists = parseAll(withColons, reading.lang, now);
    result = lists.flat()[0] ?? result;
  }

  const start = result.start;
  const relative = isRelative(result);
  const doubts: DateDoubt[] = [];
  if (relative) doubts.push('relative');
  // 03/04/2026 is 3 April in most of the world and March 4 in the US: the learner decides.
  const numeric = NUMERIC_DATE.exec(result.text);
  if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) doubts.push('day-month');
  if (relative) return { at: result.date().getTime(), text: source, doubts };

  // The page-language parser may return the date and its time of day as two results.
  const clock = start.isCertain('hour') ? start : timeAfter(result, lists.flat(), withColons);
  const offsetOf = (c: chrono.ParsedComponents | null) => (c?.isCertain('timezoneOffset') ? (c.get('timezoneOffset') ?? 0) : null);
  const offset = offsetOf(start) ?? offsetOf(clock);
  if (!start.isCertain('year')) doubts.push('no-year');
  if (!clock) doubts.push('no-time');
  const [hour, minute, second] = clock ? [clock.get('hour') ?? 0, clock.get('minute') ?? 0, clock.get('second') ?? 0] : [23, 59, 0];
  const [year, month, day] = [start.get('year') ?? new Date(now).getUTCFullYear(), start.get('month') ?? 1, start.get('day') ?? 1];
  // The wall time is read in the page's zone when it names one, else in the learner's.
  const zone = pageZone ?? learnerZone;
  if (offset === null && !pageZone) doubts.push('no-zone');
  const momentIn = (y: number) =>
    offset !== null ? Date.UTC(y, month - 1, day, hour, minute, second) - offset * 60_000 : wallTimeIn(zone, y, month, day, hour, minute) + second * 1000;
  // chrono picks the year of a date without one by the machine's clock and zone: the next
  // such moment is chosen again in the zone the date is read in.
  const at = start.isCertain('year') ? momentIn(year) : ([year - 1, year, year + 1].map(momentIn).find((t) => t >= now) ?? momentIn(year + 1));
  return { at, text: source, doubts };
}
