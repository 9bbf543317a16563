import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/captions/types';
import { cueTextToPlain, parseVtt, parseVttDetailed, toVtt } from '../../../src/captions/formats/vtt';

const CONFORMANCE = join(__dirname, '../../fixtures/conformance');

/** Joins lines with LF; keeps tests readable while showing the exact bytes. */
const lines = (...l: string[]): string => l.join('\n');

describe('parseVtt: cues', () => {
  it('reads ids, timings with and without hours, settings and multi-line text', () => {
    const r = parseVtt(
      lines(
        'WEBVTT',
        '',
        'intro',
        '00:01.000 --> 00:02.500 align:start line:10%',
        'Hello',
        'world',
        '',
        '01:00:00.000 --> 01:00:01.001',
        'Later',
        '',
      ),
    );
    expect(r.fatal).toBeUndefined();
    expect(r.issues).toEqual([]);
    expect(r.cues).toEqual<Cue[]>([
      { index: 0, start: 1, end: 2.5, text: 'Hello\nworld', id: 'intro', settings: 'align:start line:10%' },
      { index: 1, start: 3600, end: 3601.001, text: 'Later' },
    ]);
  });

  it('handles CR, CRLF, a BOM and NUL characters', () => {
    const r = parseVtt('\uFEFFWEBVTT\r\n\r\n00:00.000 --> 00:01.000\rA\0B\r\n\r\n00:01.000 --> 00:02.000\nC');
    expect(r.cues.map((c) => c.text)).toEqual(['A\uFFFDB', 'C']);
  });

  it('skips comments, STYLE and REGION blocks silently and keeps the header', () => {
    const r = parseVtt(
      lines(
        'WEBVTT - lecture 1',
        'Kind: captions',
        '',
        'STYLE',
        '::cue { color: yellow }',
        '',
        'REGION',
        'id:r1 width:40%',
        '',
        'NOTE a comment',
        'spanning lines',
        '',
        '00:00.000 --> 00:01.000 region:r1',
        'Text',
      ),
    );
    expect(r.issues).toEqual([]);
    expect(r.header).toBe(' - lecture 1\nKind: captions');
    expect(r.cues).toEqual([{ index: 0, start: 0, end: 1, text: 'Text', settings: 'region:r1' }]);
    const d = parseVttDetailed(lines('WEBVTT', '', 'REGION', 'id:r1 width:40%', '', '00:00.000 --> 00:01.000 region:r1', 'x'));
    expect(d.cues[0].region).toBe(d.regions[0]);
    expect(d.regions[0].width).toBe(40);
  });

  it('reports malformed blocks with line numbers and keeps the rest', () => {
    const r = parseVtt(
      lines(
        'WEBVTT', // 1
        '', // 2
        '00:00:01.000 --> 00:00:02.000', // 3
        'first', // 4
        '', // 5
        '00:00:03.000 -> 00:00:04.000', // 6: no arrow at all
        'no arrow', // 7
        '', // 8
        '00:00:05.000 --> 00:00:0x.000', // 9
        'bad end', // 10
        '', // 11
        'an id', // 12
        '00:99:00.000 --> 00:99:01.000', // 13: minutes over 59
        'bad minutes', // 14
        '', // 15
        '00:00:07.000 --> 00:00:08.000', // 16
        'last', // 17
        '', // 18
        'STYLE', // 19: too late for a style block
        '::cue {}', // 20
      ),
    );
    expect(r.cues.map((c) => [c.index, c.text])).toEqual([
      [0, 'first'],
      [1, 'last'],
    ]);
    expect(r.issues).toEqual([
      { line: 6, message: 'Line 6: this block has no cue timing, so it was skipped.' },
      { line: 9, message: 'Line 9: the cue timing is not valid, so this cue was skipped.' },
      { line: 13, message: 'Line 13: the cue timing is not valid, so this cue was skipped.' },
      { line: 19, message: 'Line 19: STYLE blocks must come before the first cue, so this one was ignored.' },
    ]);
  });

  it('starts a new cue at a timing line even without a blank line before it', () => {
    const r = parseVtt(lines('WEBVTT', '', '00:00.000 --> 00:01.000', 'a', '00:01.000 --> 00:02.000', 'b'));
    expect(r.cues.map((c) => c.text)).toEqual(['a', 'b']);
  });
});

describe('parseVtt: fatal errors', () => {
  it.each(['', '   \n\t\n', '\uFEFF', '\uFEFF\n\n'])('an empty file (%j) is fatal', (input) => {
    expect(parseVtt(input)).toEqual({ cues: [], issues: [], fatal: 'The caption file is empty.' });
  });

  it.each(['webvtt\n\n00:00.000 --> 00:01.000\nx', 'WEBVTTX\n', '1\n00:00:00,000 --> 00:00:01,000\nx', '\uFEFF\uFEFFWEBVTT\n'])(
    'a file without the WEBVTT signature (%j) is fatal with no cues',
    (input) => {
      const r = parseVtt(input);
      expect(r.cues).toEqual([]);
      expect(r.fatal).toBe('This is not a WebVTT file: it does not start with "WEBVTT".');
    },
  );

  it('a signature-only file is valid and empty', () => {
    expect(parseVtt('WEBVTT')).toEqual({ cues: [], issues: [] });
  });
});

describe('cueTextToPlain', () => {
  it.each([
    ['<b>bold</b> <i>it</i> <u>u</u>', 'bold it u'],
    ['<c.yellow.big>class</c>', 'class'],
    ['<v Roger Bingham>We are in New York City', 'We are in New York City'],
    ['<v.loud Esme>Hi</v>', 'Hi'],
    ['<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>', '漢字'],
    ['<ruby>base<rt>annotation</ruby> after', 'base after'],
    ['one <00:00:01.000>two <00:02.500>three', 'one two three'],
    ['<lang en-GB>colour</lang>', 'colour'],
    ['unclosed <b', 'unclosed'],
    ['<>empty tag', 'empty tag'],
  ])('%j -> %j', (raw, plain) => {
    expect(cueTextToPlain(raw)).toBe(plain);
  });

  it.each([
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['&lt;tag&gt;', '<tag>'],
    ['a&nbsp;b', 'a\u00a0b'],
    ['&lrm;left&rlm;', '\u200eleft\u200f'],
    ['&#65;&#x42;&#X43;', 'ABC'],
    ['&#65 no semicolon', 'A no semicolon'],
    ['caf&eacute; &copy; &euro;5 &mdash; &hellip; &quot;q&quot; &apos;', 'café © €5 — … "q" \''],
    ['&#0; &#x110000; &#xD800;', '\uFFFD \uFFFD \uFFFD'],
    ['&#x80;', '€'],
    ['AT&T & co &unknown; &', 'AT&T & co &unknown; &'],
    ['&copy2024', '©2024'],
  ])('decodes %j -> %j', (raw, plain) => {
    expect(cueTextToPlain(raw)).toBe(plain);
  });

  it('trims each line and drops lines left empty', () => {
    expect(cueTextToPlain('<v Bob>\n  Hello  \r\n<i></i>\nthere ')).toBe('Hello\nthere');
  });

  it('keeps text from the TextTrack API that has no markup as it is', () => {
    expect(cueTextToPlain('Plain caption, 100% fine.')).toBe('Plain caption, 100% fine.');
  });
});

describe('hostile cue text', () => {
  const r = parseVtt(
    lines(
      'WEBVTT',
      '',
      '00:00.000 --> 00:01.000',
      '<script>alert(1)</script>',
      '',
      '00:01.000 --> 00:02.000',
      '&lt;img src=x onerror=alert(1)&gt;',
      '',
      '00:02.000 --> 00:03.000',
      '<img src=x onerror=alert(1)>hi',
    ),
  );

  it('drops tags but keeps their text content as plain text', () => {
    expect(r.cues[0].text).toBe('alert(1)');
    expect(r.cues[0].raw).toBe('<script>alert(1)</script>');
    expect(r.cues[2].text).toBe('hi');
  });

  it('decodes escaped markup into literal characters, never into a tag', () => {
    expect(r.cues[1].text).toBe('<img src=x onerror=alert(1)>');
    expect(r.cues[1].raw).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('toVtt', () => {
  const clean = lines(
    'WEBVTT',
    'Kind: captions',
    'Language: en',
    '',
    '00:00:00.500 --> 00:00:02.000',
    'Plain line',
    '',
    'intro',
    '00:00:02.000 --> 00:00:04.250 align:start position:10%,line-left',
    '<v Ann>Hello <b>there</b> &amp; welcome',
    'second line',
    '',
    '00:59:59.999 --> 01:00:01.000 line:0',
    '&lt;not a tag&gt;',
    '',
  );

  it('writes a clean file back byte for byte', () => {
    const parsed = parseVtt(clean);
    expect(parsed.issues).toEqual([]);
    expect(toVtt(parsed.cues, { header: parsed.header })).toBe(clean);
  });

  it('escapes plain text so it reads back unchanged', () => {
    const cues: Cue[] = [
      { index: 0, start: 0, end: 1, text: 'a < b & c > d' },
      { index: 1, start: 1, end: 2, text: 'x --> y\n\nafter blank' },
    ];
    const out = toVtt(cues);
    expect(out).toBe(
      lines('WEBVTT', '', '00:00:00.000 --> 00:00:01.000', 'a &lt; b &amp; c &gt; d', '', '00:00:01.000 --> 00:00:02.000', 'x --&gt; y', 'after blank', ''),
    );
    const back = parseVtt(out).cues;
    expect(back[0].text).toBe('a < b & c > d');
    expect(back[1].text).toBe('x --> y\nafter blank');
  });

  it('falls back to the text when raw markup no longer matches it (e.g. SRT-only tags)', () => {
    const out = toVtt([{ index: 0, start: 0, end: 1, text: 'Top', raw: '{\\an8}Top' }]);
    expect(parseVtt(out).cues[0].text).toBe('Top');
  });

  it('puts a header on its own line unless it continues the signature line', () => {
    expect(toVtt([], { header: 'Kind: captions' })).toBe('WEBVTT\nKind: captions\n');
    expect(toVtt([], { header: ' - Title' })).toBe('WEBVTT - Title\n');
    expect(toVtt([])).toBe('WEBVTT\n');
  });

  it('round-trips every parseable conformance file: parse -> toVtt -> parse gives the same cues', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name.endsWith('.vtt')) files.push(p);
      }
    };
    walk(CONFORMANCE);
    let checked = 0;
    for (const file of files) {
      const first = parseVtt(readFileSync(file, 'utf8'));
      if (first.fatal) continue;
      const second = parseVtt(toVtt(first.cues, { header: first.header }));
      expect(second.cues, file).toEqual(first.cues);
      expect(second.issues, file).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });
});

// Parsing speed is measured in the benchmark (npm run bench), never timed here.
describe('large files', () => {
  it('parses a 20,000-cue file completely', () => {
    const parts = ['WEBVTT', ''];
    for (let i = 0; i < 20000; i++) {
      parts.push(String(i), `00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000 --> 00:00:59.000 align:start`);
      parts.push(i % 3 === 0 ? `<v Speaker>Line ${i} &amp; <i>more</i>` : `Line ${i} of the lecture`, '');
    }
    const r = parseVtt(parts.join('\n'));
    expect(r.cues.length).toBe(20000);
    expect(r.issues).toEqual([]);
    expect(r.cues[19998]).toMatchObject({ id: '19998', text: 'Line 19998 & more', settings: 'align:start' });
  });
});
