import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/captions/types';
import { cleanAutoCaptions, parseYoutubeJson3, parseYoutubeXml } from '../../../src/captions/formats/youtube';
import {
  EMPTY_FILE_MESSAGE,
  EMPTY_TRANSCRIPT_MESSAGE,
  NOT_YOUTUBE_JSON_MESSAGE,
  NOT_YOUTUBE_XML_MESSAGE,
  YOUTUBE_NOT_JSON_MESSAGE,
} from '../../../src/captions/formats/messages';

const YOUTUBE = join(__dirname, '../../fixtures/captions/youtube');
const readYoutube = (name: string): string => readFileSync(join(YOUTUBE, name), 'utf8');
const cue = (index: number, start: number, end: number, text: string): Cue => ({ index, start, end, text });
const textsOf = (cues: Cue[]): string[] => cues.map((c) => c.text);

describe('parseYoutubeXml: transcript.xml.static (youtube-transcript-api)', () => {
  // Upstream's expected snippets are (text, start, duration).
  const expected: [string, number, number][] = [
    ['Hey, this is just a test', 0.0, 1.54],
    ['this is not the original transcript', 1.54, 4.16],
    ['just something shorter, I made up for testing', 5.7, 3.239],
  ];

  it('gives exactly upstream snippets, the empty <text> dropped without an issue', () => {
    const r = parseYoutubeXml(readYoutube('transcript.xml.static'));
    expect(r.fatal).toBeUndefined();
    expect(r.issues).toEqual([]);
    expect(r.cues).toHaveLength(3);
    r.cues.forEach((c, i) => {
      const [text, start, dur] = expected[i];
      expect(c.index).toBe(i);
      expect(c.text).toBe(text);
      expect(c.start).toBe(start);
      expect(c.end - c.start).toBeCloseTo(dur, 9);
    });
    expect(r.cues[1].end).toBe(5.7);
    expect(r.cues[2].end).toBe(8.939);
  });

  it('keeps the XML-decoded markup in raw, only where it differs', () => {
    const r = parseYoutubeXml(readYoutube('transcript.xml.static'));
    expect(r.cues[0].raw).toBeUndefined();
    expect(r.cues[1].raw).toBe('this is <i>not</i> the original transcript');
    expect(r.cues[2].raw).toBeUndefined();
  });
});

describe('parseYoutubeXml: srv3 and srv2', () => {
  it('reads manual.srv3.xml (ms times, <s> segments, double escaping, <br/>)', () => {
    const r = parseYoutubeXml(readYoutube('manual.srv3.xml'));
    expect(r.fatal).toBeUndefined();
    expect(r.issues).toEqual([]);
    expect(r.cues).toEqual<Cue[]>([
      cue(0, 0, 1.54, 'Hello, this is\na test & more'),
      {
        index: 1,
        start: 1.54,
        end: 5.7,
        text: "quoted words 'n' such",
        raw: '<i>quoted</i> words &#39;n&#39; such',
      },
      { index: 2, start: 5.7, end: 8.939, text: 'just some words' },
      // <br/> is an element, so it becomes a line break in raw too.
      cue(3, 10, 10.8, 'Line one\nLine two'),
    ]);
  });

  it('reads srv2 (<timedtext><text t d>, milliseconds)', () => {
    const r = parseYoutubeXml(
      '<?xml version="1.0" encoding="utf-8" ?><timedtext><text t="250" d="1500">One</text><text t="1750" d="1000">Two</text></timedtext>',
    );
    expect(r.cues).toEqual([cue(0, 0.25, 1.75, 'One'), cue(1, 1.75, 2.75, 'Two')]);
  });

  it('with generated: true, cleans a rolling srv3 track', () => {
    const xml =
      '<timedtext format="3"><body>' +
      '<p t="0" d="4000" w="1"><s ac="0">so</s><s t="300" ac="0"> today</s></p>' +
      '<p t="2000" d="4000" w="1" a="1">\n</p>' +
      '<p t="2000" d="4000" w="1"><s ac="0">we</s><s t="200" ac="0"> begin</s></p>' +
      '</body></timedtext>';
    expect(parseYoutubeXml(xml, { generated: true }).cues).toEqual([cue(0, 0, 2, 'so today'), cue(1, 2, 6, 'we begin')]);
  });
});

describe('parseYoutubeXml: tokenizer details', () => {
  it('handles comments, CDATA, single quotes and ">" inside attribute values', () => {
    const r = parseYoutubeXml(
      "<transcript><!-- a <text> in a comment --><text start='0' dur=\"1\" note=\"a>b\">x</text>" +
        '<text start="1" dur="1"><![CDATA[a <b>bold</b> & c]]></text></transcript>',
    );
    expect(r.issues).toEqual([]);
    expect(r.cues).toEqual<Cue[]>([
      cue(0, 0, 1, 'x'),
      { index: 1, start: 1, end: 2, text: 'a bold & c', raw: 'a <b>bold</b> & c' },
    ]);
  });

  it('keeps a "<" that cannot start a tag as text', () => {
    const r = parseYoutubeXml('<transcript><text start="0" dur="1">1 < 2 <3</text></transcript>');
    expect(r.cues[0].text).toBe('1 < 2 <3');
  });

  it('keeps escaped "<...>" that is not formatting, as json3 gives the same caption', () => {
    const xml = parseYoutubeXml('<transcript><text start="0" dur="1">if x&lt;y and y&gt;z, List&amp;lt;T&amp;gt;</text></transcript>');
    const json3 = parseYoutubeJson3(JSON.stringify({ events: [{ tStartMs: 0, dDurationMs: 1000, segs: [{ utf8: 'if x<y and y>z, List<T>' }] }] }));
    expect(xml.cues[0].text).toBe('if x<y and y>z, List<T>');
    expect(json3.cues[0].text).toBe(xml.cues[0].text);
  });

  it('a missing dur means 0; a self-closing caption is empty and dropped', () => {
    const r = parseYoutubeXml('<transcript><text start="2">no dur</text><text start="3" dur="1"/></transcript>');
    expect(r.issues).toEqual([]);
    expect(r.cues).toEqual([cue(0, 2, 2, 'no dur')]);
  });
});

describe('parseYoutubeXml: bad input', () => {
  it('skips captions with bad timing, with the line, and keeps the rest', () => {
    const xml = [
      '<transcript>',
      '<text start="0" dur="1">ok</text>',
      '<text start="-2" dur="1">negative</text>',
      '<text start="abc" dur="1">not a number</text>',
      '<text dur="1">no start</text>',
      '<text start="3" dur="x">bad dur</text>',
      '<text start="-1" dur="1"></text>',
      '<text start="4" dur="1">fine</text>',
      '</transcript>',
    ].join('\n');
    const r = parseYoutubeXml(xml);
    expect(r.fatal).toBeUndefined();
    expect(r.cues).toEqual([cue(0, 0, 1, 'ok'), cue(1, 4, 5, 'fine')]);
    expect(r.issues).toEqual([
      { line: 3, message: 'Line 3: the start time is negative, so this caption was skipped.' },
      { line: 4, message: 'Line 4: the start time is not a number, so this caption was skipped.' },
      { line: 5, message: 'Line 5: it has no start time, so this caption was skipped.' },
      { line: 6, message: 'Line 6: the duration is not a number, so this caption was skipped.' },
    ]);
  });

  it('garbage between captions is reported once and the captions around it are kept', () => {
    const xml = '<transcript>\n<text start="0" dur="1">ok</text>\n<<<>>> junk & stuff\n<text start="2" dur="1">fine</text>\n';
    const r = parseYoutubeXml(xml);
    expect(textsOf(r.cues)).toEqual(['ok', 'fine']);
    expect(r.issues).toEqual([{ line: 3, message: 'Line 3: text outside any caption was ignored.' }]);
  });

  it('a file cut inside a caption keeps the captions before it', () => {
    const r = parseYoutubeXml('<transcript>\n<text start="0" dur="1">ok</text>\n<text start="1" dur="1">cut o');
    expect(textsOf(r.cues)).toEqual(['ok']);
    expect(r.issues).toEqual([{ line: 3, message: 'Line 3: the file ends inside this caption, so it was skipped.' }]);
  });

  it('a file cut inside a tag keeps the captions before it', () => {
    const r = parseYoutubeXml('<transcript>\n<text start="0" dur="1">ok</text>\n<text start="1" du');
    expect(textsOf(r.cues)).toEqual(['ok']);
    expect(r.issues).toEqual([{ line: 3, message: 'Line 3: the file ends in the middle of a tag; the rest was ignored.' }]);
    const inside = parseYoutubeXml('<transcript><text start="0" dur="1">ok</text><text start="1" dur="1">partial</te');
    expect(textsOf(inside.cues)).toEqual(['ok']);
    expect(inside.issues).toEqual([{ line: 1, message: 'Line 1: the file ends inside this caption, so it was skipped.' }]);
  });

  it('an unclosed caption is ended at the next one', () => {
    const r = parseYoutubeXml('<transcript>\n<text start="0" dur="1">a\n<text start="1" dur="1">b</text></transcript>');
    expect(textsOf(r.cues)).toEqual(['a', 'b']);
    expect(r.issues).toEqual([
      { line: 3, message: 'Line 3: the caption before this one is not closed; it was ended here.' },
    ]);
  });

  it.each([
    ['plain text', 'hello world'],
    ['an HTML page', '<!DOCTYPE html><html><body>Error 404</body></html>'],
    ['JSON', '{"events":[]}'],
    ['a cut declaration', '<?xml version="1.0"'],
    ['WebVTT', 'WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n'],
  ])('%s is not a YouTube XML file', (_, input) => {
    expect(parseYoutubeXml(input)).toEqual({ cues: [], issues: [], fatal: NOT_YOUTUBE_XML_MESSAGE });
  });

  it('empty files and empty transcripts are fatal', () => {
    expect(parseYoutubeXml('').fatal).toBe(EMPTY_FILE_MESSAGE);
    expect(parseYoutubeXml('<?xml version="1.0" encoding="utf-8" ?><transcript></transcript>').fatal).toBe(
      EMPTY_TRANSCRIPT_MESSAGE,
    );
    expect(parseYoutubeXml('<transcript><text start="5" dur="0.5"></text></transcript>').fatal).toBe(
      EMPTY_TRANSCRIPT_MESSAGE,
    );
  });
});

describe('parseYoutubeJson3', () => {
  it('reads events, skips window events and newline-only events', () => {
    const r = parseYoutubeJson3(readYoutube('asr-rolling.json3.json'));
    expect(r.fatal).toBeUndefined();
    expect(r.issues).toEqual([]);
    // Not cleaned: the rolling repeats are all there.
    expect(textsOf(r.cues)).toEqual([
      'welcome back everyone',
      'welcome back everyone',
      'welcome back everyone\ntoday we look at sorting',
      'today we look at sorting',
      'today we look at sorting\nstarting with the the simplest one',
      'starting with the the simplest one\nbubble sort',
      'sort of slow',
    ]);
    expect(r.cues[0]).toEqual(cue(0, 0, 2.5, 'welcome back everyone'));
  });

  it('with generated: true, turns the rolling track into non-repeating lines', () => {
    const r = parseYoutubeJson3(readYoutube('asr-rolling.json3.json'), { generated: true });
    expect(r.issues).toEqual([]);
    expect(r.cues).toEqual<Cue[]>([
      cue(0, 0, 2.51, 'welcome back everyone'),
      {
        index: 1,
        start: 2.51,
        end: 5.12,
        text: 'today we look at sorting',
        raw: 'welcome back everyone\ntoday we look at sorting',
      },
      {
        index: 2,
        start: 5.12,
        end: 8.12,
        text: 'starting with the the simplest one',
        raw: 'today we look at sorting\nstarting with the the simplest one',
      },
      { index: 3, start: 8.12, end: 9.5, text: 'bubble sort', raw: 'starting with the the simplest one\nbubble sort' },
      // One shared word ("sort") is not treated as a repeat.
      cue(4, 9.5, 11.5, 'sort of slow'),
    ]);
  });

  it('joins segments; missing tStartMs / dDurationMs mean 0 (proto3 leaves zeros out)', () => {
    const r = parseYoutubeJson3(
      JSON.stringify({
        events: [
          { dDurationMs: 1200, segs: [{ utf8: 'Hello' }, { utf8: ' there', tOffsetMs: 400 }] },
          { tStartMs: 1200, segs: [{ utf8: 'line one\nline two' }] },
          { tStartMs: 2000, dDurationMs: 500, segs: [{ utf8: '  spaced  ' }] },
        ],
      }),
    );
    expect(r.cues).toEqual<Cue[]>([
      cue(0, 0, 1.2, 'Hello there'),
      cue(1, 1.2, 1.2, 'line one\nline two'),
      { index: 2, start: 2, end: 2.5, text: 'spaced', raw: '  spaced  ' },
    ]);
  });

  it('skips events with bad times, naming the event, and keeps the rest', () => {
    const r = parseYoutubeJson3(
      JSON.stringify({
        events: [
          { tStartMs: 0, dDurationMs: 1000, segs: [{ utf8: 'good' }] },
          { tStartMs: -100, dDurationMs: 1000, segs: [{ utf8: 'negative' }] },
          { tStartMs: '2000', dDurationMs: 1000, segs: [{ utf8: 'string' }] },
          { tStartMs: 3000, dDurationMs: -5, segs: [{ utf8: 'bad duration' }] },
          'not an event',
          { tStartMs: 4000, dDurationMs: 1000, segs: 'nope' },
          { tStartMs: 5000, dDurationMs: 1000, segs: [{ utf8: 'also good' }, { nope: 1 }, 7] },
        ],
      }),
    );
    expect(r.fatal).toBeUndefined();
    expect(r.cues).toEqual([cue(0, 0, 1, 'good'), cue(1, 5, 6, 'also good')]);
    expect(r.issues).toEqual([
      { line: 2, message: 'Event 2: the start time is negative, so it was skipped.' },
      { line: 3, message: 'Event 3: the start time is not a number, so it was skipped.' },
      { line: 4, message: 'Event 4: the duration is negative, so it was skipped.' },
      { line: 5, message: 'Event 5: it is not an object, so it was skipped.' },
      { line: 6, message: 'Event 6: its text segments are not a list, so it was skipped.' },
    ]);
  });

  it('truncated JSON is fatal', () => {
    const input = readYoutube('asr-rolling.json3.json');
    expect(parseYoutubeJson3(input.slice(0, 400))).toEqual({ cues: [], issues: [], fatal: YOUTUBE_NOT_JSON_MESSAGE });
  });

  it.each([
    ['an SJSON file', '{"start":[0],"end":[1],"text":["a"]}'],
    ['an array', '[]'],
    ['events not a list', '{"events":{}}'],
  ])('JSON of the wrong shape (%s) is not json3', (_, input) => {
    expect(parseYoutubeJson3(input)).toEqual({ cues: [], issues: [], fatal: NOT_YOUTUBE_JSON_MESSAGE });
  });

  it('no events, or only window and newline events, give "The transcript is empty."', () => {
    expect(parseYoutubeJson3('{"events":[]}').fatal).toBe(EMPTY_TRANSCRIPT_MESSAGE);
    expect(
      parseYoutubeJson3('{"events":[{"tStartMs":0,"dDurationMs":5000,"id":1},{"tStartMs":10,"aAppend":1,"segs":[{"utf8":"\\n"}]}]}')
        .fatal,
    ).toBe(EMPTY_TRANSCRIPT_MESSAGE);
    expect(parseYoutubeJson3('').fatal).toBe(EMPTY_FILE_MESSAGE);
  });
});

describe('cleanAutoCaptions', () => {
  it('drops repeated leading lines, merges empty leftovers, fixes overlaps, renumbers', () => {
    const input: Cue[] = [
      cue(0, 0, 3, 'one two three'),
      cue(1, 2, 2.01, 'one two three'),
      cue(2, 2.01, 5, 'one two three\nfour five six'),
      cue(3, 4, 7, 'four five six\nseven'),
    ];
    const snapshot = structuredClone(input);
    expect(cleanAutoCaptions(input)).toEqual<Cue[]>([
      cue(0, 0, 2.01, 'one two three'),
      { index: 1, start: 2.01, end: 4, text: 'four five six', raw: 'one two three\nfour five six' },
      { index: 2, start: 4, end: 7, text: 'seven', raw: 'four five six\nseven' },
    ]);
    // The input is left alone.
    expect(input).toEqual(snapshot);
  });

  it('handles text that grows without line breaks', () => {
    const out = cleanAutoCaptions([cue(0, 0, 1, 'hello'), cue(1, 1, 2, 'hello world'), cue(2, 2, 3, 'hello world again')]);
    expect(textsOf(out)).toEqual(['hello', 'world', 'again']);
  });

  it('a single shared word is a repeat only when it is a whole line or the whole previous text', () => {
    expect(textsOf(cleanAutoCaptions([cue(0, 0, 1, 'go to the'), cue(1, 1, 2, 'the shop')]))).toEqual([
      'go to the',
      'the shop',
    ]);
    expect(textsOf(cleanAutoCaptions([cue(0, 0, 1, 'we said\nyes'), cue(1, 1, 2, 'yes\nand then')]))).toEqual([
      'we said\nyes',
      'and then',
    ]);
  });

  it('keeps a clean track as it is', () => {
    const clean = [cue(0, 0, 1, 'a b'), cue(1, 1, 2, 'c d'), cue(2, 3, 4, 'e f')];
    expect(cleanAutoCaptions(clean)).toEqual(clean);
    expect(cleanAutoCaptions([])).toEqual([]);
  });
});
