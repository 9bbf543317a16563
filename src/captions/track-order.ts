import type { TrackRecord } from '../db/schema';
import { primaryLanguage, sameLanguage } from '../language/codes';

/** Captions first (the lecture's own language), then translations, by label. */
export function sortTracks(tracks: TrackRecord[]): TrackRecord[] {
  const rank = (t: TrackRecord) => (t.kind === 'captions' ? 0 : 1);
  return [...tracks].sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}

/** True when a track is in the learner's language (declared, else as detected). */
export function inLanguage(track: TrackRecord, learner: string): boolean {
  const want = primaryLanguage(learner);
  if (!want) return false;
  if (track.language) return primaryLanguage(track.language) === want;
  return track.detectedLanguage !== 'und' && sameLanguage(track.detectedLanguage, learner);
}

/**
 * The language switch's order for a learner: tracks in their first language first (so
 * the panel offers and opens them first), then the usual order. The lecture's own
 * track stays sortTracks()[0] for the checks that compare a translation with it.
 */
export function learnerOrder(tracks: TrackRecord[], learner: string): TrackRecord[] {
  const sorted = sortTracks(tracks);
  return [...sorted.filter((t) => inLanguage(t, learner)), ...sorted.filter((t) => !inLanguage(t, learner))];
}
