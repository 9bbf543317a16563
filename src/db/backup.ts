import * as v from 'valibot';
import type { CourseRecord, CueRecord, DutyRecord, FlagRecord, GlossaryEntryRecord, LectureRecord, MoocMateDb, TrackRecord } from './schema';
import { terms } from '../captions/terms';
import { readStoredSettings, restoreStoredSettings, StoredSettingsSchema, writeStoredSettings } from './settings';
import { cut, keptTags, MAX_CUE_ID, MAX_CUE_TEXT, MAX_NOTE_TEXT, MAX_REPORTER_CHARS } from './limits';

/** docs/backup-format.md describes this format; bump the version for any change a reader must know. */
export const BACKUP_FORMAT = 'moocmate-backup';
export const BACKUP_VERSION = 5;
/** Older versions this MoocMate still reads: 1 had no flags, 1-2 no glossary, 1-3 no duties, 1-4 no settings. */
const READABLE_VERSIONS = [1, 2, 3, 4, 5] as const;

/**
 * A backup that cannot be imported. `key` and `subs` name the message in _locales, so the
 * dashboard can say it in the learner's language; `message` is the English text.
 */
export class BackupError extends Error {
  constructor(
    readonly key: string,
    readonly subs: string[],
    english: string,
  ) {
    super(english);
  }
}

const str = (max = 10_000) => v.pipe(v.string(), v.maxLength(max));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const stamp = v.pipe(v.number(), v.finite());
// Text an older MoocMate kept longer than today's limits (limits.ts) is cut, not refused:
// a backup MoocMate made must import back.
const fitted = (max: number) => v.pipe(v.string(), v.transform((s: string) => cut(s, max)));

const CourseSchema = v.strictObject({ id: str(100), site: str(40), title: str(), url: str(), firstSeen: stamp, lastSeen: stamp });
const LectureSchema = v.strictObject({
  id: str(100),
  courseId: str(100),
  site: str(40),
  key: str(),
  title: str(),
  url: str(),
  videoSrc: str(),
  firstSeen: stamp,
  lastSeen: stamp,
});
const TrackSchema = v.strictObject({
  id: str(100),
  lectureId: str(100),
  kind: str(40),
  label: str(500),
  language: str(40),
  source: v.picklist(['text-track', 'track-file', 'platform-data', 'transcript-panel', 'on-screen']),
  url: v.optional(str()),
  generated: v.optional(v.boolean()),
  detectedLanguage: str(20),
  cueCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  status: v.picklist(['ok', 'partial', 'error']),
  error: v.optional(str()),
  needsPermission: v.optional(str(500)),
  contentHash: str(100),
  capturedAt: stamp,
});
const CueSchema = v.strictObject({
  trackId: str(100),
  lectureId: str(100),
  index: v.pipe(v.number(), v.integer(), v.minValue(0)),
  start: time,
  end: time,
  text: fitted(MAX_CUE_TEXT),
  raw: v.optional(fitted(MAX_CUE_TEXT)),
  id: v.optional(str(MAX_CUE_ID)),
  settings: v.optional(str(MAX_CUE_ID)),
});
const nullableStr = (max = 10_000) => v.nullable(str(max));
const FlagSchema = v.strictObject({
  id: str(100),
  lectureId: str(100),
  trackId: nullableStr(100),
  language: str(40),
  cueIndex: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  start: time,
  end: time,
  text: str(20_000),
  kind: v.picklist(['wrong-words', 'mistranslation', 'wrong-language', 'sync-early', 'sync-late', 'missing', 'other', 'reading-order', 'wrong-lesson', 'broken-link']),
  suggestion: v.optional(str(20_000)),
  note: v.optional(str(20_000)),
  status: v.picklist(['new', 'confirmed', 'fixed', 'rejected']),
  origin: v.picklist(['learner', 'check']),
  rule: v.optional(str(60)),
  reporter: str(MAX_REPORTER_CHARS),
  createdAt: stamp,
  updatedAt: stamp,
  context: v.optional(
    v.strictObject({
      site: str(40),
      courseTitle: str(),
      lectureKey: str(),
      lectureTitle: str(),
      lectureUrl: str(),
      trackLabel: nullableStr(500),
      trackKind: nullableStr(40),
    }),
  ),
});
const nullableId = v.nullable(str(100));
const GlossarySchema = v.strictObject({
  id: str(100),
  term: v.pipe(str(200), v.minLength(1)),
  // The key words are found by (forms.ts makes it lower case): a hand-edited "Osmosis" would
  // never meet "osmosis" again.
  base: v.pipe(str(400), v.transform((s: string) => s.normalize('NFC').trim().toLowerCase()), v.minLength(1)),
  meaning: fitted(MAX_NOTE_TEXT),
  notes: fitted(MAX_NOTE_TEXT),
  tags: v.pipe(v.array(v.string()), v.transform((tags: string[]) => keptTags(tags))),
  courseId: nullableId,
  lectureId: nullableId,
  examples: v.pipe(
    v.array(
      v.strictObject({
        sentence: str(2000),
        lectureId: nullableId,
        trackId: nullableId,
        cueIndex: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
        time: v.nullable(time),
        pageUrl: str(),
        addedAt: stamp,
      }),
    ),
    v.maxLength(100),
  ),
  card: v.strictObject({
    due: stamp,
    stability: stamp,
    difficulty: stamp,
    elapsedDays: stamp,
    scheduledDays: stamp,
    learningSteps: stamp,
    reps: v.pipe(v.number(), v.integer(), v.minValue(0)),
    lapses: v.pipe(v.number(), v.integer(), v.minValue(0)),
    state: v.picklist([0, 1, 2, 3]),
    lastReview: v.nullable(stamp),
  }),
  due: stamp,
  createdAt: stamp,
  updatedAt: stamp,
});
const DeadlineSchema = v.nullable(
  v.strictObject({
    at: v.nullable(stamp),
    text: str(300),
    doubts: v.pipe(v.array(v.picklist(['no-year', 'no-time', 'no-zone', 'relative', 'day-month', 'from-text', 'unreadable'])), v.maxLength(7)),
  }),
);
const countField = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000));
const DutySchema = v.strictObject({
  id: str(100),
  site: str(40),
  key: str(2000),
  course: str(500),
  title: str(500),
  url: str(4000),
  submissionUrl: str(4000),
  forumUrl: str(4000),
  submitted: v.boolean(),
  submittedAt: v.nullable(stamp),
  reviewsGiven: countField,
  reviewsRequired: countField,
  reviewsReceived: v.nullable(countField),
  reviewsNeeded: v.nullable(countField),
  submitDue: DeadlineSchema,
  reviewDue: DeadlineSchema,
  status: v.picklist(['open', 'done']),
  snoozedUntil: v.nullable(stamp),
  sent: v.pipe(v.array(str(40)), v.maxLength(100)),
  edited: v.pipe(v.array(str(40)), v.maxLength(20)),
  createdAt: stamp,
  updatedAt: stamp,
});
const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.picklist(READABLE_VERSIONS),
  exportedAt: v.string(),
  data: v.strictObject({
    courses: v.array(CourseSchema),
    lectures: v.array(LectureSchema),
    tracks: v.array(TrackSchema),
    cues: v.array(CueSchema),
    /** Since version 2. */
    flags: v.optional(v.array(FlagSchema)),
    /** Since version 3. */
    glossary: v.optional(v.array(GlossarySchema)),
    /** Since version 4 (peer-review duties). */
    duties: v.optional(v.array(DutySchema)),
  }),
  /** Since version 5: the learner's settings (interface and first language, lecture, reminders). */
  settings: v.optional(StoredSettingsSchema),
});

export type Backup = v.InferOutput<typeof BackupSchema>;
type BackupCue = Backup['data']['cues'][number];

/** Everything MoocMate holds, as one object (the search index is rebuilt on import). */
export async function exportBackup(db: MoocMateDb, now = new Date()): Promise<Backup> {
  // Read before the transaction: awaiting anything but the database inside it would end it.
  const settings = await readStoredSettings();
  return db.transaction('r', [db.courses, db.lectures, db.tracks, db.cues, db.flags, db.glossary, db.duties], async () => {
    const [courses, lectures, tracks, cues, flags, glossary, duties] = await Promise.all([
      db.courses.toArray(),
      db.lectures.toArray(),
      db.tracks.toArray(),
      db.cues.toArray(),
      db.flags.toArray(),
      db.glossary.toArray(),
      db.duties.toArray(),
    ]);
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      data: { courses, lectures, tracks, cues: cues.map(({ terms: _derived, ...cue }): BackupCue => cue), flags, glossary, duties },
      settings,
    };
  });
}

export interface BackupSummary {
  courses: number;
  lectures: number;
  tracks: number;
  cues: number;
  flags: number;
  glossary: number;
  duties: number;
  /** How many settings the backup set. */
  settings: number;
}

/**
 * Checks the whole file first, then writes all of it in one transaction, or nothing.
 * Records with the same id are replaced; everything else in the database stays.
 */
export async function importBackup(db: MoocMateDb, text: string): Promise<BackupSummary> {
  const backup = validateBackup(text);
  const { courses, lectures, tracks, cues, flags = [], glossary = [], duties = [] } = backup.data;
  // A line's lecture and search words come from its track and text, never from the file.
  const lectureOf = new Map(tracks.map((t) => [t.id, t.lectureId]));
  const rows: CueRecord[] = cues.map((c) => ({ ...c, lectureId: lectureOf.get(c.trackId) ?? c.lectureId, terms: terms(c.text) }));
  const writeData = () =>
    db.transaction('rw', [db.courses, db.lectures, db.tracks, db.cues, db.flags, db.glossary, db.duties], async () => {
      for (const t of tracks) {
        await db.cues.where('[trackId+index]').between([t.id, -Infinity], [t.id, Infinity]).delete();
      }
      await db.courses.bulkPut(courses as CourseRecord[]);
      await db.lectures.bulkPut(lectures as LectureRecord[]);
      await db.tracks.bulkPut(tracks as TrackRecord[]);
      await db.cues.bulkPut(rows);
      await db.flags.bulkPut(flags as FlagRecord[]);
      // One entry per base form: a word the learner has here under another id gives way to the backup's.
      await db.glossary.where('base').anyOf(glossary.map((g) => g.base)).delete();
      await db.glossary.bulkPut(glossary as GlossaryEntryRecord[]);
      await db.duties.bulkPut(duties as DutyRecord[]);
    });
  // Settings live outside the database: written first, and put back if the database's
  // transaction fails, so an import is still all or nothing.
  const settings = backup.settings ?? {};
  const before = await readStoredSettings();
  await writeStoredSettings(settings);
  try {
    await writeData();
  } catch (err) {
    await restoreStoredSettings(before, settings).catch(() => undefined);
    throw err;
  }
  return {
    courses: courses.length,
    lectures: lectures.length,
    tracks: tracks.length,
    cues: cues.length,
    flags: flags.length,
    glossary: glossary.length,
    duties: duties.length,
    settings: Object.keys(settings).length,
  };
}

/** Parses and checks a backup file; throws BackupError with a message a learner can act on. */
export function validateBackup(text: string): Backup {
  if (text.trim() === '') throw new BackupError('backupEmpty', [], 'The file is empty.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError('backupNotJson', [], 'The file is damaged or cut off: it is not complete JSON.');
  }
  if (!json || typeof json !== 'object' || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('backupNotOurs', [], 'This is not a MoocMate backup file.');
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new BackupError('backupNewer', [String(version)], `This backup comes from a newer MoocMate (format ${version}). Update MoocMate, then import it.`);
  }
  const parsed = v.safeParse(BackupSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    const where = path || 'top level';
    throw new BackupError('backupInvalid', [where, issue.message], `The backup is not valid at ${where}: ${issue.message}`);
  }
  checkReferences(parsed.output);
  return parsed.output;
}

function checkReferences(b: Backup): void {
  const { courses, lectures, tracks, cues } = b.data;
  const unique = (name: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new BackupError('backupDuplicate', [id], `The backup lists ${name} "${id}" twice.`);
      seen.add(id);
    }
    return seen;
  };
  const courseIds = unique('course', courses.map((c) => c.id));
  const lectureIds = unique('lecture', lectures.map((l) => l.id));
  const trackIds = unique('track', tracks.map((t) => t.id));
  unique('line', cues.map((c) => `${c.trackId}#${c.index}`));
  unique('flag', (b.data.flags ?? []).map((f) => f.id));
  unique('glossary word', (b.data.glossary ?? []).map((g) => g.id));
  unique('glossary word', (b.data.glossary ?? []).map((g) => g.base));
  unique('duty', (b.data.duties ?? []).map((d) => d.id));
  for (const l of lectures) {
    if (!courseIds.has(l.courseId)) throw new BackupError('backupMissingParent', [l.title], `Lecture "${l.title}" belongs to a course that is not in the backup.`);
  }
  for (const t of tracks) {
    if (!lectureIds.has(t.lectureId)) throw new BackupError('backupMissingParent', [t.label || t.language], `A caption track (${t.label || t.language}) belongs to a lecture that is not in the backup.`);
  }
  const counts = new Map<string, number>();
  for (const c of cues) {
    if (!trackIds.has(c.trackId)) throw new BackupError('backupMissingParent', [`${c.trackId} #${c.index}`], `Line ${c.index} belongs to a caption track that is not in the backup.`);
    counts.set(c.trackId, (counts.get(c.trackId) ?? 0) + 1);
  }
  for (const t of tracks) {
    if ((counts.get(t.id) ?? 0) !== t.cueCount) {
      const found = String(counts.get(t.id) ?? 0);
      const name = t.label || t.language;
      throw new BackupError('backupCountMismatch', [name, String(t.cueCount), found], `Caption track "${name}" should have ${t.cueCount} lines but the backup has ${found}. The file may be cut off.`);
    }
  }
}

/** Deletes everything MoocMate holds. */
export async function wipeAll(db: MoocMateDb): Promise<void> {
  const tables = [db.courses, db.lectures, db.tracks, db.cues, db.flags, db.glossary, db.duties];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
  });
}
