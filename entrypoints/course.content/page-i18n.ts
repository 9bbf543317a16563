import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { callBackground } from '../../src/messaging/client';
import { fillMessage, UI_LANGUAGE_KEY } from '../../src/ui/messages-table';
import type { MessageKey } from '../../src/ui/i18n';

/** Every interface string the content script shows (asked from the background at once). */
const KEYS = ['flagCaption', 'flagDone', 'flagFailed'] as const satisfies readonly MessageKey[];
type PageKey = (typeof KEYS)[number];

let strings: Record<string, string> = {};

/**
 * Text for the controls MoocMate adds to a course page, in the interface language the
 * learner chose. The background resolves the locale file; until it answers (or when the
 * learner follows the browser's language) chrome.i18n gives the browser's language.
 */
export function msg(key: PageKey, ...subs: string[]): string {
  const chosen = strings[key];
  if (chosen !== undefined) return fillMessage(chosen, subs);
  return (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || key;
}

/** Loads the strings now and again whenever the learner picks another language. */
export function watchPageStrings(ctx: ContentScriptContext, onChange: (lang: string, dir: 'ltr' | 'rtl') => void): void {
  const load = () =>
    callBackground('i18n.strings', { keys: [...KEYS] })
      .then((got) => {
        if (!ctx.isValid) return;
        strings = got.strings;
        onChange(got.lang, got.dir);
      })
      .catch(() => undefined); // the browser's language stays
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && UI_LANGUAGE_KEY in changes) void load();
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
  void load();
}
