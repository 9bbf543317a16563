import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/captions/types';
import { parseSjson } from '../../../src/captions/formats/sjson';
import {
  EMPTY_FILE_MESSAGE,
  EMPTY_TRANSCRIPT_MESSAGE,
  NOT_SJSON_MESSAGE,
  SJSON_NOT_JSON_MESSAGE,
} from '../../../src/captions/formats/messages';

const OPENEDX = join(__dirname, '../../fixtures/captions/openedx');
const readOpenedx = (name: string): string => readFileSync(join(OPENEDX, name), 'utf8');
const sjson = (start: unknown[], end: unknown[], text: unknown[]): string => JSON.stringify({ start, end, text });

describe('parseSjson: openedx files', () => {
  it.each([
    // [file, entries in the arrays, cues after the empty gap-filler entries are dropped]
    ['subs_3_yD_cEKoCk.srt.sjson', 53, 51],
    ['subs_OEoXaMPEzfM.srt.sjson', 65, 63],
    ['zh_subs_OEoXaMPEzfM.srt.sjson', 3, 3],
  ])('%s: %i entries give %i cues and no issues', (name, entries, count) => {
    const input = readOpenedx(name);
    const data = JSON.parse(input) as { start: number[]; text: string[] };
    expect(data.start).toHaveLength(entries);
    const r = parseSjson(input);
    expect(r.fatal).toBeUndefined();
    expect(r.issues).toEqual([]);
    expect(r.cues).toHaveLength(count);
    r.cues.forEach((c, i) => {
      expect(c.index).toBe(i);
      expect(c.end).toBeGreaterThanOrEqual(c.start);
      expect(c.text).not.toBe('');
      expect(c.raw).toBeUndefined();
    });
  });

  it('subs_3_yD_cEKoCk: first and last cues (the empty first and last entries are gap fillers)', () => {
    const r = parseSjson(readOpenedx('subs_3_yD_cEKoCk.srt.sjson'));
    expect(r.cues[0]).toEqual<Cue>({ index: 0, start: 0.26, end: 1.51, text: 'Welcome to edX.' });
    expect(r.cues[1]).toEqual<Cue>({
      index: 1,
      start: 1.51,
      end: 4.48,
      text: "I'm Anant Agarwal, I'm the president of edX,",
    });
    expect(r.cues[50]).toEqual<Cue>({ index: 50, start: 133.35, end: 136.69, text: 'Welcome to edX, come join us.' });
  });

  it('subs_OEoXaMPEzfM: minified, with "paragraphs" ignored', () => {
    const r = parseSjson(readOpenedx('subs_OEoXaMPEzfM.srt.sjson'));
    expect(r.cues[0]).toEqual<Cue>({
      index: 0,
      start: 0.65,
      end: 3.92,
      text: 'ERIC: Hi, and welcome to the edX demonstration course.',
    });
    expect(r.cues[62]).toEqual<Cue>({ index: 62, start: 192.98, end: 194.23, text: 'get started.' });
  });

  it('zh_subs_OEoXaMPEzfM: Chinese text', () => {
    const r = parseSjson(readOpenedx('zh_subs_OEoXaMPEzfM.srt.sjson'));
    expect(r.cues).toEqual<Cue[]>([
      { index: 0, start: 0.27, end: 2.72, text: '好 各位同学' },
      { index: 1, start: 2.72, end: 5.43, text: '我们今天要讲的题目是' },
      { index: 2, start: 5.43, end: 7.16, text: '从算筹到ENIAC' },
    ]);
  });

  it('uk_transcripts.sjson (SRT content under a .sjson name) is not SJSON', () => {
    expect(parseSjson(readOpenedx('uk_transcripts.sjson'))).toEqual({
      cues: [],
      issues: [],
      fatal: SJSON_NOT_JSON_MESSAGE,
    });
  });
});

describe('parseSjson: text', () => {
  it('strips tags and decodes entities, keeping the original in raw', () => {
    const r = parseSjson(
      sjson([0, 1000, 2000, 3000], [1000, 2000, 3000, 4000], [
        '<i>Hello</i> &amp; welcome',
        'It&#39;s<br>two lines',
        ' line one \n line two ',
        'plain',
      ]),
    );
    expect(r.issues).toEqual([]);
    expect(r.cues).toEqual<Cue[]>([
      { index: 0, start: 0, end: 1, text: 'Hello & welcome', raw: '<i>Hello</i> &amp; welcome' },
      { index: 1, start: 1, end: 2, text: "It's\ntwo lines", raw: 'It&#39;s<br>two lines' },
      { index: 2, start: 2, end: 3, text: 'line one\nline two', raw: ' line one \n line two ' },
      { index: 3, start: 3, end: 4, text: 'plain' },
    ]);
  });

  it('keeps text between "<" and ">" that is not a formatting tag', () => {
    const r = parseSjson(sjson([0], [1000], ['<i>Use</i> ArrayList<Integer> for #include <vector>']));
    expect(r.cues[0].text).toBe('Use ArrayList<Integer> for #include <vector>');
  });

  it('drops empty entries silently and numbers the cues it keeps', () => {
    const r = parseSjson(sjson([0, 500, 900, 1500], [500, 900, 1500, 2000], ['', 'a', '<br>', 'b']));
    expect(r.issues).toEqual([]);
    expect(r.cues.map((c) => [c.index, c.text])).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
  });

  it('reads a file with a BOM', () => {
    expect(parseSjson('\ufeff' + sjson([0], [1000], ['x'])).cues).toHaveLength(1);
  });
});

describe('parseSjson: bad input', () => {
  it('truncated JSON is fatal', () => {
    const input = readOpenedx('subs_3_yD_cEKoCk.srt.sjson');
    expect(parseSjson(input.slice(0, 1500))).toEqual({ cues: [], issues: [], fatal: SJSON_NOT_JSON_MESSAGE });
    expect(parseSjson('<html><body>Not found</body></html>').fatal).toBe(SJSON_NOT_JSON_MESSAGE);
  });

  it.each([
    ['an array', '[1, 2, 3]'],
    ['null', 'null'],
    ['a string', '"hello"'],
    ['a json3 file', '{"events":[]}'],
    ['missing text', '{"start":[0],"end":[1000]}'],
    ['text not a list', '{"start":[0],"end":[1000],"text":"hi"}'],
  ])('JSON of the wrong shape (%s) is not SJSON', (_, input) => {
    expect(parseSjson(input)).toEqual({ cues: [], issues: [], fatal: NOT_SJSON_MESSAGE });
  });

  it('empty arrays, or only empty text, give "The transcript is empty."', () => {
    expect(parseSjson('{"start":[],"end":[],"text":[]}')).toEqual({
      cues: [],
      issues: [],
      fatal: EMPTY_TRANSCRIPT_MESSAGE,
    });
    expect(parseSjson(sjson([0], [1000], [' '])).fatal).toBe(EMPTY_TRANSCRIPT_MESSAGE);
    expect(EMPTY_TRANSCRIPT_MESSAGE).toBe('The transcript is empty.');
  });

  it('an empty file is fatal', () => {
    expect(parseSjson('').fatal).toBe(EMPTY_FILE_MESSAGE);
    expect(parseSjson(' \n').fatal).toBe(EMPTY_FILE_MESSAGE);
  });

  it('skips entries with bad times or text, naming the entry, and keeps the rest', () => {
    const r = parseSjson(
      sjson(
        [0, -500, 'abc', 3000, 4000, null, 6000, 7000],
        [1000, 2000, 3000, 2500, 5000, 6000, 7000, 1e400],
        ['one', 'two', 'three', 'four', 5, 'six', 'seven', 'eight'],
      ),
    );
    expect(r.fatal).toBeUndefined();
    expect(r.cues).toEqual<Cue[]>([
      { index: 0, start: 0, end: 1, text: 'one' },
      { index: 1, start: 6, end: 7, text: 'seven' },
    ]);
    expect(r.issues).toEqual([
      { line: 2, message: 'Entry 2: the start time is negative, so this entry was skipped.' },
      { line: 3, message: 'Entry 3: the start time is not a number, so this entry was skipped.' },
      { line: 4, message: 'Entry 4: it ends before it starts, so this entry was skipped.' },
      { line: 5, message: 'Entry 5: the text is not a string, so this entry was skipped.' },
      { line: 6, message: 'Entry 6: the start time is not a number, so this entry was skipped.' },
      // 1e400 is Infinity after JSON.stringify -> null.
      { line: 8, message: 'Entry 8: the end time is not a number, so this entry was skipped.' },
    ]);
  });

  it('keeps the common part of arrays of unequal length and says so', () => {
    const r = parseSjson(sjson([0, 1000, 2000], [1000, 2000], ['a', 'b', 'c', 'd']));
    expect(r.cues.map((c) => c.text)).toEqual(['a', 'b']);
    expect(r.issues).toEqual([
      {
        line: 3,
        message:
          'Entry 3 onwards: the start, end and text lists have different lengths (3, 2 and 4), so only the first 2 entries were read.',
      },
    ]);
  });

  it('arrays where one is empty give only the issue, not a fatal', () => {
    const r = parseSjson(sjson([0], [1000], []));
    expect(r.cues).toEqual([]);
    expect(r.fatal).toBeUndefined();
    expect(r.issues).toHaveLength(1);
  });

  it('never throws on odd input', () => {
    for (const input of ['{', '{"start":', '{}', '0', 'true', '{"start":[{}],"end":[[]],"text":[{}]}', '\u0000']) {
      expect(() => parseSjson(input)).not.toThrow();
    }
  });
});
