import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../../src/db/schema';
import { ingestTrack } from '../../../src/captions/store';
import { lectureCaptions } from '../../../src/lecture/background';
import { browserTranslator, TranslationCache } from '../../../src/lecture/translate';
import { chooseTracks } from '../../../src/lecture/track-choice';
import { captured, cues, page } from '../helpers';

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

  it('gives a track the page declared no language for its detected one, so it can be translated', async () => {
    const db = getDb();
    const p = page({ lectureKey: `no-lang-${Math.random()}` });
    const { lectureId } = await ingestTrack(db, captured({ page: p, track: { kind: 'captions', label: 'Captions', language: '', source: 'track-file' }, detectedLanguage: 'eng' }), 1);
    await ingestTrack(db, captured({ page: p, track: { kind: 'subtitles', label: '?', language: '', source: 'track-file' }, cues: cues(['…']), detectedLanguage: 'und' }), 1);
    const { tracks } = await lectureCaptions({ lectureId }, {});
    expect(tracks.map((t) => [t.language, t.detectedLanguage])).toEqual([
      ['en', 'eng'],
      ['', 'und'],
    ]);
    expect(chooseTracks(tracks, 'es')).toMatchObject({ lecture: { label: 'Captions' }, translateTo: 'es' });
  });
});

describe('on-device translation', () => {
  // Like Chrome's: a tag that is not valid BCP 47 ("en_us") throws.
  const api = (availability: string) => ({
    availability: vi.fn(async (o: { sourceLanguage: string; targetLanguage: string }) => (Intl.getCanonicalLocales([o.sourceLanguage, o.targetLanguage]), availability)),
    create: vi.fn(async () => ({ translate: async (t: string) => `[pt] ${t}` })),
  });

  it('is used only where the browser has it and the languages are ready', async () => {
    expect(await browserTranslator('en', 'pt', {})).toBeNull();
    expect(await browserTranslator('en', 'pt', { Translator: api('downloadable') })).toBeNull();
    const ready = api('available');
    const tr = await browserTranslator('en-US', 'pt', { Translator: ready });
    expect(ready.availability).toHaveBeenCalledWith({ sourceLanguage: 'en', targetLanguage: 'pt' });
    expect(await tr!.translate('Hello')).toBe('[pt] Hello');
    // A track declared en_US.
    expect(await browserTranslator('en_US', 'pt', { Translator: api('available') })).not.toBeNull();
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
