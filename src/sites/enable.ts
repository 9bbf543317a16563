import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { COURSE_SCRIPT_RUN, COURSE_SCRIPTS } from './hosts';

/** The generic course page's script (src/sites/hosts.ts). */
export const CONTENT_SCRIPT_FILE = COURSE_SCRIPTS.other;
const ID_PREFIX = 'site:';

/** `https://uni.example/*` for a page address; null for pages MoocMate never runs on. */
export function sitePattern(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.protocol}//${u.hostname}/*` : null;
  } catch {
    return null;
  }
}

/**
 * After the learner allowed a site from the popup (an optional host permission), run the
 * content script there from now on and in the open tab at once.
 */
export const enableSite: Handlers['site.enable'] = async ({ pattern, tabId }) => {
  if (!(await browser.permissions.contains({ origins: [pattern] }))) {
    throw new Error('MoocMate does not have permission for this site.');
  }
  const id = `${ID_PREFIX}${pattern}`;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      { id, matches: [pattern], js: [CONTENT_SCRIPT_FILE], ...COURSE_SCRIPT_RUN, persistAcrossSessions: true },
    ]);
  }
  await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE] });
  return { enabled: true };
};

/** When the learner takes a site's permission back (browser settings), stop running there. */
export async function forgetRemovedSites(origins: string[] = []): Promise<void> {
  const ids = origins.map((o) => `${ID_PREFIX}${o}`);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: registered.map((r) => r.id) });
}
