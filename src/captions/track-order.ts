import type { TrackRecord } from '../db/schema';

/** Captions first (the lecture's own language), then translations, by label. */
export function sortTracks(tracks: TrackRecord[]): TrackRecord[] {
  const rank = (t: TrackRecord) => (t.kind === 'captions' ? 0 : 1);
  return [...tracks].sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}
