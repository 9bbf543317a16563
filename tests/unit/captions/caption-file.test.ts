import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/captions/types';
import { formatClock, formatSrtTime, formatVttTime, parseCaptionFile, parseSrtTimestamp, toTxt } from '../../../src/captions/formats';
import { collectVttTimestamp } from '../../../src/captions/formats/time';

const NOT_CAPTIONS = 'This is not a caption file we can read (expected WebVTT or SRT).';
const SRT = '1\n00:00:01,000 --> 00:00:02,000\nHello\n';

describe('parseCaptionFile: format sniffing', () => {
  it('reads WebVTT by its signature, whatever the hint says', () => {
    const r = parseCaptionFile('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n', { url: 'https://x.test/a.srt' });
    expect(r.format).toBe('vtt');
    expect(r.cues.map((c) => c.text)).toEqual(['Hi']);
  });

  it('reads a BOM + WEBVTT file as WebVTT', () => {
    expect(parseCaptionFile('\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nHi').format).toBe('vtt');
  });

  it('reads SRT by its timing lines, whatever the hint says', () => {
    const r = parseCaptionFile(SRT, { url: 'https://x.test/track.vtt', contentType: 'text/vtt' });
    expect(r.format).toBe('srt');
    expect(r.cues).toEqual<Cue[]>([{ index: 0, start: 1, end: 2, text: 'Hello', id: '1' }]);
  });

  it('reads SRT content with a misleading name (openedx uk_transcripts.sjson)', () => {
    const text = readFileSync(join(__dirname, '../../fixtures/captions/openedx/uk_transcripts.sjson'), 'utf8');
    const r = parseCaptionFile(text, { url: 'https://x.test/uk_transcripts.sjson' });
    expect(r.format).toBe('srt');
    expect(r.cues[0].text).toBe('Привіт, edX вітає вас.');
  });

  it('reads a WebVTT body that lost its signature through the tolerant SRT reader', () => {
    const r = parseCaptionFile('00:01.000 --> 00:02.500\nHi\n', { url: 'a.vtt' });
    expect(r.format).toBe('srt');
    expect(r.cues[0]).toMatchObject({ start: 1, end: 2.5, text: 'Hi' });
  });

  it('uses the hint for files the content cannot decide', () => {
    const vtt = parseCaptionFile('<html>Not found</html>', { url: 'https://x.test/subs/en.vtt?token=1' });
    expect(vtt.format).toBe('vtt');
    expect(vtt.fatal).toBe('This is not a WebVTT file: it does not start with "WEBVTT".');
    const srt = parseCaptionFile('<html>Not found</html>', { contentType: 'application/x-subrip; charset=utf-8' });
    expect(srt).toEqual({ cues: [], issues: [], fatal: NOT_CAPTIONS, format: 'srt' });
  });

  it('rejects anything else with a readable message', () => {
    expect(parseCaptionFile('{"start":[1],"end":[2],"text":["x"]}')).toEqual({
      cues: [],
      issues: [],
      fatal: NOT_CAPTIONS,
      format: 'vtt',
    });
  });

  it('says an empty file is empty, hint or not', () => {
    expect(parseCaptionFile('').fatal).toBe('The caption file is empty.');
    expect(parseCaptionFile(' \n', { url: 'a.srt' })).toMatchObject({ fatal: 'The caption file is empty.', format: 'srt' });
    expect(parseCaptionFile('\uFEFF', { url: 'a.vtt' })).toMatchObject({ fatal: 'The caption file is empty.', format: 'vtt' });
  });
});

describe('toTxt', () => {
  const cues: Cue[] = [
    { index: 0, start: 5.9, end: 7, text: 'Hello\nthere' },
    { index: 1, start: 8, end: 9, text: '' },
    { index: 2, start: 3725.2, end: 3727, text: 'An hour in' },
  ];

  it('writes one line per cue, joining a cue\u2019s lines with a space', () => {
    expect(toTxt(cues)).toBe('Hello there\nAn hour in\n');
  });

  it('can prefix each line with [mm:ss]', () => {
    expect(toTxt(cues, { timestamps: true })).toBe('[00:05] Hello there\n[1:02:05] An hour in\n');
  });

  it('writes nothing for no cues', () => {
    expect(toTxt([])).toBe('');
  });
});

describe('time helpers', () => {
  it('formats WebVTT and SRT times with hours and milliseconds', () => {
    expect(formatVttTime(0)).toBe('00:00:00.000');
    expect(formatVttTime(3599.999)).toBe('00:59:59.999');
    expect(formatVttTime(360000.5)).toBe('100:00:00.500');
    expect(formatSrtTime(61.0005)).toBe('00:01:01,001');
    expect(formatSrtTime(-1)).toBe('00:00:00,000');
    expect(formatClock(59.99)).toBe('00:59');
    expect(formatClock(3600)).toBe('1:00:00');
  });

  it('parses SRT timestamps leniently', () => {
    expect(parseSrtTimestamp('00:00:01,000')).toBe(1);
    expect(parseSrtTimestamp('1:02:03.4')).toBe(3723.4);
    expect(parseSrtTimestamp('02:03,045')).toBe(123.045);
    expect(parseSrtTimestamp('00:60:00,000')).toBeNull();
    expect(parseSrtTimestamp('nope')).toBeNull();
  });

  it('collects WebVTT timestamps exactly as the spec describes', () => {
    expect(collectVttTimestamp('00:01.000', 0)).toEqual({ seconds: 1, end: 9 });
    expect(collectVttTimestamp('x 1:00:00.001 y', 2)).toEqual({ seconds: 3600.001, end: 13 });
    expect(collectVttTimestamp('60:00.000', 0)).toBeNull(); // over 59 means hours, so mm:ss must follow
    expect(collectVttTimestamp('00:00.0000', 0)).toBeNull();
    expect(collectVttTimestamp('00:000.000', 0)).toBeNull();
    expect(collectVttTimestamp('00:60.000', 0)).toBeNull();
    expect(collectVttTimestamp('00:00,000', 0)).toBeNull();
  });
});
