import type { DutyRecord } from '../db/schema';

/** The learner's reminder settings (extension storage, key `dutySettings`). */
export interface DutySettings {
  /** Hours before each deadline to remind, e.g. [48, 24, 3]. */
  offsetsHours: number[];
  /** "Still unreviewed" advice this many days before the review deadline. */
  adviceDays: number;
  /** How long "Snooze" waits. */
  snoozeMinutes: number;
}

export const DEFAULT_DUTY_SETTINGS: DutySettings = { offsetsHours: [48, 24, 3], adviceDays: 3, snoozeMinutes: 60 };
export const DUTY_SETTINGS_KEY = 'dutySettings';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function isDutySettings(v: unknown): v is DutySettings {
  const s = v as DutySettings;
  return (
    !!s &&
    Array.isArray(s.offsetsHours) &&
    s.offsetsHours.length <= 10 &&
    s.offsetsHours.every((h) => Number.isFinite(h) && h > 0 && h <= 24 * 60) &&
    Number.isFinite(s.adviceDays) &&
    s.adviceDays >= 0 &&
    s.adviceDays <= 60 &&
    Number.isFinite(s.snoozeMinutes) &&
    s.snoozeMinutes >= 5 &&
    s.snoozeMinutes <= 7 * 24 * 60
  );
}

/** "48, 24, 3" → [48, 24, 3]; null when any part is not a number of hours the extension accepts. */
export function parseOffsets(text: string): number[] | null {
  const parts = text.split(/[,;،؛，；、\s]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 10) return null;
  const hours = parts.map((p) => Number(p.replace(',', '.')));
  if (hours.some((h) => !Number.isFinite(h) || h <= 0 || h > 24 * 60)) return null;
  return [...new Set(hours)].sort((a, b) => b - a);
}

export type DeadlineKind = 'submit' | 'review';

export interface OpenDeadline {
  kind: DeadlineKind;
  at: number;
}

/** The deadlines of a duty that can still remind: the step is not done and the moment is ahead. */
export function openDeadlines(d: DutyRecord, now: number): OpenDeadline[] {
  if (d.status === 'done') return [];
  const out: OpenDeadline[] = [];
  if (!d.submitted && d.submitDue?.at != null && d.submitDue.at > now) out.push({ kind: 'submit', at: d.submitDue.at });
  if (d.reviewsGiven < d.reviewsRequired && d.reviewDue?.at != null && d.reviewDue.at > now) out.push({ kind: 'review', at: d.reviewDue.at });
  return out.sort((a, b) => a.at - b.at);
}

export const reminderKey = (kind: DeadlineKind, hours: number) => `${kind}@${hours}`;

/** What is due now for one duty: the deadline to talk about, and the reminder keys it uses up. */
export interface DueReminder {
  deadline: OpenDeadline;
  keys: string[];
  snoozed: boolean;
}

/**
 * The reminder to show now, if any. Every reminder time that has passed and was not shown
 * is due, but only one notification is shown per duty (the most urgent deadline); all of
 * them are used up, so a browser that was closed for two days says it once. While snoozed,
 * nothing is due until the snooze ends.
 */
export function dueReminder(d: DutyRecord, s: DutySettings, now: number): DueReminder | null {
  const deadlines = openDeadlines(d, now);
  if (deadlines.length === 0) return null;
  if (d.snoozedUntil !== null && d.snoozedUntil > now) return null;
  const keys: string[] = [];
  let first: OpenDeadline | null = null;
  for (const dl of deadlines) {
    for (const h of s.offsetsHours) {
      const key = reminderKey(dl.kind, h);
      if (dl.at - h * HOUR <= now && !d.sent.includes(key)) {
        keys.push(key);
        first ??= dl;
      }
    }
  }
  const snoozeEnded = d.snoozedUntil !== null && d.snoozedUntil <= now;
  if (!first && !snoozeEnded) return null;
  return { deadline: first ?? deadlines[0], keys, snoozed: snoozeEnded };
}

/** When this duty next needs the learner (a reminder time or the end of a snooze), or null. */
export function nextReminderAt(d: DutyRecord, s: DutySettings, now: number): number | null {
  let next: number | null = null;
  const consider = (t: number) => {
    if (t > now && (next === null || t < next)) next = t;
  };
  const deadlines = openDeadlines(d, now);
  if (deadlines.length === 0) return null;
  const snoozing = d.snoozedUntil !== null && d.snoozedUntil > now;
  if (snoozing) consider(d.snoozedUntil!);
  for (const dl of deadlines) {
    for (const h of s.offsetsHours) {
      const t = dl.at - h * HOUR;
      if (d.sent.includes(reminderKey(dl.kind, h))) continue;
      // A reminder that falls inside a snooze waits for the snooze's end (already considered).
      if (snoozing && t <= d.snoozedUntil!) continue;
      consider(t);
    }
  }
  return next;
}

/**
 * When this duty's part of the badge changes with no page or click: at its review deadline,
 * while reviews are owed (its open review deadline). Null when nothing changes by itself.
 */
export function badgeChangeAt(d: DutyRecord, now: number): number | null {
  return openDeadlines(d, now).find((dl) => dl.kind === 'review')?.at ?? null;
}

/** Reviews the learner still owes, across open duties whose review deadline has not passed. */
export function reviewsOwed(duties: DutyRecord[], now: number): number {
  let n = 0;
  for (const d of duties) {
    if (d.status === 'done') continue;
    if (d.reviewDue?.at != null && d.reviewDue.at <= now) continue;
    n += Math.max(0, d.reviewsRequired - d.reviewsGiven);
  }
  return n;
}

/** My submission has fewer reviews than it needs and the review deadline is near. */
export function needsReviewsAdvice(d: DutyRecord, s: DutySettings, now: number): boolean {
  if (d.status === 'done' || !d.submitted || d.reviewsNeeded === null || d.reviewsReceived === null) return false;
  if (d.reviewsReceived >= d.reviewsNeeded) return false;
  const due = d.reviewDue?.at ?? null;
  return due !== null && due > now && due - now <= s.adviceDays * DAY;
}

/** The next open deadline of a duty (for sorting and the popup), or null. */
export function nextDeadline(d: DutyRecord, now: number): OpenDeadline | null {
  return openDeadlines(d, now)[0] ?? null;
}

export type DutyBucket = 'today' | 'week' | 'later' | 'undated' | 'passed' | 'done';

/** Where a duty goes in the lists: by its next open deadline in the learner's day. */
export function bucketOf(d: DutyRecord, now: number): DutyBucket {
  if (d.status === 'done') return 'done';
  const next = nextDeadline(d, now);
  if (!next) {
    // Passed only when a step still owed had a deadline (reviews whose date the page does not show yet are undated).
    const missedSubmit = !d.submitted && d.submitDue?.at != null;
    const missedReview = d.reviewsGiven < d.reviewsRequired && d.reviewDue?.at != null;
    return missedSubmit || missedReview ? 'passed' : 'undated';
  }
  const endOfToday = new Date(now);
  endOfToday.setHours(23, 59, 59, 999);
  if (next.at <= endOfToday.getTime()) return 'today';
  if (next.at <= now + 7 * DAY) return 'week';
  return 'later';
}

/** Open duties in the order a learner should see them: soonest deadline first, undated last. */
export function sortDuties(duties: DutyRecord[], now: number): DutyRecord[] {
  const key = (d: DutyRecord) => nextDeadline(d, now)?.at ?? Number.MAX_SAFE_INTEGER;
  return [...duties].sort((a, b) => key(a) - key(b) || a.title.localeCompare(b.title));
}
