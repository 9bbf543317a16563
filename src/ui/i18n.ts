import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** Interface text in the learner's language (all UI strings live in public/_locales). */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const getMessage = browser.i18n.getMessage as (k: string, s?: string[]) => string;
  return getMessage(key, subs.map(String)) || key;
}

/** Sets the page's language and direction (right-to-left languages lay out correctly). */
export function applyDocumentLocale(doc: Document = document): void {
  const getMessage = browser.i18n.getMessage as (k: string) => string;
  // The language of the text actually shown (the browser may fall back to English).
  doc.documentElement.lang = getMessage('localeCode') || 'en';
  doc.documentElement.dir = getMessage('@@bidi_dir') || 'ltr';
}

export function uiLocale(): string {
  return document.documentElement.lang || 'en';
}
