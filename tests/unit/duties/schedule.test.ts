import { describe, expect, it } from 'vitest';
import type { DutyRecord } from '../../../src/db/schema';
import {
  bucketOf,
  DEFAULT_DUTY_SETTINGS as S,
  dueReminder,
  needsReviewsAdvice,
  nextReminderAt,
  parseOffsets,
  reviewsOwed,
  type DutySettings,
} from '../../../src/duties/schedule';

import { duty, H, T0 } from './example';

/**
 * A fake clock and a fake alarm: it jumps to each moment the schedule asks for, "fires",
 * records the notification and uses the reminder up, as the background does. `restartAt`
 * re-derives the plan from the stored record only (a browser restart).
 */
function simulate(d: DutyRecord, s: DutySettings, from: number, until: number, events: Array<{ at: number; act: (d: DutyRecord, now: number) => void }> = []) {
  let now = from;
  const shown: Array<{ at: number; kind: string; keys: string[] }> = [];
  const fire = () => {
    const due = dueReminder(d, s, now);
    if (!due) return;
    shown.push({ at: now, kind: due.deadline.kind, keys: due.keys });
    d.sent = [...d.sent, ...due.keys];
    if (due.snoozed) d.snoozedUntil = null;
  };
  const pending = [...events].sort((a, b) => a.at - b.at);
  fire();
  for (let guard = 0; guard < 100; guard++) {
    const alarm = nextReminderAt(d, s, now);
    const ev = pending[0];
    const next = [alarm, ev?.at].filter((t): t is number => t != null).sort((a, b) => a - b)[0];
    if (next === undefined || next > until) break;
    now = next;
    if (ev && ev.at === next) {
      pending.shift();
      ev.act(d, now);
    }
    fire();
  }
  return shown.map((x) => ({ ...x, hoursBefore: Math.round(((d.reviewDue?.at ?? 0) - x.at) / H) }));
}

describe('reminder schedule (fake clock)', () => {
  it('reminds 48 h, 24 h and 3 h before the review deadline, then never again', () => {
    const shown = simulate(duty(), S, T0, T0 + 300 * H);
    expect(shown.map((x) => x.hoursBefore)).toEqual([48, 24, 3]);
    expect(shown.every((x) => x.kind === 'review')).toBe(true);
  });

  it('uses the learner\'s own offsets', () => {
    const shown = simulate(duty(), { ...S, offsetsHours: [72, 1] }, T0, T0 + 300 * H);
    expect(shown.map((x) => x.hoursBefore)).toEqual([72, 1]);
  });

  it('a browser closed over two reminder times says it once when it starts again', () => {
    const d = duty();
    // The last reminder shown was 48 h; the browser restarts 2 h before the deadline.
    d.sent = ['review@48'];
    const shown = simulate(d, S, T0 + 98 * H, T0 + 300 * H);
    expect(shown).toHaveLength(1);
    expect(shown[0].keys.sort()).toEqual(['review@24', 'review@3']);
    // And a second restart right after shows nothing more.
    expect(dueReminder(d, S, T0 + 98.5 * H)).toBeNull();
    expect(nextReminderAt(d, S, T0 + 98.5 * H)).toBeNull();
  });

  it('a deadline seen first 2 hours before it reminds once, with every reminder time used up', () => {
    const d = duty({ reviewDue: { at: T0 + 2 * H, text: '', doubts: [] } });
    expect(dueReminder(d, S, T0)?.keys).toEqual(['review@48', 'review@24', 'review@3']);
  });

  it('a passed deadline never notifies', () => {
    const d = duty({ reviewDue: { at: T0 - H, text: '', doubts: [] } });
    expect(dueReminder(d, S, T0)).toBeNull();
    expect(nextReminderAt(d, S, T0)).toBeNull();
  });

  it('marking done stops every later reminder', () => {
    const shown = simulate(duty(), S, T0, T0 + 300 * H, [{ at: T0 + 60 * H, act: (d) => (d.status = 'done') }]);
    expect(shown.map((x) => x.hoursBefore)).toEqual([48]);
  });

  it('giving the last review stops the review reminders', () => {
    const shown = simulate(duty(), S, T0, T0 + 300 * H, [{ at: T0 + 80 * H, act: (d) => (d.reviewsGiven = 3) }]);
    expect(shown.map((x) => x.hoursBefore)).toEqual([48, 24]);
  });

  it('snooze: the reminder comes back when the snooze ends, once', () => {
    const shown = simulate(duty(), S, T0, T0 + 300 * H, [{ at: T0 + 52.5 * H, act: (d, now) => (d.snoozedUntil = now + 2 * H) }]);
    // 48 h at T0+52; snoozed at +52.5 until +54.5 (45.5 h before); then 24 h and 3 h.
    expect(shown.map((x) => x.hoursBefore)).toEqual([48, 46, 24, 3]);
  });

  it('a reminder that falls inside a snooze waits for its end', () => {
    const shown = simulate(duty(), S, T0, T0 + 300 * H, [{ at: T0 + 74 * H, act: (d, now) => (d.snoozedUntil = now + 4 * H) }]);
    expect(shown.map((x) => x.hoursBefore)).toEqual([48, 22, 3]);
    expect(shown[1].keys).toEqual(['review@24']);
  });

  it('the submission deadline reminds while the work is not submitted', () => {
    const d = duty({ submitted: false, reviewsGiven: 0, submitDue: { at: T0 + 30 * H, text: '', doubts: [] }, reviewDue: { at: T0 + 200 * H, text: '', doubts: [] } });
    const shown = simulate(d, S, T0, T0 + 400 * H, [{ at: T0 + 10 * H, act: (x) => (x.submitted = true) }]);
    // 48 h before was already past at T0 (30 h left): shown at once; 24 h before comes at
    // T0+6 h; submitting at T0+10 h stops the 3 h one.
    expect(shown.map((x) => [x.kind, x.keys.join()])).toEqual([
      ['submit', 'submit@48'],
      ['submit', 'submit@24'],
      ['review', 'review@48'],
      ['review', 'review@24'],
      ['review', 'review@3'],
    ]);
  });

  it('a deadline without a moment never reminds', () => {
    const d = duty({ reviewDue: { at: null, text: 'soon', doubts: ['unreadable'] } });
    expect(nextReminderAt(d, S, T0)).toBeNull();
    expect(dueReminder(d, S, T0)).toBeNull();
  });
});

describe('badge and advice', () => {
  it('counts reviews owed on open duties whose deadline has not passed', () => {
    const list = [
      duty({ id: 'a' }),
      duty({ id: 'b', reviewsGiven: 0, reviewsRequired: 2, reviewDue: null }),
      duty({ id: 'c', status: 'done' }),
      duty({ id: 'd', reviewDue: { at: T0 - H, text: '', doubts: [] } }),
      duty({ id: 'e', reviewsGiven: 5, reviewsRequired: 3 }),
    ];
    expect(reviewsOwed(list, T0)).toBe(4);
  });

  it('"still unreviewed" advice N days before the review deadline', () => {
    const d = duty({ reviewDue: { at: T0 + 70 * H, text: '', doubts: [] } });
    expect(needsReviewsAdvice(d, S, T0)).toBe(true);
    expect(needsReviewsAdvice(d, { ...S, adviceDays: 2 }, T0)).toBe(false);
    expect(needsReviewsAdvice({ ...d, reviewsReceived: 3 }, S, T0)).toBe(false);
    expect(needsReviewsAdvice({ ...d, submitted: false }, S, T0)).toBe(false);
    expect(needsReviewsAdvice({ ...d, reviewsReceived: null }, S, T0)).toBe(false);
    expect(needsReviewsAdvice(d, S, T0 + 71 * H)).toBe(false);
  });

  it('buckets: today, this week, later, undated, passed, done', () => {
    const at = (h: number) => ({ at: T0 + h * H, text: '', doubts: [] });
    const noon = new Date(2026, 11, 1, 12).getTime();
    const local = (h: number) => ({ at: noon + h * H, text: '', doubts: [] });
    expect(bucketOf(duty({ reviewDue: local(3) }), noon)).toBe('today');
    expect(bucketOf(duty({ reviewDue: local(30) }), noon)).toBe('week');
    expect(bucketOf(duty({ reviewDue: local(24 * 9) }), noon)).toBe('later');
    expect(bucketOf(duty({ reviewDue: null }), T0)).toBe('undated');
    expect(bucketOf(duty({ reviewDue: at(-1) }), T0)).toBe('passed');
    // Reviews owed but their date not shown yet, the submission in on time: nothing was missed.
    expect(bucketOf(duty({ submitDue: at(-1), reviewDue: null }), T0)).toBe('undated');
    expect(bucketOf(duty({ submitted: false, submitDue: at(-1), reviewDue: null }), T0)).toBe('passed');
    expect(bucketOf(duty({ status: 'done' }), T0)).toBe('done');
  });

  it('reads offsets the learner types', () => {
    expect(parseOffsets('48, 24, 3')).toEqual([48, 24, 3]);
    expect(parseOffsets('3 72 24 24')).toEqual([72, 24, 3]);
    expect(parseOffsets('1,5')).toEqual([5, 1]);
    expect(parseOffsets('48, soon')).toBeNull();
    expect(parseOffsets('')).toBeNull();
    expect(parseOffsets('-3')).toBeNull();
  });
});
