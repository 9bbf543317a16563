import { describe, expect, it } from 'vitest';
import { checkCues, DEFAULT_CHECKS } from '../../../src/flags/checks';
import type { Cue } from '../../../src/captions/types';

const cue = (index: number, start: number, end: number, text: string): Cue => ({ index, start, end, text });
const rules = (cues: Cue[], opts = DEFAULT_CHECKS) => checkCues(cues, opts).map((f) => `${f.cueIndex}:${f.rule}:${f.value}/${f.limit}${f.detail ? `:${f.detail}` : ''}`);

describe('caption checks', () => {
  it('finds nothing in a clean track', () => {
    expect(rules([cue(0, 0, 3, 'Plants make their own food.'), cue(1, 3.2, 6, 'They use light.')])).toEqual([]);
  });

  it('measures reading speed in characters per second against the limit', () => {
    // 68 characters in 2 s = 34 cps.
    const text = 'This sentence is far too long to read in the two seconds it is shown';
    expect(rules([cue(0, 0, 2, text)])).toContain(`0:reading-speed:${Math.round((text.length / 2) * 10) / 10}/17`);
    expect(rules([cue(0, 0, 2, text)], { ...DEFAULT_CHECKS, maxCharsPerSecond: 40 }).some((r) => r.includes('reading-speed'))).toBe(false);
  });

  it('flags long lines, too many lines, and cues too short or too long on screen', () => {
    const found = rules([
      cue(0, 0, 5, 'A line that is clearly longer than forty-two characters'),
      cue(1, 5, 9, 'one\ntwo\nthree'),
      cue(2, 9, 9.5, 'Hi'),
      cue(3, 10, 18.25, 'Stays up for ages'),
    ]);
    expect(found).toContain('0:line-length:55/42');
    expect(found).toContain('1:too-many-lines:3/2');
    expect(found).toContain('2:too-short:0.5/0.83');
    expect(found).toContain('3:too-long:8.25/7');
  });

  it('flags overlapping, empty and repeated cues, naming the other cue', () => {
    const found = rules([cue(0, 0, 4, 'First'), cue(1, 3, 5, 'Second'), cue(2, 5, 7, '  '), cue(3, 7, 9, 'Again'), cue(4, 9, 11, 'Again')]);
    expect(found).toContain('1:overlap:1/0:0');
    expect(found).toContain('2:empty:0/1');
    expect(found).toContain('4:repeated:2/1:3');
    expect(found).toHaveLength(3);
  });
});
