import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { MoocMateDb } from '../../../src/db/schema';
import { ingestTrack, loadCues } from '../../../src/captions/store';
import { captured, freshDb } from '../helpers';
import { addWord } from '../../../src/glossary/store';

function shape(db: Dexie) {
  return Object.fromEntries(db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)]]));
}

const V1 = {
  courses: 'id, lastSeen',
  lectures: 'id, courseId, lastSeen',
  tracks: 'id, lectureId',
  cues: '[trackId+index], *terms',
};

describe('database schema', () => {
  it('has the tables and indexes docs/data-model.md lists', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(4);
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
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    // Version 1 exactly as it shipped, with example data written through it.
    const old = new Dexie(name);
    old.version(1).stores(V1);
    await old.open();
    const v1 = old as unknown as MoocMateDb;
    const r = await ingestTrack(v1, captured(), 1000);
    const before = { lectures: await old.table('lectures').toArray(), tracks: await old.table('tracks').toArray(), cues: await old.table('cues').toArray() };
    old.close();

    const db = new MoocMateDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    expect(await db.lectures.toArray()).toEqual(before.lectures);
    expect(await db.tracks.toArray()).toEqual(before.tracks);
    expect(await db.cues.toArray()).toEqual(before.cues);
    expect((await loadCues(db, r.trackId)).map((c) => c.text)).toHaveLength(3);
    expect(await db.flags.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 2 database (with flags) to version 3 (glossary) and on without losing anything', async () => {
    const name = `upgrade2-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    old.version(1).stores(V1);
    old.version(2).stores({ flags: 'id, lectureId, trackId, [trackId+cueIndex], status, updatedAt' });
    await old.open();
    const r = await ingestTrack(old as unknown as MoocMateDb, captured(), 1000);
    await old.table('flags').put({ id: 'f1', lectureId: r.lectureId, trackId: r.trackId, language: 'en', cueIndex: 0, start: 0, end: 1, text: 'x', kind: 'other', status: 'new', origin: 'learner', reporter: 'me', createdAt: 1, updatedAt: 1 });
    const before = Object.fromEntries(await Promise.all(['courses', 'lectures', 'tracks', 'cues', 'flags'].map(async (t) => [t, await old.table(t).toArray()])));
    old.close();

    const db = new MoocMateDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    for (const t of ['courses', 'lectures', 'tracks', 'cues', 'flags']) expect(await db.table(t).toArray()).toEqual(before[t]);
    expect(await db.glossary.count()).toBe(0);
    db.close();
  });

  it('upgrades a version 3 database (with a glossary word) to version 4 (duties) without losing anything', async () => {
    const name = `upgrade3-${Math.random().toString(36).slice(2)}`;
    // Version 3 exactly as it shipped, with example data written through it.
    const old = new Dexie(name);
    old.version(1).stores(V1);
    old.version(2).stores({ flags: 'id, lectureId, trackId, [trackId+cueIndex], status, updatedAt' });
    old.version(3).stores({ glossary: 'id, &base, due, courseId, lectureId, updatedAt, *tags' });
    await old.open();
    const v3 = old as unknown as MoocMateDb;
    const r = await ingestTrack(v3, captured(), 1000);
    await addWord(v3, { term: 'photosynthesis', sentence: 'This is called photosynthesis.', lectureId: r.lectureId, trackId: r.trackId, cueIndex: 1, time: 2, pageUrl: 'https://uni.example/l1.html', meaning: 'fotosíntesis' }, 2000);
    const tables = ['courses', 'lectures', 'tracks', 'cues', 'flags', 'glossary'];
    const before = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await old.table(t).toArray()])));
    expect(before.glossary).toHaveLength(1);
    old.close();

    const db = new MoocMateDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    for (const t of tables) expect(await db.table(t).toArray(), t).toEqual(before[t]);
    expect(await db.duties.count()).toBe(0);
    expect(await db.duties.where('status').equals('open').count()).toBe(0);
    db.close();
  });
});
