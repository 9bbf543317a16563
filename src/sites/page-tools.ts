import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { LECTURE_SETTINGS_KEY, readLectureSettings, usesLectureTools } from '../lecture/settings';

/** The learner's tools on a course page (WXT names it after entrypoints/course-tools). */
export const TOOLS_SCRIPT_FILE = '/course-tools.js';
/** The course page's rare parts: side panel link, duty reading, a search hit's moment (entrypoints/course-extras). */
export const EXTRAS_SCRIPT_FILE = '/course-extras.js';
/** Adapters loaded only on pages with their markup (src/sites/types.ts, LaterSite). */
export const SITE_SCRIPT_FILES = { edx: '/edx-adapter.js' } as const;

/**
 * The capture script of a frame asks for the learner's tools (flag button, word popover,
 * overlay, lecture keys) the first time they are needed. They run in the same isolated
 * world as the capture script, so a page that never needs them never evaluates their code.
 */
export const loadTools: Handlers['tools.load'] = async (_req, sender) => {
  await runInFrame(sender, TOOLS_SCRIPT_FILE, 'Only a course page can load the page tools.');
  return { loaded: true };
};

/** The capture script's rare parts, in the frame that first needs one (a side panel connected, the popup asked…). */
export const loadExtras: Handlers['extras.load'] = async (_req, sender) => {
  await runInFrame(sender, EXTRAS_SCRIPT_FILE, 'Only a course page can load these page parts.');
  return { loaded: true };
};

/** A site's adapter, in the frame whose generic capture script found that site's markup. */
export const loadSite: Handlers['site.load'] = async ({ site }, sender) => {
  await runInFrame(sender, SITE_SCRIPT_FILES[site], 'Only a course page can load a site adapter.');
  return { loaded: true };
};

/** Runs one of our scripts in the sender's frame, in the same isolated world as its content script. */
async function runInFrame(
  sender: Parameters<Handlers['tools.load']>[1],
  file: typeof TOOLS_SCRIPT_FILE | typeof EXTRAS_SCRIPT_FILE | (typeof SITE_SCRIPT_FILES)[keyof typeof SITE_SCRIPT_FILES],
  notAPage: string,
): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error(notAPage);
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] });
}

const wantsTools = (stored: unknown) => usesLectureTools(readLectureSettings(stored));

/** Asked after each capture: a page whose learner turned these on loads the tools at once. */
export async function lectureToolsWanted(): Promise<boolean> {
  const got = await browser.storage.local.get(LECTURE_SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
  return wantsTools(got[LECTURE_SETTINGS_KEY]);
}

/**
 * The learner turned the overlay or reading-load playback on (side panel, popup): the
 * lecture pages in view load their tools now, so it shows without waiting for a play.
 */
export function wakeToolsOnSettings(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[LECTURE_SETTINGS_KEY];
    if (area !== 'local' || !change || !wantsTools(change.newValue) || wantsTools(change.oldValue)) return;
    void browser.tabs.query({ active: true }).then((tabs) => {
      for (const tab of tabs) {
        if (tab.id === undefined || !/^https?:/.test(tab.url ?? '')) continue;
        browser.tabs.sendMessage(tab.id, { moocmate: 'page.wakeTools', data: {} }).catch(() => undefined);
      }
    });
  });
}
