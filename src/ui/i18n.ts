import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';
import {
  countForm,
  fillMessage,
  isUiLanguageChoice,
  localeInfo,
  resolveMessages,
  UI_LANGUAGE_KEY,
  type LocaleFile,
  type UiLanguage,
  type UiLanguageChoice,
} from './messages-table';

export type MessageKey = keyof typeof en;

/**
 * The strings of the interface language the learner chose in MoocMate, loaded before the
 * page renders (initI18n). null: follow the browser's language through chrome.i18n, which
 * cannot switch language at run time.
 */
let table: Record<string, string> | null = null;

const getMessage = (key: string, subs?: string[]) => (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs);

/** Interface text in the learner's language (all UI strings live in public/_locales). */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  return textFrom(table, key, subs);
}

/** Keys with a `…One` form for a count the language calls "one" (1 in English; 0 and 1 in French). */
type PluralKey = { [K in MessageKey]: `${K}One` extends MessageKey ? K : never }[MessageKey];

/**
 * A count in the learner's language: "1 word", "2 words". The rules are the language's
 * own (Intl.PluralRules); languages that say every count alike repeat the same text.
 */
export function tn(key: PluralKey, count: number, ...subs: Array<string | number>): string {
  return t(countKey(key, count), count, ...subs);
}

/** The form of `key` for `count`, for a message whose count is not its first placeholder. */
export function countKey(key: PluralKey, count: number): MessageKey {
  // The language of the text shown (its locale file's localeCode), not the browser's.
  return countForm(key, count, t('localeCode')) as MessageKey;
}

/**
 * A message from a loaded table, placeholders filled; without the table (or the key in
 * it), the browser's language through chrome.i18n; the key itself as the last resort.
 * The one lookup behind t(), the background's texts and the course page's msg().
 */
export function textFrom(strings: Record<string, string> | null, key: string, subs: ReadonlyArray<string | number>): string {
  const chosen = strings?.[key];
  if (chosen !== undefined) return fillMessage(chosen, subs);
  return getMessage(key, subs.map(String)) || key;
}

/** For tests and for initI18n: the strings t() shows, or null to use the browser's. */
export function setMessageTable(next: Record<string, string> | null): void {
  table = next;
}

export async function readUiLanguage(): Promise<UiLanguageChoice> {
  const got = await browser.storage.local.get(UI_LANGUAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  const value = (got as Record<string, unknown>)[UI_LANGUAGE_KEY];
  return isUiLanguageChoice(value) ? value : 'browser';
}

async function localeFile(folder: string): Promise<LocaleFile> {
  const url = (browser.runtime.getURL as (p: string) => string)(`/_locales/${folder}/messages.json`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${folder}: ${res.status}`);
  return (await res.json()) as LocaleFile;
}

/** A language's strings with English for any key it lacks. */
export async function loadMessageTable(folder: UiLanguage): Promise<Record<string, string>> {
  const english = await localeFile('en');
  return resolveMessages(folder === 'en' ? english : await localeFile(folder), english);
}

/** Loads the chosen interface language; call (and await) before a page's first render. */
export async function initI18n(): Promise<void> {
  const choice = await readUiLanguage();
  // A file that fails to load leaves the browser's language: better than no text.
  table = choice === 'browser' ? null : await loadMessageTable(choice).catch(() => null);
  applyDocumentLocale();
}

/** Calls back when the learner picks another interface language (any MoocMate page). */
export function onUiLanguageChange(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && UI_LANGUAGE_KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Sets the page's language and direction (right-to-left languages lay out correctly). */
export function applyDocumentLocale(doc: Document = document): void {
  // The language of the text actually shown (the browser may fall back to English).
  const lang = t('localeCode') || 'en';
  doc.documentElement.lang = lang === 'localeCode' ? 'en' : lang;
  doc.documentElement.dir = table ? localeInfo(lang.replace('-', '_')).dir : getMessage('@@bidi_dir') || 'ltr';
}

export function uiLocale(): string {
  return document.documentElement.lang || 'en';
}
