import type { FlagKind, FlagRecord, FlagStatus, MoocMateDb } from '../db/schema';
import { loadCues } from '../captions/store';
import { sortTracks } from '../captions/track-order';

export interface NewFlag {
  lectureId: string;
  trackId: string | null;
  language: string;
  cueIndex: number | null;
  start: number;
  end: number;
  text: string;
  kind: FlagKind;
  suggestion?: string;
  note?: string;
  origin?: 'learner' | 'check';
  rule?: string;
}

export async function createFlag(db: MoocMateDb, input: NewFlag, now = Date.now()): Promise<FlagRecord> {
  const flag: FlagRecord = {
    ...input,
    id: crypto.randomUUID(),
    origin: input.origin ?? 'learner',
    status: 'new',
    reporter: 'me',
    createdAt: now,
    updatedAt: now,
  };
  await db.flags.add(flag);
  return flag;
}

export type FlagEdit = Partial<Pick<FlagRecord, 'kind' | 'suggestion' | 'note' | 'status'>>;

export async function editFlag(db: MoocMateDb, id: string, edit: FlagEdit, now = Date.now()): Promise<void> {
  const changed = await db.flags.update(id, { ...edit, updatedAt: now });
  if (!changed) throw new Error('This flag is not there any more.');
}

/** A learner takes their own flag back; flags from other learners are rejected, not deleted. */
export async function withdrawFlag(db: MoocMateDb, id: string): Promise<void> {
  const flag = await db.flags.get(id);
  if (!flag) return;
  if (flag.reporter !== 'me') throw new Error('Only your own flags can be withdrawn.');
  await db.flags.delete(id);
}

export const setFlagStatus = (db: MoocMateDb, id: string, status: FlagStatus) => editFlag(db, id, { status });

/**
 * Flags the caption on screen: the cue at `time` in the track the learner watches (the
 * language shown, else the lecture's first track). With no cue at that moment, it is a
 * "missing caption" flag at that time.
 */
export async function flagCaptionAt(
  db: MoocMateDb,
  req: { lectureId: string; time: number; language?: string; shownText?: string },
  now = Date.now(),
): Promise<FlagRecord> {
  const tracks = sortTracks(await db.tracks.where('lectureId').equals(req.lectureId).toArray());
  if (tracks.length === 0) throw new Error('MoocMate has no captions for this lecture yet.');
  const track = tracks.find((t) => req.language && t.language === req.language) ?? tracks.find((t) => t.cueCount > 0) ?? tracks[0];
  const cues = await loadCues(db, track.id);
  const cue = [...cues].reverse().find((c) => c.start <= req.time && req.time < c.end);
  if (!cue) {
    return createFlag(
      db,
      { lectureId: req.lectureId, trackId: track.id, language: track.language, cueIndex: null, start: req.time, end: req.time, text: req.shownText ?? '', kind: 'missing' },
      now,
    );
  }
  return createFlag(
    db,
    { lectureId: req.lectureId, trackId: track.id, language: track.language, cueIndex: cue.index, start: cue.start, end: cue.end, text: req.shownText || cue.text, kind: 'wrong-words' },
    now,
  );
}
