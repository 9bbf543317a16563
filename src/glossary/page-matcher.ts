import { browser } from 'wxt/browser';
import { callBackground } from '../messaging/client';
import { buildMatcher, type GlossaryMatcher } from './match';

export interface PageMatcher {
  /** The glossary's matcher, or null until it has arrived (the first call asks for it). */
  current(): GlossaryMatcher | null;
  /** Called when a matcher arrives or the glossary changed. */
  onChange(listener: () => void): void;
}

/**
 * The content script's copy of the glossary, as the background expanded it. Loaded only
 * when a caption surface first asks, and fetched again when the background says the
 * glossary changed ('page.glossaryChanged').
 */
/** `ctx`: the course page script's context (entrypoints/course-page/page-context.ts). */
export function pageMatcher(ctx: { onInvalidated(run: () => void): void }): PageMatcher {
  let matcher: GlossaryMatcher | null = null;
  let wanted = false;
  let loading: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  const load = () =>
    (loading ??= callBackground('glossary.matcher', {})
      .then((data) => {
        matcher = buildMatcher(data);
        for (const l of listeners) l();
      })
      .catch(() => undefined)
      .finally(() => (loading = null)));

  const onMessage = (message: unknown): undefined => {
    if ((message as { moocmate?: string })?.moocmate === 'page.glossaryChanged' && wanted) void load();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  return {
    current() {
      if (!wanted) {
        wanted = true;
        void load();
      }
      return matcher;
    },
    onChange(listener) {
      listeners.add(listener);
    },
  };
}
