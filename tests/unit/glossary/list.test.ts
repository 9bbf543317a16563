import { describe, expect, it } from 'vitest';
import { groupGlossary, parseTags } from '../../../src/glossary/list';
import type { GlossaryEntryRecord } from '../../../src/db/schema';
import { newCard } from '../../../src/glossary/review';

const entry = (id: string, term: string, lectureId: string | null, over: Partial<GlossaryEntryRecord> = {}): GlossaryEntryRecord => ({
  id,
  term,
  base: term,
  meaning: '',
  notes: '',
  tags: [],
  courseId: lectureId ? 'C' : null,
  lectureId,
  examples: [{ sentence: `About ${term}.`, lectureId, trackId: null, cueIndex: null, time: null, pageUrl: '', addedAt: 0 }],
  card: newCard(0),
  due: 0,
  createdAt: Number(id),
  updatedAt: 0,
  ...over,
});

const lectures = new Map([
  ['L1', { title: 'Lecture 1', courseId: 'C' }],
  ['L2', { title: 'Lecture 2', courseId: 'C' }],
]);
const courses = new Map([['C', { title: 'Plants' }]]);

describe('glossary list', () => {
  const all = [entry('1', 'glucose', 'L2'), entry('2', 'Stomata', 'L1', { tags: ['leaf'], meaning: 'estomas' }), entry('3', 'énergie', null), entry('4', 'chlorophyll', 'L1')];
  it('groups by course and lecture, words from nowhere last', () => {
    const g = groupGlossary(all, lectures, courses, { sort: 'az' });
    expect(g.map((x) => [x.lecture, x.entries.map((e) => e.term)])).toEqual([
      ['Lecture 1', ['chlorophyll', 'Stomata']],
      ['Lecture 2', ['glucose']],
      ['', ['énergie']],
    ]);
  });
  it('searches terms, meanings and sentences without accents, and filters by tag', () => {
    expect(groupGlossary(all, lectures, courses, { text: 'ENERGIE' }).flatMap((g) => g.entries.map((e) => e.id))).toEqual(['3']);
    expect(groupGlossary(all, lectures, courses, { text: 'estomas' }).flatMap((g) => g.entries.map((e) => e.id))).toEqual(['2']);
    expect(groupGlossary(all, lectures, courses, { tag: 'leaf' }).flatMap((g) => g.entries.map((e) => e.id))).toEqual(['2']);
  });
  it('sorts newest first by default', () => {
    expect(groupGlossary(all, lectures, courses, {})[0].entries.map((e) => e.id)).toEqual(['4', '2']);
  });
  it('reads tags from a comma list', () => {
    expect(parseTags(' biology, week 1;biology ,, ')).toEqual(['biology', 'week 1']);
    expect(parseTags('بيولوجيا، أسبوع 1؛ مهم')).toEqual(['بيولوجيا', 'أسبوع 1', 'مهم']);
    expect(parseTags('生物，第一周、重要')).toEqual(['生物', '第一周', '重要']);
  });
});
