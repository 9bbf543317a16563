import type { FlagKind, FlagRecord, FlagStatus, MoocMateDb } from '../db/schema';
import { lectureIdFor } from '../captions/ids';
import { loadCues } from '../captions/store';
import { sortTracks } from '../captions/track-order';
import { suggestionText } from './queue';

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
  /** For a page MoocMate keeps no lecture for (a reading): where the problem is. */
  context?: FlagRecord['context'];
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
 * The volunteer picks one of a queue item's suggestions for the corrected captions. The
 * flags that made it, or made none, are confirmed; those proposing another text are
 * rejected: a flag is one learner's report with its correction, and theirs was not taken.
 * Setting the item's status afterwards applies to all its flags again.
 */
export async function chooseSuggestion(db: MoocMateDb, flagIds: readonly string[], text: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.flags, async () => {
    const flags = (await db.flags.bulkGet([...flagIds])).filter((f): f is FlagRecord => f !== undefined);
    const status = (f: FlagRecord): FlagStatus => (suggestionText(f) === '' || suggestionText(f) === text ? 'confirmed' : 'rejected');
    await db.flags.bulkPut(flags.map((f) => ({ ...f, status: status(f), updatedAt: now })));
  });
}

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

export const PAGE_KINDS: FlagKind[] = ['reading-order', 'wrong-lesson', 'broken-link'];

/**
 * A problem with a course page itself (a reading placed after the videos it prepares for, a
 * translation from another lesson, a broken link). A page with a lecture gets the flag on
 * that lecture; any other page is named by its address and title.
 */
export async function flagPage(
  db: MoocMateDb,
  req: { kind: FlagKind; note: string; url: string; title: string; lectureId?: string },
  now = Date.now(),
): Promise<FlagRecord> {
  if (!PAGE_KINDS.includes(req.kind)) throw new Error(`Not a page problem: ${req.kind}`);
  const known = req.lectureId ? await db.lectures.get(req.lectureId) : undefined;
  const host = new URL(req.url).hostname;
  return createFlag(
    db,
    {
      lectureId: known?.id ?? lectureIdFor('page', req.url),
      trackId: null,
      language: '',
      cueIndex: null,
      start: 0,
      end: 0,
      text: '',
      kind: req.kind,
      note: req.note || undefined,
      ...(known ? {} : { context: { site: 'page', courseTitle: host, lectureKey: req.url, lectureTitle: req.title || req.url, lectureUrl: req.url, trackLabel: null, trackKind: null } }),
    },
    now,
  );
}
