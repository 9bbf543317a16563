import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { loadMessageTable, readUiLanguage } from './i18n';
import { UI_LANGUAGES, localeInfo, type UiLanguage } from './messages-table';

/**
 * Background handler: the content script's strings in the interface language the learner
 * chose. The background reads the locale file once per language and sends only the keys
 * asked for, so the content script stays small and never fetches extension files.
 */
const cache = new Map<string, Promise<Record<string, string>>>();

export const pageStrings: Handlers['i18n.strings'] = async ({ keys }) => {
  const choice = await readUiLanguage();
  // Following the browser: the locale folder the browser picked for MoocMate (each file
  // names itself in `localeCode`), so the page never has to load chrome.i18n's file itself.
  const folder = choice === 'browser' ? browserFolder() : choice;
  let table = cache.get(folder);
  if (!table) {
    table = loadMessageTable(folder);
    cache.set(folder, table);
    table.catch(() => cache.delete(folder));
  }
  const all = await table;
  const strings = Object.fromEntries(keys.filter((k) => Object.hasOwn(all, k)).map((k) => [k, all[k]]));
  return { ...localeInfo(folder), strings };
};

function browserFolder(): UiLanguage {
  const code = ((browser.i18n.getMessage as (k: string) => string)('localeCode') || 'en').replace('-', '_');
  return (UI_LANGUAGES as readonly string[]).includes(code) ? (code as UiLanguage) : 'en';
}
