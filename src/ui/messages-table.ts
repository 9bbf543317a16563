// Pure helpers that turn a _locales messages.json into the strings t() shows, the way
// Chrome's i18n.getMessage does. Shared by extension pages and the background (which
// sends the content script the few strings it needs); no browser API here.

export interface LocaleFile {
  [key: string]: { message: string; placeholders?: Record<string, { content: string }> };
}

/** Every interface language MoocMate ships (the _locales folder names). */
export const UI_LANGUAGES = ['en', 'es', 'pt_BR', 'zh_CN', 'ja', 'ko', 'ar', 'fa', 'hi', 'id', 'vi', 'tr', 'ru', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
/** The learner's choice: one of the languages, or whatever the browser uses. */
export type UiLanguageChoice = UiLanguage | 'browser';
export const UI_LANGUAGE_KEY = 'uiLanguage';

/** Each language named in itself, so a learner finds their own in a list they cannot read. */
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  es: 'Español',
  pt_BR: 'Português (Brasil)',
  zh_CN: '简体中文',
  ja: '日本語',
  ko: '한국어',
  ar: 'العربية',
  fa: 'فارسی',
  hi: 'हिन्दी',
  id: 'Bahasa Indonesia',
  vi: 'Tiếng Việt',
  tr: 'Türkçe',
  ru: 'Русский',
  fr: 'Français',
};

const RTL = new Set<string>(['ar', 'fa']);

export const isUiLanguageChoice = (v: unknown): v is UiLanguageChoice =>
  v === 'browser' || (typeof v === 'string' && (UI_LANGUAGES as readonly string[]).includes(v));

/** The BCP 47 tag of a locale folder ("pt_BR" → "pt-BR") and its writing direction. */
export function localeInfo(folder: string): { lang: string; dir: 'ltr' | 'rtl' } {
  return { lang: folder.replace('_', '-'), dir: RTL.has(folder.split('_')[0]) ? 'rtl' : 'ltr' };
}

/**
 * Each message with its named placeholders ($NAME$, any case) replaced by their content
 * ($1, $2 …), as Chrome does before it fills in the values. Keys missing from `file` come
 * from `fallback` (English).
 */
export function resolveMessages(file: LocaleFile, fallback: LocaleFile = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of [fallback, file]) {
    for (const [key, entry] of Object.entries(source)) {
      if (!entry || typeof entry.message !== 'string') continue;
      const named = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([n, p]) => [n.toLowerCase(), p.content]));
      out[key] = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => named[name.toLowerCase()] ?? whole);
    }
  }
  return out;
}

/**
 * The form of a count key: `<key>One` when the language of the text shown calls `count`
 * "one" (1 in English; 0 and 1 in French), by its own rules (Intl.PluralRules), else `key`.
 * `localeCode` is that text's own `localeCode` message (English when it has none).
 */
export function countForm<K extends string>(key: K, count: number, localeCode: string): K | `${K}One` {
  const lang = localeCode && localeCode !== 'localeCode' ? localeCode : 'en';
  let one: boolean;
  try {
    one = new Intl.PluralRules(lang).select(count) === 'one';
  } catch {
    one = count === 1;
  }
  return one ? `${key}One` : key;
}

/** Fills $1 … $9 with `subs` ('' when absent) and turns $$ into $, like getMessage. */
export function fillMessage(message: string, subs: ReadonlyArray<string | number>): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : String(subs[Number(d) - 1] ?? '')));
}
