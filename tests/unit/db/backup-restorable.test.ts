import { describe, expect, it } from 'vitest';
import { exportBackup, importBackup, wipeAll } from '../../../src/db/backup';
import { ingestTrack } from '../../../src/captions/store';
import { prepareCuesFromFile } from '../../../src/captions/capture';
import { addWord } from '../../../src/glossary/store';
import { parseTags } from '../../../src/glossary/list';
import { dueEntries, gradeEntry, previewDue } from '../../../src/glossary/review';
import { keptTags, MAX_CUE_TEXT, MAX_NOTE_TEXT, MAX_TAGS, MAX_TAG_CHARS } from '../../../src/db/limits';
import { captured, freshDb } from '../helpers';

const DAY = 86_400_000;
const word = (term: string) => ({ term, sentence: `About ${term}.`, lectureId: null, trackId: null, cueIndex: null, time: null, pageUrl: '' });

/** "Delete all data", then import the backup just made: what a learner does to move or repair. */
async function restoreAfterWipe(db: ReturnType<typeof freshDb>) {
  const file = JSON.stringify(await exportBackup(db));
  await wipeAll(db);
  return importBackup(db, file);
}

describe('a backup MoocMate made imports back', () => {
  it('with captions from a file that has a line ending before it starts, and a line of 22,500 characters', async () => {
    const db = freshDb();
    const vtt = `WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nTypo in the file.\n\n00:00:06.000 --> 00:00:07.000\n${'word '.repeat(4500)}\n\n00:00:08.000 --> 00:00:09.000\nPlants make food.\n`;
    const prepared = prepareCuesFromFile(vtt, {});
    // The reversed line is skipped and the long one cut, and the learner is told.
    expect(prepared.status).toBe('partial');
    expect(prepared.error).toMatch(/0:05 ends before it starts/);
    expect(prepared.error).toMatch(/0:06 is very long/);
    expect(prepared.cues.map((c) => [c.index, c.text.length])).toEqual([
      [0, MAX_CUE_TEXT],
      [1, 17],
    ]);
    await ingestTrack(db, { ...captured(), ...prepared });
    await expect(restoreAfterWipe(db)).resolves.toBeDefined();
    expect(await db.cues.count()).toBe(2);
  });

  it('with the longest tags, notes and the most tags the glossary lets a learner write', async () => {
    const db = freshDb();
    const { entryId } = await addWord(db, { ...word('stomata'), meaning: 'm'.repeat(MAX_NOTE_TEXT + 50), notes: 'n'.repeat(MAX_NOTE_TEXT + 50), tags: ['t'.repeat(300)] });
    // The dashboard's tag box, and "Tag selected" three times with 50 new tags each.
    let tags = parseTags(`${'Biology 101 - Week 3 - '.repeat(10)}, exam`);
    for (let round = 0; round < 3; round++) tags = keptTags([...tags, ...parseTags(Array.from({ length: 50 }, (_, i) => `r${round}-t${i}`).join(','))]);
    await db.glossary.update(entryId, { tags });
    const kept = (await db.glossary.get(entryId))!;
    expect(kept.tags).toHaveLength(MAX_TAGS);
    expect(Math.max(...kept.tags.map((t) => t.length))).toBeLessThanOrEqual(MAX_TAG_CHARS);
    expect([kept.meaning.length, kept.notes.length]).toEqual([MAX_NOTE_TEXT, MAX_NOTE_TEXT]);
    await expect(restoreAfterWipe(db)).resolves.toBeDefined();
    expect((await db.glossary.get(entryId))!.tags).toEqual(kept.tags);
  });

  it('with what an older MoocMate kept beyond today’s limits: cut, not refused', async () => {
    const src = freshDb();
    const { trackId } = await ingestTrack(src, captured());
    await addWord(src, word('osmosis'));
    const backup = await exportBackup(src);
    const g = backup.data.glossary![0];
    Object.assign(g, { base: ' Osmosis', notes: 'n'.repeat(12_000), tags: Array.from({ length: 150 }, (_, i) => `tag ${i} ${'x'.repeat(120)}`) });
    const cue = backup.data.cues[0];
    Object.assign(cue, { start: 5, end: 1, text: 'y'.repeat(25_000), lectureId: 'some-other-lecture' });
    const db = freshDb();
    await importBackup(db, JSON.stringify(backup));
    const entry = (await db.glossary.toArray())[0];
    expect([entry.base, entry.notes.length, entry.tags.length, entry.tags[0].length]).toEqual(['osmosis', MAX_NOTE_TEXT, MAX_TAGS, MAX_TAG_CHARS]);
    // Adding the word again finds it under its base.
    expect((await addWord(db, word('osmosis'))).created).toBe(false);
    const line = (await db.cues.where('[trackId+index]').equals([trackId, 0]).first())!;
    expect([line.text.length, line.start, line.end]).toEqual([MAX_CUE_TEXT, 5, 1]);
    // A line's lecture is its track's, whatever the file said.
    expect(line.lectureId).toBe((await db.tracks.get(trackId))!.lectureId);
  });
});

describe('a word whose review state the scheduler refuses', () => {
  it('is still shown and graded: it starts again as new', async () => {
    const src = freshDb();
    await addWord(src, word('stomata'), Date.now() - 10 * DAY);
    const backup = await exportBackup(src);
    const now = Date.now();
    const g = backup.data.glossary![0];
    // A backup from a device whose clock ran ahead: the last review is in the future.
    g.card = { ...g.card, state: 2, stability: 3, difficulty: 5, reps: 3, due: now - DAY, lastReview: now + 2 * DAY };
    g.due = g.card.due;
    const db = freshDb();
    await importBackup(db, JSON.stringify(backup));
    const [entry] = await dueEntries(db, now);
    expect(() => previewDue(entry.card, now)).not.toThrow();
    const graded = await gradeEntry(db, entry.id, 3, now);
    expect(graded.card.due).toBeGreaterThan(now);
    expect(graded.card.lastReview).toBe(now);
  });
});
