import { browser } from 'wxt/browser';
import type { BackgroundProtocol, Envelope, TabProtocol } from './protocol';

export class MessageError extends Error {}

async function unwrap<T>(reply: unknown): Promise<T> {
  const env = reply as Envelope<T> | undefined;
  if (!env || typeof env !== 'object' || !('ok' in env)) throw new MessageError('No answer from MoocMate.');
  if (!env.ok) throw new MessageError(env.error);
  return env.value;
}

/** Sends one typed message to the background and returns its answer (or throws its error). */
export async function callBackground<K extends keyof BackgroundProtocol>(
  type: K,
  data: BackgroundProtocol[K]['req'],
): Promise<BackgroundProtocol[K]['res']> {
  return unwrap(await browser.runtime.sendMessage({ moocmate: type, data }));
}

/** Sends one typed message to a tab's content script. */
export async function callTab<K extends keyof TabProtocol>(
  tabId: number,
  type: K,
  data: TabProtocol[K]['req'],
): Promise<TabProtocol[K]['res']> {
  return unwrap(await browser.tabs.sendMessage(tabId, { moocmate: type, data }));
}
