import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, BackupError, exportBackup, importBackup, validateBackup, wipeAll } from '../../../src/db/backup';
import { ingestTrack } from '../../../src/captions/store';
import type { MoocMateDb } from '../../../src/db/schema';
import { captured, freshDb, page } from '../helpers';
import { createFlag } from '../../../src/flags/store';
import { addWord } from '../../../src/glossary/store';
import { gradeEntry } from '../../../src/glossary/review';

async function seeded(): Promise<MoocMateDb> {
  const db = freshDb();
  const r = await ingestTrack(db, captured(), 1000);
  await ingestTrack(db, captured({ page: page({ lectureKey: 'l2', lectureTitle: 'Lecture 2' }) }), 2000);
  await createFlag(db, { lectureId: r.lectureId, trackId: r.trackId, language: 'en', cueIndex: 1, start: 2, end: 3.8, text: 'This is called photosynthesis.', kind: 'wrong-words', suggestion: 'This is called photosynthesis!' }, 3000);
  const w = await addWord(db, { term: 'photosynthesis', sentence: 'This is called photosynthesis.', lectureId: r.lectureId, trackId: r.trackId, cueIndex: 1, time: 2, pageUrl: 'https://uni.example/l1.html', meaning: 'fotosíntesis', tags: ['biology'] }, 4000);
  await gradeEntry(db, w.entryId, 3, 5000);
  return db;
}

async function snapshot(db: MoocMateDb) {
  return {
    courses: await db.courses.toArray(),
    lectures: await db.lectures.toArray(),
    tracks: await db.tracks.toArray(),
    cues: await db.cues.toArray(),
    flags: await db.flags.toArray(),
    glossary: await db.glossary.toArray(),
  };
}

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof BackupError) return `${e.key}: ${e.message}`;
    throw e;
  }
  throw new Error('expected a BackupError');
}

describe('backup', () => {
  it('export, wipe, import gives back exactly the same data (search terms rebuilt)', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const file = JSON.stringify(await exportBackup(db, new Date('2026-11-28T10:00:00Z')));
    await wipeAll(db);
    expect(await db.cues.count()).toBe(0);
    const summary = await importBackup(db, file);
    expect(summary).toEqual({ courses: 1, lectures: 2, tracks: 2, cues: 6, flags: 1, glossary: 1 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('still reads a version 1 backup (made before flags existed)', async () => {
    const source = await seeded();
    const v2 = await exportBackup(source);
    const { flags: _none, glossary: _notYet, ...dataV1 } = v2.data;
    const target = freshDb();
    const summary = await importBackup(target, JSON.stringify({ ...v2, version: 1, data: dataV1 }));
    expect(summary).toMatchObject({ lectures: 2, cues: 6, flags: 0 });
    expect(await target.flags.count()).toBe(0);
  });

  it('still reads a version 2 backup (flags, no glossary)', async () => {
    const v3 = await exportBackup(await seeded());
    const { glossary: _notYet, ...dataV2 } = v3.data;
    const target = freshDb();
    const summary = await importBackup(target, JSON.stringify({ ...v3, version: 2, data: dataV2 }));
    expect(summary).toMatchObject({ flags: 1, glossary: 0 });
    expect(await target.glossary.count()).toBe(0);
  });

  it('refuses a glossary word with a bad field or the same base form twice, writing nothing', async () => {
    const good = await exportBackup(await seeded());
    const word = good.data.glossary![0];
    const target = freshDb();
    const bad = { ...good, data: { ...good.data, glossary: [{ ...word, card: { ...word.card, state: 7 } }] } };
    await expect(importBackup(target, JSON.stringify(bad))).rejects.toThrow(/data\.glossary\.0\.card\.state/);
    const twice = { ...good, data: { ...good.data, glossary: [word, { ...word, id: 'other' }] } };
    await expect(importBackup(target, JSON.stringify(twice))).rejects.toThrow(/twice/);
    expect(await target.lectures.count()).toBe(0);
    expect(await target.glossary.count()).toBe(0);
  });

  it('delete all also deletes the flags and the glossary', async () => {
    const db = await seeded();
    await wipeAll(db);
    expect(await db.flags.count()).toBe(0);
    expect(await db.glossary.count()).toBe(0);
  });

  it('does not export the derived search terms', async () => {
    const backup = await exportBackup(await seeded());
    expect(backup.format).toBe('moocmate-backup');
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(Object.keys(backup.data.cues[0])).not.toContain('terms');
  });

  it('rejects foreign, truncated, newer and inconsistent files with a clear reason', async () => {
    const good = await exportBackup(await seeded());
    const text = JSON.stringify(good);
    expect(reason(() => validateBackup(''))).toMatch(/^backupEmpty/);
    expect(reason(() => validateBackup(text.slice(0, text.length / 2)))).toMatch(/^backupNotJson: .*cut off/);
    expect(reason(() => validateBackup('{"hello": "world"}'))).toMatch(/^backupNotOurs/);
    expect(reason(() => validateBackup('[1,2,3]'))).toMatch(/^backupNotOurs/);
    expect(reason(() => validateBackup(JSON.stringify({ ...good, version: 99 })))).toMatch(/^backupNewer: .*format 99/);
    const badCue = structuredClone(good);
    (badCue.data.cues[0] as { start: unknown }).start = 'soon';
    expect(reason(() => validateBackup(JSON.stringify(badCue)))).toMatch(/^backupInvalid: .*data\.cues\.0\.start/);
    const lostLines = structuredClone(good);
    lostLines.data.cues.pop();
    expect(reason(() => validateBackup(JSON.stringify(lostLines)))).toMatch(/^backupCountMismatch: .*should have 3 lines but the backup has 2/);
    const orphan = structuredClone(good);
    orphan.data.courses = [];
    expect(reason(() => validateBackup(JSON.stringify(orphan)))).toMatch(/^backupMissingParent/);
    const twice = structuredClone(good);
    twice.data.lectures.push(twice.data.lectures[0]);
    expect(reason(() => validateBackup(JSON.stringify(twice)))).toMatch(/^backupDuplicate/);
    const extra = structuredClone(good) as unknown as { data: { tracks: Array<Record<string, unknown>> } };
    extra.data.tracks[0].evil = '<script>';
    expect(reason(() => validateBackup(JSON.stringify(extra)))).toMatch(/^backupInvalid/);
  });

  it('writes nothing when a file is rejected', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const good = await exportBackup(db);
    const bad = structuredClone(good);
    bad.data.tracks[1].cueCount = 99;
    await expect(importBackup(db, JSON.stringify(bad))).rejects.toBeInstanceOf(BackupError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('merges into existing data: other lectures stay', async () => {
    const source = await seeded();
    const file = JSON.stringify(await exportBackup(source));
    const target = freshDb();
    await ingestTrack(target, captured({ page: page({ lectureKey: 'mine', lectureTitle: 'Mine' }) }));
    await importBackup(target, file);
    expect((await target.lectures.toArray()).map((l) => l.title).sort()).toEqual(['Lecture 1', 'Lecture 2', 'Mine']);
  });
});
