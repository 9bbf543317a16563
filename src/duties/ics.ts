import { createEvents, type EventAttributes } from 'ics';
import type { DutyRecord } from '../db/schema';
import { deadlineDoubts } from './doubts';
import { openDeadlines } from './schedule';

/** Words the calendar file needs, in the learner's language (the caller passes t()). */
export interface IcsWords {
  submitTitle: (title: string) => string;
  reviewTitle: (title: string) => string;
  reviewsLine: (given: number, required: number) => string;
  unconfirmed: string;
}

const HALF_HOUR = 30 * 60_000;

/** TEXT as RFC 5545 writes it (3.3.11): the ics package escapes the event's summary and description, not an alarm's. */
const icsText = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/**
 * Every open deadline of the duties (the ones that remind) as one iCalendar file. Each
 * event ends at the deadline (so it sits just before it in a calendar) and carries the
 * learner's reminder offsets as alarms. Ids are stable: importing the file again updates
 * the same events.
 */
export function dutiesToIcs(duties: DutyRecord[], offsetsHours: number[], words: IcsWords, now = Date.now()): string {
  const events: EventAttributes[] = [];
  for (const d of duties) {
    // The deadlines that remind (nothing owed, passed or done: no event, no alarms).
    for (const { kind, at } of openDeadlines(d, now)) {
      const unsure = deadlineDoubts(d, kind === 'submit' ? 'submitDue' : 'reviewDue').length > 0;
      const lines = [d.course, kind === 'review' ? words.reviewsLine(d.reviewsGiven, d.reviewsRequired) : '', unsure ? words.unconfirmed : '', d.url].filter(Boolean);
      events.push({
        uid: `${d.id}-${kind}@moocmate`,
        title: kind === 'submit' ? words.submitTitle(d.title) : words.reviewTitle(d.title),
        description: lines.join('\n'),
        start: at - HALF_HOUR,
        startInputType: 'utc',
        startOutputType: 'utc',
        end: at,
        endInputType: 'utc',
        endOutputType: 'utc',
        ...(/^https?:\/\//.test(d.url) ? { url: d.url } : {}),
        status: unsure ? 'TENTATIVE' : 'CONFIRMED',
        lastModified: now,
        productId: 'moocmate/duties',
        alarms: offsetsHours.map((h) => ({ action: 'display' as const, description: icsText(d.title), trigger: { minutes: Math.round(h * 60), before: true } })),
      });
    }
  }
  if (events.length === 0) return '';
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('The calendar file could not be made.');
  return value.replace(/\r\n[ \t]/g, '').split('\r\n').map(fold).join('\r\n');
}

const octets = (c: string) => {
  const p = c.codePointAt(0)!;
  return p < 0x80 ? 1 : p < 0x800 ? 2 : p < 0x10000 ? 3 : 4;
};

/**
 * One content line folded at 75 octets (RFC 5545 3.1), never inside a character. The ics
 * package folds at 75 characters, too long for a title in Spanish or Japanese.
 */
function fold(line: string): string {
  const parts = [''];
  let size = 0;
  for (const c of line) {
    if (size + octets(c) > 75) {
      parts.push(' ');
      size = 1;
    }
    parts[parts.length - 1] += c;
    size += octets(c);
  }
  return parts.join('\r\n');
}
