import { describe, expect, it } from 'vitest';
import { addWord, addWords, type NewWord } from '../../../src/glossary/store';
import { countDue, gradeEntry } from '../../../src/glossary/review';
import { ingestTrack } from '../../../src/captions/store';
import { captured, freshDb } from '../helpers';

const word = (over: Partial<NewWord> = {}): NewWord => ({
  term: 'running',
  sentence: 'The plant is running out of water.',
  lectureId: null,
  trackId: null,
  cueIndex: null,
  time: null,
  pageUrl: 'https://uni.example/l1.html',
  ...over,
});

describe('glossary store', () => {
  it('keeps the term, its base form, sentence, lecture, course and moment', async () => {
    const db = freshDb();
    const r = await ingestTrack(db, captured(), 1000);
    const res = await addWord(db, word({ lectureId: r.lectureId, trackId: r.trackId, cueIndex: 1, time: 2.5 }), 5000);
    expect(res.created).toBe(true);
    const e = (await db.glossary.get(res.entryId))!;
    expect(e).toMatchObject({ term: 'running', base: 'run', lectureId: r.lectureId, createdAt: 5000, due: 5000 });
    expect(e.courseId).toBe((await db.lectures.get(r.lectureId))!.courseId);
    expect(e.examples).toEqual([{ sentence: 'The plant is running out of water.', lectureId: r.lectureId, trackId: r.trackId, cueIndex: 1, time: 2.5, pageUrl: 'https://uni.example/l1.html', addedAt: 5000 }]);
  });

  it('adds another form of a word as a new example, not a new entry; the same sentence only once', async () => {
    const db = freshDb();
    const a = await addWord(db, word(), 1);
    const b = await addWord(db, word({ term: 'Ran', sentence: 'She ran.' }), 2);
    await addWord(db, word({ term: 'ran', sentence: 'She ran.' }), 3);
    expect(b).toEqual({ entryId: a.entryId, term: 'running', created: false });
    const all = await db.glossary.toArray();
    expect(all).toHaveLength(1);
    expect(all[0].examples.map((x) => x.sentence)).toEqual(['The plant is running out of water.', 'She ran.']);
  });

  it('refuses an empty or very long selection with a message, and stores nothing', async () => {
    const db = freshDb();
    await expect(addWord(db, word({ term: '  ...  ' }))).rejects.toThrow(/Select a word/);
    await expect(addWord(db, word({ term: 'one two three four five six seven eight nine' }))).rejects.toThrow(/too long/);
    await expect(addWords(db, [word({ term: 'fine' }), word({ term: 'x'.repeat(90) })])).rejects.toThrow(/too long/);
    expect(await db.glossary.count()).toBe(0);
  });

  it('counts characters written together (Chinese, Japanese) as one word for the length limit', async () => {
    const db = freshDb();
    for (const term of ['プログラミング言語', 'マサチューセッツ工科大学', '中华人民共和国宪法']) {
      await expect(addWord(db, word({ term, sentence: `…${term}…` }))).resolves.toMatchObject({ created: true });
    }
    // Still a phrase, not a paragraph: nine words apart, or more than 80 characters.
    await expect(addWord(db, word({ term: '光 合 作 用 的 过 程 很 长' }))).rejects.toMatchObject({ key: 'glossaryTooLong' });
    await expect(addWord(db, word({ term: '光'.repeat(81) }))).rejects.toMatchObject({ key: 'glossaryTooLong' });
  });

  it('stores RTL, CJK, emoji and HTML-looking terms exactly', async () => {
    const db = freshDb();
    for (const term of ['التمثيل الضوئي', '光合作用', '🌱 sprout', '<img src=x onerror=alert(1)>']) await addWord(db, word({ term, sentence: `… ${term} …` }));
    const terms = (await db.glossary.toArray()).map((e) => e.term).sort();
    expect((await db.glossary.toArray()).map((e) => e.base).sort()).toEqual(['<img src=x onerror=alert(1)>'.toLowerCase().replace(/[<=()>]/g, ' ').replace(/\s+/g, ' ').trim(), 'التمثيل الضوئي', '光合作用', '🌱 sprout'].sort());
    expect(terms).toEqual(['<img src=x onerror=alert(1)>', 'التمثيل الضوئي', '光合作用', '🌱 sprout'].sort());
  });

  it('schedules a word with FSRS when it is graded', async () => {
    const db = freshDb();
    const { entryId } = await addWord(db, word(), 1000);
    expect(await countDue(db, 1000)).toBe(1);
    const day = 86_400_000;
    const after = await gradeEntry(db, entryId, 3, 2000);
    expect(after.due).toBeGreaterThan(2000);
    expect(after.card.reps).toBe(1);
    const easy = await gradeEntry(db, entryId, 4, after.due);
    expect(easy.due - after.due).toBeGreaterThanOrEqual(day);
    expect(await countDue(db, 2000)).toBe(0);
  });
});
