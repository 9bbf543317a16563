import { describe, expect, it } from 'vitest';
import { correctedCaptions, escapeMarkdown, lectureReportMarkdown, queueToCsv, queueToJson } from '../../../src/flags/reports';
import type { QueueItem } from '../../../src/flags/queue';
import type { FlagRecord } from '../../../src/db/schema';
import { parseVtt, toVtt } from '../../../src/captions/formats/vtt';
import { parseSrt, toSrt } from '../../../src/captions/formats/srt';

function item(over: Partial<QueueItem> = {}): QueueItem {
  return {
    key: 'l1|t1|#3|wrong-words',
    courseId: 'c1',
    courseTitle: 'Biology',
    site: 'html5',
    lectureId: 'l1',
    lectureTitle: 'Lecture 1',
    lectureUrl: 'https://uni.example/l1.html',
    known: true,
    trackId: 't1',
    trackLabel: 'English',
    language: 'en',
    cueIndex: 3,
    start: 62.5,
    end: 64,
    kind: 'wrong-words',
    status: 'new',
    statusCounts: { new: 2, confirmed: 0, fixed: 0, rejected: 0 },
    text: 'Plants make fod.',
    suggestions: [{ text: 'Plants make food.', count: 2 }],
    applied: null,
    notes: [],
    count: 2,
    reporters: ['learner-a', 'learner-b'],
    flagIds: ['f1', 'f2'],
    updatedAt: 1,
    ...over,
  };
}

/** A small RFC 4180 reader, to check that what we write reads back as the same fields. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('CSV', () => {
  it('has a header and one row per item, quoting commas, quotes and line breaks', () => {
    const tricky = item({
      courseTitle: 'Biology, part 1',
      text: 'He said "hi",\nthen left',
      suggestions: [
        { text: 'He said "hello",', count: 1 },
        { text: 'He said hi', count: 1 },
      ],
      notes: ['Line\r\nbreak'],
    });
    const csv = queueToCsv([item(), tricky]);
    expect(csv.split('\r\n')[0]).toBe('Course,Lecture,Lecture URL,Language,Cue,Start,End,Kind,Status,Learners,Text,Suggestions,Notes');
    expect(csv).toContain('"Biology, part 1"');
    expect(csv).toContain('"He said ""hi"",\nthen left"');
    const rows = readCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual(['Biology', 'Lecture 1', 'https://uni.example/l1.html', 'en', '3', '00:01:02.500', '00:01:04.000', 'wrong-words', 'new', '2', 'Plants make fod.', 'Plants make food.', '']);
    expect(rows[2][0]).toBe('Biology, part 1');
    expect(rows[2][10]).toBe('He said "hi",\nthen left');
    expect(rows[2][11]).toBe('He said "hello",\nHe said hi');
    expect(rows[2][12]).toBe('Line\r\nbreak');
    expect(rows.every((r) => r.length === 13)).toBe(true);
  });

  it('keeps caption text from running as a spreadsheet formula, unless asked not to', () => {
    const evil = item({ text: '=HYPERLINK("https://evil.example","click")', cueIndex: null, notes: ['@SUM(1)'] });
    const rows = readCsv(queueToCsv([evil]));
    expect(rows[1][10]).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(rows[1][12]).toBe("'@SUM(1)");
    expect(rows[1][4]).toBe('');
    expect(readCsv(queueToCsv([evil], { guardFormulas: false }))[1][10]).toBe('=HYPERLINK("https://evil.example","click")');
  });
});

describe('JSON', () => {
  it('lists the items with their suggestions, without reporter ids', () => {
    const json = JSON.parse(queueToJson([item()]));
    expect(json.format).toBe('moocmate-queue');
    expect(json.version).toBe(1);
    expect(json.items[0]).toMatchObject({ course: 'Biology', lecture: 'Lecture 1', cueIndex: 3, count: 2, suggestions: [{ text: 'Plants make food.', count: 2 }], flagIds: ['f1', 'f2'] });
    expect(JSON.stringify(json)).not.toContain('learner-a');
  });
});

describe('Markdown report', () => {
  it('has the lecture title and link, and each problem with time, kind, learners, text and suggestion', () => {
    const md = lectureReportMarkdown({ title: 'Lecture 1', url: 'https://uni.example/l1.html', courseTitle: 'Biology' }, [
      item(),
      item({ start: 5, cueIndex: 1, kind: 'sync-late', count: 1, text: 'Hello\nworld', suggestions: [], notes: ['Shows a second late'] }),
    ]);
    expect(md.split('\n')[0]).toBe('## Caption problems: [Lecture 1](https://uni.example/l1.html)');
    expect(md).toContain('### 1. 00:05 · Shows too late · 1 learner · new');
    expect(md).toContain('### 2. 01:02 · Wrong words · 2 learners · new');
    expect(md).toContain('> Hello\\\n> world');
    expect(md).toContain('> Plants make fod.');
    expect(md).toContain('Suggested:\n\n> Plants make food.');
    expect(md).toContain('- Shows a second late');
    expect(md).toContain('Shown (English, line 4):');
    expect(md).not.toContain('learner-a');
  });

  it('keeps hostile caption text as text', () => {
    const hostile = '<script>alert(1)</script> | *bold* [x](javascript:alert(1)) @everyone';
    const md = lectureReportMarkdown({ title: 'A <b>|</b> title', url: 'javascript:alert(1)' }, [
      item({ text: hostile, suggestions: [{ text: '# Heading', count: 1 }, { text: '- list', count: 1 }], notes: ['1. not a list'] }),
    ]);
    expect(md).not.toMatch(/<script|<b>/);
    // A link needs an unescaped "](": every bracket from the text is escaped.
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*bold\\* \\[x\\](javascript:alert(1)) \\@everyone');
    expect(md.split('\n')[0]).toBe('## Caption problems: A &lt;b&gt;\\|&lt;/b&gt; title');
    expect(md).toContain('- \\# Heading (1 learner)');
    expect(md).toContain('- \\- list (1 learner)');
    expect(md).toContain('- 1\\. not a list');
  });

  it('escapes what would start a block, and keeps line breaks', () => {
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('> quoted')).toBe('&gt; quoted');
    expect(escapeMarkdown('a_b `c` ~d~ \\')).toBe('a\\_b \\`c\\` \\~d\\~ \\\\');
    expect(escapeMarkdown('one\r\n    two')).toBe('one\\\ntwo');
  });
});

describe('corrected captions', () => {
  const VTT = [
    'WEBVTT',
    '',
    'intro',
    '00:00:00.000 --> 00:00:02.000 align:start',
    '<v Ana>Plants make food</v>',
    '',
    '00:00:02.000 --> 00:00:04.000',
    'This is <i>caled</i>',
    'fotosynthesis.',
    '',
    '00:00:04.000 --> 00:00:06.000 line:0',
    'Leaves hold &amp; keep <b>chlorophyll</b>.',
    '',
  ].join('\n');
  const cues = parseVtt(VTT).cues;

  let n = 0;
  const fix = (over: Partial<FlagRecord>): FlagRecord => ({
    id: `f${++n}`,
    lectureId: 'l1',
    trackId: 't1',
    language: 'en',
    cueIndex: 1,
    start: 2,
    end: 4,
    text: 'This is caled\nfotosynthesis.',
    kind: 'wrong-words',
    status: 'confirmed',
    origin: 'learner',
    reporter: 'a',
    createdAt: 1,
    updatedAt: 1,
    suggestion: 'This is called\nphotosynthesis.',
    ...over,
  });
  const flags = [
    fix({}),
    // Not applied: not confirmed; no suggestion; a timing kind; another cue's times.
    fix({ cueIndex: 0, start: 0, end: 2, status: 'new', suggestion: 'Plants make FOOD' }),
    fix({ cueIndex: 2, start: 4, end: 6, suggestion: undefined }),
    fix({ cueIndex: 2, start: 4, end: 6, kind: 'sync-late', suggestion: 'later' }),
    fix({ cueIndex: 0, start: 10, end: 12, suggestion: 'stale' }),
  ];

  it('the corrected WebVTT differs from the captured one only in the confirmed cue text', () => {
    const before = toVtt(cues).split('\n');
    expect(toVtt(cues)).toBe(VTT);
    const after = correctedCaptions(cues, flags, 'vtt').split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
    expect(changed).toEqual([7, 8]);
    expect(after.slice(7, 9)).toEqual(['This is called', 'photosynthesis.']);
    expect(parseVtt(after.join('\n')).cues.map((c) => c.text)).toEqual(['Plants make food', 'This is called\nphotosynthesis.', 'Leaves hold & keep chlorophyll.']);
  });

  it('the corrected SRT differs only in the confirmed cue text too', () => {
    const srtCues = parseSrt(toSrt(cues)).cues;
    const before = toSrt(srtCues).split('\n');
    const after = correctedCaptions(srtCues, flags, 'srt').split('\n');
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]));
    expect(after).toHaveLength(before.length);
    expect(changed).toEqual([6, 7]);
    expect(after.slice(4, 9)).toEqual(['2', '00:00:02,000 --> 00:00:04,000', 'This is called', 'photosynthesis.', '']);
  });

  it('escapes markup in a suggestion for WebVTT, and the newest confirmed suggestion wins', () => {
    const out = correctedCaptions(cues, [fix({ updatedAt: 5, suggestion: 'Fish & <chips>' }), fix({ updatedAt: 3, suggestion: 'older' })], 'vtt');
    expect(out).toContain('\nFish &amp; &lt;chips&gt;\n');
    expect(out).not.toContain('older');
    expect(parseVtt(out).cues[1].text).toBe('Fish & <chips>');
  });

  it('applies the suggestion most learners made, whatever the order of updates', () => {
    // Three learners agree, a fourth (the newest report) disagrees; a status change wrote all
    // four in the same millisecond, so updatedAt cannot decide.
    const most = 'This is called photosynthesis.';
    const learners = ['a', 'b', 'c'].map((reporter, i) => fix({ reporter, createdAt: 10 + i, updatedAt: 50, suggestion: most }));
    const newest = fix({ id: '0-lowest-id', reporter: 'd', createdAt: 40, updatedAt: 50, suggestion: 'This is cold photosynthesis.' });
    expect(parseVtt(correctedCaptions(cues, [...learners, newest], 'vtt')).cues[1].text).toBe(most);
    // Nor when the newest report was updated last.
    expect(parseVtt(correctedCaptions(cues, [...learners, { ...newest, updatedAt: 99 }], 'vtt')).cues[1].text).toBe(most);
    // The same learner twice counts once: a tie, which the newest report wins.
    const twice = [fix({ reporter: 'a', createdAt: 1, suggestion: most }), fix({ reporter: 'a', createdAt: 2, suggestion: most }), { ...newest, createdAt: 3 }];
    expect(parseVtt(correctedCaptions(cues, twice, 'vtt')).cues[1].text).toBe('This is cold photosynthesis.');
  });

  it('keeps a suggestion with tag-like text whole in SRT, as written', () => {
    const srtCues = parseSrt(toSrt(cues)).cues;
    const out = correctedCaptions(srtCues, [fix({ suggestion: 'Then use a <div> to group it.' })], 'srt');
    expect(out).toContain('\nThen use a <div> to group it.\n');
    expect(parseSrt(out).cues[1].text).toBe('Then use a <div> to group it.');
  });

  it('applies nothing from another track when the cues name theirs', () => {
    const withTrack = cues.map((c) => ({ ...c, trackId: 't2' }));
    expect(correctedCaptions(withTrack, flags, 'vtt')).toBe(toVtt(cues));
  });
});
