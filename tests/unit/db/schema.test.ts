import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { MoocMateDb } from '../../../src/db/schema';
import { ingestTrack, loadCues } from '../../../src/captions/store';
import { captured, cues, freshDb, page } from '../helpers';
import { addWord } from '../../../src/glossary/store';
import { searchTranscripts } from '../../../src/captions/search';
import { terms } from '../../../src/captions/terms';

function shape(db: Dexie) {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)]]));
}

const V1 = {
  courses: 'id, lastSeen',
  lectures: 'id, courseId, lastSeen',
  tracks: 'id, lectureId',
  cues: '[trackId+index], *terms',
};

/** Every version as it shipped, in order: an old database is opened with the first n. */
const SHIPPED: Record<string, string>[] = [
  V1,
  { flags: 'id, lectureId, trackId, [trackId+cueIndex], status, updatedAt' },
  { glossary: 'id, &base, due, courseId, lectureId, updatedAt, *tags' },
  { duties: 'id, status, updatedAt' },
];

/** A new database at an old version, exactly as it shipped, open. */
async function openShipped(version: number): Promise<{ name: string; old: Dexie }> {
  const name = `upgrade${version}-${Math.random().toString(36).slice(2)}`;
  const old = new Dexie(name);
  SHIPPED.slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores));
  await old.open();
  return { name, old };
}

describe('database schema', () => {
  it('has the tables and indexes docs/data-model.md lists', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(5);
    expect(shape(db)).toEqual({
      courses: ['id', 'lastSeen'],
      lectures: ['id', 'courseId', 'lastSeen'],
      tracks: ['id', 'lectureId'],
      cues: ['[trackId+index]', '*terms'],
      flags: ['id', 'lectureId', 'trackId', '[trackId+cueIndex]', 'status', 'updatedAt'],
      glossary: ['id', '&base', 'due', 'courseId', 'lectureId', 'updatedAt', '*tags'],
      duties: ['id', 'status', 'updatedAt'],
    });
    db.close();
  });

  it('upgrades a version 1 database without losing anything', async () => {
    // Version 1 exactly as it shipped, with example data written through it.
    const { name, old } = await openShipped(1);
    const v1 = old as unknown as MoocMateDb;
    const r = await ingestTrack(v1, captured(), 1000);
    const before = { lectures: await old.table('lectures').toArray(), tracks: await old.table('tracks').toArray(), cues: await old.table('cues').toArray() };
    old.close();

    const db = new MoocMateDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.lectures.toArray()).toEqual(before.lectures);
    expect(await db.tracks.toArray()).toEqual(before.tracks);
    expect(await db.cues.toArray()).toEqual(before.cues);
    expect((await loadCues(db, r.trackId)).map((c) => c.text)).toHaveLength(3);
    expect(await db.flags.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 2 database (with flags) to version 3 (glossary) and on without losing anything', async () => {
    const { name, old } = await openShipped(2);
    const r = await ingestTrack(old as unknown as MoocMateDb, captured(), 1000);
    await old.table('flags').put({ id: 'f1', lectureId: r.lectureId, trackId: r.trackId, language: 'en', cueIndex: 0, start: 0, end: 1, text: 'x', kind: 'other', status: 'new', origin: 'learner', reporter: 'me', createdAt: 1, updatedAt: 1 });
    const before = Object.fromEntries(await Promise.all(['courses', 'lectures', 'tracks', 'cues', 'flags'].map(async (t) => [t, await old.table(t).toArray()])));
    old.close();

    const db = new MoocMateDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    for (const t of ['courses', 'lectures', 'tracks', 'cues', 'flags']) expect(await db.table(t).toArray()).toEqual(before[t]);
    expect(await db.glossary.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 3 database (with a glossary word) to version 4 (duties) without losing anything', async () => {
    // Version 3 exactly as it shipped, with example data written through it.
    const { name, old } = await openShipped(3);
    const v3 = old as unknown as MoocMateDb;
    const r = await ingestTrack(v3, captured(), 1000);
    await addWord(v3, { term: 'photosynthesis', sentence: 'This is called photosynthesis.', lectureId: r.lectureId, trackId: r.trackId, cueIndex: 1, time: 2, pageUrl: 'https://uni.example/l1.html', meaning: 'fotosíntesis' }, 2000);
    const tables = ['courses', 'lectures', 'tracks', 'cues', 'flags', 'glossary'];
    const before = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await old.table(t).toArray()])));
    expect(before.glossary).toHaveLength(1);
    old.close();

    const db = new MoocMateDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    for (const t of tables) expect(await db.table(t).toArray(), t).toEqual(before[t]);
    expect(await db.duties.count()).toBe(0);
    expect(await db.duties.where('status').equals('open').count()).toBe(0);
    db.close();
  });

  it('upgrades a version 4 database to version 5: the terms of lines written without spaces are made anew, nothing else changes', async () => {
    // Version 4 exactly as it shipped, with cues whose terms are what version 4 stored
    // (Intl.Segmenter words for Chinese, a whole Thai line as one word).
    const { name, old } = await openShipped(4);
    const v4 = old as unknown as MoocMateDb;
    const english = await ingestTrack(v4, captured(), 1000);
    const other = await ingestTrack(v4, captured({ page: page({ lectureKey: 'l2', lectureTitle: 'Lecture 2' }), cues: cues(['从算筹到ENIAC', '我们今天要讲的题目是', 'ภาษาไทยง่ายมาก', 'Plain English here']) }), 1000);
    const v4Terms = [['从', '算', '筹到', 'eniac'], ['我们', '今天', '要', '讲的', '题目', '是'], ['ภาษาไทยง่ายมาก'], ['plain', 'english', 'here', 'left-as-stored']];
    await Promise.all(v4Terms.map((t, index) => old.table('cues').update([other.trackId, index], { terms: t })));
    await old.table('duties').put({ id: 'd1', status: 'open', updatedAt: 1 });
    const tables = ['courses', 'lectures', 'tracks', 'flags', 'glossary', 'duties'];
    const before = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await old.table(t).toArray()])));
    const cuesBefore = await old.table('cues').toArray();
    old.close();

    const db = new MoocMateDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    for (const t of tables) expect(await db.table(t).toArray(), t).toEqual(before[t]);
    const after = await db.cues.toArray();
    expect(after.map(({ terms: _t, ...rest }) => rest)).toEqual(cuesBefore.map(({ terms: _t, ...rest }) => rest));
    for (const cue of after) {
      const unchanged = cue.trackId === english.trackId || cue.text === 'Plain English here';
      expect(cue.terms, cue.text).toEqual(unchanged ? cuesBefore.find((c) => c.trackId === cue.trackId && c.index === cue.index)!.terms : terms(cue.text));
    }
    const hits = async (q: string) => (await searchTranscripts(db, q)).hits.map((h) => h.text);
    expect(await hits('算筹')).toEqual(['从算筹到ENIAC']);
    expect(await hits('讲')).toEqual(['我们今天要讲的题目是']);
    expect(await hits('ภาษา')).toEqual(['ภาษาไทยง่ายมาก']);
    expect(await hits('photosynthesis')).toEqual(['This is called photosynthesis.']);
    db.close();
  });
});
