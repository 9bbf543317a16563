import { describe, expect, it } from 'vitest';
import { containsPhrase, lookupTerms, terms, words } from '../../../src/captions/terms';

describe('words', () => {
  it('lowercases, folds accents, splits on punctuation', () => {
    expect(words("Él llegó—¡rápido! It's 3.5")).toEqual(['el', 'llego', 'rapido', 'it', 's', '3', '5']);
  });
  it('keeps the marks that are part of a letter (Devanagari, kana)', () => {
    expect(words('प्रकाश संश्लेषण')).toEqual(['प्रकाश', 'संश्लेषण']);
    expect(words('が')).toEqual(['が']);
  });
  it('makes each Chinese or Japanese character a word, and keeps other letters between them whole', () => {
    expect(words('从算筹到ENIAC')).toEqual(['从', '算', '筹', '到', 'eniac']);
    expect(words('光合成は植物が')).toEqual(['光', '合', '成', 'は', '植', '物', 'が']);
    expect(words('ｶﾀｶﾅ、第2章')).toEqual(['カ', 'タ', 'カ', 'ナ', '第', '2', '章']);
  });
  it('splits Thai, Lao, Khmer and Burmese into words with the segmenter', () => {
    expect(words('ภาษาไทยง่ายมาก')).toEqual(['ภาษา', 'ไทย', 'ง่าย', 'มาก']);
    expect(words('ຂ້ອຍຮຽນພາສາລາວ').length).toBeGreaterThan(1);
    expect(words('ខ្ញុំចង់រៀនភាសាខ្មែរ').length).toBeGreaterThan(1);
    expect(words('ကျွန်တော်မြန်မာစကားသင်ယူနေပါတယ်').length).toBeGreaterThan(1);
    expect(words('Python คือภาษา')).toEqual(['python', 'คือ', 'ภาษา']);
  });
  it('indexes Chinese and Japanese characters and their adjacent pairs, not pairs across other words', () => {
    expect(terms('讲的讲')).toEqual(['讲', '的', '讲的', '的讲']);
    expect(terms('从算筹到ENIAC')).toEqual(['从', '算', '筹', '到', 'eniac', '从算', '算筹', '筹到']);
    expect(terms('ภาษาไทย')).toEqual(['ภาษา', 'ไทย']);
  });
  it('looks a word sequence up by its pairs, and says when a pair is the whole proof', () => {
    expect(lookupTerms(['讲'])).toEqual({ terms: ['讲'], pairOnly: false });
    expect(lookupTerms(['算', '筹'])).toEqual({ terms: ['算筹'], pairOnly: true });
    expect(lookupTerms(['计', '算', '机'])).toEqual({ terms: ['计算', '算机'], pairOnly: false });
    expect(lookupTerms(['napier', '算', '筹'])).toEqual({ terms: ['napier', '算筹'], pairOnly: false });
    expect(lookupTerms(['carbon', 'dioxide'])).toEqual({ terms: ['carbon', 'dioxide'], pairOnly: false });
  });
  it('gives distinct terms and finds phrases', () => {
    expect(terms('the cat and the hat')).toEqual(['the', 'cat', 'and', 'hat']);
    expect(containsPhrase(['a', 'b', 'c'], ['b', 'c'])).toBe(true);
    expect(containsPhrase(['a', 'b', 'c'], ['c', 'b'])).toBe(false);
    expect(containsPhrase(['a'], [])).toBe(false);
  });
});
