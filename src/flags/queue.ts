import type { CourseRecord, FlagKind, FlagRecord, FlagStatus, LectureRecord, TrackRecord } from '../db/schema';

/**
 * The volunteer queue: every flag (own and imported), grouped course → lecture → cue, with
 * the flags several learners raised about the same problem merged into one item. Pure
 * functions over arrays: the dashboard feeds them liveQuery results.
 *
 * Merge rule: flags on the same cue (same lecture, same track, same cue index) with the same
 * kind are ONE item, whatever their suggestions: a volunteer fixes a line once, so the
 * distinct suggestions are listed on that item (most proposed first, ties to the newest report:
 * the order the corrected captions choose in) instead of splitting it.
 * `count` is the number of distinct reporters (one learner flagging a line twice counts once).
 * A flag without a cue (a missing caption, a page problem) shares an item with flags of the
 * same kind in the same track that start in the same second.
 *
 * Status rule: the volunteer sets a status on an item, and the dashboard writes it to every
 * flag of the item (`flagIds`), so normally they agree. They disagree when flags arrive
 * later (an import, another learner). The item then shows the most advanced status,
 * fixed > confirmed > new > rejected:
 * - fixed: the line was corrected; the fix is about the line, not about who reported it;
 * - confirmed over new: a volunteer already checked this problem; one more report does not
 *   undo that;
 * - new over rejected: another learner reporting what was rejected is a reason to look again.
 * `statusCounts` keeps the detail, so the dashboard can say "1 new report" on a fixed item.
 */

export interface QueueLookup {
  courses: readonly CourseRecord[];
  lectures: readonly LectureRecord[];
  tracks: readonly TrackRecord[];
}

export interface Suggestion {
  text: string;
  /** Distinct reporters who proposed it. */
  count: number;
}

export interface QueueItem {
  /** Stable across renders: lecture, track, cue and kind. */
  key: string;
  courseId: string;
  courseTitle: string;
  site: string;
  lectureId: string;
  lectureTitle: string;
  lectureUrl: string;
  /** False when this browser never saw the lecture: titles come from the imported context. */
  known: boolean;
  trackId: string | null;
  trackLabel: string;
  language: string;
  cueIndex: number | null;
  start: number;
  end: number;
  kind: FlagKind;
  status: FlagStatus;
  statusCounts: Record<FlagStatus, number>;
  /** The text as shown, as most reporters saw it. */
  text: string;
  /** Most learners first, ties to the newest report (the order the corrected captions use). */
  suggestions: Suggestion[];
  /** The suggestion the corrected captions apply from this item (its text as listed), or null. */
  applied: string | null;
  notes: string[];
  count: number;
  reporters: string[];
  flagIds: string[];
  /** Newest updatedAt among the flags. */
  updatedAt: number;
}

export interface QueueCue {
  key: string;
  trackId: string | null;
  trackLabel: string;
  language: string;
  cueIndex: number | null;
  start: number;
  end: number;
  items: QueueItem[];
}

export interface QueueLecture {
  lectureId: string;
  title: string;
  url: string;
  known: boolean;
  cues: QueueCue[];
}

export interface QueueGroup {
  /** '' when neither our tables nor the flag's context name the course. */
  courseId: string;
  title: string;
  site: string;
  lectures: QueueLecture[];
}

/** Most advanced first; see the status rule above. */
export const STATUS_RANK: Record<FlagStatus, number> = { fixed: 3, confirmed: 2, new: 1, rejected: 0 };

type OneOrMany<T> = T | readonly T[];

export interface QueueFilter {
  courseId?: OneOrMany<string>;
  /** 'en' also matches 'en-US'. */
  language?: OneOrMany<string>;
  kind?: OneOrMany<FlagKind>;
  status?: OneOrMany<FlagStatus>;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

interface Place {
  courseId: string;
  courseTitle: string;
  site: string;
  lectureTitle: string;
  lectureUrl: string;
  known: boolean;
  trackLabel: string;
}

function placeOf(f: FlagRecord, courses: ReadonlyMap<string, CourseRecord>, lectures: ReadonlyMap<string, LectureRecord>, tracks: ReadonlyMap<string, TrackRecord>): Place {
  const lecture = lectures.get(f.lectureId);
  const track = f.trackId === null ? undefined : tracks.get(f.trackId);
  const trackLabel = track?.label ?? f.context?.trackLabel ?? '';
  if (lecture) {
    const course = courses.get(lecture.courseId);
    return { courseId: lecture.courseId, courseTitle: course?.title ?? '', site: lecture.site, lectureTitle: lecture.title, lectureUrl: lecture.url, known: true, trackLabel };
  }
  const ctx = f.context;
  if (!ctx) return { courseId: '', courseTitle: '', site: '', lectureTitle: '', lectureUrl: '', known: false, trackLabel };
  // Unknown here: group by what the context says (course ids need a course key we do not have).
  return { courseId: `ctx:${ctx.site}|${ctx.courseTitle}`, courseTitle: ctx.courseTitle, site: ctx.site, lectureTitle: ctx.lectureTitle, lectureUrl: ctx.lectureUrl, known: false, trackLabel };
}

function cueKey(f: FlagRecord): string {
  const where = f.cueIndex !== null ? `#${f.cueIndex}` : `@${Math.floor(f.start)}`;
  return `${f.lectureId}|${f.trackId ?? `page:${f.language}`}|${where}`;
}

/** Most frequent value (by distinct reporter), ties to the one `entries` gives first. */
function ranked(entries: ReadonlyArray<{ value: string; reporter: string }>): Suggestion[] {
  const by = new Map<string, Set<string>>();
  for (const e of entries) {
    if (e.value === '') continue;
    const set = by.get(e.value) ?? new Set<string>();
    set.add(e.reporter);
    by.set(e.value, set);
  }
  return [...by].map(([text, set]) => ({ text, count: set.size })).sort((a, b) => b.count - a.count);
}

/** Kinds whose suggestion is the cue's corrected text (timing and page kinds are not). */
export const TEXT_KINDS: ReadonlySet<FlagKind> = new Set<FlagKind>(['wrong-words', 'mistranslation', 'wrong-language', 'other']);

/**
 * Newest report first. createdAt, not updatedAt: a volunteer's status change rewrites
 * updatedAt of every flag of an item at once, and must not reorder the suggestions.
 */
const newestFirst = (flags: readonly FlagRecord[]) =>
  [...flags].sort((a, b) => b.createdAt - a.createdAt || b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));

/** A flag's suggestion as the queue lists it: whitespace tidied, so "food  " and "food" are one. */
export const suggestionText = (f: FlagRecord) => clean(f.suggestion);

const suggestionsOf = (newest: readonly FlagRecord[]) => ranked(newest.map((f) => ({ value: suggestionText(f), reporter: f.reporter })));

/** The distinct suggestions (whitespace tidied), most learners first, ties to the newest report. */
export function rankSuggestions(flags: readonly FlagRecord[]): Suggestion[] {
  return suggestionsOf(newestFirst(flags));
}

/**
 * Of the flags on one cue, the one whose suggestion the corrected captions apply: the
 * top-ranked suggestion among the confirmed flags of a text kind, as its newest flag wrote it
 * (line breaks kept). The queue lists suggestions in the same order, so what a volunteer sees
 * on top is what goes into the file.
 */
export function appliedFlag(flags: readonly FlagRecord[]): FlagRecord | undefined {
  const newest = newestFirst(flags.filter((f) => f.status === 'confirmed' && TEXT_KINDS.has(f.kind) && f.cueIndex !== null && suggestionText(f) !== ''));
  const top = suggestionsOf(newest)[0];
  return top && newest.find((f) => suggestionText(f) === top.text);
}

function mergeItem(key: string, flags: FlagRecord[], place: Place): QueueItem {
  // Oldest first, so ties go to the first report.
  const sorted = [...flags].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const first = sorted[0];
  const statusCounts: Record<FlagStatus, number> = { new: 0, confirmed: 0, fixed: 0, rejected: 0 };
  for (const f of sorted) statusCounts[f.status]++;
  const status = sorted.reduce<FlagStatus>((s, f) => (STATUS_RANK[f.status] > STATUS_RANK[s] ? f.status : s), first.status);
  const reporters = [...new Set(sorted.map((f) => f.reporter))];
  const texts = ranked(sorted.map((f) => ({ value: f.text, reporter: f.reporter })));
  const notes = [...new Set(sorted.map((f) => clean(f.note)).filter((n) => n !== ''))];
  return {
    key,
    courseId: place.courseId,
    courseTitle: place.courseTitle,
    site: place.site,
    lectureId: first.lectureId,
    lectureTitle: place.lectureTitle,
    lectureUrl: place.lectureUrl,
    known: place.known,
    trackId: first.trackId,
    trackLabel: place.trackLabel,
    language: first.language,
    cueIndex: first.cueIndex,
    start: Math.min(...sorted.map((f) => f.start)),
    end: Math.max(...sorted.map((f) => f.end)),
    kind: first.kind,
    status,
    statusCounts,
    text: texts[0]?.text ?? '',
    suggestions: rankSuggestions(sorted),
    applied: null, // set per cue by buildQueue: items of other kinds on the cue compete
    notes,
    count: reporters.length,
    reporters,
    flagIds: sorted.map((f) => f.id),
    updatedAt: Math.max(...sorted.map((f) => f.updatedAt)),
  };
}

/** Groups and merges the flags; see the merge and status rules at the top of this file. */
export function buildQueue(flags: readonly FlagRecord[], lookup: QueueLookup): QueueGroup[] {
  const courses = new Map(lookup.courses.map((c) => [c.id, c]));
  const lectures = new Map(lookup.lectures.map((l) => [l.id, l]));
  const tracks = new Map(lookup.tracks.map((t) => [t.id, t]));

  const byItem = new Map<string, FlagRecord[]>();
  for (const f of flags) {
    const key = `${cueKey(f)}|${f.kind}`;
    const list = byItem.get(key);
    if (list) list.push(f);
    else byItem.set(key, [f]);
  }

  const groups = new Map<string, QueueGroup>();
  const lectureNodes = new Map<string, QueueLecture>();
  const cueNodes = new Map<string, QueueCue>();
  const cueFlags = new Map<string, FlagRecord[]>();
  const lecturePlaces = new Map<string, Place>();
  for (const [key, list] of byItem) {
    // A lecture sits under the course its first item names (imported contexts may disagree).
    const own = placeOf(list[0], courses, lectures, tracks);
    const seen = lecturePlaces.get(list[0].lectureId);
    const place = seen ? { ...seen, trackLabel: own.trackLabel } : own;
    if (!seen) lecturePlaces.set(list[0].lectureId, own);
    const item = mergeItem(key, list, place);
    let lecture = lectureNodes.get(item.lectureId);
    if (!lecture) {
      lecture = { lectureId: item.lectureId, title: place.lectureTitle, url: place.lectureUrl, known: place.known, cues: [] };
      lectureNodes.set(item.lectureId, lecture);
      let group = groups.get(place.courseId);
      if (!group) {
        group = { courseId: place.courseId, title: place.courseTitle, site: place.site, lectures: [] };
        groups.set(place.courseId, group);
      }
      group.lectures.push(lecture);
    }
    const ck = cueKey(list[0]);
    let cue = cueNodes.get(ck);
    if (!cue) {
      cue = { key: ck, trackId: item.trackId, trackLabel: item.trackLabel, language: item.language, cueIndex: item.cueIndex, start: item.start, end: item.end, items: [] };
      cueNodes.set(ck, cue);
      lecture.cues.push(cue);
    }
    cue.items.push(item);
    cueFlags.set(ck, [...(cueFlags.get(ck) ?? []), ...list]);
    cue.start = Math.min(cue.start, item.start);
    cue.end = Math.max(cue.end, item.end);
  }

  for (const [ck, cue] of cueNodes) {
    const applied = appliedFlag(cueFlags.get(ck) ?? []);
    for (const item of cue.items) if (applied && item.flagIds.includes(applied.id)) item.applied = suggestionText(applied);
  }

  const out = [...groups.values()].sort((a, b) => collator.compare(a.title, b.title) || (a.courseId < b.courseId ? -1 : 1));
  for (const g of out) {
    g.lectures.sort((a, b) => collator.compare(a.title, b.title) || (a.lectureId < b.lectureId ? -1 : 1));
    for (const l of g.lectures) {
      l.cues.sort((a, b) => a.start - b.start || collator.compare(a.language, b.language) || (a.key < b.key ? -1 : 1));
      for (const c of l.cues) c.items.sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : 1));
    }
  }
  return out;
}

function matches<T extends string>(want: OneOrMany<T> | undefined, value: T, same: (w: T, v: T) => boolean = (w, v) => w === v): boolean {
  if (want === undefined) return true;
  const list: readonly T[] = typeof want === 'string' ? [want] : (want as readonly T[]);
  return list.some((w) => same(w, value));
}

const sameLanguage = (want: string, lang: string) => {
  const w = want.toLowerCase();
  const l = lang.toLowerCase();
  return l === w || l.startsWith(`${w}-`);
};

/** The items that pass every given filter; empty cues, lectures and courses are dropped. */
export function filterQueue(groups: readonly QueueGroup[], filter: QueueFilter): QueueGroup[] {
  const keep = (i: QueueItem) =>
    matches(filter.courseId, i.courseId) && matches(filter.language, i.language, sameLanguage) && matches(filter.kind, i.kind) && matches(filter.status, i.status);
  const out: QueueGroup[] = [];
  for (const g of groups) {
    const lectures: QueueLecture[] = [];
    for (const l of g.lectures) {
      const cues = l.cues.map((c) => ({ ...c, items: c.items.filter(keep) })).filter((c) => c.items.length > 0);
      if (cues.length > 0) lectures.push({ ...l, cues });
    }
    if (lectures.length > 0) out.push({ ...g, lectures });
  }
  return out;
}

/** Every item of the queue, in queue order (for the CSV and JSON exports). */
export function queueItems(groups: readonly QueueGroup[]): QueueItem[] {
  return groups.flatMap((g) => g.lectures.flatMap((l) => l.cues.flatMap((c) => c.items)));
}
