import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCaptionFile } from '../../../src/captions/formats';
import { lineAt, lineBefore, nextBoundary, pairLines } from '../../../src/lecture/pairing';
import { chooseTracks } from '../../../src/lecture/track-choice';
import { lineLoad, planLine } from '../../../src/lecture/reading-load';
import { DEFAULT_LECTURE_SETTINGS, readLectureSettings } from '../../../src/lecture/settings';

const l = (start: number, end: number, text: string) => ({ start, end, text });

describe('pairLines', () => {
  it('pairs lines with the same timings', () => {
    expect(pairLines([l(0, 2, 'Hello'), l(2, 4, 'World')], [l(0, 2, 'Hola'), l(2, 4, 'Mundo')])).toEqual([
      { start: 0, end: 2, top: 'Hello', bottom: 'Hola' },
      { start: 2, end: 4, top: 'World', bottom: 'Mundo' },
    ]);
  });

  it('pairs by the largest overlap when timings do not line up, and joins lines that share a partner', () => {
    const out = pairLines([l(0, 3, 'A long first line'), l(3, 6, 'Second')], [l(0.4, 1.5, 'uno'), l(1.5, 3.4, 'dos'), l(3.4, 6.2, 'tres')]);
    expect(out.map((p) => [p.top, p.bottom])).toEqual([
      ['A long first line', 'uno\ndos'],
      ['Second', 'tres'],
    ]);
  });

  it('shows a line with no partner alone, in time order', () => {
    const out = pairLines([l(0, 2, 'One'), l(10, 12, 'Three')], [l(0, 2, 'Uno'), l(5, 7, 'Dos')]);
    expect(out).toEqual([
      { start: 0, end: 2, top: 'One', bottom: 'Uno' },
      { start: 5, end: 7, top: '', bottom: 'Dos' },
      { start: 10, end: 12, top: 'Three', bottom: '' },
    ]);
  });

  it('ignores lines with no duration', () => {
    expect(pairLines([l(1, 1, 'x')], [l(2, 1, 'y')])).toEqual([]);
  });
});

describe('finding lines in time', () => {
  const lines = pairLines([l(0.5, 3.7, 'a'), l(3.9, 8, 'b'), l(8.2, 11, 'c')], []);
  it('finds the line at a moment, and none between lines', () => {
    expect(lineAt(lines, 0)).toBe(-1);
    expect(lineAt(lines, 0.5)).toBe(0);
    expect(lineAt(lines, 3.8)).toBe(-1);
    expect(lineAt(lines, 10.9)).toBe(2);
    expect(lineAt(lines, 11)).toBe(-1);
    expect(lineAt([], 1)).toBe(-1);
  });
  it('finds the line to repeat and the next change', () => {
    expect(lineBefore(lines, 3.8)).toBe(0);
    expect(lineBefore(lines, 0.1)).toBe(-1);
    expect(nextBoundary(lines, 0)).toBe(0.5);
    expect(nextBoundary(lines, 1)).toBe(3.7);
    expect(nextBoundary(lines, 3.8)).toBe(3.9);
    expect(nextBoundary(lines, 20)).toBe(Infinity);
  });
});

describe('chooseTracks', () => {
  const track = (id: string, kind: string, language: string) => ({ id, kind, label: id, language, detectedLanguage: 'und', cues: [l(0, 1, id)] });
  const en = track('en', 'captions', 'en');
  const es = track('es', 'subtitles', 'es-419');
  it('takes the captions track for the lecture and the learner’s language under it', () => {
    expect(chooseTracks([en, es], 'es')).toEqual({ lecture: en, translation: es, translateTo: null });
  });
  it('asks for a browser translation when the platform has none', () => {
    expect(chooseTracks([en], 'pt-BR')).toEqual({ lecture: en, translation: null, translateTo: 'pt' });
  });
  it('shows one line when the lecture is in the learner’s language', () => {
    expect(chooseTracks([en, es], 'en-GB')).toEqual({ lecture: en, translation: null, translateTo: null });
  });
  it('has nothing without lines', () => {
    expect(chooseTracks([{ ...en, cues: [] }], 'es')).toBeNull();
  });
});

describe('reading load', () => {
  it('measures words per minute and characters per second', () => {
    const load = lineLoad('one two three four five six', 10, 12);
    expect(load.words).toBe(6);
    expect(load.wpm).toBe(180);
    expect(load.cps).toBeCloseTo(11);
  });
  it('slows a dense line to the limit, never under the floor, and leaves light lines alone', () => {
    const dense = lineLoad('one two three four five six', 0, 2); // 180 wpm
    expect(planLine(dense, 1, 130, 'slow')).toEqual({ kind: 'slow', rate: 0.72 });
    expect(planLine(dense, 1, 130, 'pause')).toEqual({ kind: 'pause' });
    expect(planLine(dense, 1, 130, 'off')).toEqual({ kind: 'none' });
    expect(planLine(lineLoad('a b c d e f g h i j k l', 0, 1), 1, 130, 'slow')).toEqual({ kind: 'slow', rate: 0.5 });
    expect(planLine(lineLoad('one two three', 0, 2), 1, 130, 'slow')).toEqual({ kind: 'none' });
  });
  it('counts the words of Chinese, written without spaces (edX chinese_transcripts.srt, 273 real lines)', () => {
    const f = 'tests/fixtures/captions/openedx/chinese_transcripts.srt';
    const zh = parseCaptionFile(readFileSync(f, 'utf8'), { url: f }).cues;
    // "Could I use a mechanical device", 13 characters in 1.15 s: 我/可不可以/用/一个/机械/的/装置.
    const cue = zh.find((c) => c.text === '我可不可以用一个机械的装置')!;
    const load = lineLoad(cue.text, cue.start, cue.end);
    expect(load.words).toBe(7);
    expect(planLine(load, 1, 130, 'slow')).toEqual({ kind: 'slow', rate: 0.5 });
    // The ten densest lines (11–22 characters a second) are all over the default limit…
    const lines = pairLines(zh, []);
    const dense = (x: { top: string; start: number; end: number }) => planLine(lineLoad(x.top, x.start, x.end), 1, 130, 'pause').kind === 'pause';
    const byCps = [...lines].sort((a, b) => lineLoad(b.top, b.start, b.end).cps - lineLoad(a.top, a.start, a.end).cps);
    expect(byCps.slice(0, 10).filter(dense)).toHaveLength(10);
    // …and a calm line is not: 13 characters in 5.1 s, 8 words, 94 a minute.
    const calm = lines.find((x) => x.top === '来代替我们人类的思考和记忆')!;
    expect(Math.round(lineLoad(calm.top, calm.start, calm.end).wpm)).toBe(94);
    expect(dense(calm)).toBe(false);
  });
  it('counts the learner’s own speed', () => {
    const line = lineLoad('one two three four', 0, 2); // 120 wpm
    expect(planLine(line, 1, 130, 'slow').kind).toBe('none');
    expect(planLine(line, 1.5, 130, 'slow')).toEqual({ kind: 'slow', rate: 1.08 });
  });
});

describe('lecture settings', () => {
  it('falls back to defaults for missing or bad values', () => {
    expect(readLectureSettings(undefined)).toEqual(DEFAULT_LECTURE_SETTINGS);
    expect(readLectureSettings({ overlay: 'yes', wpmLimit: -4, language: '<script>', overlaySize: 'huge', readingLoad: 'pause', overlayLift: 20 })).toEqual({
      ...DEFAULT_LECTURE_SETTINGS,
      readingLoad: 'pause',
      overlayLift: 20,
    });
  });
});
