import type { DutyDeadline, DutyRecord, MoocMateDb } from '../db/schema';
import { stableId } from '../captions/ids';
import type { DutyInput, DutyReading } from '../messaging/schemas';
import { deadlineDoubts, type DeadlineKind } from './doubts';
import { DAY, HOUR } from './schedule';

export const dutyIdFor = (site: string, key: string) => stableId('d', `${site}|${key}`);

/** Fields a learner can set by hand; once set, a page reading leaves them alone. */
const EDITABLE = [
  'course',
  'title',
  'url',
  'submissionUrl',
  'forumUrl',
  'submitted',
  'reviewsGiven',
  'reviewsRequired',
  'reviewsReceived',
  'reviewsNeeded',
  'submitDue',
  'reviewDue',
] as const;
type Editable = (typeof EDITABLE)[number];

function emptyDuty(id: string, site: string, key: string, now: number): DutyRecord {
  return {
    id,
    site,
    key,
    course: '',
    title: '',
    url: '',
    submissionUrl: '',
    forumUrl: '',
    submitted: false,
    submittedAt: null,
    reviewsGiven: 0,
    reviewsRequired: 0,
    reviewsReceived: null,
    reviewsNeeded: null,
    submitDue: null,
    reviewDue: null,
    status: 'open',
    snoozedUntil: null,
    sent: [],
    edited: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** A page's deadline replaces the stored one unless the learner set that one (or confirmed it). */
function mergeDeadline(old: DutyDeadline | null, read: DutyDeadline | null): DutyDeadline | null {
  if (!read) return old;
  // An unreadable date never replaces a known one.
  if (read.at === null && old?.at != null) return old;
  return read;
}

const MINUTE = 60_000;

/**
 * Whether a new reading moved the deadline. A relative date ("due in 5 hours") counts from
 * the moment it is read and is only as exact as the page's rounding, so reading the same
 * page again gives a slightly different moment: a change smaller than its largest unit
 * (a day, an hour, a minute) is the same deadline.
 */
function moved(before: DutyDeadline | null, after: DutyDeadline | null, now: number): boolean {
  const [a, b] = [before?.at ?? null, after?.at ?? null];
  if (a === b) return false;
  if (a === null || b === null) return true;
  if (!before?.doubts.includes('relative') && !after?.doubts.includes('relative')) return true;
  const left = Math.max(a, b) - now;
  return Math.abs(a - b) >= (left >= DAY ? DAY : left >= HOUR ? HOUR : MINUTE);
}

/**
 * Stores what a page showed about one assignment. Counts and dates from the page replace
 * older readings; fields the learner edited stay as the learner set them. A reminder that
 * was shown stays shown unless its deadline moved.
 */
export async function applyReading(db: MoocMateDb, r: DutyReading, now: number): Promise<{ duty: DutyRecord; created: boolean }> {
  // chrono-node's 15 languages are set up when first needed, not at each start of the
  // service worker (bench figure 8). Before the transaction: it must not wait on anything else.
  const { parseDeadline } = await import('./parse-date');
  const id = dutyIdFor(r.site, r.key);
  return db.transaction('rw', db.duties, async () => {
    const old = await db.duties.get(id);
    const d: DutyRecord = old ? { ...old } : emptyDuty(id, r.site, r.key, now);
    const set = <K extends Editable>(k: K, value: DutyRecord[K] | undefined) => {
      if (value === undefined || d.edited.includes(k)) return;
      d[k] = value;
    };
    set('course', r.course || undefined);
    set('title', r.title || undefined);
    set('url', r.url || undefined);
    set('submissionUrl', r.submissionUrl);
    set('forumUrl', r.forumUrl);
    if (r.submitted !== null) {
      if (r.submitted && !d.submitted && !d.edited.includes('submitted')) d.submittedAt = now;
      set('submitted', r.submitted);
    }
    set('reviewsGiven', r.reviewsGiven ?? undefined);
    set('reviewsRequired', r.reviewsRequired ?? undefined);
    set('reviewsReceived', r.reviewsReceived ?? undefined);
    set('reviewsNeeded', r.reviewsNeeded ?? undefined);
    const [oldSubmit, oldReview] = [d.submitDue, d.reviewDue];
    const parse = (x: DutyReading['submitDue']): DutyDeadline | null => {
      if (!x) return null;
      const got = parseDeadline(x, now);
      // Unknown markup: which date is which is a guess, so the learner confirms each one.
      return r.fromText && !got.doubts.includes('unreadable') ? { ...got, doubts: ['from-text', ...got.doubts] } : got;
    };
    set('submitDue', mergeDeadline(d.submitDue, parse(r.submitDue)));
    set('reviewDue', mergeDeadline(d.reviewDue, parse(r.reviewDue)));
    // A deadline that moved gets its reminders again.
    if (moved(oldSubmit, d.submitDue, now)) d.sent = d.sent.filter((k) => !k.startsWith('submit@'));
    if (moved(oldReview, d.reviewDue, now)) d.sent = d.sent.filter((k) => !k.startsWith('review@'));
    if (r.complete && d.status === 'open') d.status = 'done';
    d.updatedAt = now;
    await db.duties.put(d);
    return { duty: d, created: !old };
  });
}

/** Adds or edits a duty by hand. Deadlines from the form are exact: no doubts remain. */
export async function saveDuty(db: MoocMateDb, input: DutyInput, now: number, newId: () => string = () => crypto.randomUUID()): Promise<DutyRecord> {
  return db.transaction('rw', db.duties, async () => {
    const old = input.id ? await db.duties.get(input.id) : undefined;
    if (input.id && !old) throw new Error('This duty no longer exists.');
    const d: DutyRecord = old ? { ...old } : emptyDuty(newId(), 'manual', '', now);
    const exact = (x: DutyInput['submitDue']): DutyDeadline | null => (x ? { at: x.at, text: x.text, doubts: [] } : null);
    const next: Pick<DutyRecord, Editable> = {
      course: input.course.trim(),
      title: input.title.trim(),
      url: input.url.trim(),
      submissionUrl: input.submissionUrl.trim(),
      forumUrl: input.forumUrl.trim(),
      submitted: input.submitted,
      reviewsGiven: input.reviewsGiven,
      reviewsRequired: input.reviewsRequired,
      reviewsReceived: input.reviewsReceived,
      reviewsNeeded: input.reviewsNeeded,
      submitDue: exact(input.submitDue),
      reviewDue: exact(input.reviewDue),
    };
    const edited = new Set(d.edited);
    for (const k of EDITABLE) {
      const changed = JSON.stringify(d[k]) !== JSON.stringify(next[k]);
      // Saving a date with doubts confirms it, even when the moment stays the same.
      const confirmed = (k === 'submitDue' || k === 'reviewDue') && deadlineDoubts(d, k).length > 0 && next[k] !== null;
      if (changed || confirmed || !old) edited.add(k);
    }
    if (next.submitted && !d.submitted) d.submittedAt = now;
    if ((d.submitDue?.at ?? null) !== (next.submitDue?.at ?? null)) d.sent = d.sent.filter((k) => !k.startsWith('submit@'));
    if ((d.reviewDue?.at ?? null) !== (next.reviewDue?.at ?? null)) d.sent = d.sent.filter((k) => !k.startsWith('review@'));
    Object.assign(d, next);
    d.edited = old ? [...edited] : [...EDITABLE];
    d.updatedAt = now;
    await db.duties.put(d);
    return d;
  });
}

export async function setDone(db: MoocMateDb, id: string, done: boolean, now: number): Promise<DutyRecord> {
  return update(db, id, now, (d) => {
    d.status = done ? 'done' : 'open';
    d.snoozedUntil = null;
  });
}

export async function snoozeDuty(db: MoocMateDb, id: string, until: number, now: number): Promise<DutyRecord> {
  return update(db, id, now, (d) => {
    d.snoozedUntil = until;
  });
}

/**
 * "This is right" on one date: it becomes the learner's (later readings leave it alone) and
 * its doubts go; the moment, and the other date with its own doubts, stay as they are.
 */
export async function confirmDeadline(db: MoocMateDb, id: string, kind: DeadlineKind, now: number): Promise<DutyRecord> {
  return update(db, id, now, (d) => {
    const due = d[kind];
    if (!due || due.at === null) throw new Error('This date is not known yet. Use Change it.');
    d[kind] = { ...due, doubts: [] };
    if (!d.edited.includes(kind)) d.edited = [...d.edited, kind];
  });
}

/** Records that reminders were shown (and that a snooze that ended was used). */
export async function markSent(db: MoocMateDb, id: string, keys: string[], endSnooze: boolean, now: number): Promise<DutyRecord> {
  return update(db, id, now, (d) => {
    d.sent = [...new Set([...d.sent, ...keys])];
    if (endSnooze) d.snoozedUntil = null;
  });
}

async function update(db: MoocMateDb, id: string, now: number, change: (d: DutyRecord) => void): Promise<DutyRecord> {
  return db.transaction('rw', db.duties, async () => {
    const d = await db.duties.get(id);
    if (!d) throw new Error('This duty no longer exists.');
    change(d);
    d.updatedAt = now;
    await db.duties.put(d);
    return d;
  });
}
