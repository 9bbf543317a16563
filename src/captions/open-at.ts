import { browser, type Browser } from 'wxt/browser';
import { getDb } from '../db/schema';
import type { Handlers } from '../messaging/router';
import type { BackgroundProtocol } from '../messaging/protocol';
import { callTab } from '../messaging/tab-client';
import { lectureIdFor } from './ids';

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
 * A frame with lectures asks, with their ids. It gets the moment of the lecture it holds
 * when MoocMate opened it in the frame's tab; before that tab's id is known, when it was
 * opened at the frame's own address or at its tab's address (the frame is part of that
 * page). A frame without that lecture leaves it for the one that has it.
 *
 * One more case: on a page found by its video (`html5`), the lecture's id comes from the
 * video's address, so a page whose video file moved since the capture holds "another"
 * lecture. When the page MoocMate opened has one lecture in its top frame, with the title
 * of the lecture asked for, it is that lecture: its video starts at the moment. A page
 * that now shows a lecture of another title keeps its start.
 */
export const takePendingSeek: Handlers['lecture.pendingSeek'] = async ({ lectureIds, title }, sender) => {
  const at = new Set([sender.url, sender.tab?.url].filter((u): u is string => Boolean(u)).map(pageKey));
  const tabId = sender.tab?.id;
  const pending = await readPending();
  // Once the opened tab is known, only it may take the moment: another tab already on the
  // same page (sending a track again) would take it and the new tab would start at 0.
  const mayTake = (k: string) => (pending[k].tabId !== undefined ? pending[k].tabId === tabId : at.has(k));
  const key = Object.keys(pending).find((k) => lectureIds.includes(pending[k].lectureId) && mayTake(k));
  const moved = !key && sender.frameId === 0 && lectureIds.length === 1 && title && sender.url ? pageKey(sender.url) : undefined;
  const take = key ?? (moved !== undefined && moved in pending && mayTake(moved) && (await sameTitle(pending[moved].lectureId, title!)) ? moved : undefined);
  if (take === undefined) return { seek: null };
  const entry = pending[take];
  delete pending[take];
  await browser.storage.session.set({ [KEY]: pending });
  return { seek: { lectureId: key ? entry.lectureId : lectureIds[0], time: entry.time } };
};

/** Titles compared as a learner reads them: spaces and letter case aside. */
async function sameTitle(lectureId: string, title: string): Promise<boolean> {
  const asked = await getDb().lectures.get(lectureId);
  const plain = (t: string) => t.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
  return asked !== undefined && plain(asked.title) !== '' && plain(asked.title) === plain(title);
}

/**
 * A frame sent a lecture's track (`capture.track`): when MoocMate opened that lecture from
 * a search hit, the frame is told its moment (`page.seek`), by the rules above. A lecture
 * with tracks so needs no question of its own at load; one without asks
 * (`lecture.pendingSeek`).
 */
export async function seekOnCapture(req: BackgroundProtocol['capture.track']['req'], sender: Browser.runtime.MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  try {
    const { seek } = await takePendingSeek({ lectureIds: [lectureIdFor(req.page.site, req.page.lectureKey)], title: req.page.lectureTitle }, sender);
    if (seek) await callTab(tabId, 'page.seek', seek, sender.frameId ?? 0);
  } catch (err) {
    console.debug('[MoocMate] could not start the lecture at its moment:', err);
  }
}
