import type { TrackRecord } from '../db/schema';
import { sameLanguage } from '../language/codes';
import { languageName } from '../language/names';
import { t, tn, uiLocale } from './i18n';

export function trackLabel(track: TrackRecord): string {
  const name = languageName(track.language, uiLocale()) || track.label || t('languageUnknown');
  const label = track.label && track.label !== name ? ` · ${track.label}` : '';
  return `${name}${label}`;
}

/** The language switch: every captured track of a lecture. */
export function TrackPicker({ tracks, value, onChange }: { tracks: TrackRecord[]; value: string; onChange: (id: string) => void }) {
  if (tracks.length === 0) return null;
  return (
    <label class="track-picker">
      <span>{t('language')}</span>
      <select value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {tracks.map((tr) => (
          <option key={tr.id} value={tr.id}>
            {trackLabel(tr)} ({tn('lineCount', tr.cueCount)})
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * What MoocMate knows about a track: detected language, and any capture problem.
 * `quiet` (the side panel, where room is short): the detected language only when it tells
 * the learner something, that is when it is unknown or not the track's declared language.
 */
export function TrackStatus({ track, quiet = false }: { track: TrackRecord | undefined; quiet?: boolean }) {
  if (!track) return null;
  const detected = languageName(track.detectedLanguage, uiLocale());
  const agrees = Boolean(detected && track.language && sameLanguage(track.detectedLanguage, track.language));
  const showDetected = !quiet || !agrees;
  if (!showDetected && track.status === 'ok') return null;
  return (
    <div class="track-status">
      {showDetected && <p class="muted">{detected ? t('detectedLanguage', detected) : t('detectedLanguageUnknown')}</p>}
      {track.status !== 'ok' && (
        <p class={track.status === 'error' ? 'problem error' : 'problem'} role="note">
          {track.status === 'error' ? t('trackError') : t('trackPartial')} {track.error}
        </p>
      )}
    </div>
  );
}
