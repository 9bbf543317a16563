import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { freshDb } from '../helpers';
import { deadlineDoubts, dutyDoubts } from '../../../src/duties/doubts';
import { dutiesToIcs } from '../../../src/duties/ics';
import { applyReading, confirmDeadline, saveDuty } from '../../../src/duties/store';
import type { DutyInput, DutyReading } from '../../../src/messaging/protocol';
import type { DateDoubt } from '../../../src/db/schema';
import { duty, H, T0 } from './example';

const NOW = Date.parse('2026-11-28T10:00:00Z');

const due = (at: number | null, doubts: DateDoubt[] = []) => ({ at, text: '', doubts });

describe('a review deadline before the submit deadline', () => {
  it('is a doubt of the review date, worked out from the pair and never stored', () => {
    const d = duty({ submitDue: due(T0 + 96 * H, ['no-year']), reviewDue: due(T0 + 48 * H) });
    expect(deadlineDoubts(d, 'reviewDue')).toEqual(['before-submit']);
    expect(deadlineDoubts(d, 'submitDue')).toEqual(['no-year']);
    expect(dutyDoubts(d)).toEqual(['no-year', 'before-submit']);
    expect(d.reviewDue?.doubts).toEqual([]);
  });

  it('is no doubt when the order is right, the dates are equal, one is missing or unreadable', () => {
    expect(dutyDoubts(duty({ submitDue: due(T0), reviewDue: due(T0 + H) }))).toEqual([]);
    expect(dutyDoubts(duty({ submitDue: due(T0), reviewDue: due(T0) }))).toEqual([]);
    expect(dutyDoubts(duty({ submitDue: null, reviewDue: due(T0) }))).toEqual([]);
    expect(dutyDoubts(duty({ submitDue: due(T0), reviewDue: null }))).toEqual([]);
    expect(dutyDoubts(duty({ submitDue: due(T0), reviewDue: { at: null, text: 'soon', doubts: ['unreadable'] } }))).toEqual(['unreadable']);
  });

  it('is no doubt once the review date is the learner’s own', () => {
    expect(dutyDoubts(duty({ submitDue: due(T0 + 96 * H), reviewDue: due(T0 + 48 * H), edited: ['reviewDue'] }))).toEqual([]);
  });

  it('“This is right” confirms that one date only; the other keeps its doubts', async () => {
    const db = freshDb();
    const now = Date.parse('2026-11-28T10:00:00Z');
    const reading: DutyReading = {
      site: 'coursera', key: 'plants/peer/abc', course: 'Plants', title: 'Leaf', url: 'https://www.coursera.org/learn/plants/peer/abc',
      submitted: true, reviewsGiven: 0, reviewsRequired: 3, reviewsReceived: null, reviewsNeeded: null,
      submitDue: { text: 'Dec 9, 11:59 PM PST', lang: 'en' },
      reviewDue: { text: 'Dec 5, 2026 11:59 PM UTC', iso: '2026-12-05T23:59:00+00:00' },
    };
    const { duty: read } = await applyReading(db, reading, now);
    expect(deadlineDoubts(read, 'submitDue')).toEqual(['no-year']);
    expect(deadlineDoubts(read, 'reviewDue')).toEqual(['before-submit']);

    const submitConfirmed = await confirmDeadline(db, read.id, 'submitDue', now);
    expect(submitConfirmed.submitDue).toEqual({ ...read.submitDue, doubts: [] });
    expect(deadlineDoubts(submitConfirmed, 'reviewDue')).toEqual(['before-submit']);

    const both = await confirmDeadline(db, read.id, 'reviewDue', now);
    expect(both.reviewDue).toEqual(read.reviewDue);
    expect(both.edited).toEqual(['submitDue', 'reviewDue']);
    expect(dutyDoubts(both)).toEqual([]);
    // A later reading of the same page leaves the confirmed dates alone.
    expect(dutyDoubts((await applyReading(db, reading, now + H)).duty)).toEqual([]);
    await expect(confirmDeadline(db, 'gone', 'reviewDue', now)).rejects.toThrow('no longer exists');
  });

  it('saving the edit form confirms both dates (the learner saw them both)', async () => {
    const db = freshDb();
    const { duty: read } = await applyReading(
      db,
      {
        site: 'coursera', key: 'k2', course: 'Plants', title: 'Leaf', url: 'https://www.coursera.org/learn/plants/peer/k2',
        submitted: true, reviewsGiven: 0, reviewsRequired: 3, reviewsReceived: null, reviewsNeeded: null,
        submitDue: { text: '2026-12-09T23:59:00Z', iso: '2026-12-09T23:59:00Z' }, reviewDue: { text: '2026-12-05T23:59:00Z', iso: '2026-12-05T23:59:00Z' },
      },
      NOW,
    );
    expect(dutyDoubts(read)).toEqual(['before-submit']);
    const input: DutyInput = {
      id: read.id, course: read.course, title: read.title, url: read.url, submissionUrl: '', forumUrl: '', submitted: true,
      reviewsGiven: 0, reviewsRequired: 3, reviewsReceived: null, reviewsNeeded: null,
      submitDue: { at: read.submitDue!.at!, text: read.submitDue!.text }, reviewDue: { at: read.reviewDue!.at!, text: read.reviewDue!.text },
    };
    expect(dutyDoubts(await saveDuty(db, input, NOW))).toEqual([]);
  });

  it('makes the review event TENTATIVE in the calendar export', () => {
    const words = { submitTitle: (t: string) => t, reviewTitle: (t: string) => t, reviewsLine: () => '', unconfirmed: 'Date not confirmed' };
    const text = dutiesToIcs([duty({ id: 'a', submitted: false, submitDue: due(T0 + 96 * H), reviewDue: due(T0 + 48 * H) })], [], words);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const status = (uid: string) => events.find((e) => e.getFirstPropertyValue('uid') === uid)?.getFirstPropertyValue('status');
    expect(status('a-review@moocmate')).toBe('TENTATIVE');
    expect(status('a-submit@moocmate')).toBe('CONFIRMED');
  });
});
