import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { ROOT, extensionUrl, launchExtension, openExtensionPage, readDb, screenshot, startFixtureServer, startSiteServer, tabIdOf, waitFor, wipeDb, type Extension, type SiteServer } from './harness';

const es = JSON.parse(readFileSync(join(ROOT, 'public/_locales/es/messages.json'), 'utf8')) as Record<string, { message: string }>;

let ext: Extension;
let server: SiteServer;
let probe: Page;

const DAY = 86_400_000;
const MIN = 60_000;
const COURSERA = 'https://www.coursera.org/learn/how-plants-grow/peer';
const EN_ITEM = `${COURSERA}/2yTvX/design-a-leaf-experiment`;
const ES_ITEM = `${COURSERA}/Es3dL/el-ciclo-del-agua`;
const OLD_ITEM = `${COURSERA}/Old7x/seeds-and-germination`;
const ORA = 'https://courses.edx.org/courses/course-v1:MoocMateX+PLANT101+2026/courseware/week-5/peer-essay/1';

type Duty = Record<string, unknown> & {
  id: string;
  title: string;
  submitDue: { at: number | null; doubts: string[]; text: string } | null;
  reviewDue: { at: number | null; doubts: string[]; text: string } | null;
};

/** Midnight UTC of today: the fixture pages write their dates relative to it. */
const today = () => {
  const n = new Date();
  return Date.UTC(n.getUTCFullYear(), n.getUTCMonth(), n.getUTCDate());
};

async function duties(): Promise<Duty[]> {
  return ((await readDb(probe, ['duties'])) as { duties: Duty[] }).duties;
}
const byTitle = (list: Duty[], title: string) => list.find((d) => d.title === title);

async function visit(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

/** Evaluated in the service worker, where the chrome.* APIs are. */
declare const chrome: {
  action: { getBadgeText(o: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
  alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number }>> };
  storage: { local: { set(o: object): Promise<void> } };
};
const badge = () => ext.worker.evaluate(() => chrome.action.getBadgeText({}));
const notifications = () => ext.worker.evaluate(() => chrome.notifications.getAll().then((n) => Object.keys(n)));
const alarms = () => ext.worker.evaluate(() => chrome.alarms.getAll());

beforeAll(async () => {
  server = await startSiteServer();
  ext = await launchExtension({ mapHosts: server.hosts, mapPort: server.port });
  probe = await openExtensionPage(ext);
  await wipeDb(probe);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('peer-review duties', () => {
  it('visiting a Coursera peer-graded item and an edX ORA unit creates the duties with their counts and deadlines; the badge counts reviews owed', async () => {
    const t0 = today();
    const coursera = await visit(EN_ITEM);
    const edx = await visit(ORA);
    const list = await waitFor('three duties', async () => {
      const all = await duties();
      return all.length === 3 ? all : null;
    });

    const leaf = byTitle(list, 'Peer-graded Assignment: Design a Leaf Experiment')!;
    expect(leaf).toMatchObject({
      site: 'coursera',
      course: 'How Plants Grow: An Introduction to Plant Physiology',
      url: EN_ITEM,
      submissionUrl: `${EN_ITEM}/review/SbmXq3Fh`,
      forumUrl: 'https://www.coursera.org/learn/how-plants-grow/discussions/forums/peer-review-requests',
      submitted: true,
      reviewsGiven: 1,
      reviewsRequired: 3,
      reviewsReceived: 0,
      reviewsNeeded: 3,
      status: 'open',
    });
    // 11:59 PM PST is 07:59 UTC the next day. The review date has its year: certain.
    expect(leaf.reviewDue).toMatchObject({ at: t0 + 2 * DAY + (31 * 60 + 59) * MIN, doubts: [] });
    // "Dec 3, 11:59 PM PST" has no year: the right moment, but the learner is asked.
    expect(leaf.submitDue).toMatchObject({ at: t0 + 4 * DAY + (31 * 60 + 59) * MIN, doubts: ['no-year'] });

    const essay = byTitle(list, 'Essay: why leaves change colour')!;
    expect(essay).toMatchObject({ site: 'edx', course: 'How Plants Grow (PLANT101)', submitted: true, reviewsGiven: 1, reviewsRequired: 3, reviewsReceived: null });
    expect(essay.reviewDue).toMatchObject({ at: t0 + 5 * DAY + (23 * 60 + 59) * MIN, doubts: [] });
    expect(essay.submitDue).toMatchObject({ at: t0 + 1 * DAY + (23 * 60 + 59) * MIN, doubts: [] });
    const roots = byTitle(list, 'Short answer: roots')!;
    expect(roots).toMatchObject({ submitted: false, reviewsGiven: 0, reviewsRequired: 0 });
    expect(roots.submitDue).toMatchObject({ at: t0 + 3 * DAY + 12 * 60 * MIN, doubts: [] });
    expect(roots.reviewDue).toMatchObject({ at: t0 + 8 * DAY + (23 * 60 + 59) * MIN, doubts: [] });

    // 2 reviews owed on Coursera + 2 on edX.
    await waitFor('badge 4', async () => (await badge()) === '4');
    // One alarm per duty that still has a reminder ahead.
    const names = (await alarms()).map((a) => a.name).sort();
    expect(names).toEqual(list.map((d) => `duty:${d.id}`).sort());
    await coursera.close();
    await edx.close();
  });

  it('the dashboard lists the duties, asks about the date without a year, and advises when my work is still unreviewed', async () => {
    const dash = await openExtensionPage(ext, 'dashboard.html#/duties');
    await dash.getByRole('heading', { name: 'Peer-review duties' }).waitFor();
    await dash.getByText('You owe 4 reviews.').waitFor();
    const check = dash.locator('.group-check');
    await check.getByText('Peer-graded Assignment: Design a Leaf Experiment').waitFor();
    const [submitBy, reviewBy] = [check.locator('.duty-deadline').nth(0), check.locator('.duty-deadline').nth(1)];
    expect(await submitBy.getByText('The page gave no year.').isVisible()).toBe(true);
    // The page's review date (2 days) comes before its submit date (4 days): asked too.
    expect(await reviewBy.getByText('Reviews close after the submit date, but this date is before it.').isVisible()).toBe(true);
    const week = dash.locator('.group-week');
    // Soonest open deadline first: the roots answer is due in 3 days, the essay reviews in 5.
    expect(await week.locator('.duty h3').allTextContents()).toEqual(['Short answer: roots', 'Essay: why leaves change colour']);

    // The learner asks for the warning 4 days ahead (default 3): the leaf essay has 0 of 3 reviews.
    await dash.getByText('Reminder settings').click();
    await dash.getByLabel(/this many days before the review deadline/).fill('4');
    await dash.getByRole('button', { name: 'Save', exact: true }).click();
    const advice = dash.locator('.duty-advice');
    await advice.waitFor();
    expect(await advice.textContent()).toContain('Your work has 0 of 3 reviews');
    const message = await advice.locator('textarea').inputValue();
    expect(message).toContain('"Peer-graded Assignment: Design a Leaf Experiment"');
    expect(message).toContain(`${EN_ITEM}/review/SbmXq3Fh`);
    expect(await advice.getByRole('link', { name: 'Course forum' }).getAttribute('href')).toBe('https://www.coursera.org/learn/how-plants-grow/discussions/forums/peer-review-requests');
    await dash.setViewportSize({ width: 1280, height: 1250 });
    await dash.evaluate(() => window.scrollTo(0, 0));
    await screenshot(dash, 'duties-dashboard');

    // The learner checks the year and confirms the date: the doubt goes, the moment stays.
    const before = byTitle(await duties(), 'Peer-graded Assignment: Design a Leaf Experiment')!;
    await submitBy.getByRole('button', { name: 'This is right' }).click();
    await waitFor('confirmed', async () => {
      const d = byTitle(await duties(), 'Peer-graded Assignment: Design a Leaf Experiment')!;
      return d.submitDue?.doubts.length === 0 ? d : null;
    }).then((d) => expect(d.submitDue?.at).toBe(before.submitDue?.at));
    // The review date is still before it: still asked, until the learner confirms that one too.
    await check.getByText('The page gave no year.').waitFor({ state: 'detached' });
    expect(await check.getByRole('button', { name: 'This is right' }).count()).toBe(1);
    await check.getByRole('button', { name: 'This is right' }).click();
    await dash.locator('.group-check').waitFor({ state: 'detached' });
    const confirmed = byTitle(await duties(), 'Peer-graded Assignment: Design a Leaf Experiment')!;
    expect(confirmed.reviewDue?.at).toBe(before.reviewDue?.at);
    expect(confirmed.edited).toEqual(expect.arrayContaining(['submitDue', 'reviewDue']));
    await dash.close();
  });

  it('the popup lists this week\'s duties first', async () => {
    const tab = await visit(EN_ITEM);
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 360, height: 520 });
    await popup.goto(extensionUrl(ext, `popup.html?tab=${await tabIdOf(ext, tab)}`));
    const soon = popup.locator('.duties-soon');
    await soon.getByText('Peer reviews this week').waitFor();
    const items = await soon.locator('li strong').allTextContents();
    expect(items).toEqual(['Peer-graded Assignment: Design a Leaf Experiment', 'Short answer: roots', 'Essay: why leaves change colour']);
    expect(await soon.locator('li').first().textContent()).toContain('2 reviews to give');
    expect(await soon.locator('li').nth(1).textContent()).toContain('Submit your work');
    await screenshot(popup, 'duties-popup');
    await popup.close();
    await tab.close();
  });

  it('an alarm fires at its reminder time and raises a notification', async () => {
    const essay = byTitle(await duties(), 'Essay: why leaves change colour')!;
    const name = `duty:${essay.id}`;
    await ext.worker.evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
      // What the notification says (the browser shows it outside any page): recorded on its way.
      const g = globalThis as unknown as { shown: object[]; chrome: { notifications: { create(...a: unknown[]): unknown } } };
      g.shown = [];
      const create = g.chrome.notifications.create.bind(g.chrome.notifications);
      g.chrome.notifications.create = (...a: unknown[]) => (g.shown.push({ id: a[0], ...(a[1] as object) }), create(...a));
    });
    // The learner reads MoocMate in Spanish; the browser is in English.
    await ext.worker.evaluate(() => chrome.storage.local.set({ uiLanguage: 'es' }));
    // The learner's reminder time for the essay falls 6 seconds from now.
    const hours = (essay.reviewDue!.at! - Date.now() - 6000) / 3_600_000;
    await ext.worker.evaluate((h) => chrome.storage.local.set({ dutySettings: { offsetsHours: [h], adviceDays: 4, snoozeMinutes: 60 } }), hours);
    const alarm = await waitFor('the alarm in 6 s', async () => (await alarms()).find((a) => a.name === name && a.scheduledTime > Date.now() && a.scheduledTime < Date.now() + 20_000));
    expect(Math.abs(alarm.scheduledTime - (Date.now() + 6000))).toBeLessThan(3000);
    expect(await notifications()).not.toContain(name);
    await waitFor('the notification', async () => (await notifications()).includes(name), 30_000);
    const shown = (await ext.worker.evaluate(() => (globalThis as unknown as { shown: object[] }).shown)) as Array<{ id: string; message: string; buttons?: Array<{ title: string }> }>;
    await ext.worker.evaluate(() => chrome.storage.local.set({ uiLanguage: 'browser' }));
    const essayNote = shown.find((n) => n.id === name)!;
    expect(essayNote.buttons?.map((b) => b.title)).toEqual([es.dutyOpen.message, es.dutySnooze.message]);
    expect(essayNote.message).toContain(es.dutyNotifyReview.message.split('$')[0]);
    // Used up: the alarm is not set again for the same reminder; it stays only for the review
    // deadline itself, when the badge stops counting the essay's reviews.
    await waitFor('only the deadline alarm left', async () =>
      (await alarms()).some((a) => a.name === name && Math.abs(a.scheduledTime - essay.reviewDue!.at!) < 1000),
    );
    // Back to the defaults.
    await ext.worker.evaluate(() => chrome.storage.local.set({ dutySettings: { offsetsHours: [48, 24, 3], adviceDays: 4, snoozeMinutes: 60 } }));
  });

  it('mark done stops the alarms and lowers the badge; snooze moves the reminder', async () => {
    const dash = await openExtensionPage(ext, 'dashboard.html#/duties');
    const card = (title: string) => dash.locator('.duty', { has: dash.getByRole('heading', { name: title }) });
    const roots = byTitle(await duties(), 'Short answer: roots')!;
    await waitFor('roots alarm', async () => (await alarms()).some((a) => a.name === `duty:${roots.id}`));
    await card('Short answer: roots').getByRole('button', { name: 'Mark done' }).click();
    await waitFor('roots alarm gone', async () => !(await alarms()).some((a) => a.name === `duty:${roots.id}`));
    await dash.locator('.group-done').getByText('Short answer: roots').waitFor();

    const essay = byTitle(await duties(), 'Essay: why leaves change colour')!;
    await card('Essay: why leaves change colour').getByRole('button', { name: 'Mark done' }).click();
    await waitFor('badge 2', async () => (await badge()) === '2');

    const leaf = byTitle(await duties(), 'Peer-graded Assignment: Design a Leaf Experiment')!;
    const clicked = Date.now();
    await card('Peer-graded Assignment: Design a Leaf Experiment').getByRole('button', { name: 'Snooze' }).click();
    // The default snooze is 60 minutes: the alarm moves to then (before it was the 48 h reminder, days away).
    await waitFor('snooze alarm', async () =>
      (await alarms()).find((a) => a.name === `duty:${leaf.id}` && a.scheduledTime >= clicked + 59 * MIN && a.scheduledTime <= Date.now() + 61 * MIN),
    );
    await card('Peer-graded Assignment: Design a Leaf Experiment').getByText(/Reminders paused until/).waitFor();
    expect((await duties()).find((d) => d.id === essay.id)?.status).toBe('done');
    await dash.close();
  });

  it('exports the deadlines as a calendar file a real parser reads', async () => {
    const dash = await openExtensionPage(ext, 'dashboard.html#/duties');
    await dash.getByText('Peer-graded Assignment: Design a Leaf Experiment').first().waitFor();
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.getByRole('button', { name: 'Export calendar (.ics)' }).click()]);
    expect(download.suggestedFilename()).toBe('moocmate-deadlines.ics');
    const text = readFileSync((await download.path())!, 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const leaf = byTitle(await duties(), 'Peer-graded Assignment: Design a Leaf Experiment')!;
    // Open duties only; the leaf essay is submitted, so only its review deadline.
    expect(events.map((e) => e.summary)).toEqual(['Peer reviews: Peer-graded Assignment: Design a Leaf Experiment']);
    expect(events[0].endDate.toJSDate().getTime()).toBe(leaf.reviewDue!.at);
    expect(events[0].uid).toBe(`${leaf.id}-review@moocmate`);
    expect(events[0].component.getAllSubcomponents('valarm')).toHaveLength(3);
    await dash.close();
  });

  it('bad input: a localized page without a zone, a date without a year or time, a passed deadline', async () => {
    const t0 = today();
    const es = await visit(ES_ITEM);
    const old = await visit(OLD_ITEM);
    const [water, seeds] = await waitFor('two more duties', async () => {
      const all = await duties();
      const w = byTitle(all, 'Tarea calificada por los compañeros: El ciclo del agua');
      const s = byTitle(all, 'Peer-graded Assignment: Seeds and Germination');
      return w && s ? [w, s] : null;
    });
    // "9 de <mes> de <año>, 23:59": right wall time in the learner's zone, and asked (no zone).
    const localWall = (days: number, h: number, m: number) =>
      probe.evaluate(([t, d, hh, mm]) => {
        const day = new Date(t + d * 86_400_000);
        return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hh, mm).getTime();
      }, [t0, days, h, m] as const);
    expect(water.reviewDue).toMatchObject({ at: await localWall(9, 23, 59), doubts: ['no-zone'] });
    expect(water.submitDue?.doubts).toEqual(['no-year', 'no-time', 'no-zone']);
    expect(water).toMatchObject({ submitted: false, reviewsGiven: 0, reviewsRequired: 2 });
    // Passed: stored, shown as passed, never reminded, not in the badge.
    expect(seeds.reviewDue?.at).toBeLessThan(Date.now());
    await waitFor('water alarm', async () => (await alarms()).some((a) => a.name === `duty:${water.id}`));
    expect((await alarms()).some((a) => a.name === `duty:${seeds.id}`)).toBe(false);
    expect(await notifications()).not.toContain(`duty:${seeds.id}`);
    await waitFor('badge 4', async () => (await badge()) === '4');

    const dash = await openExtensionPage(ext, 'dashboard.html#/duties');
    await dash.locator('.group-passed').getByText('Peer-graded Assignment: Seeds and Germination').waitFor();
    const card = dash.locator('.group-check .duty', { hasText: 'El ciclo del agua' });
    expect(await card.textContent()).toContain('The page gave no time zone, so MoocMate used yours.');
    expect(await card.textContent()).toContain('The page says: ');
    await screenshot(dash, 'duties-check-dates');

    // The learner fixes the submission date by hand; a later visit does not undo it.
    await card.getByRole('button', { name: 'Edit' }).click();
    const form = dash.locator('form.duty-form');
    await form.getByLabel('Submission deadline', { exact: true }).fill('2030-01-15T18:00');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    const fixed = await waitFor('fixed', async () => {
      const d = byTitle(await duties(), 'Tarea calificada por los compañeros: El ciclo del agua')!;
      return d.submitDue?.doubts.length === 0 ? d : null;
    });
    expect(fixed.submitDue?.at).toBe(await probe.evaluate(() => new Date(2030, 0, 15, 18, 0).getTime()));
    await es.reload();
    await es.waitForTimeout(1500);
    expect(byTitle(await duties(), 'Tarea calificada por los compañeros: El ciclo del agua')?.submitDue).toEqual(fixed.submitDue);
    await dash.close();
    await es.close();
    await old.close();
  });

  it('adds a duty by hand for any platform; hostile text stays text; a bad link is refused with a clear error', async () => {
    const dash = await openExtensionPage(ext, 'dashboard.html#/duties');
    await dash.getByRole('button', { name: 'Add a duty' }).click();
    const form = dash.locator('form.duty-form');
    const hostile = `<img src=x onerror="document.title='owned'">Lab report`;
    await form.getByLabel('Assignment', { exact: true }).fill(hostile);
    await form.getByLabel('Link to the assignment').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('A link must start with http:// or https://.').waitFor();
    await form.getByLabel('Link to the assignment').fill('https://www.futurelearn.com/courses/plants/steps/12');
    await form.getByLabel('Reviews I must give').fill('2');
    await form.getByLabel('Review deadline', { exact: true }).fill('2031-03-01T12:00');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    const added = await waitFor('manual duty', async () => byTitle(await duties(), hostile));
    expect(added).toMatchObject({ site: 'manual', reviewsRequired: 2, url: 'https://www.futurelearn.com/courses/plants/steps/12' });
    await dash.getByRole('heading', { name: hostile }).waitFor();
    expect(await dash.locator('.duty img').count()).toBe(0);
    expect(await dash.title()).not.toBe('owned');
    await waitFor('manual alarm', async () => (await alarms()).some((a) => a.name === `duty:${added.id}`));
    await waitFor('badge 6', async () => (await badge()) === '6');
    await dash.close();
  });
});


describe('unknown markup', () => {
  it('the popup adds any page as a duty from its text; every date waits for the learner', async () => {
    const plain = await startFixtureServer();
    try {
      const page = await visit(`${plain.url}/tests/fixtures/pages/html5/peer-unknown.html`);
      const popup = await ext.context.newPage();
      await popup.goto(extensionUrl(ext, `popup.html?tab=${await tabIdOf(ext, page)}`));
      await popup.getByRole('button', { name: 'Add this page as a peer-review duty' }).click();
      await popup.getByText('Added. Check its dates in the dashboard.').waitFor();
      const d = await waitFor('text duty', async () => byTitle(await duties(), 'Workshop: Leaf anatomy'));
      expect(d).toMatchObject({ site: 'page', course: 'Plant Biology 101', reviewsGiven: 1, reviewsRequired: 2 });
      const wall = (y: number, mo: number, day: number, h: number) => probe.evaluate(([a, b, c, e]) => new Date(a, b, c, e).getTime(), [y, mo, day, h] as const);
      expect(d.submitDue).toMatchObject({ at: await wall(2030, 0, 11, 17), doubts: ['from-text', 'no-zone'] });
      expect(d.reviewDue).toMatchObject({ at: await wall(2030, 0, 18, 17), doubts: ['from-text', 'no-zone'] });
      await screenshot(popup, 'duties-popup-add-page');
      await popup.close();
      await page.close();
    } finally {
      await plain.close();
    }
  });
});

describe('backup and delete all', () => {
  it('the backup carries the duties; "Delete all data" removes them, their alarms and the badge', async () => {
    expect((await duties()).length).toBeGreaterThan(0);
    const dash = await openExtensionPage(ext, 'dashboard.html#/duties');
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.getByRole('button', { name: 'Export backup' }).click()]);
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { version: number; data: { duties: Duty[] } };
    expect(backup.version).toBe(5);
    expect(backup.data.duties.map((d) => d.id).sort()).toEqual((await duties()).map((d) => d.id).sort());
    dash.on('dialog', (d) => void d.accept());
    await dash.getByRole('button', { name: 'Delete all data' }).click();
    await waitFor('no duties', async () => (await duties()).length === 0);
    await waitFor('no duty alarms', async () => !(await alarms()).some((a) => a.name.startsWith('duty:')));
    await waitFor('empty badge', async () => (await badge()) === '');
    await dash.close();
  });
  it('after a browser restart the duties are still there, their reminders planned again, the badge set', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'moocmate-restart-'));
    const launch = () => launchExtension({ mapHosts: server.hosts, mapPort: server.port, userDataDir: profile });
    const stored = async (page: Page) => ((await readDb(page, ['duties'])) as { duties: Duty[] }).duties;
    try {
      const first = await launch();
      await (await first.context.newPage()).goto(EN_ITEM);
      const probe1 = await openExtensionPage(first);
      const [duty] = await waitFor('the duty', async () => {
        const d = await stored(probe1);
        return d.length === 1 ? d : null;
      });
      await waitFor('its reminder', async () => (await first.worker.evaluate(() => chrome.alarms.getAll())).length === 1);
      await first.close();

      // The same profile again: the browser may have dropped the alarms; MoocMate plans
      // them again from what it stored, and sets the badge, before the learner opens anything.
      const second = await launch();
      try {
        await waitFor('the reminder planned again', async () => (await second.worker.evaluate(() => chrome.alarms.getAll())).map((a) => a.name).join() === `duty:${duty.id}`);
        await waitFor('badge 2', async () => (await second.worker.evaluate(() => chrome.action.getBadgeText({}))) === '2');
        const [again] = await stored(await openExtensionPage(second));
        expect(again).toMatchObject({ id: duty.id, title: duty.title, reviewsGiven: 1, reviewsRequired: 3, reviewDue: duty.reviewDue });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
