import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openExtensionPage, readDb, startSiteServer, waitFor, wipeDb, type Extension, type SiteServer } from './harness';

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
});
