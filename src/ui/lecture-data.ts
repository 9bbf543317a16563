import type { CueRecord, MoocMateDb, TrackRecord } from '../db/schema';
import { loadCues } from '../captions/store';
import { useLiveQuery } from './use-live-query';
import { sortTracks } from '../captions/track-order';

export { sortTracks };

export function useTracks(db: MoocMateDb, lectureId: string | null): TrackRecord[] {
  return useLiveQuery(
    async () => (lectureId ? sortTracks(await db.tracks.where('lectureId').equals(lectureId).toArray()) : []),
    [lectureId],
    [],
  );
}

export function useCues(db: MoocMateDb, trackId: string | null): CueRecord[] {
  return useLiveQuery(async () => (trackId ? loadCues(db, trackId) : []), [trackId], []);
}

/** The chosen track if it still exists, else the first with lines, else the first. */
export function pickTrack(tracks: TrackRecord[], chosen: string | null): TrackRecord | undefined {
  return tracks.find((t) => t.id === chosen) ?? tracks.find((t) => t.cueCount > 0) ?? tracks[0];
}
