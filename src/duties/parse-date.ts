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

/** The moment a wall-clock time in `zone` stands for (the daylight-saving edge resolved like browsers do). */
export function wallTimeIn(zone: string, y: number, mo: number, d: number, h: number, mi: number): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const first = guess - zoneOffsetMinutes(guess, zone) * 60_000;
  return guess - zoneOffsetMinutes(first, zone) * 60_000;
}

function localeFor(lang: string | undefined): Parser {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0];
  return LOCALES[base] ?? chrono.en;
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
  // Another locale's parser first, then English: course pages mix both ("Due 3 dic, 11:59 PM PST").
  const parsers = [localeFor(reading.lang), chrono.en];
  let result: chrono.ParsedResult | undefined;
  for (const p of parsers) {
    result = p.parse(source, new Date(now), { forwardDate: true })[0];
    if (result) break;
  }
  if (!result) return { at: null, text: source, doubts: ['unreadable'] };

  const start = result.start;
  const tags = [...(result.tags?.() ?? [])];
  const relative = tags.some((t) => t.startsWith('result/relativeDate') || t.startsWith('casualReference/')) || !start.isCertain('day');
  const doubts: DateDoubt[] = [];
  if (relative) doubts.push('relative');
  // 03/04/2026 is 3 April in most of the world and March 4 in the US: the learner decides.
  const numeric = NUMERIC_DATE.exec(result.text);
  if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) doubts.push('day-month');
  let at = result.date().getTime();
  if (!relative) {
    if (!start.isCertain('year')) doubts.push('no-year');
    if (!start.isCertain('hour')) doubts.push('no-time');
    if (!start.isCertain('timezoneOffset')) {
      // The wall time is read in the page's zone when it names one, else in the learner's.
      const zone = pageZone ?? learnerZone;
      const hour = start.isCertain('hour') ? (start.get('hour') ?? 0) : 23;
      const minute = start.isCertain('hour') ? (start.get('minute') ?? 0) : 59;
      at = wallTimeIn(zone, start.get('year') ?? 1970, start.get('month') ?? 1, start.get('day') ?? 1, hour, minute);
      if (!pageZone) doubts.push('no-zone');
    }
  }
  return { at, text: source, doubts };
}
