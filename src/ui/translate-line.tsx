import { useEffect, useState } from 'preact/hooks';
import { toBcp47 } from '../language/codes';
import { onDeviceTranslator, TranslationTimeout } from '../language/translator';
import type { TrackRecord } from '../db/schema';
import { languageName } from '../language/names';
import { t, uiLocale } from './i18n';

/** The language a track's text is in: its declared tag, else what MoocMate detected. */
export const trackLanguage = (track: TrackRecord | undefined) =>
  track ? track.language || (track.detectedLanguage && track.detectedLanguage !== 'und' ? toBcp47(track.detectedLanguage) : '') : '';

/** The browser's on-device translator for this track into the learner's language, if any. */
export function useLineTranslator(track: TrackRecord | undefined, learner: string) {
  return useOnDeviceTranslator(trackLanguage(track), learner);
}

/** One translator per language pair for the page: the browser is asked once per pair. */
const translators = new Map<string, Promise<((text: string) => Promise<string>) | null>>();

/** The browser's on-device translator from `from` into `to`; null where it has none. */
export function useOnDeviceTranslator(from: string, to: string) {
  const [translate, setTranslate] = useState<((text: string) => Promise<string>) | null>(null);
  useEffect(() => {
    let live = true;
    setTranslate(null);
    const key = `${from}>${to}`;
    if (!translators.has(key)) translators.set(key, onDeviceTranslator(from, to).catch(() => null));
    void translators.get(key)!.then((fn) => live && setTranslate(() => fn));
    return () => {
      live = false;
    };
  }, [from, to]);
  return translate;
}

type Result = { state: 'idle' } | { state: 'busy' } | { state: 'done'; text: string; source: string } | { state: 'error'; error: string } | { state: 'timeout' };

/**
 * "Translate this line": shows the line on screen in the learner's language, made in the
 * browser. Rendered only where the browser can translate this pair (else absent).
 */
export function TranslateLine({ text, learner, translate }: { text: string; learner: string; translate: (text: string) => Promise<string> }) {
  const [result, setResult] = useState<Result>({ state: 'idle' });
  const run = async () => {
    setResult({ state: 'busy' });
    try {
      setResult({ state: 'done', text: await translate(text), source: text });
    } catch (err) {
      setResult(err instanceof TranslationTimeout ? { state: 'timeout' } : { state: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div class="translate-line">
      <button type="button" onClick={() => void run()} disabled={result.state === 'busy'}>
        {t('translateLine')}
      </button>
      <div role="status">
        {result.state === 'busy' && <p class="muted">{t('translating')}</p>}
        {result.state === 'done' && (
          <p class="translation">
            <span class="muted small">{t('translationLabel', languageName(learner, uiLocale()) || learner)}</span>{' '}
            <span lang={learner}>{result.text}</span>
          </p>
        )}
        {result.state === 'error' && <p class="problem error">{t('translationFailed', result.error)}</p>}
        {result.state === 'timeout' && <p class="problem error">{t('translationTimeout')}</p>}
      </div>
    </div>
  );
}
