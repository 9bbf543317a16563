import { useMemo, useState } from 'preact/hooks';
import { normalise } from '../captions/terms';
import type { Cue } from '../captions/types';
import { t, tn } from './i18n';

/** A search over one transcript (side panel, dashboard): the lines holding every word typed, and the words to mark. */
export function useTranscriptSearch(cues: readonly Cue[]) {
  const [query, setQuery] = useState('');
  const needles = useMemo(() => normalise(query).split(/\s+/).filter(Boolean), [query]);
  const shown = useMemo(() => (needles.length === 0 ? cues : cues.filter((c) => needles.every((n) => normalise(c.text).includes(n)))), [cues, needles]);
  return { query, setQuery, needles, shown };
}

/** Its box. */
export function TranscriptSearchBox({ query, onQuery }: { query: string; onQuery: (q: string) => void }) {
  return (
    <input
      type="search"
      class="search"
      placeholder={t('searchThisTranscript')}
      aria-label={t('searchThisTranscript')}
      value={query}
      onInput={(e) => onQuery((e.target as HTMLInputElement).value)}
    />
  );
}

/** How many lines it found, read out as it changes; nothing while the box is empty. */
export function TranscriptSearchCount({ needles, found }: { needles: readonly string[]; found: number }) {
  return needles.length > 0 ? (
    <p class="muted" role="status">
      {tn('linesFound', found)}
    </p>
  ) : null;
}
