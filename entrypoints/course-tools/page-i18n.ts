import { browser } from 'wxt/browser';
import type { PageContext } from '../course-page/page-context';
import { callBackground } from '../../src/messaging/client';
import { UI_LANGUAGE_KEY } from '../../src/ui/messages-table';
import { textFrom, type MessageKey } from '../../src/ui/i18n';

/** Every interface string the content script shows (asked from the background at once). */
export const PAGE_KEYS = [
  'flagCaption',
  'flagDone',
  'flagFailed',
  'close',
  'glossaryPickTitle',
  'glossaryPickHint',
  'glossaryPickAdd',
  'glossaryPickNoCaption',
  'glossaryAdded',
  'glossaryMerged',
  'glossaryAddFailed',
  'glossaryEmptyTerm',
  'overlayNoLines',
  'overlaySlowed',
  'overlayPaused',
] as const satisfies readonly MessageKey[];
export type PageKey = (typeof PAGE_KEYS)[number];

let strings: Record<string, string> | null = null;
let locale: { lang: string; dir: 'ltr' | 'rtl' } | null = null;
const listeners = new Set<(lang: string, dir: 'ltr' | 'rtl') => void>();
let watching = false;

/**
 * Text for the controls MoocMate adds to a course page, in the interface language the
 * learner chose (the browser's, unless they picked another). The background sends the
 * strings; chrome.i18n is used only if it has not answered, because its first call in a
 * page loads the whole message file in the page's main thread.
 */
export function msg(key: PageKey, ...subs: string[]): string {
  return textFrom(strings, key, subs);
}

/**
 * Calls `onChange` with the language and direction when the strings arrive, and again
 * whenever the learner picks another language. One request serves every caller.
 */
export function watchPageStrings(ctx: PageContext, onChange: (lang: string, dir: 'ltr' | 'rtl') => void): void {
  listeners.add(onChange);
  ctx.onInvalidated(() => listeners.delete(onChange));
  if (locale) onChange(locale.lang, locale.dir);
  if (watching) return;
  watching = true;
  const tell = () => {
    for (const l of listeners) if (locale) l(locale.lang, locale.dir);
  };
  const load = () =>
    callBackground('i18n.strings', { keys: [...PAGE_KEYS] })
      .then((got) => {
        if (!ctx.isValid) return;
        strings = got.strings;
        locale = { lang: got.lang, dir: got.dir };
        tell();
      })
      .catch(() => {
        // No answer: the browser's language, through chrome.i18n.
        if (!ctx.isValid || locale) return;
        locale = { lang: browser.i18n.getUILanguage(), dir: browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr' };
        tell();
      });
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && UI_LANGUAGE_KEY in changes) void load();
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
  void load();
}
