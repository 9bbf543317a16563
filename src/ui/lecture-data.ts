import type { CueRecord, MoocMateDb, TrackRecord } from '../db/schema';
import { loadCues } from '../captions/store';
import { useLiveQuery } from './use-live-query';
import { learnerOrder, sortTracks } from '../captions/track-order';

export { sortTracks };

/** The chosen track if it still exists, else the first with lines, else the first. */
export function pickTrack(tracks: TrackRecord[], chosen: string | null): TrackRecord | undefined {
  return tracks.find((t) => t.id === chosen) ?? tracks.find((t) => t.cueCount > 0) ?? tracks[0];
}

/** A lecture's transcript as a page shows it: its tracks, the one shown and its lines. */
export interface Transcript {
  /** In the lecture's order (sortTracks): the first is the lecture's own track. */
  tracks: TrackRecord[];
  /** In the switch's order: the learner's language first, when one is given. */
  offered: TrackRecord[];
  track: TrackRecord | undefined;
  cues: CueRecord[];
  /** The lecture's own track's lines: the same list as `cues` when that track is shown. */
  lectureCues: CueRecord[];
}

/**
 * What the language switch shows: the track just chosen, before its lines have come (the
 * switch would otherwise jump back for that moment), else the track shown.
 */
export function switchValue({ tracks, track }: Transcript, chosen: string | null): string {
  return chosen && tracks.some((t) => t.id === chosen) ? chosen : (track?.id ?? '');
}

const NO_TRANSCRIPT: Transcript = { tracks: [], offered: [], track: undefined, cues: [], lectureCues: [] };

/**
 * The lecture's tracks, the track to show (`chosen`, else the first with lines in the
 * switch's order) and its lines, read in one live query. One query, not one per step: a
 * page waits one render for the lines, not three (tracks, then the pick, then the lines),
 * and the track shown and its lines always come together. The lecture's own track is read
 * once, also when it is the one shown.
 */
export function useTranscript(db: MoocMateDb, lectureId: string | null, chosen: string | null, learner?: string): Transcript {
  return useLiveQuery(() => readTranscript(db, lectureId, chosen, learner), [lectureId, chosen, learner], NO_TRANSCRIPT);
}

/** What useTranscript shows, read once (a live query runs it again when its rows change). */
export async function readTranscript(db: MoocMateDb, lectureId: string | null, chosen: string | null, learner?: string): Promise<Transcript> {
  if (!lectureId) return NO_TRANSCRIPT;
  const tracks = sortTracks(await db.tracks.where('lectureId').equals(lectureId).toArray());
  const offered = learner === undefined ? tracks : learnerOrder(tracks, learner);
  const track = pickTrack(offered, chosen);
  const own = tracks[0];
  const [cues, lectureCues] = await Promise.all([track ? loadCues(db, track.id) : [], own && own.id !== track?.id ? loadCues(db, own.id) : null]);
  return { tracks, offered, track, cues, lectureCues: lectureCues ?? cues };
}
