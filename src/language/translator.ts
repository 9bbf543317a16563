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
  translate(text: string, options?: { signal?: AbortSignal }): Promise<string>;
}
interface CreateMonitor {
  addEventListener(type: 'downloadprogress', listener: () => void): void;
}
export interface TranslatorApi {
  availability(pair: LanguagePair): Promise<Availability>;
  create(options: LanguagePair & { monitor?: (m: CreateMonitor) => void }): Promise<TranslatorLike>;
}

/**
 * How long a translation may wait with no sign of progress. A browser that cannot download
 * its language model (offline, blocked) never settles create(); without a bound the
 * learner would read "Translating…" forever. Download progress restarts the wait.
 */
export const TRANSLATION_WAIT_MS = 20_000;

/** The browser's translator gave no answer and no progress within the wait. */
export class TranslationTimeout extends Error {
  constructor(ms: number) {
    super(`No translation after ${ms} ms`);
    this.name = 'TranslationTimeout';
  }
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
  waitMs = TRANSLATION_WAIT_MS,
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
  let progressed = () => {};
  return async (text) => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      progressed = () => {
        clearTimeout(timer);
        timer = setTimeout(() => (abort.abort(), reject(new TranslationTimeout(waitMs))), waitMs);
      };
      progressed();
    });
    // Created on first use: create() may need the learner's click to start a download.
    made ??= api.create({ ...pair, monitor: (m) => m.addEventListener('downloadprogress', () => progressed()) });
    const work = made.then((tr) => tr.translate(text, { signal: abort.signal }));
    work.catch(() => undefined); // settles after a timeout too: nobody is waiting then
    try {
      return await Promise.race([work, stalled]);
    } catch (err) {
      made = null; // the next click tries afresh
      throw err;
    } finally {
      clearTimeout(timer);
      progressed = () => {};
    }
  };
}
