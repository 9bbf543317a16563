import { describe, expect, it } from 'vitest';
import { exportFlags, FLAG_VERSION, FlagFileError, importFlags, validateFlagFile, type FlagFile } from '../../../src/flags/exchange';
import { createFlag, editFlag, flagCaptionAt } from '../../../src/flags/store';
import { deleteLecture, ingestTrack } from '../../../src/captions/store';
import { lectureIdFor, trackIdFor } from '../../../src/captions/ids';
import type { MoocMateDb } from '../../../src/db/schema';
import { captured, cues, freshDb, page } from '../helpers';

/** A learner who watched Lecture 1 and flagged line 1 ("This is called photosynthesis."). */
async function learner(suggestion = 'This is called photosynthesis!', now = 10_000) {
  const db = freshDb();
  const { lectureId, trackId } = await ingestTrack(db, captured(), 1000);
  const flag = await flagCaptionAt(db, { lectureId, time: 2.5 }, now);
  await editFlag(db, flag.id, { suggestion, note: 'Heard at 0:02' }, now + 1);
  return { db, lectureId, trackId, flagId: flag.id };
}

const flagsOf = (db: MoocMateDb) => db.flags.orderBy('id').toArray();

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FlagFileError) return `${e.key}: ${e.message}`;
    throw e;
  }
  throw new Error('expected a FlagFileError');
}

describe('flag export', () => {
  it('carries each flag with the context another browser needs, own flags under the learner id', async () => {
    const { db, flagId, lectureId, trackId } = await learner();
    const file = await exportFlags(db, { reporterId: 'learner-a' }, new Date('2026-12-01T10:00:00Z'));
    expect(file).toMatchObject({ format: 'moocmate-flags', version: FLAG_VERSION, exportedAt: '2026-12-01T10:00:00.000Z', reporter: 'learner-a' });
    expect(file.flags).toEqual([
      {
        id: flagId,
        kind: 'wrong-words',
        status: 'new',
        text: 'This is called photosynthesis.',
        suggestion: 'This is called photosynthesis!',
        note: 'Heard at 0:02',
        start: 2,
        end: 3.8,
        cueIndex: 1,
        language: 'en',
        origin: 'learner',
        reporter: 'learner-a',
        createdAt: 10_000,
        updatedAt: 10_001,
        context: {
          site: 'html5',
          courseTitle: 'Uni',
          lectureKey: 'https://uni.example/media/l1.webm',
          lectureTitle: 'Lecture 1',
          lectureUrl: 'https://uni.example/l1.html',
          trackLabel: 'English',
          trackKind: 'captions',
        },
      },
    ]);
    // Ids are not in the file: they are derived again from the context on import.
    expect(lectureIdFor('html5', file.flags[0].context.lectureKey)).toBe(lectureId);
    expect(trackIdFor(lectureId, 'captions', 'en', 'English')).toBe(trackId);
    expect(validateFlagFile(JSON.stringify(file))).toEqual(file);
  });

  it('exports only the lectures asked for, and leaves out flags it cannot place', async () => {
    const { db } = await learner();
    const other = await ingestTrack(db, captured({ page: page({ lectureKey: 'l2', lectureTitle: 'Lecture 2' }) }), 2000);
    await flagCaptionAt(db, { lectureId: other.lectureId, time: 0.5 }, 20_000);
    expect((await exportFlags(db, { reporterId: 'a' })).flags).toHaveLength(2);
    const one = await exportFlags(db, { reporterId: 'a', lectureIds: [other.lectureId] });
    expect(one.flags.map((f) => f.context.lectureTitle)).toEqual(['Lecture 2']);
    await deleteLecture(db, other.lectureId);
    expect((await exportFlags(db, { reporterId: 'a' })).flags.map((f) => f.context.lectureTitle)).toEqual(['Lecture 1']);
  });

  it('refuses to export without a real learner id', async () => {
    const { db } = await learner();
    await expect(exportFlags(db, { reporterId: 'me' })).rejects.toThrow();
    await expect(exportFlags(db, { reporterId: '' })).rejects.toThrow();
  });
});

describe('flag import', () => {
  it('adds the flags on the same lecture and track here, with the reporter kept', async () => {
    const a = await learner();
    const file = JSON.stringify(await exportFlags(a.db, { reporterId: 'learner-a' }));
    const volunteer = freshDb();
    await ingestTrack(volunteer, captured(), 5000);
    expect(await importFlags(volunteer, file, { reporterId: 'volunteer' })).toEqual({ added: 1, updated: 0, unchanged: 0, unknownLectures: 0 });
    const [flag] = await flagsOf(volunteer);
    expect(flag).toMatchObject({ id: a.flagId, lectureId: a.lectureId, trackId: a.trackId, cueIndex: 1, reporter: 'learner-a' });
    // The lecture is known here: our tables describe it, no context is stored.
    expect(flag.context).toBeUndefined();
    expect(await volunteer.flags.where('[trackId+cueIndex]').equals([a.trackId, 1]).count()).toBe(1);
  });

  it('importing the same file twice changes nothing', async () => {
    const a = await learner();
    await createFlag(a.db, { lectureId: a.lectureId, trackId: null, language: '', cueIndex: null, start: 0, end: 0, text: '', kind: 'broken-link', note: 'Slides link 404' }, 30_000);
    const file = JSON.stringify(await exportFlags(a.db, { reporterId: 'learner-a' }));
    const volunteer = freshDb();
    await ingestTrack(volunteer, captured(), 5000);
    expect(await importFlags(volunteer, file, { reporterId: 'v' })).toEqual({ added: 2, updated: 0, unchanged: 0, unknownLectures: 0 });
    const once = await flagsOf(volunteer);
    expect(await importFlags(volunteer, file, { reporterId: 'v' })).toEqual({ added: 0, updated: 0, unchanged: 2, unknownLectures: 0 });
    expect(await volunteer.flags.count()).toBe(2);
    expect(await flagsOf(volunteer)).toEqual(once);
    expect(once.find((f) => f.kind === 'broken-link')).toMatchObject({ trackId: null, cueIndex: null });
  });

  it('a newer updatedAt wins; an older file does not undo a later change', async () => {
    const a = await learner();
    const older = JSON.stringify(await exportFlags(a.db, { reporterId: 'learner-a' }));
    await editFlag(a.db, a.flagId, { suggestion: 'This is called photo-synthesis.' }, 50_000);
    const newer = JSON.stringify(await exportFlags(a.db, { reporterId: 'learner-a' }));
    const volunteer = freshDb();
    await importFlags(volunteer, older, { reporterId: 'v' });
    expect(await importFlags(volunteer, newer, { reporterId: 'v' })).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect((await volunteer.flags.get(a.flagId))?.suggestion).toBe('This is called photo-synthesis.');
    // The volunteer confirms it later; the learner's older file must not undo that.
    await editFlag(volunteer, a.flagId, { status: 'confirmed' }, 60_000);
    expect(await importFlags(volunteer, newer, { reporterId: 'v' })).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await volunteer.flags.get(a.flagId))?.status).toBe('confirmed');
  });

  it("a learner's newer file brings their edits but keeps the volunteer's status", async () => {
    const a = await learner();
    const volunteer = freshDb();
    await importFlags(volunteer, JSON.stringify(await exportFlags(a.db, { reporterId: 'learner-a' })), { reporterId: 'v' });
    for (const status of ['confirmed', 'rejected', 'fixed'] as const) {
      await editFlag(volunteer, a.flagId, { status }, 60_000);
      // The learner fixes a typo in the note the next day, and sends the file again ('new' in it).
      const next = 90_000 + status.length;
      await editFlag(a.db, a.flagId, { note: `Heard at 0:02 (${status})` }, next);
      expect(await importFlags(volunteer, JSON.stringify(await exportFlags(a.db, { reporterId: 'learner-a' })), { reporterId: 'v' })).toMatchObject({ updated: 1 });
      expect(await volunteer.flags.get(a.flagId)).toMatchObject({ status, note: `Heard at 0:02 (${status})`, updatedAt: next });
    }
  });

  it('a newer file whose status is further along brings it: new < confirmed = rejected < fixed', async () => {
    const a = await learner();
    const learnerFile = JSON.stringify(await exportFlags(a.db, { reporterId: 'learner-a' }));
    const relay = async (status: 'confirmed' | 'rejected' | 'fixed', at: number) => {
      const other = freshDb();
      await importFlags(other, learnerFile, { reporterId: 'v2' });
      await editFlag(other, a.flagId, { status }, at);
      return JSON.stringify(await exportFlags(other, { reporterId: 'v2' }));
    };
    const here = freshDb();
    const statusHere = async () => (await here.flags.get(a.flagId))?.status;
    await importFlags(here, learnerFile, { reporterId: 'v' });
    await importFlags(here, await relay('confirmed', 20_000), { reporterId: 'v' });
    expect(await statusHere()).toBe('confirmed');
    // Another volunteer's rejection does not overturn this one's confirmation…
    await importFlags(here, await relay('rejected', 30_000), { reporterId: 'v' });
    expect(await statusHere()).toBe('confirmed');
    // …but the line being fixed is news.
    await importFlags(here, await relay('fixed', 40_000), { reporterId: 'v' });
    expect(await statusHere()).toBe('fixed');
  });

  it("maps the learner's own id back to 'me', and 'me' out to the learner's id", async () => {
    const a = await learner();
    const file = JSON.stringify(await exportFlags(a.db, { reporterId: 'learner-a' }));
    const elsewhere = freshDb();
    await importFlags(elsewhere, file, { reporterId: 'learner-a' });
    expect((await elsewhere.flags.get(a.flagId))?.reporter).toBe('me');
    // A volunteer relaying someone else's flags keeps that learner's id.
    const relay = freshDb();
    await importFlags(relay, file, { reporterId: 'volunteer' });
    const again = await exportFlags(relay, { reporterId: 'volunteer' });
    expect(again.reporter).toBe('volunteer');
    expect(again.flags[0].reporter).toBe('learner-a');
  });

  it('keeps flags for a lecture this browser never saw, with their context, and exports them again', async () => {
    const a = await learner();
    const file = JSON.stringify(await exportFlags(a.db, { reporterId: 'learner-a' }));
    const empty = freshDb();
    expect(await importFlags(empty, file, { reporterId: 'v' })).toEqual({ added: 1, updated: 0, unchanged: 0, unknownLectures: 1 });
    const [flag] = await flagsOf(empty);
    expect(flag.lectureId).toBe(a.lectureId);
    expect(flag.trackId).toBe(a.trackId);
    expect(flag.context).toEqual({
      site: 'html5',
      courseTitle: 'Uni',
      lectureKey: 'https://uni.example/media/l1.webm',
      lectureTitle: 'Lecture 1',
      lectureUrl: 'https://uni.example/l1.html',
      trackLabel: 'English',
      trackKind: 'captions',
    });
    const relayed = await exportFlags(empty, { reporterId: 'v' });
    expect(relayed.flags[0].context).toEqual(flag.context);
  });

  it('relayed by a volunteer who has the lecture but not its track, a flag still names the track', async () => {
    // The learner flags the Spanish track; the volunteer captured only the English one.
    const spanish = captured({
      track: { kind: 'subtitles', label: 'Español', language: 'es', source: 'track-file', url: 'https://uni.example/l1.es.vtt' },
      cues: cues(['Las plantas hacen comida.', 'Esto se llama fotosintessis.', 'Las hojas tienen clorofila.']),
    });
    const learnerDb = freshDb();
    const l = await ingestTrack(learnerDb, spanish, 1);
    const flag = await flagCaptionAt(learnerDb, { lectureId: l.lectureId, time: 2.5, language: 'es' }, 100);
    await editFlag(learnerDb, flag.id, { suggestion: 'Esto se llama fotosíntesis.' }, 101);

    const relay = freshDb();
    await ingestTrack(relay, captured(), 1);
    await importFlags(relay, JSON.stringify(await exportFlags(learnerDb, { reporterId: 'learner-a' })), { reporterId: 'v1' });
    expect((await relay.flags.get(flag.id))?.context).toMatchObject({ trackLabel: 'Español', trackKind: 'subtitles' });
    const relayed = await exportFlags(relay, { reporterId: 'v1' });
    expect(relayed.flags[0].context).toMatchObject({ lectureTitle: 'Lecture 1', trackLabel: 'Español', trackKind: 'subtitles' });

    // The next volunteer has the Spanish track: the flag lands on it.
    const next = freshDb();
    const { trackId } = await ingestTrack(next, spanish, 1);
    await importFlags(next, JSON.stringify(relayed), { reporterId: 'v2' });
    expect(await next.flags.get(flag.id)).toMatchObject({ trackId, cueIndex: 1 });
    expect((await next.flags.get(flag.id))?.context).toBeUndefined();
  });

  describe('a learner whose YouTube speaks another language (track names are localized)', () => {
    const yt = (label: string, url = 'https://www.youtube.com/api/timedtext?v=OEoXaMPEzfM&lang=en&kind=asr') =>
      captured({
        page: page({ site: 'youtube', courseKey: 'PL123', lectureKey: 'OEoXaMPEzfM', lectureUrl: 'https://www.youtube.com/watch?v=OEoXaMPEzfM' }),
        track: { kind: 'captions', label, language: 'en', source: 'track-file', url },
      });
    async function frenchLearnerFile() {
      const db = freshDb();
      const { lectureId } = await ingestTrack(db, yt('Anglais (générés automatiquement)'), 1);
      const flag = await flagCaptionAt(db, { lectureId, time: 2.5 }, 100);
      await editFlag(db, flag.id, { suggestion: 'This is called photosynthesis!' }, 101);
      return { flagId: flag.id, file: JSON.stringify(await exportFlags(db, { reporterId: 'learner-fr' })) };
    }

    it('lands on the one track of that kind and language here, whatever its name', async () => {
      const { flagId, file } = await frenchLearnerFile();
      const volunteer = freshDb();
      const { trackId } = await ingestTrack(volunteer, yt('English (auto-generated)'), 1);
      await importFlags(volunteer, file, { reporterId: 'v' });
      const flag = await volunteer.flags.get(flagId);
      expect(flag).toMatchObject({ trackId, cueIndex: 1 });
      expect(flag?.context).toBeUndefined();
      // Exported again, it carries this browser's name of the track.
      expect((await exportFlags(volunteer, { reporterId: 'v' })).flags[0].context.trackLabel).toBe('English (auto-generated)');
    });

    it('with several tracks of that kind and language, the label decides, and no match is not a guess', async () => {
      const volunteer = freshDb();
      const manual = await ingestTrack(volunteer, yt('English', 'https://www.youtube.com/api/timedtext?v=OEoXaMPEzfM&lang=en'), 1);
      const auto = await ingestTrack(volunteer, yt('English (auto-generated)'), 1);
      expect(manual.trackId).not.toBe(auto.trackId);
      const english = await learner('This is called photosynthesis!');
      const file = await exportFlags(english.db, { reporterId: 'learner-en' });
      file.flags[0].context = { ...file.flags[0].context, site: 'youtube', lectureKey: 'OEoXaMPEzfM', trackLabel: 'English (auto-generated)' };
      await importFlags(volunteer, JSON.stringify(file), { reporterId: 'v' });
      expect((await volunteer.flags.get(english.flagId))?.trackId).toBe(auto.trackId);

      const french = await frenchLearnerFile();
      await importFlags(volunteer, french.file, { reporterId: 'v' });
      const flag = await volunteer.flags.get(french.flagId);
      expect([manual.trackId, auto.trackId]).not.toContain(flag?.trackId);
      expect(flag?.context?.trackLabel).toBe('Anglais (générés automatiquement)');
    });
  });

  it('rejects empty, truncated, foreign, newer and invalid files with their key', async () => {
    const a = await learner();
    const good = await exportFlags(a.db, { reporterId: 'learner-a' });
    const text = JSON.stringify(good);
    const edited = (change: (f: FlagFile) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return JSON.stringify(copy);
    };
    expect(reason(() => validateFlagFile('  '))).toMatch(/^flagFileEmpty/);
    expect(reason(() => validateFlagFile(text.slice(0, text.length - 20)))).toMatch(/^flagFileNotJson: .*cut off/);
    expect(reason(() => validateFlagFile('{"hello": "world"}'))).toMatch(/^flagFileNotOurs/);
    expect(reason(() => validateFlagFile('[{"format": "moocmate-flags"}]'))).toMatch(/^flagFileNotOurs/);
    expect(reason(() => validateFlagFile('null'))).toMatch(/^flagFileNotOurs/);
    expect(reason(() => validateFlagFile('{"format": "moocmate-backup", "version": 1}'))).toMatch(/^flagFileIsBackup/);
    expect(reason(() => validateFlagFile(JSON.stringify({ ...good, version: 2 })))).toMatch(/^flagFileNewer: .*format 2/);
    expect(reason(() => validateFlagFile(edited((f) => ((f.flags[0] as { kind: string }).kind = 'bogus'))))).toMatch(/^flagFileInvalid: .*flags\.0\.kind/);
    expect(reason(() => validateFlagFile(edited((f) => ((f.flags[0] as { start: unknown }).start = 'soon'))))).toMatch(/^flagFileInvalid: .*flags\.0\.start/);
    expect(reason(() => validateFlagFile(edited((f) => ((f.flags[0].context as { lectureKey: string }).lectureKey = ''))))).toMatch(/^flagFileInvalid: .*flags\.0\.context\.lectureKey/);
    expect(reason(() => validateFlagFile(edited((f) => ((f.flags[0] as Record<string, unknown>).evil = '<script>'))))).toMatch(/^flagFileInvalid/);
    expect(reason(() => validateFlagFile(edited((f) => (f.flags[0].reporter = 'me'))))).toMatch(/^flagFileInvalid: .*flags\.0\.reporter/);
    expect(reason(() => validateFlagFile(edited((f) => f.flags.push(f.flags[0]))))).toMatch(/^flagFileDuplicate/);
    expect(reason(() => validateFlagFile(edited((f) => (f.flags[0].end = 1))))).toMatch(/^flagFileBadTiming: .*flags\.0/);
    const err = (() => {
      try {
        validateFlagFile(JSON.stringify({ ...good, version: 7 }));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FlagFileError);
    expect((err as FlagFileError).subs).toEqual(['7']);
  });

  it('writes nothing when any record of the file is rejected', async () => {
    const a = await learner();
    await flagCaptionAt(a.db, { lectureId: a.lectureId, time: 4.5 }, 40_000);
    const good = await exportFlags(a.db, { reporterId: 'learner-a' });
    const volunteer = freshDb();
    await ingestTrack(volunteer, captured(), 5000);
    const mine = await flagCaptionAt(volunteer, { lectureId: a.lectureId, time: 0.5 }, 1);
    const before = await flagsOf(volunteer);
    const bad = structuredClone(good);
    (bad.flags[1] as { status: string }).status = 'done';
    await expect(importFlags(volunteer, JSON.stringify(bad), { reporterId: 'v' })).rejects.toBeInstanceOf(FlagFileError);
    const text = JSON.stringify(good);
    await expect(importFlags(volunteer, text.slice(0, text.length / 2), { reporterId: 'v' })).rejects.toMatchObject({ key: 'flagFileNotJson' });
    expect(await flagsOf(volunteer)).toEqual(before);
    expect(before.map((f) => f.id)).toEqual([mine.id]);
  });
});
