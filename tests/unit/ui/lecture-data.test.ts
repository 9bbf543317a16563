import { describe, expect, it } from 'vitest';
import { ingestTrack } from '../../../src/captions/store';
import { lectureIdFor } from '../../../src/captions/ids';
import { readTranscript, switchValue } from '../../../src/ui/lecture-data';
import { captured, cues, freshDb, page } from '../helpers';

// A lecture with its own English captions and a Spanish translation.
async function lecture() {
  const db = freshDb();
  await ingestTrack(db, captured());
  await ingestTrack(
    db,
    captured({
      track: { kind: 'subtitles', label: 'Español', language: 'es', source: 'track-file', url: 'https://uni.example/l1.es.vtt' },
      cues: cues(['Las plantas hacen comida con la luz.', 'Se llama fotosíntesis.']),
      detectedLanguage: 'spa',
    }),
  );
  return { db, lectureId: lectureIdFor('html5', page().lectureKey) };
}

describe('a lecture’s transcript, read in one go', () => {
  it('shows the learner’s language first, with its lines, and the lecture’s own lines beside them', async () => {
    const { db, lectureId } = await lecture();
    const t = await readTranscript(db, lectureId, null, 'es-MX');
    expect(t.tracks.map((tr) => tr.language)).toEqual(['en', 'es']); // the lecture's order: its own first
    expect(t.offered.map((tr) => tr.language)).toEqual(['es', 'en']); // the switch's order: the learner's first
    expect(t.track?.language).toBe('es');
    expect(t.cues.map((c) => c.text)).toEqual(['Las plantas hacen comida con la luz.', 'Se llama fotosíntesis.']);
    expect(t.lectureCues.map((c) => c.text)).toEqual(['Plants make food from light.', 'This is called photosynthesis.', 'Leaves hold chlorophyll.']);
  });

  it('reads the lecture’s own lines once when they are the ones shown', async () => {
    const { db, lectureId } = await lecture();
    const t = await readTranscript(db, lectureId, null, 'en');
    expect(t.track?.language).toBe('en');
    expect(t.lectureCues).toBe(t.cues);
    // With no learner given (the dashboard), the lecture's order, its own track first.
    const plain = await readTranscript(db, lectureId, null);
    expect(plain.offered.map((tr) => tr.language)).toEqual(['en', 'es']);
    expect(plain.lectureCues).toBe(plain.cues);
  });

  it('the track chosen, while it exists; else the first with lines', async () => {
    const { db, lectureId } = await lecture();
    const es = (await readTranscript(db, lectureId, null, 'es')).track!;
    const chosen = await readTranscript(db, lectureId, es.id, 'en');
    expect(chosen.track?.id).toBe(es.id);
    expect(switchValue(chosen, es.id)).toBe(es.id);
    const gone = await readTranscript(db, lectureId, 'no-such-track', 'en');
    expect(gone.track?.language).toBe('en');
    expect(switchValue(gone, 'no-such-track')).toBe(gone.track!.id);
  });

  it('the switch shows the track just chosen before its lines come', async () => {
    const { db, lectureId } = await lecture();
    const before = await readTranscript(db, lectureId, null, 'en');
    const es = before.tracks.find((tr) => tr.language === 'es')!;
    // The query for the new choice has not answered yet: `before` is still the English one.
    expect(switchValue(before, es.id)).toBe(es.id);
    expect(switchValue(before, null)).toBe(before.track!.id);
  });

  it('no lecture, or a lecture with no track: nothing to show', async () => {
    const { db } = await lecture();
    expect(await readTranscript(db, null, null, 'en')).toMatchObject({ tracks: [], track: undefined, cues: [], lectureCues: [] });
    expect(await readTranscript(db, 'l_none', null, 'en')).toMatchObject({ tracks: [], track: undefined, cues: [], lectureCues: [] });
  });
});
