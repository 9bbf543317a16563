import { browser } from 'wxt/browser';

const KEY = 'reporterId';

/**
 * This browser's anonymous reporter id, made once: flag files from several learners merge
 * by it (the same learner counts once). It names no one and is only in exported files.
 */
export async function getReporterId(): Promise<string> {
  const got = (await browser.storage.local.get(KEY))[KEY];
  if (typeof got === 'string' && got) return got;
  const id = `r-${crypto.randomUUID()}`;
  await browser.storage.local.set({ [KEY]: id });
  return id;
}
