import { browser } from 'wxt/browser';
import { getDb } from '../db/schema';
import type { Handlers } from '../messaging/router';

/**
 * Where a lecture should start when MoocMate opened its tab (a search hit, a transcript
 * line). Kept in session storage so a stopped service worker does not forget it.
 */
const KEY = 'pendingSeeks';
type Pending = Record<string, { lectureId: string; time: number; at: number }>;
const TTL_MS = 5 * 60_000;

async function readPending(): Promise<Pending> {
  const got = await browser.storage.session.get(KEY);
  return (got[KEY] as Pending | undefined) ?? {};
}

export const openLectureAt: Handlers['lecture.openAt'] = async ({ lectureId, time }) => {
  const lecture = await getDb().lectures.get(lectureId);
  if (!lecture) throw new Error('This lecture is not in MoocMate any more.');
  if (!/^https?:/i.test(lecture.url)) throw new Error('This lecture has no web address to open.');
  const tab = await browser.tabs.create({ url: lecture.url });
  if (tab.id === undefined) throw new Error('The browser did not open a tab.');
  const pending = await readPending();
  pending[String(tab.id)] = { lectureId, time, at: Date.now() };
  await browser.storage.session.set({ [KEY]: pending });
  return { tabId: tab.id };
};

export const takePendingSeek: Handlers['lecture.pendingSeek'] = async (_req, sender) => {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { seek: null };
  const pending = await readPending();
  const entry = pending[String(tabId)];
  if (!entry) return { seek: null };
  delete pending[String(tabId)];
  await browser.storage.session.set({ [KEY]: pending });
  return Date.now() - entry.at < TTL_MS ? { seek: { lectureId: entry.lectureId, time: entry.time } } : { seek: null };
};
