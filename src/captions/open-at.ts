import { browser } from 'wxt/browser';
import { getDb } from '../db/schema';
import type { Handlers } from '../messaging/router';

/**
 * Where a lecture should start when MoocMate opened it (a search hit, a transcript line).
 * Kept by page address before the tab exists, because the page's content script may ask
 * before tabs.create() even returns, and then by tab too: the lecture may play in a frame
 * of another address (a YouTube player on Khan Academy, the unit frame of edX's learning
 * app), or the address may lead elsewhere (edX's jump_to). Kept in session storage so a
 * stopped service worker does not forget it.
 */
const KEY = 'pendingSeeks';
type Entry = { lectureId: string; time: number; at: number; tabId?: number };
type Pending = Record<string, Entry>;
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
  if (tab.id !== undefined) {
    // Unless a frame took it meanwhile.
    const now = await readPending();
    const entry = now[pageKey(lecture.url)];
    if (entry?.lectureId === lectureId && entry.time === time) {
      entry.tabId = tab.id;
      await browser.storage.session.set({ [KEY]: now });
    }
  }
  return { tabId: tab.id ?? -1 };
};

/**
 * A frame with lectures asks, with their ids. It gets the moment of the lecture it holds,
 * when MoocMate opened it at the frame's own address, at its tab's address (the frame is
 * part of that page), or in its tab. A frame without that lecture leaves it for the one
 * that has it.
 */
export const takePendingSeek: Handlers['lecture.pendingSeek'] = async ({ lectureIds }, sender) => {
  const at = new Set([sender.url, sender.tab?.url].filter((u): u is string => Boolean(u)).map(pageKey));
  const tabId = sender.tab?.id;
  const pending = await readPending();
  const key = Object.keys(pending).find((k) => {
    const e = pending[k];
    return lectureIds.includes(e.lectureId) && (at.has(k) || (tabId !== undefined && e.tabId === tabId));
  });
  if (!key) return { seek: null };
  const entry = pending[key];
  delete pending[key];
  await browser.storage.session.set({ [KEY]: pending });
  return { seek: { lectureId: entry.lectureId, time: entry.time } };
};
