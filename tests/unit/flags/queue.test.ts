import { describe, expect, it, vi } from 'vitest';
import { buildQueue, filterQueue, queueItems, type QueueLookup } from '../../../src/flags/queue';
import { exportFlags, importFlags } from '../../../src/flags/exchange';
import { correctedCaptions } from '../../../src/flags/reports';
import { chooseSuggestion, editFlag, flagCaptionAt, setFlagStatus } from '../../../src/flags/store';
import { ingestTrack, loadCues } from '../../../src/captions/store';
import { parseVtt } from '../../../src/captions/formats/vtt';
import type { CourseRecord, FlagRecord, LectureRecord, MoocMateDb, TrackRecord } from '../../../src/db/schema';
import { captured, freshDb, page } from '../helpers';

const course = (id: string, title: string): CourseRecord => ({ id, site: 'html5', title, url: `https://${id}.example/`, firstSeen: 0, lastSeen: 0 });
const lecture = (id: string, courseId: string, title: string): LectureRecord => ({
  id,
  courseId,
  site: 'html5',
  key: id,
  title,
  url: `https://uni.example/${id}`,
  videoSrc: '',
  firstSeen: 0,
  lastSeen: 0,
});
const track = (id: string, lectureId: string, language: string, label: string): TrackRecord => ({
  id,
  lectureId,
  kind: 'captions',
  label,
  language,
  source: 'track-file',
  detectedLanguage: 'und',
  cueCount: 10,
  status: 'ok',
  contentHash: '',
  capturedAt: 0,
});

const lookup: QueueLookup = {
  courses: [course('c-bio', 'Biology'), course('c-art', 'Art history')],
  lectures: [lecture('l1', 'c-bio', 'Lecture 10'), lecture('l2', 'c-bio', 'Lecture 2'), lecture('l3', 'c-art', 'Baroque')],
  tracks: [track('t1-en', 'l1', 'en', 'English'), track('t1-es', 'l1', 'es-419', 'Español'), track('t2-en', 'l2', 'en', 'English'), track('t3-en', 'l3', 'en-GB', 'English')],
};

let seq = 0;
function flag(over: Partial<FlagRecord> = {}): FlagRecord {
  seq++;
  return {
    id: `f${String(seq).padStart(3, '0')}`,
    lectureId: 'l1',
    trackId: 't1-en',
    language: 'en',
    cueIndex: 3,
    start: 6,
    end: 7.8,
    text: 'Plants make fod.',
    kind: 'wrong-words',
    status: 'new',
    origin: 'learner',
    reporter: 'me',
    createdAt: seq,
    updatedAt: seq,
    ...over,
  };
}

describe('volunteer queue', () => {
  it('merges flags on the same cue and kind into one item, counting distinct reporters', () => {
    const flags = [
      flag({ reporter: 'a', suggestion: 'Plants make food.' }),
      flag({ reporter: 'b', suggestion: 'Plants  make food. ' }),
      flag({ reporter: 'c', suggestion: 'Plants made food.', note: 'Maybe past tense' }),
      flag({ reporter: 'a', suggestion: 'Plants make food.' }), // the same learner twice
      flag({ reporter: 'd', kind: 'sync-late' }),
    ];
    const [group] = buildQueue(flags, lookup);
    const items = queueItems([group]);
    expect(items).toHaveLength(2);
    const words = items.find((i) => i.kind === 'wrong-words');
    expect(words).toMatchObject({
      count: 3,
      reporters: ['a', 'b', 'c'],
      flagIds: [flags[0].id, flags[1].id, flags[2].id, flags[3].id],
      suggestions: [
        { text: 'Plants make food.', count: 2 },
        { text: 'Plants made food.', count: 1 },
      ],
      notes: ['Maybe past tense'],
      text: 'Plants make fod.',
      courseTitle: 'Biology',
      lectureTitle: 'Lecture 10',
      trackLabel: 'English',
      known: true,
    });
    expect(items.find((i) => i.kind === 'sync-late')).toMatchObject({ count: 1, suggestions: [] });
    // Both items sit under one cue; the bigger one first.
    expect(group.lectures[0].cues).toHaveLength(1);
    expect(group.lectures[0].cues[0].items.map((i) => i.kind)).toEqual(['wrong-words', 'sync-late']);
  });

  it('does not merge across cues, tracks or lectures', () => {
    const flags = [flag(), flag({ cueIndex: 4, start: 8, end: 9 }), flag({ trackId: 't1-es', language: 'es-419' }), flag({ lectureId: 'l2', trackId: 't2-en' })];
    expect(queueItems(buildQueue(flags, lookup)).every((i) => i.count === 1)).toBe(true);
    expect(queueItems(buildQueue(flags, lookup))).toHaveLength(4);
  });

  it('shows the most advanced status, keeping the detail', () => {
    const status = (...statuses: FlagRecord['status'][]) =>
      queueItems(buildQueue(statuses.map((s, i) => flag({ status: s, reporter: `r${i}` })), lookup))[0];
    expect(status('new', 'fixed')).toMatchObject({ status: 'fixed', statusCounts: { new: 1, fixed: 1, confirmed: 0, rejected: 0 } });
    expect(status('confirmed', 'new', 'rejected').status).toBe('confirmed');
    expect(status('rejected', 'new').status).toBe('new');
    expect(status('rejected', 'rejected').status).toBe('rejected');
  });

  it('lists suggestions by learners, ties to the newest report, and marks the one the corrected captions apply', () => {
    const flags = [
      flag({ reporter: 'a', suggestion: 'Plants make food.' }),
      flag({ reporter: 'b', suggestion: 'Plants made food.' }),
      flag({ reporter: 'c', suggestion: 'Plants make food!' }),
    ];
    const [item] = queueItems(buildQueue(flags, lookup));
    expect(item.suggestions.map((s) => s.text)).toEqual(['Plants make food!', 'Plants made food.', 'Plants make food.']);
    expect(item.applied).toBeNull();
    const confirmed = flags.map((f) => ({ ...f, status: 'confirmed' as const, updatedAt: 99 }));
    expect(queueItems(buildQueue(confirmed, lookup))[0].applied).toBe('Plants make food!');
    // Another kind on the same cue competes for the same line: only one item is applied.
    const other = flag({ reporter: 'd', kind: 'mistranslation', status: 'confirmed', suggestion: 'Plants make food!' });
    const both = queueItems(buildQueue([...confirmed, other], lookup));
    expect(both.map((i) => `${i.kind}:${i.applied}`)).toEqual(['wrong-words:null', 'mistranslation:Plants make food!']);
  });

  it('groups course → lecture → cue in reading order', () => {
    const flags = [
      flag({ lectureId: 'l3', trackId: 't3-en', language: 'en-GB' }),
      flag({ cueIndex: 9, start: 30, end: 32 }),
      flag({ cueIndex: 1, start: 2, end: 3 }),
      flag({ lectureId: 'l2', trackId: 't2-en' }),
    ];
    const groups = buildQueue(flags, lookup);
    expect(groups.map((g) => g.title)).toEqual(['Art history', 'Biology']);
    // Numeric order: Lecture 2 before Lecture 10.
    expect(groups[1].lectures.map((l) => l.title)).toEqual(['Lecture 2', 'Lecture 10']);
    expect(groups[1].lectures[1].cues.map((c) => c.cueIndex)).toEqual([1, 9]);
  });

  it('merges page problems and missing captions by kind and second', () => {
    const page = (over: Partial<FlagRecord>) => flag({ trackId: null, cueIndex: null, language: '', start: 0, end: 0, text: '', kind: 'broken-link', ...over });
    const flags = [
      page({ reporter: 'a' }),
      page({ reporter: 'b' }),
      page({ reporter: 'c', kind: 'wrong-lesson' }),
      flag({ cueIndex: null, start: 12.2, end: 12.2, kind: 'missing', reporter: 'a' }),
      flag({ cueIndex: null, start: 12.9, end: 12.9, kind: 'missing', reporter: 'b' }),
    ];
    const items = queueItems(buildQueue(flags, lookup));
    expect(items.map((i) => `${i.kind}:${i.count}`).sort()).toEqual(['broken-link:2', 'missing:2', 'wrong-lesson:1']);
  });

  it('shows flags for unknown lectures by their imported context', () => {
    const context = {
      site: 'coursera',
      courseTitle: 'Machine Learning',
      lectureKey: 'ml/week1/intro',
      lectureTitle: 'Welcome',
      lectureUrl: 'https://coursera.example/ml/intro',
      trackLabel: 'English',
      trackKind: 'captions',
    };
    const stranger = flag({ lectureId: 'l-unknown', trackId: 't-unknown', context });
    const groups = buildQueue([stranger, flag()], lookup);
    const ml = groups.find((g) => g.title === 'Machine Learning');
    expect(ml?.site).toBe('coursera');
    expect(ml?.lectures[0]).toMatchObject({ title: 'Welcome', url: 'https://coursera.example/ml/intro', known: false });
    expect(ml?.lectures[0].cues[0].items[0]).toMatchObject({ trackLabel: 'English', known: false, lectureTitle: 'Welcome' });
    // Nothing to say where it belongs: still listed, under an unnamed course.
    const lost = buildQueue([flag({ lectureId: 'gone', trackId: 'gone-t' })], lookup);
    expect(lost[0]).toMatchObject({ courseId: '', title: '' });
    expect(lost[0].lectures[0]).toMatchObject({ lectureId: 'gone', known: false });
  });

  it('filters by course, language (with regions), kind and status', () => {
    const flags = [
      flag({ reporter: 'a' }),
      flag({ trackId: 't1-es', language: 'es-419', kind: 'mistranslation' }),
      flag({ lectureId: 'l3', trackId: 't3-en', language: 'en-GB', status: 'confirmed' }),
      flag({ cueIndex: 5, start: 10, end: 11, status: 'fixed' }),
    ];
    const groups = buildQueue(flags, lookup);
    const count = (f: Parameters<typeof filterQueue>[1]) => queueItems(filterQueue(groups, f)).length;
    expect(count({})).toBe(4);
    expect(count({ courseId: 'c-art' })).toBe(1);
    expect(count({ language: 'en' })).toBe(3);
    expect(count({ language: 'es' })).toBe(1);
    expect(count({ language: 'EN-gb' })).toBe(1);
    expect(count({ kind: 'mistranslation' })).toBe(1);
    expect(count({ status: ['new', 'confirmed'] })).toBe(3);
    expect(count({ courseId: 'c-bio', status: 'fixed', language: 'en' })).toBe(1);
    // Empty branches are dropped.
    expect(filterQueue(groups, { courseId: 'c-art' }).map((g) => g.title)).toEqual(['Art history']);
    expect(filterQueue(groups, { kind: 'broken-link' })).toEqual([]);
    // The input is not changed.
    expect(queueItems(groups)).toHaveLength(4);
  });
});

describe('two learners, one volunteer', () => {
  async function learnerDb(): Promise<{ db: MoocMateDb; lectureId: string }> {
    const db = freshDb();
    const { lectureId } = await ingestTrack(db, captured(), 1000);
    return { db, lectureId };
  }

  it('the same problem from two learners is one item with count 2; another kind stays apart', async () => {
    const a = await learnerDb();
    const fa = await flagCaptionAt(a.db, { lectureId: a.lectureId, time: 2.5 }, 100);
    await editFlag(a.db, fa.id, { suggestion: 'This is called photosynthesis!' }, 101);
    const fa2 = await flagCaptionAt(a.db, { lectureId: a.lectureId, time: 2.5 }, 102);
    await editFlag(a.db, fa2.id, { kind: 'sync-late' }, 103);

    const b = await learnerDb();
    const fb = await flagCaptionAt(b.db, { lectureId: b.lectureId, time: 3 }, 200);
    await editFlag(b.db, fb.id, { suggestion: 'This is called photosynthesis!' }, 201);

    const volunteer = freshDb();
    await ingestTrack(volunteer, captured({ page: page({ lectureKey: 'other' }) }), 50);
    const fileA = JSON.stringify(await exportFlags(a.db, { reporterId: 'learner-a' }));
    const fileB = JSON.stringify(await exportFlags(b.db, { reporterId: 'learner-b' }));
    await importFlags(volunteer, fileA, { reporterId: 'volunteer' });
    await importFlags(volunteer, fileB, { reporterId: 'volunteer' });

    const build = async () =>
      buildQueue(await volunteer.flags.toArray(), {
        courses: await volunteer.courses.toArray(),
        lectures: await volunteer.lectures.toArray(),
        tracks: await volunteer.tracks.toArray(),
      });
    const groups = await build();
    const items = queueItems(groups);
    expect(items.map((i) => `${i.kind}:${i.count}`)).toEqual(['wrong-words:2', 'sync-late:1']);
    expect(items[0]).toMatchObject({
      reporters: ['learner-a', 'learner-b'],
      suggestions: [{ text: 'This is called photosynthesis!', count: 2 }],
      cueIndex: 1,
      lectureTitle: 'Lecture 1',
      courseTitle: 'Uni',
    });
    // The volunteer never watched Lecture 1: it is shown from the files' context.
    expect(groups[0].lectures[0].known).toBe(false);

    // Importing both files again changes nothing.
    const before = await volunteer.flags.orderBy('id').toArray();
    await importFlags(volunteer, fileA, { reporterId: 'volunteer' });
    await importFlags(volunteer, fileB, { reporterId: 'volunteer' });
    expect(await volunteer.flags.orderBy('id').toArray()).toEqual(before);
    expect(await build()).toEqual(groups);
  });
});

describe('four learners disagree, one volunteer confirms', () => {
  const MOST = 'This is called photosynthesis.';
  const FEW = 'This is cold photosynthesis.';

  async function learnerFile(reporterId: string, suggestion: string, t: number, id?: string): Promise<string> {
    const db = freshDb();
    const { lectureId } = await ingestTrack(db, captured(), 1);
    const f = await flagCaptionAt(db, { lectureId, time: 2.5 }, t);
    await editFlag(db, f.id, { suggestion }, t + 1);
    const file = await exportFlags(db, { reporterId });
    if (id) file.flags[0].id = id; // ids are random: fix the one a tie on ids would favour
    return JSON.stringify(file);
  }

  async function setUp() {
    const volunteer = freshDb();
    const { trackId } = await ingestTrack(volunteer, captured(), 1);
    for (const [who, s, t] of [['a', MOST, 100], ['b', MOST, 200], ['c', MOST, 300]] as const) await importFlags(volunteer, await learnerFile(who, s, t), { reporterId: 'v' });
    await importFlags(volunteer, await learnerFile('d', FEW, 400, '00000000-0000-4000-8000-000000000000'), { reporterId: 'v' });
    const item = async () =>
      queueItems(buildQueue(await volunteer.flags.toArray(), { courses: await volunteer.courses.toArray(), lectures: await volunteer.lectures.toArray(), tracks: await volunteer.tracks.toArray() }))[0];
    const corrected = async () => parseVtt(correctedCaptions(await loadCues(volunteer, trackId), await volunteer.flags.where('trackId').equals(trackId).toArray(), 'vtt')).cues[1].text;
    return { volunteer, item, corrected };
  }

  it('the corrected captions carry the suggestion the queue lists first', async () => {
    const { volunteer, item, corrected } = await setUp();
    const before = await item();
    expect(before.count).toBe(4);
    expect(before.suggestions).toEqual([{ text: MOST, count: 3 }, { text: FEW, count: 1 }]);
    // As the dashboard does: every flag of the item, in the same millisecond.
    const spy = vi.spyOn(Date, 'now').mockReturnValue(50_000);
    await Promise.all(before.flagIds.map((id) => setFlagStatus(volunteer, id, 'confirmed')));
    spy.mockRestore();
    expect(await corrected()).toBe(MOST);
    expect((await item()).applied).toBe(MOST);
  });

  it('the volunteer can pick the suggestion fewer learners made', async () => {
    const { volunteer, item, corrected } = await setUp();
    const { flagIds } = await item();
    await chooseSuggestion(volunteer, flagIds, FEW, 60_000);
    expect(await corrected()).toBe(FEW);
    const after = await item();
    expect(after).toMatchObject({ status: 'confirmed', applied: FEW, statusCounts: { confirmed: 1, rejected: 3, new: 0, fixed: 0 } });
    // Confirming the whole item again goes back to the suggestion most learners made.
    await Promise.all(flagIds.map((id) => setFlagStatus(volunteer, id, 'confirmed')));
    expect(await corrected()).toBe(MOST);
  });
});
