import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/captions/types';
import { parseSrt, srtTextToPlain, toSrt } from '../../../src/captions/formats/srt';

const OPENEDX = join(__dirname, '../../fixtures/captions/openedx');
const readOpenedx = (name: string): string => readFileSync(join(OPENEDX, name), 'utf8');
const lines = (...l: string[]): string => l.join('\n');

describe('parseSrt: openedx files', () => {
  it.each([
    ['test_transcripts.srt', 45],
    ['chinese_transcripts.srt', 273],
    ['traditional_chinese.srt', 7],
    ['transcript.srt', 10],
    ['english_single_transcript.srt', 1],
  ])('%s has %i cues and no issues', (name, count) => {
    const r = parseSrt(readOpenedx(name));
    expect(r.fatal).toBeUndefined();
    expect(r.issues).toEqual([]);
    expect(r.cues).toHaveLength(count);
    r.cues.forEach((c, i) => {
      expect(c.index).toBe(i);
      expect(c.end).toBeGreaterThanOrEqual(c.start);
      expect(c.text).not.toBe('');
    });
  });

  it('reads counters that start at 0 (test_transcripts.srt)', () => {
    const r = parseSrt(readOpenedx('test_transcripts.srt'));
    expect(r.cues[0]).toEqual<Cue>({ index: 0, start: 0.27, end: 2.72, text: 'LILA FISHER: Hi, welcome to Edx.', id: '0' });
    expect(r.cues[44].id).toBe('44');
  });

  it('reads the last cue of a file without a trailing newline (traditional_chinese.srt)', () => {
    const text = readOpenedx('traditional_chinese.srt');
    expect(text.endsWith('\n')).toBe(false);
    const last = parseSrt(text).cues[6];
    expect(last).toMatchObject({ index: 6, start: 14.29, end: 16.65, text: '在這個革命的前沿' });
  });

  it('reads chinese_transcripts_with_BOM.srt with a BOM prepended (the fixture copy lost it)', () => {
    const text = readOpenedx('chinese_transcripts_with_BOM.srt');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const withBom = parseSrt('\uFEFF' + text);
    expect(withBom.issues).toEqual([]);
    expect(withBom.cues).toHaveLength(5);
    expect(withBom.cues[0].id).toBe('1');
    expect(withBom.cues).toEqual(parseSrt(text).cues);
  });

  it('gives the same cues with CRLF and CR line endings', () => {
    const text = readOpenedx('test_transcripts.srt');
    const lf = parseSrt(text).cues;
    expect(parseSrt(text.replace(/\n/g, '\r\n')).cues).toEqual(lf);
    expect(parseSrt(text.replace(/\n/g, '\r')).cues).toEqual(lf);
  });
});

describe('parseSrt: tolerance', () => {
  it('accepts missing counters, dot milliseconds, short hours, short fractions and extra blank lines', () => {
    const r = parseSrt(
      lines(
        '',
        '',
        '00:00:01,000 --> 00:00:02,000',
        'no counter',
        '',
        '',
        '',
        '7',
        '0:00:03.5 --> 0:00:04.25',
        'dots and short parts',
        '',
        '8',
        '01:02:03,004 --> 01:02:05,000 X1:10 X2:20 Y1:30 Y2:40',
        'coordinates ignored',
        '',
      ),
    );
    expect(r.issues).toEqual([]);
    expect(r.cues).toEqual<Cue[]>([
      { index: 0, start: 1, end: 2, text: 'no counter' },
      { index: 1, start: 3.5, end: 4.25, text: 'dots and short parts', id: '7' },
      { index: 2, start: 3723.004, end: 3725, text: 'coordinates ignored', id: '8' },
    ]);
  });

  it('splits cues that lack the blank line between them', () => {
    const r = parseSrt(lines('1', '00:00:01,000 --> 00:00:02,000', 'one', '2', '00:00:03,000 --> 00:00:04,000', 'two'));
    expect(r.cues.map((c) => [c.id, c.text])).toEqual([
      ['1', 'one'],
      ['2', 'two'],
    ]);
  });

  it('strips formatting tags for text and keeps them in raw', () => {
    const r = parseSrt(
      lines(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        '{\\an8}<i>Top</i> and <b>bold</b>',
        '<font color="#ffff00">yellow</font> <u>u</u>',
        '',
        '2',
        '00:00:03,000 --> 00:00:04,000',
        'Tom &amp; Jerry<br/>next',
      ),
    );
    expect(r.cues[0].text).toBe('Top and bold\nyellow u');
    expect(r.cues[0].raw).toBe('{\\an8}<i>Top</i> and <b>bold</b>\n<font color="#ffff00">yellow</font> <u>u</u>');
    expect(r.cues[1].text).toBe('Tom & Jerry\nnext');
  });

  it('keeps a cue with a timing line but no text', () => {
    const r = parseSrt(lines('1', '00:00:01,000 --> 00:00:02,000', '', '2', '00:00:03,000 --> 00:00:04,000', 'b'));
    expect(r.cues.map((c) => c.text)).toEqual(['', 'b']);
  });
});

describe('parseSrt: malformed input', () => {
  it('reports bad blocks with line numbers and keeps the rest', () => {
    const r = parseSrt(
      lines(
        '1', // 1
        '00:00:01,000 --> 00:00:02,000', // 2
        'good one', // 3
        '', // 4
        '2', // 5
        '00:00:03,000 --> 00:00:0x,000', // 6
        'bad end time', // 7
        '', // 8
        'just some text', // 9
        'without timing', // 10
        '', // 11
        '4', // 12
        '00:61:00,000 --> 00:62:00,000', // 13: minutes over 59
        'bad minutes', // 14
        '', // 15
        '5', // 16
        '00:00:05,000 --> 00:00:06,000', // 17
        'good two', // 18
      ),
    );
    expect(r.cues.map((c) => [c.index, c.id, c.text])).toEqual([
      [0, '1', 'good one'],
      [1, '5', 'good two'],
    ]);
    expect(r.issues).toEqual([
      { line: 6, message: 'Line 6: the cue timing is not valid, so this cue was skipped.' },
      { line: 9, message: 'Line 9: this block has no cue timing, so it was skipped.' },
      { line: 13, message: 'Line 13: the cue timing is not valid, so this cue was skipped.' },
    ]);
  });

  it('skips only the bad cue of a run without blank lines, and keeps the cues after it', () => {
    const r = parseSrt(
      lines(
        '1', // 1
        '00:00:01,000 --> 00:00:02,000',
        'one',
        '2', // 4
        '00:00:03,000 --> 00:00:0x,000', // 5: typo in the end time
        'two',
        '3',
        '00:00:05,000 --> 00:00:06,000',
        'three',
        '4', // 10
        '00:00:07 --> 00:00:08', // 11: no milliseconds
        'four',
        '5',
        '00:00:09,000 --> 00:00:10,000',
        'five',
      ),
    );
    expect(r.cues.map((c) => [c.id, c.text])).toEqual([
      ['1', 'one'],
      ['3', 'three'],
      ['5', 'five'],
    ]);
    expect(r.issues).toEqual([
      { line: 5, message: 'Line 5: the cue timing is not valid, so this cue was skipped.' },
      { line: 11, message: 'Line 11: the cue timing is not valid, so this cue was skipped.' },
    ]);
  });

  it('reports a stray line above a cue and keeps the cue', () => {
    const r = parseSrt(lines('Lecture 3 - transcript', '1', '00:00:01,000 --> 00:00:02,000', 'Hello', '2', '00:00:03,000 --> 00:00:04,000', 'World'));
    expect(r.cues.map((c) => [c.id, c.text])).toEqual([
      ['1', 'Hello'],
      ['2', 'World'],
    ]);
    expect(r.issues).toEqual([{ line: 1, message: 'Line 1: this text is not part of any cue, so it was skipped.' }]);
    expect(parseSrt(lines('Title', '00:00:01,000 --> 00:00:02,000', 'Hello')).cues.map((c) => c.text)).toEqual(['Hello']);
  });

  it('keeps an arrow in caption text as text', () => {
    const r = parseSrt(lines('1', '00:00:01,000 --> 00:00:02,000', 'while (x --> 0)', 'a --> b', '', '2', '00:00:03,000 --> 00:00:04,000', 'next'));
    expect(r.issues).toEqual([]);
    expect(r.cues.map((c) => c.text)).toEqual(['while (x --> 0)\na --> b', 'next']);
  });

  it.each(['', ' \n\r\n\t ', '\uFEFF', '\uFEFF\r\n'])('an empty file (%j) is fatal', (input) => {
    expect(parseSrt(input)).toEqual({ cues: [], issues: [], fatal: 'The caption file is empty.' });
  });
});

describe('hostile cue text', () => {
  const r = parseSrt(
    lines(
      '1',
      '00:00:01,000 --> 00:00:02,000',
      '<script>alert(1)</script>',
      '',
      '2',
      '00:00:02,000 --> 00:00:03,000',
      '&lt;img src=x onerror=alert(1)&gt;',
    ),
  );

  it('keeps a tag that is not SRT formatting as literal text (it is shown as text, never run)', () => {
    expect(r.cues[0].text).toBe('<script>alert(1)</script>');
    expect(r.cues[0].raw).toBeUndefined();
  });

  it('decodes escaped markup into literal characters, never into a tag', () => {
    expect(r.cues[1].text).toBe('<img src=x onerror=alert(1)>');
    expect(r.cues[1].raw).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('leaves a lone "<" that is not a tag alone', () => {
    expect(srtTextToPlain('a < b and 3 <4')).toBe('a < b and 3 <4');
  });
});

describe('text between "<" and ">" that is not formatting', () => {
  const srt = (text: string): string => lines('1', '00:00:01,000 --> 00:00:02,000', text, '');

  it.each([
    'ArrayList<Integer> list = new ArrayList<>();',
    '#include <vector>',
    'if x<y and y>z then x<z',
    'Then use a <div> to group it.',
    'Map<String, List<Integer>> m',
  ])('keeps %j as written', (text) => {
    const cue = parseSrt(srt(text)).cues[0];
    expect(cue.text).toBe(text);
    expect(cue.raw).toBeUndefined();
  });

  it('still strips the formatting tags, with attributes, classes and any case', () => {
    expect(srtTextToPlain('<I>a</I> <S>b</S> <font face="Arial" color=red>c</font> d<br />e')).toBe('a b c d\ne');
    expect(srtTextToPlain('<c.yellow.bg_blue>a</c> <v.loud Esme>b</v> <lang en-GB>c</lang> <ruby>漢<rt>kan</rt></ruby>')).toBe('a b c 漢kan');
    expect(srtTextToPlain('<i.yellow>List<T></i>')).toBe('List<T>');
  });
});

describe('toSrt', () => {
  it.each([
    'Use List<String> here',
    'Then use a <div> to group it.',
    'The <b> tag makes text bold; <br> breaks a line.',
    'Write &lt; for <, and &amp; for &: AT&T',
    'In LaTeX, {\\alpha} is a Greek letter',
    '<i>not italic</i> here',
  ])('gives %j back through parseSrt, however it looks like markup', (text) => {
    const cues: Cue[] = [{ index: 0, start: 1, end: 2, text }];
    expect(parseSrt(toSrt(cues)).cues[0].text).toBe(text);
  });

  it('escapes only what a reader would take for markup, so players that decode no entities show the rest as written', () => {
    const body = (text: string): string => toSrt([{ index: 0, start: 1, end: 2, text }]).split('\n')[2];
    expect(body('Use List<String> here')).toBe('Use List<String> here');
    expect(body('if x<y and y>z')).toBe('if x<y and y>z');
    expect(body('AT&T, R&D')).toBe('AT&T, R&D');
    expect(body('The <b> tag')).toBe('The &lt;b> tag');
    expect(body('Write &lt; here')).toBe('Write &amp;lt; here');
    expect(body('x^{\\prime}')).toBe('x^&#123;\\prime}');
  });

  it('writes standard SRT with 1-based counters, comma milliseconds and raw markup', () => {
    const cues: Cue[] = [
      { index: 0, start: 0.5, end: 2, text: 'Hello', id: '0' },
      { index: 1, start: 3661.001, end: 3662, text: 'Top line\nsecond', raw: '{\\an8}<i>Top</i> line\nsecond' },
      { index: 2, start: 4000, end: 4001, text: 'a\n\nb' },
    ];
    expect(toSrt(cues)).toBe(
      lines(
        '1',
        '00:00:00,500 --> 00:00:02,000',
        'Hello',
        '',
        '2',
        '01:01:01,001 --> 01:01:02,000',
        '{\\an8}<i>Top</i> line',
        'second',
        '',
        '3',
        '01:06:40,000 --> 01:06:41,000',
        'a',
        'b',
        '',
        '',
      ),
    );
  });

  it('writes the text, not raw markup that no longer matches it', () => {
    expect(toSrt([{ index: 0, start: 0, end: 1, text: 'edited', raw: '<i>original</i>' }])).toBe(
      '1\n00:00:00,000 --> 00:00:01,000\nedited\n\n',
    );
  });

  it.each(['test_transcripts.srt', 'chinese_transcripts.srt', 'traditional_chinese.srt', 'transcript.srt'])(
    'round-trips %s: parse -> toSrt -> parse gives the same cues (counters renumbered from 1)',
    (name) => {
      const first = parseSrt(readOpenedx(name));
      const second = parseSrt(toSrt(first.cues));
      expect(second.issues).toEqual([]);
      const strip = (cues: Cue[]): Omit<Cue, 'id'>[] => cues.map(({ id: _id, ...rest }) => rest);
      expect(strip(second.cues)).toEqual(strip(first.cues));
      expect(second.cues.map((c) => c.id)).toEqual(first.cues.map((_, i) => String(i + 1)));
    },
  );

  it('writes a clean 1-based file back byte for byte', () => {
    const text = readOpenedx('chinese_transcripts.srt');
    expect(toSrt(parseSrt(text).cues)).toBe(text);
  });
});
