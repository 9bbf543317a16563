import { describe, expect, it } from 'vitest';
import { ankiGuid, readCsv, toAnki, toCsv, CsvFileError, type Places } from '../../../src/glossary/exchange';
import { addWord, addWords } from '../../../src/glossary/store';
import { freshDb } from '../helpers';

const places: Places = {
  lectures: new Map([['L1', { title: 'Lecture 1', url: 'https://uni.example/l1', courseId: 'C1' }]]),
  courses: new Map([['C1', { title: 'Plants' }]]),
};

async function sample() {
  const db = freshDb();
  await addWord(db, { term: 'stomata', sentence: 'Tiny holes called stomata.', lectureId: 'L1', trackId: 'T', cueIndex: 4, time: 14.2, pageUrl: '', meaning: 'estomas', tags: ['botany basics'] }, 1);
  await addWord(db, { term: '<b>bold</b>', sentence: 'A <b>bold</b>\tclaim & "quote"', lectureId: null, trackId: null, cueIndex: null, time: null, pageUrl: '' }, 2);
  return { db, entries: await db.glossary.orderBy('id').toArray() };
}

describe('Anki export', () => {
  it('writes the headers and one escaped note per word with a stable GUID', async () => {
    const { entries } = await sample();
    const text = toAnki(entries, places);
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 7)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#deck:MoocMate glossary', '#guid column:1', '#tags column:4', '#columns:GUID\tFront\tBack\tTags']);
    const notes = lines.slice(7).map((l) => l.split('\t'));
    expect(notes.every((n) => n.length === 4)).toBe(true);
    const stomata = notes.find((n) => n[1].includes('stomata'))!;
    expect(stomata[0]).toBe(ankiGuid(entries.find((e) => e.term === 'stomata')!.id));
    expect(stomata[1]).toBe('Tiny holes called <b>stomata</b>.<br><br><b>stomata</b>');
    expect(stomata[2]).toBe('estomas<br><i>stoma</i><br>Plants · Lecture 1 · 0:14');
    expect(stomata[3]).toBe('moocmate botany_basics');
    const hostile = notes.find((n) => n[1].includes('bold'))!;
    expect(hostile[1]).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(hostile[1]).toContain('&amp; &quot;quote&quot;');
    expect(toAnki(entries, places)).toBe(text);
  });
});

describe('CSV', () => {
  it('round-trips the words it exports', async () => {
    const { entries } = await sample();
    const csv = toCsv(entries, places);
    const { good, bad } = readCsv(csv);
    expect(bad).toEqual([]);
    expect(good.map((g) => [g.term, g.meaning, g.tags, g.sentence])).toEqual(entries.map((e) => [e.term, e.meaning, e.tags, e.examples[0].sentence]));
  });

  it('defuses spreadsheet formulas on export and reads them back as text', () => {
    const csv = 'term,meaning\r\n"\'=SUM(A1)",x\r\n';
    expect(readCsv(csv).good[0].term).toBe('=SUM(A1)');
  });

  it('lists the rows that fail and keeps the good ones apart', () => {
    const csv = ['term,meaning,time', 'photosynthesis,fotosíntesis,1:23', ',empty,', 'glucose,azúcar,soon', 'a b c d e f g h i j,too long,', 'oxygen,"oxígeno",', 'extra,cells,1,2'].join('\n');
    const { good, bad } = readCsv(csv);
    expect(good.map((g) => [g.term, g.time])).toEqual([
      ['photosynthesis', 83],
      ['oxygen', null],
    ]);
    expect(bad.map((b) => [b.row, b.key])).toEqual([
      [3, 'csvEmptyTerm'],
      [4, 'csvBadTime'],
      [5, 'csvTooLong'],
      [7, 'csvBadRow'],
    ]);
  });

  it('names the broken row when blank lines stand above it, and reads a semicolon file with blank lines', () => {
    // A blank line shifted papaparse's error rows: the broken row went unreported and its
    // swallowed neighbours were lost, or a good row was blamed.
    const unclosed = readCsv('term,meaning\n\nrun,correr\nleaf,"hoja\nroot,raíz\n');
    expect(unclosed.good.map((g) => g.term)).toEqual(['run']);
    expect(unclosed.bad).toEqual([{ row: 3, key: 'csvBadRow', detail: '2/2' }]);
    const badQuote = readCsv('term,meaning\n\nrun,correr\nx,"a"b\n');
    expect(badQuote.good.map((g) => g.term)).toEqual(['run']);
    expect(badQuote.bad.map((b) => b.row)).toEqual([3]);
    const semicolons = readCsv('\uFEFFterm;meaning\n\nrun;correr, huir\n\n');
    expect(semicolons).toEqual({ good: [expect.objectContaining({ term: 'run', meaning: 'correr, huir' })], bad: [] });
  });

  it('keeps text that starts with a quote as written, through export and import', async () => {
    const db = freshDb();
    await addWord(db, { term: 'gerund', sentence: 'A gerund.', lectureId: null, trackId: null, cueIndex: null, time: null, pageUrl: '', meaning: "'-ing' form used as a noun", notes: "'+' joins two clauses", tags: ["'quoted'"] });
    const [row] = readCsv(toCsv(await db.glossary.toArray(), places)).good;
    expect([row.meaning, row.notes, row.tags]).toEqual(["'-ing' form used as a noun", "'+' joins two clauses", ["'quoted'"]]);
  });

  it('reading its own export back adds no sentence twice', async () => {
    const { db } = await sample();
    const before = await db.glossary.orderBy('id').toArray();
    const { good, bad } = readCsv(toCsv(before, places));
    expect(bad).toEqual([]);
    await addWords(db, good, 3);
    expect((await db.glossary.orderBy('id').toArray()).map((e) => e.examples.length)).toEqual(before.map(() => 1));
  });

  it('refuses a file without a term column or with nothing in it', () => {
    expect(() => readCsv('word,meaning\nx,y')).toThrow(CsvFileError);
    expect(() => readCsv('  ')).toThrow(/empty/);
  });
});

describe('the word in bold (Anki cards)', () => {
  const front = async (term: string, sentence: string) => {
    const db = freshDb();
    await addWord(db, { term, sentence, lectureId: null, trackId: null, cueIndex: null, time: null, pageUrl: '' });
    return toAnki(await db.glossary.toArray(), places).trimEnd().split('\n').at(-1)!.split('\t')[1];
  };

  it('bolds the word itself, not the same letters inside another word', async () => {
    expect(await front('cat', 'Each category has a cat.')).toBe('Each category has a <b>cat</b>.<br><br><b>cat</b>');
    expect(await front('carbon dioxide', 'Carbon-dioxide, or carbon dioxide.')).toBe('<b>Carbon-dioxide</b>, or carbon dioxide.<br><br><b>carbon dioxide</b>');
  });

  it('keeps the bold on the word when lower case changes a letter count before it (İ)', async () => {
    expect(await front('cats', 'İstanbul has many cats.')).toBe('İstanbul has many <b>cats</b>.<br><br><b>cats</b>');
  });
});
