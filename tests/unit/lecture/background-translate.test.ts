import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../src/db/schema';
import { ingestTrack } from '../../../src/captions/store';
import { lectureCaptions } from '../../../src/lecture/background';
import { browserTranslator, TranslationCache } from '../../../src/lecture/translate';
import { captured, cues } from '../helpers';

describe('lecture.captions', () => {
  it('gives the overlay a lecture’s tracks with lines, captions first, and leaves out empty ones', async () => {
    const db = getDb();
    const es = await ingestTrack(db, captured({ track: { kind: 'subtitles', label: 'Español', language: 'es', source: 'track-file' }, cues: cues(['Hola.', 'Adiós.']) }), 1);
    const en = await ingestTrack(db, captured(), 1);
    await ingestTrack(db, captured({ track: { kind: 'subtitles', label: 'Broken', language: 'fr', source: 'track-file' }, cues: [], status: 'error', error: 'x' }), 1);
    const { tracks } = await lectureCaptions({ lectureId: en.lectureId }, {});
    expect(tracks.map((t) => t.id)).toEqual([en.trackId, es.trackId]);
    expect(tracks[1].cues).toEqual([
      { start: 0, end: 1.8, text: 'Hola.' },
      { start: 2, end: 3.8, text: 'Adiós.' },
    ]);
    expect((await lectureCaptions({ lectureId: 'nothing' }, {})).tracks).toEqual([]);
  });
});

describe('on-device translation', () => {
  const api = (availability: string) => ({
    availability: vi.fn(async () => availability),
    create: vi.fn(async () => ({ translate: async (t: string) => `[pt] ${t}` })),
  });

  it('is used only where the browser has it and the languages are ready', async () => {
    expect(await browserTranslator('en', 'pt', {})).toBeNull();
    expect(await browserTranslator('en', 'pt', { Translator: api('downloadable') })).toBeNull();
    const ready = api('available');
    const tr = await browserTranslator('en-US', 'pt', { Translator: ready });
    expect(ready.availability).toHaveBeenCalledWith({ sourceLanguage: 'en', targetLanguage: 'pt' });
    expect(await tr!.translate('Hello')).toBe('[pt] Hello');
    const broken = { availability: async () => Promise.reject(new Error('no')) };
    expect(await browserTranslator('en', 'pt', { Translator: broken })).toBeNull();
  });

  it('translates each line once and says when it is ready', async () => {
    const translate = vi.fn(async (t: string) => `<${t}>`);
    const ready = vi.fn();
    const cache = new TranslationCache({ translate }, ready);
    cache.want('one');
    cache.want('one');
    cache.want('');
    await vi.waitFor(() => expect(ready).toHaveBeenCalledWith('one'));
    expect(cache.get('one')).toBe('<one>');
    expect(translate).toHaveBeenCalledTimes(1);
  });
});
