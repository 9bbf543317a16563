/**
 * On-device translation through the browser's Translator API (Chrome 138+): the model
 * runs in the browser and nothing is sent to a server. Feature-detected: where the API
 * or the language pair is missing, callers get null and show no translate action.
 */

type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';
interface LanguagePair {
  sourceLanguage: string;
  targetLanguage: string;
}
export interface TranslatorLike {
  translate(text: string): Promise<string>;
}
export interface TranslatorApi {
  availability(pair: LanguagePair): Promise<Availability>;
  create(pair: LanguagePair): Promise<TranslatorLike>;
}

/** The API if this browser has it (`self.Translator`), else null. */
export function translatorApi(scope: object = globalThis): TranslatorApi | null {
  const api = (scope as { Translator?: Partial<TranslatorApi> }).Translator;
  return api && typeof api.availability === 'function' && typeof api.create === 'function' ? (api as TranslatorApi) : null;
}

/** The API's language tags are plain BCP 47 ("pt-BR"); a track may say "pt_BR". */
const tag = (t: string) => t.replace('_', '-');

/**
 * A translate function for this pair when the browser can translate it on this device
 * ('downloadable' included: the browser fetches its own model once, like a font; our
 * text still never leaves the device). null when it cannot or the languages are equal.
 */
export async function onDeviceTranslator(
  from: string,
  to: string,
  scope: object = globalThis,
): Promise<((text: string) => Promise<string>) | null> {
  const api = translatorApi(scope);
  if (!api || !from || !to || tag(from).split('-')[0] === tag(to).split('-')[0]) return null;
  const pair = { sourceLanguage: tag(from), targetLanguage: tag(to) };
  let availability: Availability;
  try {
    availability = await api.availability(pair);
  } catch {
    return null; // a tag the API does not accept
  }
  if (availability === 'unavailable') return null;
  let made: Promise<TranslatorLike> | null = null;
  return async (text) => {
    // Created on first use: create() may need the learner's click to start a download.
    made ??= api.create(pair);
    try {
      return await (await made).translate(text);
    } catch (err) {
      made = null;
      throw err;
    }
  };
}
