import { describe, expect, it } from 'vitest';
import { clock, cueAt, fileName } from '../../../src/ui/format';

describe('format helpers', () => {
  it('formats clock times', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(75.4)).toBe('1:15');
    expect(clock(3725)).toBe('1:02:05');
    expect(clock(-3)).toBe('0:00');
  });
  it('finds the cue on screen, including overlaps and gaps', () => {
    const cues = [
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 3, end: 10 },
      { start: 3.5, end: 4 },
      { start: 12, end: 13 },
    ];
    expect(cueAt(cues, 1)).toBe(0);
    expect(cueAt(cues, 2)).toBe(1);
    expect(cueAt(cues, 3.7)).toBe(3);
    expect(cueAt(cues, 5)).toBe(2);
    expect(cueAt(cues, 11)).toBe(-1);
    expect(cueAt(cues, -1)).toBe(-1);
    expect(cueAt([], 1)).toBe(-1);
  });
  it('makes safe file names', () => {
    expect(fileName('Week 1: "Light" / dark?', 'srt')).toBe('Week 1 Light dark .srt'.replace(' .', '.'));
    expect(fileName('', 'vtt')).toBe('transcript.vtt');
  });
});
