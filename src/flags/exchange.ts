import * as v from 'valibot';
import type { FlagKind, FlagRecord, FlagStatus, LectureRecord, MoocMateDb, TrackRecord } from '../db/schema';
import { lectureIdFor, trackIdFor } from '../captions/ids';

/**
 * The flag exchange file: a learner's flags, for a volunteer in another browser.
 * docs/flag-format.md describes it; bump the version for any change a reader must know.
 */
export const FLAG_FORMAT = 'moocmate-flags';
export const FLAG_VERSION = 1;

/** The reporter name this browser's own learner has in the flags table. */
const ME = 'me';

/**
 * A flag file that cannot be imported. `key` and `subs` name the message in _locales, so the
 * dashboard can say it in the learner's language; `message` is the English text.
 */
export class FlagFileError extends Error {
  constructor(
    readonly key: string,
    readonly subs: string[],
    english: string,
  ) {
    super(english);
  }
}

const KINDS = [
  'wrong-words',
  'mistranslation',
  'wrong-language',
  'sync-early',
  'sync-late',
  'missing',
  'other',
  'reading-order',
  'wrong-lesson',
  'broken-link',
] as const satisfies readonly FlagKind[];
const STATUSES = ['new', 'confirmed', 'fixed', 'rejected'] as const satisfies readonly FlagStatus[];
// A compile error here means FlagKind or FlagStatus gained a member the file format does not know.
const allKinds: Record<Exclude<FlagKind, (typeof KINDS)[number]>, never> = {};
const allStatuses: Record<Exclude<FlagStatus, (typeof STATUSES)[number]>, never> = {};
void allKinds;
void allStatuses;

const str = (max = 10_000) => v.pipe(v.string(), v.maxLength(max));
const nonEmpty = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const stamp = v.pipe(v.number(), v.finite());
/** Another learner's id: 'me' is this browser's own name and never travels. */
const reporterId = v.pipe(
  nonEmpty(200),
  v.check((r) => r !== ME, `"${ME}" is not a reporter id`),
);

const ContextSchema = v.strictObject({
  site: nonEmpty(40),
  courseTitle: str(),
  lectureKey: nonEmpty(10_000),
  lectureTitle: str(),
  lectureUrl: str(),
  trackLabel: v.nullable(str(500)),
  trackKind: v.nullable(str(40)),
});

const FlagSchema = v.strictObject({
  id: nonEmpty(100),
  kind: v.picklist(KINDS),
  status: v.picklist(STATUSES),
  text: str(20_000),
  suggestion: v.optional(str(20_000)),
  note: v.optional(str(20_000)),
  start: time,
  end: time,
  cueIndex: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  language: str(40),
  origin: v.picklist(['learner', 'check']),
  rule: v.optional(str(60)),
  reporter: reporterId,
  createdAt: stamp,
  updatedAt: stamp,
  context: ContextSchema,
});

const FlagFileSchema = v.strictObject({
  format: v.literal(FLAG_FORMAT),
  version: v.literal(FLAG_VERSION),
  exportedAt: str(100),
  reporter: reporterId,
  flags: v.pipe(v.array(FlagSchema), v.maxLength(200_000)),
});

export type FlagFile = v.InferOutput<typeof FlagFileSchema>;
export type ExportedFlag = FlagFile['flags'][number];
export type FlagContext = NonNullable<FlagRecord['context']>;

export interface ExportOptions {
  /** This browser's learner id in the file: their flags ('me' here) are exported under it. */
  reporterId: string;
  /** Only these lectures' flags; all flags when absent. */
  lectureIds?: string[];
}

export interface ImportOptions {
  /** This browser's learner id: the file's flags under it become 'me' again. */
  reporterId: string;
}

export interface ImportSummary {
  /** Flags that were not here. */
  added: number;
  /** Flags that were here and that the file had a newer version of. */
  updated: number;
  /** Flags that were here, as new as or newer than the file's. */
  unchanged: number;
  /** Lectures of the file this browser has never seen: their flags are kept with their context. */
  unknownLectures: number;
}

function checkOwnId(reporter: string): void {
  if (reporter.trim() === '' || reporter === ME) throw new Error(`A learner id is needed, not "${reporter}".`);
}

/**
 * The flags (all, or those of some lectures), each with what a volunteer needs to place it
 * without this database: site, course, lecture and track as our tables say now. A flag whose
 * lecture is gone from this browser keeps the context it was imported with; a flag with
 * neither (its lecture deleted here) cannot be placed anywhere and is left out.
 */
export async function exportFlags(db: MoocMateDb, opts: ExportOptions, now = new Date()): Promise<FlagFile> {
  checkOwnId(opts.reporterId);
  return db.transaction('r', [db.flags, db.courses, db.lectures, db.tracks], async () => {
    const flags = opts.lectureIds ? await db.flags.where('lectureId').anyOf(opts.lectureIds).toArray() : await db.flags.toArray();
    const lectureIds = [...new Set(flags.map((f) => f.lectureId))];
    const trackIds = [...new Set(flags.flatMap((f) => (f.trackId === null ? [] : [f.trackId])))];
    const lectures = new Map<string, LectureRecord>();
    for (const l of await db.lectures.bulkGet(lectureIds)) if (l) lectures.set(l.id, l);
    const tracks = new Map<string, TrackRecord>();
    for (const t of await db.tracks.bulkGet(trackIds)) if (t) tracks.set(t.id, t);
    const courseIds = [...new Set([...lectures.values()].map((l) => l.courseId))];
    const courseTitles = new Map<string, string>();
    for (const c of await db.courses.bulkGet(courseIds)) if (c) courseTitles.set(c.id, c.title);

    const out: ExportedFlag[] = [];
    for (const f of flags) {
      const context = contextFor(f, lectures.get(f.lectureId), f.trackId === null ? undefined : tracks.get(f.trackId), courseTitles);
      if (!context) continue;
      out.push(exported(f, context, opts.reporterId));
    }
    out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { format: FLAG_FORMAT, version: FLAG_VERSION, exportedAt: now.toISOString(), reporter: opts.reporterId, flags: out };
  });
}

function contextFor(
  f: FlagRecord,
  lecture: LectureRecord | undefined,
  track: TrackRecord | undefined,
  courseTitles: ReadonlyMap<string, string>,
): FlagContext | null {
  if (!lecture) return f.context ?? null;
  const fromTrack = track
    ? { trackLabel: track.label, trackKind: track.kind }
    : f.trackId === null
      ? { trackLabel: null, trackKind: null }
      : // The track is gone here: the imported context may still name it.
        { trackLabel: f.context?.trackLabel ?? null, trackKind: f.context?.trackKind ?? null };
  return {
    site: lecture.site,
    courseTitle: courseTitles.get(lecture.courseId) ?? f.context?.courseTitle ?? '',
    lectureKey: lecture.key,
    lectureTitle: lecture.title,
    lectureUrl: lecture.url,
    ...fromTrack,
  };
}

function exported(f: FlagRecord, context: FlagContext, reporterId: string): ExportedFlag {
  return {
    id: f.id,
    kind: f.kind,
    status: f.status,
    text: f.text,
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    ...(f.note !== undefined ? { note: f.note } : {}),
    start: f.start,
    end: f.end,
    cueIndex: f.cueIndex,
    language: f.language,
    origin: f.origin,
    ...(f.rule !== undefined ? { rule: f.rule } : {}),
    reporter: f.reporter === ME ? reporterId : f.reporter,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    context,
  };
}

/**
 * How far a flag's triage has gone. The status is the volunteer's to set, and a learner's
 * re-sent file still says 'new': a newer file takes the status here only when its own is
 * further along (another volunteer confirmed, rejected or fixed it). Confirmed and rejected
 * are equal: two volunteers disagree, and this one's decision stays.
 */
const TRIAGE: Record<FlagStatus, number> = { new: 0, confirmed: 1, rejected: 1, fixed: 2 };

/**
 * Checks the whole file first, then writes all of it in one transaction, or nothing.
 * Flags are upserted by id: one that is already here is replaced only by a newer
 * `updatedAt`, so importing the same file twice changes nothing; its status stays unless
 * the file's is further along (TRIAGE).
 */
export async function importFlags(db: MoocMateDb, text: string, opts: ImportOptions): Promise<ImportSummary> {
  checkOwnId(opts.reporterId);
  const file = validateFlagFile(text);
  return db.transaction('rw', [db.flags, db.lectures, db.tracks], async () => {
    const lectureIds = file.flags.map((f) => lectureIdFor(f.context.site, f.context.lectureKey));
    const known = new Set<string>();
    for (const l of await db.lectures.bulkGet([...new Set(lectureIds)])) if (l) known.add(l.id);
    const tracksHere = new Map<string, TrackRecord[]>();
    for (const t of await db.tracks.where('lectureId').anyOf([...known]).toArray()) tracksHere.set(t.lectureId, [...(tracksHere.get(t.lectureId) ?? []), t]);
    const knownTracks = new Set([...tracksHere.values()].flat().map((t) => t.id));
    const existing = await db.flags.bulkGet(file.flags.map((f) => f.id));

    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, unknownLectures: 0 };
    const unknown = new Set<string>();
    const writes: FlagRecord[] = [];
    file.flags.forEach((f, i) => {
      const lectureId = lectureIds[i];
      if (!known.has(lectureId)) unknown.add(lectureId);
      const here = existing[i];
      if (here && here.updatedAt >= f.updatedAt) {
        summary.unchanged++;
        return;
      }
      if (here) summary.updated++;
      else summary.added++;
      const trackId = trackIdOf(f, lectureId, tracksHere.get(lectureId) ?? []);
      // Our tables describe the flag only when they have its lecture and its track: a flag on
      // a track not captured here keeps its context, so exporting it again still names it.
      const placed = known.has(lectureId) && (trackId === null || knownTracks.has(trackId));
      const record = recordFrom(f, lectureId, trackId, placed, opts.reporterId);
      if (here && TRIAGE[here.status] >= TRIAGE[record.status]) record.status = here.status;
      writes.push(record);
    });
    await db.flags.bulkPut(writes);
    summary.unknownLectures = unknown.size;
    return summary;
  });
}

/**
 * The flag's track here; null for a problem with the page itself. Platforms name tracks in
 * the viewer's interface language (YouTube: "English (auto-generated)" for one learner,
 * "Anglais (générés automatiquement)" for another), so a captured track of the same kind and
 * language is the one, and the label only tells apart several of those. With none here, the
 * id the track will get when captured (trackIdFor).
 */
function trackIdOf(f: ExportedFlag, lectureId: string, here: readonly TrackRecord[]): string | null {
  const { trackKind, trackLabel } = f.context;
  if (trackKind === null || trackLabel === null) return null;
  const same = here.filter((t) => t.kind === trackKind && t.language === f.language);
  const match = same.length === 1 ? same[0] : same.find((t) => t.label === trackLabel);
  return match?.id ?? trackIdFor(lectureId, trackKind, f.language, trackLabel);
}

function recordFrom(f: ExportedFlag, lectureId: string, trackId: string | null, placed: boolean, reporterId: string): FlagRecord {
  const { context, reporter, ...rest } = f;
  return {
    ...rest,
    lectureId,
    trackId,
    reporter: reporter === reporterId ? ME : reporter,
    ...(placed ? {} : { context }),
  };
}

/** Parses and checks a flag file; throws FlagFileError with a message a volunteer can act on. */
export function validateFlagFile(text: string): FlagFile {
  if (text.trim() === '') throw new FlagFileError('flagFileEmpty', [], 'The file is empty.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new FlagFileError('flagFileNotJson', [], 'The file is damaged or cut off: it is not complete JSON.');
  }
  const format = json && typeof json === 'object' ? (json as { format?: unknown }).format : undefined;
  if (format === 'moocmate-backup') {
    throw new FlagFileError('flagFileIsBackup', [], 'This is a MoocMate backup, not a flags file. Use "Import backup" for it.');
  }
  if (format !== FLAG_FORMAT || Array.isArray(json)) {
    throw new FlagFileError('flagFileNotOurs', [], 'This is not a MoocMate flags file.');
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > FLAG_VERSION) {
    throw new FlagFileError('flagFileNewer', [String(version)], `This flags file comes from a newer MoocMate (format ${version}). Update MoocMate, then import it.`);
  }
  const parsed = v.safeParse(FlagFileSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    const where = path || 'top level';
    throw new FlagFileError('flagFileInvalid', [where, issue.message], `The flags file is not valid at ${where}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const [i, f] of parsed.output.flags.entries()) {
    if (seen.has(f.id)) throw new FlagFileError('flagFileDuplicate', [f.id], `The flags file lists flag "${f.id}" twice.`);
    seen.add(f.id);
    if (f.end < f.start) {
      const where = `flags.${i}`;
      throw new FlagFileError('flagFileBadTiming', [where], `The flag at ${where} ends before it starts.`);
    }
  }
  return parsed.output;
}
