import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { loadMessageTable, readUiLanguage } from './i18n';
import { localeInfo } from './messages-table';

/**
 * Background handler: the content script's strings in the interface language the learner
 * chose. The background reads the locale file once per language and sends only the keys
 * asked for, so the content script stays small and never fetches extension files.
 */
const cache = new Map<string, Promise<Record<string, string>>>();

export const pageStrings: Handlers['i18n.strings'] = async ({ keys }) => {
  const choice = await readUiLanguage();
  if (choice === 'browser') {
    const getMessage = browser.i18n.getMessage as (k: string) => string;
    return { lang: getMessage('localeCode') || 'en', dir: getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr', strings: {} };
  }
  let table = cache.get(choice);
  if (!table) {
    table = loadMessageTable(choice);
    cache.set(choice, table);
    table.catch(() => cache.delete(choice));
  }
  const all = await table;
  const strings = Object.fromEntries(keys.filter((k) => Object.hasOwn(all, k)).map((k) => [k, all[k]]));
  return { ...localeInfo(choice), strings };
};
