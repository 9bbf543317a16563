import { browser } from 'wxt/browser';
import { getDb } from '../db/schema';
import type { Handlers } from '../messaging/router';
import { flagCaptionAt } from './store';

/** Background handler: the learner flagged the caption on screen. */
export const flagCreate: Handlers['flag.create'] = async (req) => {
  const flag = await flagCaptionAt(getDb(), req);
  return { flagId: flag.id, kind: flag.kind, cueIndex: flag.cueIndex, text: flag.text };
};

/** The browser's keyboard shortcut: ask the active tab to flag the caption on screen. */
export async function onFlagCommand(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, { moocmate: 'page.flagCurrent', data: {} }).catch(() => undefined);
}
