/**
 * The browser's on-device translation (the Translator API, Chrome 138+), when the page has
 * it: nothing is sent to a server. Feature-detected; null where it does not exist or the
 * language pair is not available.
 */
export interface LineTranslator {
  translate(text: string): Promise<string>;
}

interface TranslatorApi {
  availability(o: { sourceLanguage: string; targetLanguage: string }): Promise<string>;
  create(o: { sourceLanguage: string; targetLanguage: string }): Promise<LineTranslator>;
}

export async function browserTranslator(source: string, target: string, scope: object = globalThis): Promise<LineTranslator | null> {
  const api = (scope as { Translator?: TranslatorApi }).Translator;
  if (!api || typeof api.availability !== 'function') return null;
  // Pages write en_US as often as en-US; the API wants a valid tag.
  const pair = { sourceLanguage: source.split(/[-_]/)[0].toLowerCase(), targetLanguage: target };
  try {
    // 'downloadable' needs a click to start a download; MoocMate does not start one unasked.
    if ((await api.availability(pair)) !== 'available') return null;
    return await api.create(pair);
  } catch {
    return null;
  }
}

/** Translates lines once each, a few ahead of playback, and tells when one is ready. */
export class TranslationCache {
  private readonly done = new Map<string, string>();
  private readonly asked = new Set<string>();

  constructor(
    private readonly translator: LineTranslator,
    private readonly ready: (text: string) => void,
  ) {}

  get(text: string): string | undefined {
    return this.done.get(text);
  }

  want(text: string): void {
    if (!text || this.asked.has(text)) return;
    this.asked.add(text);
    this.translator.translate(text).then(
      (out) => {
        this.done.set(text, out);
        this.ready(text);
      },
      () => undefined, // a line that fails stays single
    );
  }
}
