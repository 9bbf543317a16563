import type { Cue } from './types';
import { courseIdFor, lectureIdFor, stableId, trackIdFor } from './ids';
import { terms } from './terms';
import type { CueRecord, MoocMateDb, TrackRecord, TrackSource, TrackStatus } from '../db/schema';
import type { PageInfo, TrackInfo } from '../messaging/protocol';

export interface CapturedTrack {
  page: PageInfo;
  track: Omit<TrackInfo, 'source' | 'format'> & { source: TrackSource };
  cues: Cue[];
  status: TrackStatus;
  error?: string;
  needsPermission?: string;
  detectedLanguage: string;
}

export interface IngestResult {
  lectureId: string;
  trackId: string;
  cueCount: number;
  status: TrackStatus;
  error?: string;
  /** True when nothing was rewritten: the same cues were already stored, or better ones were kept. */
  unchanged: boolean;
}

/** Data sources rank above text scraped from the page; a lower rank never replaces a higher one. */
const SOURCE_RANK: Record<TrackSource, number> = {
  'track-file': 3,
  'text-track': 3,
  'platform-data': 3,
  'transcript-panel': 2,
  'on-screen': 1,
};

export function cuesHash(cues: readonly Cue[]): string {
  let key = '';
  for (const c of cues) key += `${c.start}|${c.end}|${c.raw ?? c.text}|${c.id ?? ''}|${c.settings ?? ''}\n`;
  return stableId('h', key);
}

/** Cue range of one track in the cues table (primary key [trackId+index]). */
export function trackCueRange(db: MoocMateDb, trackId: string) {
  return db.cues.where('[trackId+index]').between([trackId, -Infinity], [trackId, Infinity]);
}

/**
 * Stores one captured track with its course and lecture, in one transaction: a service
 * worker stopped mid-write leaves the previous state, never half a track. Capturing the
 * same cues again writes no cues (idempotent); a failed capture never erases good cues.
 */
export async function ingestTrack(db: MoocMateDb, input: CapturedTrack, now = Date.now()): Promise<IngestResult> {
  const { page, track } = input;
  const courseId = courseIdFor(page.site, page.courseKey);
  const lectureId = lectureIdFor(page.site, page.lectureKey);
  const trackId = trackIdFor(lectureId, track.kind, track.language, track.label);
  const contentHash = cuesHash(input.cues);
  const rows: CueRecord[] = input.cues.map((c, index) => ({
    ...c,
    index,
    trackId,
    lectureId,
    terms: terms(c.text),
  }));

  return db.transaction('rw', [db.courses, db.lectures, db.tracks, db.cues], async () => {
    const [course, lecture, existing] = await Promise.all([
      db.courses.get(courseId),
      db.lectures.get(lectureId),
      db.tracks.get(trackId),
    ]);
    await db.courses.put({
      id: courseId,
      site: page.site,
      title: page.courseTitle || course?.title || page.courseKey,
      url: page.courseUrl || course?.url || '',
      firstSeen: course?.firstSeen ?? now,
      lastSeen: now,
    });
    await db.lectures.put({
      id: lectureId,
      courseId,
      site: page.site,
      key: page.lectureKey,
      title: page.lectureTitle || lecture?.title || page.lectureKey,
      url: page.lectureUrl || lecture?.url || '',
      videoSrc: page.videoSrc,
      firstSeen: lecture?.firstSeen ?? now,
      lastSeen: now,
    });

    // Data beats text read from the screen, also across tracks with other labels.
    const siblings = (await db.tracks.where('lectureId').equals(lectureId).toArray()).filter(
      (t) => t.id !== trackId && t.language === track.language && t.cueCount > 0,
    );
    const better = siblings.find((t) => SOURCE_RANK[t.source] > SOURCE_RANK[track.source]);
    if (better) {
      return { lectureId, trackId: better.id, cueCount: better.cueCount, status: better.status, error: better.error, unchanged: true };
    }
    if (rows.length > 0) {
      for (const worse of siblings.filter((t) => SOURCE_RANK[t.source] < SOURCE_RANK[track.source])) {
        await trackCueRange(db, worse.id).delete();
        await db.tracks.delete(worse.id);
      }
    }

    const keep =
      existing &&
      (existing.contentHash === contentHash && existing.status === input.status
        ? true
        : existing.cueCount > 0 &&
          (rows.length === 0 || SOURCE_RANK[track.source] < SOURCE_RANK[existing.source]));
    if (existing && keep) {
      const refreshed = existing.contentHash === contentHash && existing.status === input.status ? refreshedTrack(existing, input) : null;
      if (refreshed) await db.tracks.put(refreshed);
      return {
        lectureId,
        trackId,
        cueCount: existing.cueCount,
        status: existing.status,
        error: (refreshed ?? existing).error,
        unchanged: true,
      };
    }

    const record: TrackRecord = {
      id: trackId,
      lectureId,
      kind: track.kind,
      label: track.label,
      language: track.language,
      source: track.source,
      url: track.url,
      ...(track.generated ? { generated: true } : {}),
      detectedLanguage: input.detectedLanguage,
      cueCount: rows.length,
      status: input.status,
      error: input.error,
      ...(input.needsPermission ? { needsPermission: input.needsPermission } : {}),
      contentHash,
      capturedAt: now,
    };
    if (existing) await trackCueRange(db, trackId).delete();
    await db.cues.bulkAdd(rows);
    await db.tracks.put(record);
    return { lectureId, trackId, cueCount: rows.length, status: input.status, error: input.error, unchanged: false };
  });
}

/**
 * The same lines again: what is said about them may still have changed. A second failure
 * says why it failed this time (the host the learner allowed is no longer asked for), and
 * better data with the same lines takes over the track's source. Null when nothing changed,
 * so capturing the same track again writes nothing.
 */
function refreshedTrack(existing: TrackRecord, input: CapturedTrack): TrackRecord | null {
  const better = SOURCE_RANK[input.track.source] > SOURCE_RANK[existing.source];
  const next: TrackRecord = { ...existing, error: input.error };
  delete next.needsPermission;
  if (input.needsPermission) next.needsPermission = input.needsPermission;
  if (better) Object.assign(next, { source: input.track.source, url: input.track.url });
  if (next.error === undefined) delete next.error;
  if (next.url === undefined) delete next.url;
  const same = next.error === existing.error && next.needsPermission === existing.needsPermission && next.source === existing.source && next.url === existing.url;
  return same ? null : next;
}

/** Removes a lecture with its tracks and cues. */
export async function deleteLecture(db: MoocMateDb, lectureId: string): Promise<void> {
  await db.transaction('rw', [db.lectures, db.tracks, db.cues], async () => {
    const tracks = await db.tracks.where('lectureId').equals(lectureId).toArray();
    for (const t of tracks) await trackCueRange(db, t.id).delete();
    await db.tracks.where('lectureId').equals(lectureId).delete();
    await db.lectures.delete(lectureId);
  });
}

/** The cues of one track, in order. */
export async function loadCues(db: MoocMateDb, trackId: string): Promise<CueRecord[]> {
  return trackCueRange(db, trackId).toArray();
}
