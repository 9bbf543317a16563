import { browser } from 'wxt/browser';
import { getDb } from '../db/schema';
import type { Handlers } from '../messaging/router';

/**
 * Where a lecture should start when MoocMate opened it (a search hit, a transcript line).
 * Kept by page address before the tab exists, because the page's content script may ask
 * before tabs.create() even returns; kept in session storage so a stopped service worker
 * does not forget it.
 */
const KEY = 'pendingSeeks';
type Pending = Record<string, { lectureId: string; time: number; at: number }>;
const TTL_MS = 60_000;

async function readPending(): Promise<Pending> {
  const got = await browser.storage.session.get(KEY);
  const all = (got[KEY] as Pending | undefined) ?? {};
  const now = Date.now();
  return Object.fromEntries(Object.entries(all).filter(([, p]) => now - p.at < TTL_MS));
}

const pageKey = (url: string) => url.replace(/#.*$/, '');

export const openLectureAt: Handlers['lecture.openAt'] = async ({ lectureId, time }) => {
  const lecture = await getDb().lectures.get(lectureId);
  if (!lecture) throw new Error('This lecture is not in MoocMate any more.');
  if (!/^https?:/i.test(lecture.url)) throw new Error('This lecture has no web address to open.');
  const pending = await readPending();
  pending[pageKey(lecture.url)] = { lectureId, time, at: Date.now() };
  await browser.storage.session.set({ [KEY]: pending });
  const tab = await browser.tabs.create({ url: lecture.url });
  return { tabId: tab.id ?? -1 };
};

export const takePendingSeek: Handlers['lecture.pendingSeek'] = async (_req, sender) => {
  const url = sender.url ?? sender.tab?.url;
  if (!url) return { seek: null };
  const pending = await readPending();
  const entry = pending[pageKey(url)];
  if (!entry) return { seek: null };
  delete pending[pageKey(url)];
  await browser.storage.session.set({ [KEY]: pending });
  return { seek: { lectureId: entry.lectureId, time: entry.time } };
};
