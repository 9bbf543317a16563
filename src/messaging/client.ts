import { nativeBrowser } from './native-browser';
import type { BackgroundProtocol, Envelope, TabProtocol } from './protocol';

export class MessageError extends Error {}

/** An envelope (docs/messages.md) to its value, or its error thrown. */
export async function unwrap<T>(reply: unknown): Promise<T> {
  const env = reply as Envelope<T> | undefined;
  if (!env || typeof env !== 'object' || !('ok' in env)) throw new MessageError('No answer from MoocMate.');
  if (!env.ok) throw new MessageError(env.error);
  return env.value;
}

/**
 * Sends one typed message to the background and returns its answer (or throws its error).
 * Through the browser's own API: the background always answers, and both browsers give its
 * answer as a promise. So the course page's scripts, which send most of these, load no polyfill.
 */
export async function callBackground<K extends keyof BackgroundProtocol>(
  type: K,
  data: BackgroundProtocol[K]['req'],
): Promise<BackgroundProtocol[K]['res']> {
  return unwrap(await nativeBrowser.runtime.sendMessage({ moocmate: type, data }));
}
