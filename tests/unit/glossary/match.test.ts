import { describe, expect, it } from 'vitest';
import { buildMatcher, tokenize } from '../../../src/glossary/match';
import { compactEntry } from '../../../src/glossary/forms';

const entry = (id: string, term: string, meaning = '') => compactEntry({ id, term, meaning });

describe('glossary matcher', () => {
  it('finds inflected forms and reports offsets into the text', () => {
    const m = buildMatcher([entry('a', 'run', 'correr')]);
    const text = 'She ran home; now she runs, running fast. Runner?';
    const found = m.find(text).map((x) => text.slice(x.start, x.end));
    expect(found).toEqual(['ran', 'runs', 'running']);
    expect(m.find(text)[0]).toMatchObject({ entryId: 'a', term: 'run', meaning: 'correr' });
  });

  it('prefers the longest phrase and needs its words side by side', () => {
    const m = buildMatcher([entry('c', 'carbon'), entry('cd', 'carbon dioxide'), entry('t', 'take in')]);
    const text = 'They take in carbon dioxide. Plants took in carbon. Carbon. Dioxide.';
    const found = m.find(text).map((x) => `${x.entryId}:${text.slice(x.start, x.end)}`);
    expect(found).toEqual(['t:take in', 'cd:carbon dioxide', 't:took in', 'c:carbon', 'c:Carbon']);
  });

  it('handles CJK, right-to-left and emoji terms', () => {
    const m = buildMatcher([entry('zh', '光合作用'), entry('ar', 'التمثيل الضوئي'), entry('e', '🌱')]);
    const text = '植物进行光合作用。 هذا هو التمثيل الضوئي 🌱!';
    const found = m.find(text).map((x) => text.slice(x.start, x.end));
    expect(found).toEqual(['光合作用', 'التمثيل الضوئي', '🌱']);
  });

  it("keeps a word's inner apostrophes, either one, and marks a kept word in its possessive", () => {
    const m = buildMatcher([entry('a', "don't"), entry('b', "o'clock"), entry('c', 'Newton’s law'), entry('d', 'model')]);
    const text = "I don’t know. At five o'clock, Newton's law. The model’s output, the models' sizes.";
    expect(m.find(text).map((x) => `${x.entryId}:${text.slice(x.start, x.end)}`)).toEqual([
      "a:don’t",
      "b:o'clock",
      "c:Newton's law",
      'd:model’s',
      'd:models',
    ]);
    // Without the apostrophe rule "don't" was the two words "don" and "t".
    expect(tokenize("don't").map((t) => t.norm)).toEqual(["don't"]);
  });

  it("splits a French or Italian elision, so a kept \"eau\" is marked in \"l'eau\"", () => {
    const text = "Qu'aujourd'hui, l’eau et dell'acqua.";
    expect(tokenize(text).map((t) => `${t.norm}@${text.slice(t.start, t.end)}`)).toEqual(['qu@Qu', "aujourd'hui@aujourd'hui", 'l@l', 'eau@eau', 'et@et', 'dell@dell', 'acqua@acqua']);
    const m = buildMatcher([entry('e', 'eau'), entry('a', "aujourd'hui")]);
    expect(m.find(text).map((x) => text.slice(x.start, x.end))).toEqual(["aujourd'hui", 'eau']);
  });

  it('keeps an emoji drawn from several (a ZWJ sequence, a skin tone) as one word', () => {
    const m = buildMatcher([entry('s', '👩‍🔬'), entry('w', '👋🏽')]);
    const text = 'Our 👩‍🔬 says 👋🏽, not 👩 or 👋.';
    expect(m.find(text).map((x) => text.slice(x.start, x.end))).toEqual(['👩‍🔬', '👋🏽']);
  });

  it('tokenizes without dropping offsets', () => {
    const t = tokenize('Ünïcode—ok 日本');
    expect(t.map((x) => x.norm)).toEqual(['ünïcode', 'ok', '日', '本']);
  });

  it('finds nothing in an empty glossary', () => {
    expect(buildMatcher({ version: 1, entries: [] }).find('run')).toEqual([]);
  });
});
