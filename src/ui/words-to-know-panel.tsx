import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';
import { callBackground } from '../messaging/client';
import type { WordToKnow } from '../lecture/words-to-know';

type State = { kind: 'loading' } | { kind: 'done'; words: WordToKnow[] } | { kind: 'failed'; error: string };

/** English, by the page's declaration or by detection over the whole transcript. */
export function isEnglish(track: { language: string; detectedLanguage: string }): boolean {
  return /^en(\b|-|_)/i.test(track.language) || (!track.language && track.detectedLanguage === 'eng');
}

/**
 * The lecture's words to know, with the line that first says each; a click plays that line.
 * The frequency list and the lemmatizer's word lists (1.2 MB) load, and the words are
 * found, only when the list is open: a side panel opened while the lecture plays has it
 * folded, and spends nothing on it until the learner opens it.
 */
export function WordsToKnowPanel({
  track,
  cues,
  exclude,
  onPlay,
  lectureId,
  pageUrl,
  startOpen,
  playing,
}: {
  track: { id: string; language: string; detectedLanguage: string };
  lectureId: string;
  /** The lecture's page, kept with the word's sentence. */
  pageUrl: string;
  /** Open before the lecture starts; folded once it plays, so the transcript has the room. */
  startOpen: boolean;
  /** The lecture plays now: the list folds, unless the learner has used it. */
  playing: boolean;
  cues: ReadonlyArray<{ index: number; start: number; text: string }>;
  /** Base forms the learner already has (the glossary). */
  exclude: ReadonlySet<string>;
  onPlay: (start: number) => void;
}) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const box = useRef<HTMLDetailsElement>(null);
  const touched = useRef(false);
  // Whether the list has been open for this track: only then are its words worked out.
  const [wanted, setWanted] = useState(startOpen);
  // Decided once per lecture track; after that the learner's own open/close stays.
  useEffect(() => {
    if (box.current) box.current.open = startOpen;
    setWanted(startOpen);
    touched.current = false;
  }, [track.id]);
  // The words are for before the lecture; once it plays, the transcript needs the room.
  useEffect(() => {
    if (playing && !touched.current && box.current) box.current.open = false;
  }, [playing]);
  const [added, setAdded] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const add = async (w: WordToKnow) => {
    try {
      const r = await callBackground('glossary.add', { term: w.text, sentence: w.sentence, lectureId, trackId: track.id, cueIndex: w.cueIndex, time: w.start, pageUrl });
      // The word leaves this list: the glossary now has its base form.
      setAdded({ kind: 'ok', text: t('glossaryAdded', r.term) });
    } catch (err) {
      setAdded({ kind: 'error', text: t('glossaryAddFailed', err instanceof Error ? err.message : String(err)) });
    }
  };
  const english = isEnglish(track);
  useEffect(() => {
    if (!english || cues.length === 0 || !wanted) return;
    let live = true;
    setState({ kind: 'loading' });
    void Promise.all([import('../lecture/words-to-know'), import('virtual:word-frequency'), import('virtual:lexicon').then((l) => l.lexiconReady())])
      .then(([lib, data]) => {
        if (live) setState({ kind: 'done', words: lib.wordsToKnow(cues, lib.loadFrequency(data.default), { exclude }) });
      })
      .catch((err) => live && setState({ kind: 'failed', error: err instanceof Error ? err.message : String(err) }));
    return () => {
      live = false;
    };
  }, [track.id, cues, exclude, english, wanted]);

  return (
    // Any click in the box (open, close, play a word's line, add a word) is the learner's own use of it.
    <details class="words-to-know" ref={box} onClick={() => (touched.current = true)} onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setWanted(true)}>
      <summary>{t('wordsToKnow')}</summary>
      {!english ? (
        <p class="muted small">{t('wordsToKnowEnglishOnly')}</p>
      ) : state.kind === 'loading' ? (
        <p class="muted small">{t('wordsToKnowLoading')}</p>
      ) : state.kind === 'failed' ? (
        <p class="notice error">{t('wordsToKnowFailed', state.error)}</p>
      ) : state.words.length === 0 ? (
        <p class="muted small">{t('wordsToKnowNone')}</p>
      ) : (
        <>
          <p class="muted small">{t('wordsToKnowIntro')}</p>
          <ul class="word-list">
            {state.words.map((w) => (
              <li key={w.base} data-word={w.text}>
                <div class="word-head">
                  <strong class="word">{w.text}</strong>
                  {w.count > 1 && <span class="muted small">{t('wordTimes', w.count)}</span>}
                  <button type="button" class="small word-add" aria-label={t('wordsToKnowAddLabel', w.text)} onClick={() => void add(w)}>
                    + {t('wordsToKnowAdd')}
                  </button>
                </div>
                <button type="button" class="word-line" title={t('playFromHere')} onClick={() => onPlay(w.start)}>
                  <span aria-hidden="true">▶</span>
                  <span class="sentence">{w.sentence}</span>
                </button>
              </li>
            ))}
          </ul>
          {added && (
            <p class={added.kind === 'error' ? 'notice error' : 'muted small'} role="status">
              {added.text}
            </p>
          )}
        </>
      )}
    </details>
  );
}
