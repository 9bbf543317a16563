import { browser } from 'wxt/browser';
import { primaryLanguage } from './codes';

/**
 * The learner's first language (a BCP 47 tag), set once in the popup or the settings.
 * Other capabilities read it to offer captions, meanings and translations in it.
 */
export const FIRST_LANGUAGE_KEY = 'firstLanguage';

/** Languages offered in the picker (named in themselves); the browser's own is added when missing. */
export const COMMON_FIRST_LANGUAGES = [
  'ar', 'bn', 'de', 'en', 'es', 'fa', 'fr', 'hi', 'id', 'it', 'ja', 'ko', 'ms', 'nl', 'pl', 'pt', 'pt-BR',
  'ru', 'sw', 'th', 'tr', 'uk', 'ur', 'vi', 'zh-CN', 'zh-TW',
];

export function isLanguageTag(v: unknown): v is string {
  if (typeof v !== 'string' || v.length === 0 || v.length > 35) return false;
  try {
    return Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false;
  }
}

/** The browser's interface language, the best guess before the learner says. */
export function defaultFirstLanguage(): string {
  const ui = (browser.i18n.getUILanguage?.() ?? '').replace('_', '-');
  return isLanguageTag(ui) ? Intl.getCanonicalLocales(ui)[0] : 'en';
}

/** The stored first language, or null when the learner has not set it yet. */
export async function storedFirstLanguage(): Promise<string | null> {
  const got = (await browser.storage.local.get(FIRST_LANGUAGE_KEY)) as Record<string, unknown>;
  return isLanguageTag(got[FIRST_LANGUAGE_KEY]) ? (got[FIRST_LANGUAGE_KEY] as string) : null;
}

/** The learner's first language: what they set, else the browser's language. */
export async function readFirstLanguage(): Promise<string> {
  return (await storedFirstLanguage().catch(() => null)) ?? defaultFirstLanguage();
}

/** True when a track's or a detected language is the learner's first language. */
export function isFirstLanguage(tag: string, first: string): boolean {
  const a = primaryLanguage(tag);
  return a !== '' && a === primaryLanguage(first);
}
