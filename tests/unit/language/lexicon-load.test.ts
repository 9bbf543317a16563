import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ADJECTIVE, createLexicon, NOUN, senseMask, VERB } from '../../../src/language/lexicon-load';
import { lexiconFile } from '../../../scripts/lexicon-plugin';

const require = createRequire(import.meta.url);
const answer = (body: string, status = 200) => async () => new Response(body, { status });
const file = lexiconFile();

/** wink-lemmatizer's three questions about a list of sense kinds (its isAdjective, isVerb, isNoun). */
const kinds = (senses: number[]) => [senses.some((s) => s < 2), senses.some((s) => s > 28 && s < 44), senses.some((s) => s > 2 && s < 29)];

describe('the lemmatizer word lists as a data file', () => {
  it('answers every question wink-lemmatizer asks exactly as wink-lexicon does', async () => {
    const { parts, ready } = createLexicon(answer(file));
    await ready();
    const words = require('wink-lexicon/src/wn-words.js') as Record<string, number>;
    const senses = require('wink-lexicon/src/wn-word-senses.js') as number[][];
    let checked = 0;
    for (const [w, i] of Object.entries(words)) {
      if (parts.words[w] !== i) expect.fail(`${w}: index ${parts.words[w]} instead of ${i}`);
      const got = kinds(parts.senses[i]);
      const want = kinds(senses[i]);
      if (got.join() !== want.join()) expect.fail(`${w}: ${got} instead of ${want}`);
      checked++;
    }
    expect(checked).toBe(77262);
    for (const notAWord of ['zzzq', 'aaa-', '__proto__', 'hasOwnProperty', '']) expect(parts.words[notAWord]).toBeUndefined();
    expect({ ...parts.verb }).toEqual({ ...require('wink-lexicon/src/wn-verb-exceptions.js') });
    expect({ ...parts.noun }).toEqual({ ...require('wink-lexicon/src/wn-noun-exceptions.js') });
    expect({ ...parts.adjective }).toEqual({ ...require('wink-lexicon/src/wn-adjective-exceptions.js') });
    expect(parts.verb.ran).toBe('run');
  });

  it('marks the kinds of a sense list as wink-lemmatizer reads them', () => {
    expect(senseMask([0])).toBe(ADJECTIVE);
    expect(senseMask([2])).toBe(0);
    expect(senseMask([44])).toBe(0);
    expect(senseMask([3, 29])).toBe(NOUN | VERB);
    expect(senseMask([1, 28, 43])).toBe(ADJECTIVE | NOUN | VERB);
  });

  it('answers nothing before the file is in', () => {
    const { parts } = createLexicon(answer(file));
    expect(parts.words.run).toBeUndefined();
    expect(parts.verb.ran).toBeUndefined();
  });

  it('loads once for callers at the same time', async () => {
    let calls = 0;
    const { ready } = createLexicon(async () => (calls++, new Response(file)));
    await Promise.all([ready(), ready(), ready()]);
    await ready();
    expect(calls).toBe(1);
  });

  it('a file that does not load gives a clear error, and the next call tries again', async () => {
    let fail = true;
    const { parts, ready } = createLexicon(async () => (fail ? new Response('', { status: 404 }) : new Response(file)));
    await expect(ready()).rejects.toThrow('The English word lists did not load (HTTP 404).');
    expect(parts.words.run).toBeUndefined();
    fail = false;
    await ready();
    expect(parts.words.run).toBeTypeOf('number');
  });

  it('a corrupt file is refused before anything is taken from it', async () => {
    const good = JSON.parse(file);
    const bodies = [
      JSON.stringify({ ...good, masks: good.masks.slice(1) }),
      JSON.stringify({ ...good, masks: `9${good.masks.slice(1)}` }),
      JSON.stringify({ ...good, words: good.words.split('\n').reverse().join('\n') }),
      JSON.stringify({ ...good, verb: [] }),
      '[]',
      'not json',
    ];
    const reasons = ['77262 words but 77261 sense marks', 'a sense mark that is not 0 to 7', 'not sorted at', 'not in the expected form', 'not in the expected form', 'JSON'];
    for (const [i, body] of bodies.entries()) {
      const { parts, ready } = createLexicon(answer(body));
      await expect(ready()).rejects.toThrow(/^The English word lists did not load \(.+\)\.$/);
      await expect(createLexicon(answer(body)).ready()).rejects.toThrow(reasons[i]);
      expect(parts.words.run).toBeUndefined();
      expect(Object.keys(parts.verb)).toHaveLength(0);
    }
  });
});
