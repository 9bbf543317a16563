import type { DateDoubt, DutyRecord } from '../db/schema';

/**
 * Why a deadline must be confirmed: the doubts its reading left (parse-date.ts, stored with
 * the date), and one worked out from the pair and never stored: a review deadline from a
 * page that comes before the submit deadline. Reviews close after submissions, so such a
 * pair is almost always a misread date (the year of a date written without one, say).
 */
export type DeadlineDoubt = DateDoubt | 'before-submit';
export type DeadlineKind = 'submitDue' | 'reviewDue';
type Dates = Pick<DutyRecord, 'submitDue' | 'reviewDue' | 'edited'>;

export function deadlineDoubts(d: Dates, kind: DeadlineKind): DeadlineDoubt[] {
  const own: DeadlineDoubt[] = d[kind]?.doubts ?? [];
  // A review date the learner set or confirmed is theirs, whatever the order.
  if (kind === 'submitDue' || d.edited.includes('reviewDue')) return own;
  const review = d.reviewDue?.at ?? null;
  const submit = d.submitDue?.at ?? null;
  return review !== null && submit !== null && review < submit ? [...own, 'before-submit'] : own;
}

/** Every doubt of a duty's two deadlines, once each. */
export function dutyDoubts(d: Dates): DeadlineDoubt[] {
  return [...new Set([...deadlineDoubts(d, 'submitDue'), ...deadlineDoubts(d, 'reviewDue')])];
}
