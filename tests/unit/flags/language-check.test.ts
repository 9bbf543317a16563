import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLanguage, checkTranslation } from '../../../src/flags/language-check';
import { sameLanguage, toBcp47 } from '../../../src/language/codes';
import { parseVtt } from '../../../src/captions/formats/vtt';
import type { Cue } from '../../../src/captions/types';

const media = (name: string) => parseVtt(readFileSync(join(import.meta.dirname, '../../../demo/course/media', name), 'utf8')).cues;
const renumber = (cues: Cue[]) => cues.map((c, index) => ({ ...c, index }));

describe('language codes', () => {
  it('maps franc codes to the tags pages declare', () => {
    expect(toBcp47('eng')).toBe('en');
    expect(toBcp47('cmn')).toBe('zh');
    expect(toBcp47('pes')).toBe('fa');
    expect(sameLanguage('spa', 'es-419')).toBe(true);
    expect(sameLanguage('por', 'pt-BR')).toBe(true);
    expect(sameLanguage('eng', 'es')).toBe(false);
    expect(sameLanguage('eng', '')).toBe(false);
  });
});

describe('language check', () => {
  it('finds nothing when a track is in its declared language', () => {
    expect(checkLanguage(media('lecture-1.en.vtt'), 'en')).toEqual([]);
    expect(checkLanguage(media('lecture-1.es.vtt'), 'es')).toEqual([]);
  });

  it('names the language of a track declared as another one', () => {
    const found = checkLanguage(media('lecture-1.es.vtt'), 'en');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.rule === 'language' && f.detail === 'spa')).toBe(true);
  });

  it('finds the wrong-language part inside an otherwise right track', () => {
    const en = media('lecture-1.en.vtt');
    const fr = media('lecture-1.fr.vtt');
    const mixed = renumber([...en, ...en, ...fr, ...fr]);
    const found = checkLanguage(mixed, 'en');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.detail === 'fra')).toBe(true);
    expect(found[0].cueIndex).toBeGreaterThanOrEqual(en.length * 2 - 2);
  });

  it('does not judge a track without a declared language or with too little text', () => {
    expect(checkLanguage(media('lecture-1.es.vtt'), '')).toEqual([]);
    expect(checkLanguage(media('lecture-1.es.vtt').slice(0, 1), 'en')).toEqual([]);
  });
});

describe('translation check', () => {
  it('accepts a translation with the original timing', () => {
    expect(checkTranslation(media('lecture-1.en.vtt'), media('lecture-1.es.vtt'))).toBeNull();
  });
  it('flags a translation that belongs to another lesson', () => {
    const found = checkTranslation(media('lecture-1.en.vtt'), media('lecture-2.es.vtt'));
    expect(found).toMatchObject({ rule: 'translation-mismatch', limit: 50 });
    expect(found!.value).toBeLessThan(50);
  });
});
