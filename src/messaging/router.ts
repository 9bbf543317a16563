import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import { BackgroundSchemas } from './schemas';
import type { BackgroundProtocol, Envelope } from './protocol';

export type Handlers = {
  [K in keyof BackgroundProtocol]: (
    data: BackgroundProtocol[K]['req'],
    sender: Browser.runtime.MessageSender,
  ) => Promise<BackgroundProtocol[K]['res']>;
};

/**
 * The background's single message entry: checks every message against its schema before
 * any handler runs, and turns thrown errors into readable answers.
 */
export function createRouter(handlers: Handlers) {
  return async (message: unknown, sender: Browser.runtime.MessageSender): Promise<Envelope<unknown> | undefined> => {
    if (!message || typeof message !== 'object' || !('moocmate' in message)) return undefined;
    const { moocmate: type, data } = message as { moocmate: unknown; data: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(BackgroundSchemas, type)) {
      return { ok: false, error: `Unknown message: ${String(type).slice(0, 60)}` };
    }
    const key = type as keyof BackgroundProtocol;
    const parsed = v.safeParse(BackgroundSchemas[key], data);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue.path?.map((p) => String(p.key)).join('.') || 'message';
      return { ok: false, error: `Invalid ${key} message at ${where}: ${issue.message}` };
    }
    try {
      const handler = handlers[key] as (d: unknown, s: Browser.runtime.MessageSender) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.output, sender) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  };
}
