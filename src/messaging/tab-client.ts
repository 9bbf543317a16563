import { browser } from 'wxt/browser';
import { unwrap } from './client';
import type { TabProtocol } from './protocol';

/**
 * Sends one typed message to a tab's content script: to every frame (the first answer
 * wins), or with `frameId` only to that frame (the one that sent a message).
 */
export async function callTab<K extends keyof TabProtocol>(
  tabId: number,
  type: K,
  data: TabProtocol[K]['req'],
  frameId?: number,
): Promise<TabProtocol[K]['res']> {
  const message = { moocmate: type, data };
  return unwrap(await (frameId === undefined ? browser.tabs.sendMessage(tabId, message) : browser.tabs.sendMessage(tabId, message, { frameId })));
}
