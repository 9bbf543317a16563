import { browser } from 'wxt/browser';
import type { Handlers } from '../messaging/router';
import { loadMessageTable, readUiLanguage, textFrom } from './i18n';
import { UI_LANGUAGES, localeInfo, type UiLanguage } from './messages-table';

/**
 * The interface language the learner chose, for text the background makes (the content
 * script's strings, notifications, the context menu). Each locale file is read once.
 */
const cache = new Map<string, Promise<Record<string, string>>>();

/** The locale folder to speak: the learner's choice, else the one the browser picked. */
async function chosenFolder(): Promise<UiLanguage> {
  const choice = await readUiLanguage();
  // Following the browser: the locale folder the browser picked for MoocMate (each file
  // names itself in `localeCode`).
  return choice === 'browser' ? browserFolder() : choice;
}

function browserFolder(): UiLanguage {
  const code = ((browser.i18n.getMessage as (k: string) => string)('localeCode') || 'en').replace('-', '_');
  return (UI_LANGUAGES as readonly string[]).includes(code) ? (code as UiLanguage) : 'en';
}

async function tableFor(folder: UiLanguage): Promise<Record<string, string>> {
  let table = cache.get(folder);
  if (!table) {
    table = loadMessageTable(folder);
    cache.set(folder, table);
    table.catch(() => cache.delete(folder));
  }
  return table;
}

/**
 * A `t()` for the background, in the language the learner chose. A locale file that cannot
 * be read leaves the browser's language (chrome.i18n).
 */
export async function backgroundText(): Promise<(key: string, ...subs: Array<string | number>) => string> {
  const table = await tableFor(await chosenFolder()).catch(() => null);
  return (key, ...subs) => textFrom(table, key, subs);
}

/**
 * Background handler: the content script's strings in the interface language the learner
 * chose (or the browser's), only the keys asked for, so the content script stays small,
 * never fetches extension files and never loads chrome.i18n's file in the page.
 */
export const pageStrings: Handlers['i18n.strings'] = async ({ keys }) => {
  const folder = await chosenFolder();
  const all = await tableFor(folder);
  const strings = Object.fromEntries(keys.filter((k) => Object.hasOwn(all, k)).map((k) => [k, all[k]]));
  return { ...localeInfo(folder), strings };
};
