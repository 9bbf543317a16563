import { browser } from 'wxt/browser';
import { unwrap } from './client';
import type { TabProtocol } from './protocol';

/** Sends one typed message to a tab's content script. */
export async function callTab<K extends keyof TabProtocol>(
  tabId: number,
  type: K,
  data: TabProtocol[K]['req'],
): Promise<TabProtocol[K]['res']> {
  return unwrap(await browser.tabs.sendMessage(tabId, { moocmate: type, data }));
}

/** The same, to one frame of the tab (the one that sent a message). */
export async function callTabFrame<K extends keyof TabProtocol>(
  tabId: number,
  frameId: number,
  type: K,
  data: TabProtocol[K]['req'],
): Promise<TabProtocol[K]['res']> {
  return unwrap(await browser.tabs.sendMessage(tabId, { moocmate: type, data }, { frameId }));
}
