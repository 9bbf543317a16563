import { keptTags } from '../db/limits';
import type { CourseRecord, GlossaryEntryRecord, LectureRecord } from '../db/schema';

export type GlossarySort = 'newest' | 'az' | 'due';

export interface GlossaryFilter {
  text?: string;
  courseId?: string;
  tag?: string;
  sort?: GlossarySort;
}

export interface GlossaryGroup {
  /** '' for words met outside a known lecture. */
  key: string;
  course: string;
  lecture: string;
  entries: GlossaryEntryRecord[];
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The dashboard's list: filtered, sorted, grouped by course and lecture (in that order). */
export function groupGlossary(
  entries: readonly GlossaryEntryRecord[],
  lectures: ReadonlyMap<string, Pick<LectureRecord, 'title' | 'courseId'>>,
  courses: ReadonlyMap<string, Pick<CourseRecord, 'title'>>,
  filter: GlossaryFilter,
  collator = new Intl.Collator(undefined, { sensitivity: 'base' }),
): GlossaryGroup[] {
  const q = fold(filter.text?.trim() ?? '');
  const kept = entries.filter(
    (e) =>
      (!filter.courseId || e.courseId === filter.courseId) &&
      (!filter.tag || e.tags.includes(filter.tag)) &&
      (!q || [e.term, e.base, e.meaning, e.notes, ...e.tags, ...e.examples.map((x) => x.sentence)].some((s) => fold(s).includes(q))),
  );
  const sort = filter.sort ?? 'newest';
  kept.sort((a, b) => (sort === 'az' ? collator.compare(a.term, b.term) : sort === 'due' ? a.due - b.due : b.createdAt - a.createdAt));
  const groups = new Map<string, GlossaryGroup>();
  for (const e of kept) {
    const lecture = e.lectureId ? lectures.get(e.lectureId) : undefined;
    const key = lecture ? e.lectureId! : '';
    let g = groups.get(key);
    if (!g) {
      g = { key, course: lecture ? (courses.get(lecture.courseId)?.title ?? '') : '', lecture: lecture?.title ?? '', entries: [] };
      groups.set(key, g);
    }
    g.entries.push(e);
  }
  return [...groups.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : collator.compare(`${a.course}\u0000${a.lecture}`, `${b.course}\u0000${b.lecture}`)));
}

/** Every tag in use, sorted. */
export function allTags(entries: readonly GlossaryEntryRecord[]): string[] {
  return [...new Set(entries.flatMap((e) => e.tags))].sort();
}

/** "biology, week 1" -> ['biology', 'week 1']; Arabic and CJK commas and semicolons separate too. */
export function parseTags(text: string): string[] {
  return keptTags(text.split(/[,;،؛，；、]/));
}
