import { useMemo, useState } from 'preact/hooks';
import type { Cue } from '../captions/types';
import { callBackground } from '../messaging/client';
import { tokenize } from '../glossary/match';
import { t } from './i18n';

interface Props {
  cue: Cue;
  lectureId: string;
  trackId: string;
  pageUrl: string;
  onClose: () => void;
}

/**
 * Pick a word or a phrase from one caption line: press a word, then another to take every
 * word between them. Each word is a button (works from the keyboard); text stays text.
 */
export function WordPicker({ cue, lectureId, trackId, pageUrl, onClose }: Props) {
  const tokens = useMemo(() => tokenize(cue.text), [cue.text]);
  const [range, setRange] = useState<[number, number] | null>(null);
  const [meaning, setMeaning] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const press = (i: number) => {
    setStatus(null);
    if (!range) return setRange([i, i]);
    if (range[0] === i && range[1] === i) return setRange(null);
    setRange([Math.min(range[0], i), Math.max(range[1], i)]);
  };
  const term = range ? cue.text.slice(tokens[range[0]].start, tokens[range[1]].end) : '';
  const add = async () => {
    if (!term) return setStatus({ kind: 'error', text: t('glossaryEmptyTerm') });
    try {
      const r = await callBackground('glossary.add', { term, sentence: cue.text, lectureId, trackId, cueIndex: cue.index, time: cue.start, pageUrl, meaning });
      setStatus({ kind: 'ok', text: t(r.created ? 'glossaryAdded' : 'glossaryMerged', r.term) });
      setRange(null);
      setMeaning('');
    } catch (err) {
      setStatus({ kind: 'error', text: t('glossaryAddFailed', err instanceof Error ? err.message : String(err)) });
    }
  };

  const pieces: preact.ComponentChildren[] = [];
  let at = 0;
  tokens.forEach((tok, i) => {
    if (tok.start > at) pieces.push(cue.text.slice(at, tok.start));
    const on = range !== null && i >= range[0] && i <= range[1];
    pieces.push(
      <button key={i} type="button" class={`word${on ? ' on' : ''}`} aria-pressed={on} onClick={() => press(i)}>
        {cue.text.slice(tok.start, tok.end)}
      </button>,
    );
    at = tok.end;
  });
  if (at < cue.text.length) pieces.push(cue.text.slice(at));

  return (
    <div class="word-picker" role="group" aria-label={t('glossaryPickLine')}>
      <p class="muted small">{t('glossaryPickWords')}</p>
      <p class="words" dir="auto">
        {pieces}
      </p>
      <div class="picker-row">
        <span class="picked" dir="auto">{term ? `“${term}”` : ''}</span>
        <input
          type="text"
          value={meaning}
          placeholder={t('glossaryMeaningPlaceholder')}
          aria-label={t('glossaryMeaning')}
          onInput={(e) => setMeaning((e.target as HTMLInputElement).value)}
        />
        <button type="button" class="primary" onClick={() => void add()} disabled={!term}>
          {t('glossaryPickAdd')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {status && (
        <p class={status.kind === 'error' ? 'error' : 'ok'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
