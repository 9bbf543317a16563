import type { DutyRecord } from '../../../src/db/schema';

export const H = 3_600_000;
export const T0 = Date.parse('2026-12-01T12:00:00Z');

export function duty(over: Partial<DutyRecord> = {}): DutyRecord {
  return {
    id: 'd1', site: 'coursera', key: 'k', course: 'C', title: 'Essay', url: 'https://www.coursera.org/x', submissionUrl: '', forumUrl: '',
    submitted: true, submittedAt: T0 - 10 * H, reviewsGiven: 1, reviewsRequired: 3, reviewsReceived: 0, reviewsNeeded: 3,
    submitDue: null, reviewDue: { at: T0 + 100 * H, text: '', doubts: [] },
    status: 'open', snoozedUntil: null, sent: [], edited: [], createdAt: T0, updatedAt: T0, ...over,
  };
}

