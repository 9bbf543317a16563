import { describe, expect, it } from 'vitest';
import { containsPhrase, terms, words } from '../../../src/captions/terms';

describe('words', () => {
  it('lowercases, folds accents, splits on punctuation', () => {
    expect(words("Él llegó—¡rápido! It's 3.5")).toEqual(['el', 'llego', 'rapido', 'it', 's', '3', '5']);
  });
  it('keeps the marks that are part of a letter (Devanagari, kana)', () => {
    expect(words('प्रकाश संश्लेषण')).toEqual(['प्रकाश', 'संश्लेषण']);
    expect(words('が')).toEqual(['が']);
  });
  it('splits Chinese and Japanese text into words', () => {
    expect(words('光合成は植物が食べ物を作る方法です')).toContain('植物');
    expect(words('植物通过光合作用制造食物').length).toBeGreaterThan(2);
  });
  it('gives distinct terms and finds phrases', () => {
    expect(terms('the cat and the hat')).toEqual(['the', 'cat', 'and', 'hat']);
    expect(containsPhrase(['a', 'b', 'c'], ['b', 'c'])).toBe(true);
    expect(containsPhrase(['a', 'b', 'c'], ['c', 'b'])).toBe(false);
    expect(containsPhrase(['a'], [])).toBe(false);
  });
});
