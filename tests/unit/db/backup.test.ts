import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKUP_VERSION, BackupError, exportBackup, importBackup, validateBackup, wipeAll } from '../../../src/db/backup';
import { ingestTrack } from '../../../src/captions/store';
import type { MoocMateDb } from '../../../src/db/schema';
import { captured, freshDb, page } from '../helpers';
import { createFlag } from '../../../src/flags/store';
import { addWord } from '../../../src/glossary/store';
import { gradeEntry } from '../../../src/glossary/review';
import { applyReading, saveDuty } from '../../../src/duties/store';

async function seeded(): Promise<MoocMateDb> {
  const db = freshDb();
  const r = await ingestTrack(db, captured(), 1000);
  await ingestTrack(db, captured({ page: page({ lectureKey: 'l2', lectureTitle: 'Lecture 2' }) }), 2000);
  await createFlag(db, { lectureId: r.lectureId, trackId: r.trackId, language: 'en', cueIndex: 1, start: 2, end: 3.8, text: 'This is called photosynthesis.', kind: 'wrong-words', suggestion: 'This is called photosynthesis!' }, 3000);
  const w = await addWord(db, { term: 'photosynthesis', sentence: 'This is called photosynthesis.', lectureId: r.lectureId, trackId: r.trackId, cueIndex: 1, time: 2, pageUrl: 'https://uni.example/l1.html', meaning: 'fotosíntesis', tags: ['biology'] }, 4000);
  await gradeEntry(db, w.entryId, 3, 5000);
  await applyReading(db, {
    site: 'coursera', key: 'c/peer/x', course: 'C', title: 'Leaf essay', url: 'https://www.coursera.org/learn/c/peer/x', submitted: true,
    reviewsGiven: 1, reviewsRequired: 3, reviewsReceived: 0, reviewsNeeded: 3,
    submitDue: { text: 'Dec 3, 11:59 PM PST', lang: 'en' }, reviewDue: { text: 'December 6, 2026 at 11:59 PM PST', lang: 'en' },
  }, Date.parse('2026-11-28T10:00:00Z'));
  await saveDuty(db, { title: 'By hand', course: '', url: '', submissionUrl: '', forumUrl: '', submitted: false, reviewsGiven: 0, reviewsRequired: 2, reviewsReceived: null, reviewsNeeded: null, submitDue: null, reviewDue: { at: 1_800_000_000_000, text: 'x' } }, 4000, () => 'manual-1');
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
    duties: await db.duties.toArray(),
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
    expect(summary).toEqual({ courses: 1, lectures: 2, tracks: 2, cues: 6, flags: 1, glossary: 1, duties: 2, settings: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it("carries the learner's settings (version 5) and puts them back on import", async () => {
    fakeBrowser.reset();
    const settings = {
      uiLanguage: 'ar',
      firstLanguage: 'fa',
      lectureSettings: { overlay: true, overlaySize: 'large', overlayLift: 10, language: 'fa' },
      dutySettings: { offsetsHours: [24], adviceDays: 3, snoozeMinutes: 30 },
      maxCharsPerSecond: 17,
      reporterId: 'r-123',
    };
    await fakeBrowser.storage.local.set(settings);
    const db = await seeded();
    const backup = await exportBackup(db);
    expect(backup.version).toBe(5);
    expect(backup.settings).toEqual(settings);
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.local.set({ uiLanguage: 'ja', unrelated: 1 });
    const summary = await importBackup(db, JSON.stringify(backup));
    expect(summary.settings).toBe(6);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored).toMatchObject({ ...settings, unrelated: 1, lectureSettings: expect.objectContaining({ overlay: true, overlaySize: 'large', language: 'fa' }) });
  });

  it('a bad setting rejects the whole file: settings and data unchanged', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ uiLanguage: 'es' });
    const db = await seeded();
    const backup = await exportBackup(db);
    const before = await snapshot(db);
    for (const bad of [{ uiLanguage: 'klingon' }, { maxCharsPerSecond: 500 }, { firstLanguage: 'not a tag!' }, { somethingElse: true }]) {
      const file = JSON.stringify({ ...backup, settings: bad });
      await expect(importBackup(db, file)).rejects.toThrow(/settings/);
    }
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ uiLanguage: 'es' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('puts the settings back when the database cannot take the import', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ uiLanguage: 'es' });
    const db = await seeded();
    const backup = { ...(await exportBackup(db)), settings: { uiLanguage: 'ko' as const, firstLanguage: 'ko' } };
    const failing = Object.create(db) as MoocMateDb;
    failing.transaction = (() => Promise.reject(new Error('disk full'))) as never;
    await expect(importBackup(failing, JSON.stringify(backup))).rejects.toThrow('disk full');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ uiLanguage: 'es' });
  });

  it('reads a version 4 file (no settings) and leaves the settings alone', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ uiLanguage: 'es' });
    const db = await seeded();
    const { settings: _none, ...v4 } = { ...(await exportBackup(db)), version: 4 };
    expect((await importBackup(db, JSON.stringify(v4))).settings).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ uiLanguage: 'es' });
  });

  it('still reads a version 1 backup (made before flags existed)', async () => {
    const source = await seeded();
    const v2 = await exportBackup(source);
    const { flags: _none, glossary: _notYet, duties: _no, ...dataV1 } = v2.data;
    const target = freshDb();
    const summary = await importBackup(target, JSON.stringify({ ...v2, version: 1, data: dataV1 }));
    expect(summary).toMatchObject({ lectures: 2, cues: 6, flags: 0 });
    expect(await target.flags.count()).toBe(0);
  });

  it('still reads a version 2 backup (flags, no glossary)', async () => {
    const v3 = await exportBackup(await seeded());
    const { glossary: _notYet, duties: _no, ...dataV2 } = v3.data;
    const target = freshDb();
    const summary = await importBackup(target, JSON.stringify({ ...v3, version: 2, data: dataV2 }));
    expect(summary).toMatchObject({ flags: 1, glossary: 0, duties: 0 });
    expect(await target.glossary.count()).toBe(0);
  });

  it('still reads a version 3 backup (glossary, no duties)', async () => {
    const v4 = await exportBackup(await seeded());
    const { duties: _none, ...dataV3 } = v4.data;
    const target = freshDb();
    const summary = await importBackup(target, JSON.stringify({ ...v4, version: 3, data: dataV3 }));
    expect(summary).toMatchObject({ lectures: 2, flags: 1, glossary: 1, duties: 0 });
    expect(await target.duties.count()).toBe(0);
  });

  it('a bad duty rejects the whole file and writes nothing', async () => {
    const good = await exportBackup(await seeded());
    const bad = structuredClone(good);
    (bad.data.duties![0] as { reviewsGiven: unknown }).reviewsGiven = -1;
    const target = freshDb();
    await expect(importBackup(target, JSON.stringify(bad))).rejects.toThrow(/data\.duties\.0\.reviewsGiven/);
    expect(await target.lectures.count()).toBe(0);
    const twice = structuredClone(good);
    twice.data.duties = [good.data.duties![0], good.data.duties![0]];
    expect(reason(() => validateBackup(JSON.stringify(twice)))).toMatch(/^backupDuplicate: .*duty/);
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

  it('delete all also deletes the flags, the glossary and the duties', async () => {
    const db = await seeded();
    await wipeAll(db);
    expect(await db.flags.count()).toBe(0);
    expect(await db.glossary.count()).toBe(0);
    expect(await db.duties.count()).toBe(0);
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
