import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import frequency from 'virtual:word-frequency';
import { loadFrequency, wordsToKnow } from '../../../src/lecture/words-to-know';
import { baseForm } from '../../../src/language/lemma';
import { MIN_COUNT, trimFrequency } from '../../../scripts/word-frequency-plugin';
import { parseCaptionFile } from '../../../src/captions/formats';

const freq = loadFrequency(frequency);
const demo = (name: string) => {
  const parsed = parseCaptionFile(readFileSync(`demo/course/media/${name}`, 'utf8'), { url: name });
  return parsed.cues;
};

const cues = (...texts: string[]) => texts.map((text, index) => ({ index, start: index * 3, text }));
/** What the list says for these lines. */
const listed = (...texts: string[]) => wordsToKnow(cues(...texts), freq).map((w) => w.text);

describe('baseForm', () => {
  it('gives the lower-case English lemma', () => {
    expect(baseForm('Roots')).toBe('root');
    expect(baseForm('leaves')).toBe('leaf');
    expect(baseForm('went')).toBe('go');
    expect(baseForm('cooking')).toBe('cook');
    expect(baseForm('easier')).toBe('easy');
    expect(baseForm('plant\u2019s')).toBe('plant');
    expect(baseForm('photosynthesis')).toBe('photosynthesis');
  });
  it('leaves what is not an English word as it is', () => {
    expect(baseForm('COVID-19')).toBe('covid-19');
    expect(baseForm('')).toBe('');
  });
});

describe('the trimmed frequency list', () => {
  it('keeps lower-case words above the count floor, most frequent first', () => {
    const t = trimFrequency([
      { word: 'the', count: 900 },
      { word: 'The', count: 200 },
      { word: 'cat', count: 1000 },
      { word: "don't", count: 500 },
      { word: 'r2d2', count: 400 },
      { word: 'rare', count: MIN_COUNT - 1 },
    ]);
    expect(t.words.split('\n')).toEqual(['the', 'cat']);
    const f = loadFrequency(t);
    expect(f.zipf('the')).toBeGreaterThan(f.zipf('cat'));
    expect(f.zipf('rare')).toBe(0);
  });
  it('rates common words high and lecture terms low', () => {
    expect(freq.zipf('the')).toBeGreaterThan(6.5);
    expect(freq.zipf('water')).toBeGreaterThan(4);
    expect(freq.zipf('chlorophyll')).toBeLessThan(3);
    expect(freq.zipf('stomata')).toBe(0);
  });
});

describe('wordsToKnow', () => {
  it('lists the lecture’s rare words and phrases, not its common ones', () => {
    const list = wordsToKnow(demo('lecture-1.en.vtt'), freq);
    const texts = list.map((w) => w.text);
    for (const rare of ['photosynthesis', 'chlorophyll', 'stomata', 'glucose', 'pigment', 'carbon dioxide']) expect(texts).toContain(rare);
    for (const common of ['water', 'plant', 'plants', 'energy', 'food', 'lecture', 'the', 'oxygen']) expect(texts).not.toContain(common);
    // "dioxide" never comes without "carbon": only the phrase is listed.
    expect(texts).not.toContain('dioxide');
    const stomata = list.find((w) => w.text === 'stomata')!;
    expect(stomata.count).toBe(2);
    expect(stomata.sentence).toContain('tiny holes called stomata');
    expect(stomata.start).toBeCloseTo(14.2);
  });

  it('leaves out the learner’s glossary words, by base form', () => {
    const texts = wordsToKnow(demo('lecture-1.en.vtt'), freq, { exclude: new Set(['stoma', 'glucose']) }).map((w) => w.text);
    expect(texts).not.toContain('stomata');
    expect(texts).not.toContain('glucose');
    expect(texts).toContain('chlorophyll');
  });

  it('puts the rarest first and leaves out names', () => {
    const cues = [
      { index: 0, start: 0, text: 'Yesterday Smith measured the stomata.' },
      { index: 1, start: 2, text: 'Smith found glucose in a leaf.' },
    ];
    const texts = wordsToKnow(cues, freq).map((w) => w.text);
    expect(texts.indexOf('stomata')).toBeLessThan(texts.indexOf('glucose'));
    expect(texts).not.toContain('smith');
  });

  it('reads words with accented letters whole, and knows them by their plain spelling', () => {
    const texts = listed(
      'After the lecture we can continue the discussion in the café.',
      'Saying that correlation is not causation is almost a cliché.',
      'The cafe\u0301 near the lab is where the cliché was born.',
      'A naïve Bayes classifier assumes the features are independent; Αθήνα, 人工智能.',
    );
    // SUBTLEX has "cliche" (rare), "cafe" and "naive" (common enough): never "clich", "caf" or "na".
    expect(texts).toContain('cliché');
    for (const no of ['clich', 'caf', 'café', 'naïve', 've', 'αθήνα', '人工智能']) expect(texts).not.toContain(no);
  });

  it('leaves out speaker labels (edX test_transcripts.srt: "LILA FISHER: Hi, welcome to Edx.") and sound tags', () => {
    const f = 'tests/fixtures/captions/openedx/test_transcripts.srt';
    // "Lila" is only a name there: the label, and "I'm Lila Fisher, an Edx fellow".
    expect(wordsToKnow(parseCaptionFile(readFileSync(f, 'utf8'), { url: f }).cues, freq).map((w) => w.text)).not.toContain('lila');
    const texts = listed(
      'So the enzyme binds to the substrate here.',
      '[INAUDIBLE] and then the product is released.',
      '(CROSSTALK) Sorry, one at a time please.',
      '>> LILA FISHER: Chlorophyll is green.',
    );
    expect(texts).toContain('substrate');
    expect(texts).not.toContain('inaudible');
    expect(texts).not.toContain('crosstalk');
    // After a label a sentence starts: a capital there is no name.
    expect(texts).toContain('chlorophyll');
  });

  it('knows a sentence that runs on into the next line: a capital there is a name', () => {
    const texts = listed('We owe this machine to Charles', 'Babbage, who designed it.', 'Chlorophyll is another story.');
    expect(texts).not.toContain('babbage');
    expect(texts).toContain('chlorophyll');
  });

  it('copes with empty and odd lines', () => {
    expect(wordsToKnow([], freq)).toEqual([]);
    expect(wordsToKnow([{ index: 0, start: 0, text: '♪ ♪ 123 … <b>' }], freq)).toEqual([]);
  });
});
