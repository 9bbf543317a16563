import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../src/db/schema';
import { syncAll, syncDuty, updateBadge } from '../../../src/duties/background';
import { duty, H } from './example';

const DEADLINE = Date.parse('2026-12-05T07:59:00Z');
const review = { at: DEADLINE, text: '', doubts: [] };
const badge = () => fakeBrowser.action.getBadgeText({});

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = ((k: string) => (k === 'localeCode' ? 'en' : k)) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
  await getDb().duties.clear();
});

describe('duty alarms and the toolbar badge', () => {
  it('after the last reminder, an alarm still wakes the worker at the review deadline, and the badge stops counting then', async () => {
    await getDb().duties.put(duty({ id: 'b1', reviewsGiven: 1, reviewsRequired: 3, reviewDue: review }));
    await syncAll(DEADLINE - 2 * H); // past the 3-hour reminder: all three are used up
    expect(await badge()).toBe('2');
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime])).toEqual([['duty:b1', DEADLINE]]);
    // What the alarm does when it fires (installDutyReminders: syncDuty, then the badge).
    await syncDuty('b1', undefined, DEADLINE);
    await updateBadge(DEADLINE);
    expect(await badge()).toBe('');
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('no wake-up at the deadline when nothing is owed there', async () => {
    await getDb().duties.bulkPut([
      duty({ id: 'given', reviewsGiven: 3, reviewsRequired: 3, reviewDue: review }),
      duty({ id: 'done', status: 'done', reviewDue: review }),
    ]);
    await syncAll(DEADLINE - 2 * H);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(await badge()).toBe('');
  });

  it('two syncAll() at start-up show the due reminder once and leave one alarm, at the next reminder', async () => {
    await getDb().duties.put(duty({ id: 'b2', reviewDue: review }));
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    const t = DEADLINE - 20 * H;
    await Promise.all([syncAll(t), syncAll(t)]);
    expect((await getDb().duties.get('b2'))!.sent.sort()).toEqual(['review@24', 'review@48']);
    expect(new Set(create.mock.calls.map((c) => c[0]))).toEqual(new Set(['duty:b2']));
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime])).toEqual([['duty:b2', DEADLINE - 3 * H]]);
  });
});
