import { describe, expect, it } from 'vitest';
import { freshDb } from '../helpers';
import { applyReading, dutyIdFor, markSent, saveDuty, setDone } from '../../../src/duties/store';
import type { DutyReading } from '../../../src/messaging/protocol';
import { dueReminder, DEFAULT_DUTY_SETTINGS } from '../../../src/duties/schedule';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const reading = (over: Partial<DutyReading> = {}): DutyReading => ({
  site: 'edx', key: 'block-v1:X+Y+Z+type@openassessment+block@1', course: 'Plants', title: 'Essay', url: 'https://courses.edx.org/u/1',
  submitted: true, reviewsGiven: 1, reviewsRequired: 3, reviewsReceived: null, reviewsNeeded: null,
  submitDue: null, reviewDue: { text: 'due Dec 5', iso: '2026-12-05T23:59:00+00:00' }, ...over,
});

describe('duty store', () => {
  it('a page reading creates the duty once and updates it after', async () => {
    const db = freshDb();
    const first = await applyReading(db, reading(), NOW);
    expect(first.created).toBe(true);
    expect(first.duty.id).toBe(dutyIdFor('edx', reading().key));
    expect(first.duty.reviewDue).toEqual({ at: Date.parse('2026-12-05T23:59:00Z'), text: 'due Dec 5', doubts: [] });
    const second = await applyReading(db, reading({ reviewsGiven: 2 }), NOW + 1000);
    expect(second.created).toBe(false);
    expect(second.duty.reviewsGiven).toBe(2);
    expect(await db.duties.count()).toBe(1);
  });

  it('a reminder already shown stays shown, unless the deadline moved', async () => {
    const db = freshDb();
    const { duty } = await applyReading(db, reading(), NOW);
    await markSent(db, duty.id, ['review@48'], false, NOW);
    expect((await applyReading(db, reading(), NOW)).duty.sent).toEqual(['review@48']);
    const moved = await applyReading(db, reading({ reviewDue: { text: 'due Dec 7', iso: '2026-12-07T23:59:00+00:00' } }), NOW);
    expect(moved.duty.sent).toEqual([]);
  });

  it('a relative deadline read again ("Due in 5 hours", 10 minutes later) has not moved: its reminder is not shown twice', async () => {
    const db = freshDb();
    const inFive = reading({ reviewDue: { text: 'Due in 5 hours', lang: 'en' } });
    const first = await applyReading(db, inFive, NOW);
    const due = dueReminder(first.duty, DEFAULT_DUTY_SETTINGS, NOW)!;
    expect(due.keys).toEqual(['review@48', 'review@24']);
    await markSent(db, first.duty.id, due.keys, false, NOW);
    const again = await applyReading(db, inFive, NOW + 10 * 60_000);
    expect(again.duty.sent).toEqual(due.keys);
    expect(dueReminder(again.duty, DEFAULT_DUTY_SETTINGS, NOW + 10 * 60_000)).toBeNull();
    // The page's hours count down: an hour later "in 4 hours" is the same deadline too.
    expect((await applyReading(db, reading({ reviewDue: { text: 'Due in 4 hours', lang: 'en' } }), NOW + 60 * 60_000)).duty.sent).toEqual(due.keys);
    // Moved by more than the page's rounding: the reminders come back.
    expect((await applyReading(db, reading({ reviewDue: { text: 'Due in 3 days', lang: 'en' } }), NOW + 60 * 60_000)).duty.sent).toEqual([]);
  });

  it('an unreadable date from the page never replaces a known one', async () => {
    const db = freshDb();
    await applyReading(db, reading(), NOW);
    const { duty } = await applyReading(db, reading({ reviewDue: { text: 'soon-ish' } }), NOW);
    expect(duty.reviewDue?.at).toBe(Date.parse('2026-12-05T23:59:00Z'));
  });

  it('what the learner edits by hand stays, later readings fill in the rest', async () => {
    const db = freshDb();
    const { duty } = await applyReading(db, reading({ reviewDue: { text: 'Dec 5, 11:59 PM', lang: 'en' } }), NOW);
    expect(duty.reviewDue?.doubts).toContain('no-year');
    const at = Date.parse('2026-12-05T20:00:00Z');
    await saveDuty(db, { id: duty.id, course: 'Plants', title: 'My essay', url: duty.url, submissionUrl: '', forumUrl: '', submitted: true, reviewsGiven: 1, reviewsRequired: 3, reviewsReceived: null, reviewsNeeded: null, submitDue: null, reviewDue: { at, text: 'Dec 5' } }, NOW);
    const after = await applyReading(db, reading({ title: 'Essay', reviewsGiven: 2, reviewDue: { text: 'Dec 5, 11:59 PM', lang: 'en' } }), NOW);
    expect(after.duty.title).toBe('My essay');
    expect(after.duty.reviewDue).toEqual({ at, text: 'Dec 5', doubts: [] });
    expect(after.duty.reviewsGiven).toBe(2);
  });

  it('marking done and back; a page showing every step complete marks it done', async () => {
    const db = freshDb();
    const { duty } = await applyReading(db, reading(), NOW);
    expect((await setDone(db, duty.id, true, NOW)).status).toBe('done');
    expect((await setDone(db, duty.id, false, NOW)).status).toBe('open');
    expect((await applyReading(db, reading({ complete: true }), NOW)).duty.status).toBe('done');
    await expect(setDone(db, 'nope', true, NOW)).rejects.toThrow('no longer exists');
  });

  it('a duty by hand gets its own id and counts as confirmed', async () => {
    const db = freshDb();
    const d = await saveDuty(db, { title: ' Lab ', course: 'Bio', url: 'https://uni.example/lab', submissionUrl: '', forumUrl: '', submitted: false, reviewsGiven: 0, reviewsRequired: 2, reviewsReceived: null, reviewsNeeded: null, submitDue: { at: NOW + 1e8, text: 't' }, reviewDue: null }, NOW, () => 'uuid-1');
    expect(d).toMatchObject({ id: 'uuid-1', site: 'manual', title: 'Lab', submitDue: { at: NOW + 1e8, text: 't', doubts: [] } });
    await expect(saveDuty(db, { ...d, id: 'gone', submitDue: null, reviewDue: null }, NOW)).rejects.toThrow('no longer exists');
  });
});
