import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultFirstLanguage, FIRST_LANGUAGE_KEY, isLanguageTag, readFirstLanguage, storedFirstLanguage } from '../../../src/language/first-language';
import { learnerOrder } from '../../../src/captions/track-order';
import { checkLanguage } from '../../../src/flags/language-check';
import { parseVtt } from '../../../src/captions/formats/vtt';
import type { TrackRecord } from '../../../src/db/schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const track = (id: string, language: string, over: Partial<TrackRecord> = {}): TrackRecord =>
  ({ id, lectureId: 'l', kind: 'subtitles', label: id, language, detectedLanguage: 'und', cueCount: 3, ...over }) as TrackRecord;

describe("the learner's first language", () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the browser interface language until the learner sets it', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('pt_BR');
    expect(defaultFirstLanguage()).toBe('pt-BR');
    expect(await storedFirstLanguage()).toBeNull();
    expect(await readFirstLanguage()).toBe('pt-BR');
    await fakeBrowser.storage.local.set({ [FIRST_LANGUAGE_KEY]: 'fa' });
    expect(await readFirstLanguage()).toBe('fa');
  });

  it('ignores a stored value that is not a language tag', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    await fakeBrowser.storage.local.set({ [FIRST_LANGUAGE_KEY]: '<script>' });
    expect(await readFirstLanguage()).toBe('en-US');
    expect(isLanguageTag('zh-Hans-CN')).toBe(true);
    expect(isLanguageTag('not a tag')).toBe(false);
  });

  it('puts tracks in the first language first in the language switch', () => {
    const tracks = [track('en', 'en', { kind: 'captions' }), track('es', 'es'), track('fr', 'fr'), track('x', '', { detectedLanguage: 'spa' })];
    expect(learnerOrder(tracks, 'es-MX').map((t) => t.id)).toEqual(['es', 'x', 'en', 'fr']);
    expect(learnerOrder(tracks, 'ja').map((t) => t.id)).toEqual(['en', 'es', 'fr', 'x']);
  });

  it('the language check expects a translation into the learner language to read as it', () => {
    const es = parseVtt(readFileSync(join(import.meta.dirname, '../../../demo/course/media/lecture-1.es.vtt'), 'utf8')).cues;
    // A Spanish translation the platform labelled "en": wrong for anyone else, expected for a Spanish speaker.
    expect(checkLanguage(es, 'en').length).toBeGreaterThan(0);
    expect(checkLanguage(es, 'en', 'es')).toEqual([]);
    expect(checkLanguage(es, 'en', 'fr').length).toBeGreaterThan(0);
  });
});
