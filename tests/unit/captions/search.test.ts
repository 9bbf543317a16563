import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSrt } from '../../../src/captions/formats/srt';
import { DEFAULT_BUDGET, parseQuery, searchTranscripts, widerBudget } from '../../../src/captions/search';
import { ingestTrack } from '../../../src/captions/store';
import { captured, cues, freshDb, page } from '../helpers';

async function library() {
  const db = freshDb();
  await ingestTrack(
    db,
    captured({
      cues: cues(['Plants use carbon dioxide and water.', 'Carbon is in every leaf.', 'The dioxide of carbon? No: carbon dioxide.', 'Café au lait']),
    }),
  );
  await ingestTrack(
    db,
    captured({
      page: page({ lectureKey: 'l2', lectureTitle: 'Lecture 2' }),
      cues: cues(['Chlorophyll is green.', 'Water moves up the stem.']),
    }),
  );
  return db;
}

describe('transcript search', () => {
  it('parses words and quoted phrases', () => {
    expect(parseQuery('"Carbon  Dioxide" leaf')).toEqual({ all: ['leaf', 'carbon', 'dioxide'], phrases: [['carbon', 'dioxide']] });
    expect(parseQuery('  ')).toEqual({ all: [], phrases: [] });
  });

  it('finds a word in every lecture', async () => {
    const { hits } = await searchTranscripts(await library(), 'water');
    expect(hits.map((h) => h.text).sort()).toEqual(['Plants use carbon dioxide and water.', 'Water moves up the stem.']);
  });

  it('needs all words in one line', async () => {
    const { hits } = await searchTranscripts(await library(), 'carbon leaf');
    expect(hits.map((h) => h.text)).toEqual(['Carbon is in every leaf.']);
  });

  it('matches a quoted phrase word for word, in order', async () => {
    const { hits } = await searchTranscripts(await library(), '"carbon dioxide"');
    expect(hits.map((h) => h.text)).toEqual(['Plants use carbon dioxide and water.', 'The dioxide of carbon? No: carbon dioxide.']);
    const none = await searchTranscripts(await library(), '"dioxide carbon"');
    expect(none.hits).toEqual([]);
  });

  it('ignores case and accents', async () => {
    const { hits } = await searchTranscripts(await library(), 'CAFE');
    expect(hits.map((h) => h.text)).toEqual(['Café au lait']);
  });

  it('returns nothing for unknown words and says when there are more hits than the limit', async () => {
    const db = await library();
    expect((await searchTranscripts(db, 'zebra')).hits).toEqual([]);
    const limited = await searchTranscripts(db, 'carbon', 1);
    expect(limited.hits).toHaveLength(1);
    expect(limited.more).toBe(true);
  });
});

describe('transcript search on common words', () => {
  it('lists a very common word up to the limit and intersects it with a rare one', async () => {
    const db = freshDb();
    const texts = Array.from({ length: 2500 }, (_, i) => (i === 1234 ? 'the rare orchid' : `the line ${i}`));
    await ingestTrack(db, captured({ cues: cues(texts) }));
    const common = await searchTranscripts(db, 'the');
    expect(common.hits).toHaveLength(200);
    expect(common.more).toBe(true);
    const both = await searchTranscripts(db, 'the orchid');
    expect(both.hits.map((h) => h.text)).toEqual(['the rare orchid']);
    const phrase = await searchTranscripts(db, '"the rare"');
    expect(phrase.hits.map((h) => h.index)).toEqual([1234]);
    expect((await searchTranscripts(db, '"rare the"')).hits).toEqual([]);
  });
});

describe('transcript search with a bounded amount of work', () => {
  // A tiny budget, so a few dozen lines behave like a million (time never runs out here).
  const small = { probeKeys: 4, walkRows: 12, walkStep: 4, walkMs: 60_000 };
  async function commonLibrary() {
    const db = freshDb();
    const texts = Array.from({ length: 40 }, (_, i) =>
      i === 3 ? 'is the of early' : i === 37 ? 'is the of late' : i % 5 === 0 ? `the cell ${i}` : `is the line of ${i}`,
    );
    await ingestTrack(db, captured({ cues: cues(texts) }));
    return db;
  }

  it('finds every hit of a rare word among common ones, and says the answer is complete', async () => {
    const db = await commonLibrary();
    const res = await searchTranscripts(db, 'the late', 50, small);
    expect(res.hits.map((h) => h.index)).toEqual([37]);
    expect(res).toMatchObject({ more: false, incomplete: false });
    // The common words' first keys alone show a rare word's line lacks them: nothing is read.
    expect(await searchTranscripts(db, 'cell early', 50, small)).toEqual({ hits: [], more: false, incomplete: false });
  });

  it('walks common words only up to its budget, then says there may be more', async () => {
    const db = await commonLibrary();
    const res = await searchTranscripts(db, '"is the of"', 50, small);
    // The first hit is inside the budget; the one at line 37 is beyond it.
    expect(res.hits.map((h) => h.index)).toEqual([3, 37].filter((i) => i < 15));
    expect(res).toMatchObject({ more: false, incomplete: true });
    // With room for the whole walk the same query is complete.
    const full = await searchTranscripts(db, '"is the of"', 50, { ...small, walkRows: 100 });
    expect(full.hits.map((h) => h.index)).toEqual([3, 37]);
    expect(full.incomplete).toBe(false);
  });

  it('gives a first page of a phrase of common words with "more", never "incomplete"', async () => {
    const db = await commonLibrary();
    const res = await searchTranscripts(db, '"the line"', 5, small);
    expect(res.hits).toHaveLength(5);
    expect(res).toMatchObject({ more: true, incomplete: false });
    expect(res.hits.every((h) => h.text.includes('the line'))).toBe(true);
  });

  it('checks a phrase that repeats its one word', async () => {
    const db = await commonLibrary();
    expect((await searchTranscripts(db, '"the the"', 50, small)).hits).toEqual([]);
    expect((await searchTranscripts(db, '"of of"', 50, { ...small, walkRows: 100 })).incomplete).toBe(false);
  });

  it('looks further at each level the learner asks for, and is complete at the last', async () => {
    expect(widerBudget(0)).toEqual(DEFAULT_BUDGET);
    const levels = [1, 2, 3].map(widerBudget);
    for (const [a, b] of [[DEFAULT_BUDGET, levels[0]], [levels[0], levels[1]], [levels[1], levels[2]]]) {
      expect(b.walkRows).toBeGreaterThan(a.walkRows);
      expect(b.walkMs).toBeGreaterThan(a.walkMs);
    }
    expect(levels[2]).toMatchObject({ walkRows: Infinity, walkMs: Infinity });
    // Two common words that meet only in the last line: the first answer stops at its budget,
    // the last level walks every line and is complete.
    const db = freshDb();
    const texts = Array.from({ length: 3_000 }, (_, i) => (i === 2_900 ? 'alpha beta' : i % 2 ? `alpha ${i}` : `beta ${i}`));
    await ingestTrack(db, captured({ cues: cues(texts) }));
    const first = await searchTranscripts(db, 'alpha beta', 50, { ...widerBudget(0), walkMs: 60_000 });
    expect(first).toMatchObject({ hits: [], incomplete: true });
    const last = await searchTranscripts(db, 'alpha beta', 50, widerBudget(3));
    expect(last.incomplete).toBe(false);
    expect(last.hits.map((h) => h.index)).toEqual([2_900]);
  });

  it('stops the walk when its time is spent, after one step', async () => {
    const db = await commonLibrary();
    const res = await searchTranscripts(db, 'is of', 50, { ...small, walkRows: 100, walkMs: -1 });
    expect(res.hits.length).toBeLessThanOrEqual(small.probeKeys);
    expect(res.incomplete).toBe(true);
  });
});

describe('transcript search in text written without spaces', () => {
  // openedx's chinese_transcripts.srt (lecture 从算筹到ENIAC): a dictionary segmenter split
  // the title 从/算/筹到/eniac and stored 讲的, 讲到 and 讲述 as whole words.
  async function chinese() {
    const found = parseSrt(readFileSync(join(__dirname, '../../fixtures/captions/openedx/chinese_transcripts.srt'), 'utf8')).cues;
    const db = freshDb();
    await ingestTrack(db, captured({ cues: found }));
    const having = (s: string) => found.filter((c) => c.text.includes(s)).map((c) => c.text).sort();
    const search = async (q: string) => (await searchTranscripts(db, q)).hits.map((h) => h.text).sort();
    return { having, search };
  }

  it('finds every Chinese line that holds the text, whatever the words around it', async () => {
    const { having, search } = await chinese();
    expect(having('算筹')).toContain('从算筹到ENIAC');
    expect(await search('算筹')).toEqual(having('算筹'));
    expect(having('讲')).toHaveLength(4);
    expect(await search('讲')).toEqual(having('讲'));
    expect(await search('电子计算机')).toEqual(having('电子计算机'));
    expect(await search('Napier算筹')).toEqual(having('Napier算筹'));
    expect(await search('"算筹到ENIAC"')).toEqual(['从算筹到ENIAC']);
  });

  it('needs the characters of a Chinese query in a row, not only its pairs somewhere in the line', async () => {
    const db = freshDb();
    await ingestTrack(db, captured({ cues: cues(['计算和算机', '电子计算机', '机算计']) }));
    expect((await searchTranscripts(db, '计算机')).hits.map((h) => h.text)).toEqual(['电子计算机']);
    expect(parseQuery('计算机 讲')).toEqual({ all: ['讲', '计算', '算机'], phrases: [['计', '算', '机']] });
    expect(parseQuery('算筹')).toEqual({ all: ['算筹'], phrases: [] });
  });

  it('finds a Thai word inside a line', async () => {
    const db = freshDb();
    await ingestTrack(db, captured({ cues: cues(['ภาษาไทยง่ายมาก', 'สวัสดีครับ']) }));
    expect((await searchTranscripts(db, 'ภาษา')).hits.map((h) => h.text)).toEqual(['ภาษาไทยง่ายมาก']);
    expect((await searchTranscripts(db, 'ภาษาไทย')).hits.map((h) => h.text)).toEqual(['ภาษาไทยง่ายมาก']);
    expect((await searchTranscripts(db, 'ไทยภาษา')).hits).toEqual([]);
  });
});
