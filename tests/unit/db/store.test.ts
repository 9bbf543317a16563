import { describe, expect, it } from 'vitest';
import { ingestTrack, loadCues, deleteLecture } from '../../../src/captions/store';
import { captured, cues, freshDb, page } from '../helpers';

describe('ingestTrack', () => {
  it('stores course, lecture, track and cues with search terms', async () => {
    const db = freshDb();
    const r = await ingestTrack(db, captured(), 1000);
    expect(r).toMatchObject({ cueCount: 3, status: 'ok', unchanged: false });
    expect(await db.courses.count()).toBe(1);
    const lecture = await db.lectures.get(r.lectureId);
    expect(lecture).toMatchObject({ title: 'Lecture 1', firstSeen: 1000, lastSeen: 1000 });
    const stored = await loadCues(db, r.trackId);
    expect(stored.map((c) => c.text)).toEqual(['Plants make food from light.', 'This is called photosynthesis.', 'Leaves hold chlorophyll.']);
    expect(stored[1].terms).toEqual(['this', 'is', 'called', 'photosynthesis']);
  });

  it('is idempotent: the same track twice writes no new cues and keeps first-seen', async () => {
    const db = freshDb();
    const first = await ingestTrack(db, captured(), 1000);
    const again = await ingestTrack(db, captured(), 2000);
    expect(again.unchanged).toBe(true);
    expect(await db.cues.count()).toBe(3);
    expect(await db.tracks.count()).toBe(1);
    const lecture = await db.lectures.get(first.lectureId);
    expect(lecture).toMatchObject({ firstSeen: 1000, lastSeen: 2000 });
  });

  it('replaces changed cues of a track without leaving old ones behind', async () => {
    const db = freshDb();
    const r = await ingestTrack(db, captured());
    await ingestTrack(db, captured({ cues: cues(['Only one line now.']) }));
    expect((await loadCues(db, r.trackId)).map((c) => c.text)).toEqual(['Only one line now.']);
    expect(await db.cues.count()).toBe(1);
  });

  it('never erases good cues with a failed capture (nothing lost)', async () => {
    const db = freshDb();
    const r = await ingestTrack(db, captured());
    const failed = await ingestTrack(db, captured({ cues: [], status: 'error', error: 'Could not load the caption file (the server answered 403).' }));
    expect(failed).toMatchObject({ unchanged: true, status: 'ok', cueCount: 3 });
    expect(await loadCues(db, r.trackId)).toHaveLength(3);
  });

  it('keeps data from a caption file over text scraped from the page', async () => {
    const db = freshDb();
    const r = await ingestTrack(db, captured());
    await ingestTrack(db, captured({ track: { kind: 'captions', label: 'English', language: 'en', source: 'on-screen' }, cues: cues(['scraped']) }));
    expect((await loadCues(db, r.trackId))[0].text).toBe('Plants make food from light.');
  });

  it('keeps lectures apart: other tracks and lectures are untouched by a failing one', async () => {
    const db = freshDb();
    const good = await ingestTrack(db, captured());
    const other = page({ lectureKey: 'https://uni.example/media/l2.webm', lectureTitle: 'Lecture 2' });
    const bad = await ingestTrack(db, captured({ page: other, cues: [], status: 'error', error: 'The caption file is empty.' }));
    expect(bad).toMatchObject({ status: 'error', cueCount: 0 });
    expect((await db.tracks.get(bad.trackId))?.error).toBe('The caption file is empty.');
    expect(await loadCues(db, good.trackId)).toHaveLength(3);
  });

  it('rolls back the whole track when a write fails part way (a stopped worker leaves the old state)', async () => {
    const db = freshDb();
    const r = await ingestTrack(db, captured());
    // The old cues are deleted and new ones written when the "worker" dies on the second cue.
    let written = 0;
    db.cues.hook('creating', () => {
      if (++written === 2) throw new Error('worker stopped');
    });
    await expect(ingestTrack(db, captured({ cues: cues(['new one', 'new two', 'new three']) }))).rejects.toThrow('worker stopped');
    const kept = await loadCues(db, r.trackId);
    expect(kept.map((c) => c.text)).toEqual(['Plants make food from light.', 'This is called photosynthesis.', 'Leaves hold chlorophyll.']);
    expect((await db.tracks.get(r.trackId))?.cueCount).toBe(3);
  });

  it('deletes a lecture with its tracks and cues', async () => {
    const db = freshDb();
    const r = await ingestTrack(db, captured());
    await deleteLecture(db, r.lectureId);
    expect(await db.lectures.count()).toBe(0);
    expect(await db.tracks.count()).toBe(0);
    expect(await db.cues.count()).toBe(0);
  });
});

describe('sources', () => {
  it('data from the platform replaces a transcript read from the panel, whatever their labels', async () => {
    const db = freshDb();
    const panel = await ingestTrack(db, captured({ track: { kind: 'captions', label: 'Transcript', language: 'en', source: 'transcript-panel' }, cues: cues(['scraped line']) }));
    await ingestTrack(db, captured({ track: { kind: 'captions', label: 'English', language: 'en', source: 'platform-data', url: 'https://x/t.json' } }));
    expect(await db.tracks.get(panel.trackId)).toBeUndefined();
    expect((await db.tracks.toArray()).map((t) => t.source)).toEqual(['platform-data']);
    expect(await db.cues.count()).toBe(3);
  });

  it('a transcript read from the panel never replaces data already kept', async () => {
    const db = freshDb();
    const data = await ingestTrack(db, captured({ track: { kind: 'captions', label: 'English', language: 'en', source: 'platform-data' } }));
    const r = await ingestTrack(db, captured({ track: { kind: 'captions', label: 'Transcript', language: 'en', source: 'transcript-panel' }, cues: cues(['scraped']) }));
    expect(r).toMatchObject({ unchanged: true, trackId: data.trackId });
    expect(await db.tracks.count()).toBe(1);
  });
});

describe('the same lines captured again', () => {
  it('a second failure says why it failed this time, and no longer asks for a host already allowed', async () => {
    const db = freshDb();
    const first = await ingestTrack(db, captured({ cues: [], status: 'error', needsPermission: 'https://cdn.example/*', error: 'The captions are on cdn.example. Allow it in the MoocMate popup.' }), 1000);
    const again = await ingestTrack(db, captured({ cues: [], status: 'error', error: 'Could not load the caption file (the server answered 404).' }), 2000);
    expect(again.error).toBe('Could not load the caption file (the server answered 404).');
    const track = (await db.tracks.get(first.trackId))!;
    expect(track.error).toBe(again.error);
    expect(track.needsPermission).toBeUndefined();
  });

  it('better data with the same lines becomes the track’s source; the same capture again writes nothing', async () => {
    const db = freshDb();
    const lines = cues(['one', 'two']);
    const r = await ingestTrack(db, captured({ track: { kind: 'captions', label: 'English', language: 'en', source: 'transcript-panel' }, cues: lines }));
    await ingestTrack(db, captured({ track: { kind: 'captions', label: 'English', language: 'en', source: 'platform-data', url: 'https://x/t.json' }, cues: lines }));
    const track = (await db.tracks.get(r.trackId))!;
    expect([track.source, track.url]).toEqual(['platform-data', 'https://x/t.json']);
    let writes = 0;
    db.tracks.hook('updating', () => void writes++);
    db.tracks.hook('creating', () => void writes++);
    const same = await ingestTrack(db, captured({ track: { kind: 'captions', label: 'English', language: 'en', source: 'platform-data', url: 'https://x/t.json' }, cues: lines }));
    expect(same.unchanged).toBe(true);
    expect(writes).toBe(0);
  });
});
