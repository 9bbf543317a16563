import { getDb } from '../db/schema';
import { loadCues } from '../captions/store';
import { sortTracks } from '../captions/track-order';
import { toBcp47 } from '../language/codes';
import type { Handlers } from '../messaging/router';

/**
 * Background handler: a lecture's stored tracks with their lines, for the caption overlay.
 * Stored tracks cover every source (platform data, files the player never loaded), where
 * the page's own TextTracks only have the cues of tracks switched on.
 */
export const lectureCaptions: Handlers['lecture.captions'] = async ({ lectureId }) => {
  const db = getDb();
  const tracks = sortTracks(await db.tracks.where('lectureId').equals(lectureId).toArray()).filter((t) => t.cueCount > 0);
  return {
    tracks: await Promise.all(
      tracks.map(async (t) => ({
        id: t.id,
        kind: t.kind,
        label: t.label,
        // A page that declares no language: the detected one, so the overlay can still pair or translate.
        language: t.language || (t.detectedLanguage === 'und' ? '' : toBcp47(t.detectedLanguage)),
        detectedLanguage: t.detectedLanguage,
        ...(t.generated ? { generated: true } : {}),
        cues: (await loadCues(db, t.id)).map((c) => ({ start: c.start, end: c.end, text: c.text })),
      })),
    ),
  };
};
