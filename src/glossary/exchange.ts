import Papa from 'papaparse';
import type { CourseRecord, GlossaryEntryRecord, LectureRecord } from '../db/schema';
import type { NewWord } from './store';
import { GlossaryError, cleanTerm } from './terms';
import { parseTags } from './list';
import { findTerm } from './match';

/*
 * Glossary files: Anki's tab-separated notes (docs/glossary-formats.md) and CSV both ways.
 * Runs in the dashboard (extension page).
 */

export interface Places {
  lectures: ReadonlyMap<string, Pick<LectureRecord, 'title' | 'url' | 'courseId'>>;
  courses: ReadonlyMap<string, Pick<CourseRecord, 'title'>>;
}

/** The note's GUID in Anki: derived from the entry id only, so every export gives the same one. */
export const ankiGuid = (entryId: string) => `moocmate-${entryId}`;

export const ANKI_DECK = 'MoocMate glossary';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\t/g, ' ').replace(/\r?\n/g, '<br>');

/** 83 -> "1:23" */
export function clockOf(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

function source(entry: GlossaryEntryRecord, places: Places): { course: string; lecture: string; time: string; url: string } {
  const ex = entry.examples[0];
  const lecture = ex?.lectureId ? places.lectures.get(ex.lectureId) : undefined;
  const course = lecture ? places.courses.get(lecture.courseId) : entry.courseId ? places.courses.get(entry.courseId) : undefined;
  return { course: course?.title ?? '', lecture: lecture?.title ?? '', time: ex?.time != null ? clockOf(ex.time) : '', url: lecture?.url ?? ex?.pageUrl ?? '' };
}

/** The sentence with the term in bold (HTML-escaped first: caption text is never markup). */
function sentenceHtml(sentence: string, term: string): string {
  const at = findTerm(sentence, term);
  if (!at) return escapeHtml(sentence);
  return `${escapeHtml(sentence.slice(0, at.start))}<b>${escapeHtml(sentence.slice(at.start, at.end))}</b>${escapeHtml(sentence.slice(at.end))}`;
}

const ankiTag = (tag: string) => tag.trim().replace(/\s+/g, '_');

/**
 * Anki "Notes in Plain Text" with file headers: GUID, Front (the sentence, the word in
 * bold, then the word), Back (meaning, base form, notes, where it was met), Tags.
 * Importing a newer export updates the notes with the same GUID.
 */
export function toAnki(entries: readonly GlossaryEntryRecord[], places: Places): string {
  const lines = ['#separator:tab', '#html:true', '#notetype:Basic', `#deck:${ANKI_DECK}`, '#guid column:1', '#tags column:4', '#columns:GUID\tFront\tBack\tTags'];
  for (const e of entries) {
    const ex = e.examples[0];
    const front = `${ex ? `${sentenceHtml(ex.sentence, e.term)}<br><br>` : ''}<b>${escapeHtml(e.term)}</b>`;
    const src = source(e, places);
    const back = [
      e.meaning ? escapeHtml(e.meaning) : '',
      e.base !== e.term.toLowerCase() ? `<i>${escapeHtml(e.base)}</i>` : '',
      e.notes ? escapeHtml(e.notes) : '',
      [src.course, src.lecture, src.time].filter(Boolean).map(escapeHtml).join(' · '),
    ]
      .filter(Boolean)
      .join('<br>');
    const tags = ['moocmate', ...e.tags.map(ankiTag)].filter(Boolean).join(' ');
    lines.push([ankiGuid(e.id), front, back, tags].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export const CSV_COLUMNS = ['term', 'meaning', 'notes', 'tags', 'base', 'sentence', 'course', 'lecture', 'time', 'page', 'added'] as const;

// A spreadsheet runs a cell that starts with one of these as a formula: a quote in front
// keeps it text. A cell that starts with a quote gets one more, so that reading the file
// back takes exactly the one quote that export added.
const FORMULA = /^[=+\-@\t\r']/;
const safeCell = (s: string) => (FORMULA.test(s) ? `'${s}` : s);

/** The glossary as CSV (one row per word, its first example), for spreadsheets and other tools. */
export function toCsv(entries: readonly GlossaryEntryRecord[], places: Places): string {
  const rows = entries.map((e) => {
    const src = source(e, places);
    const ex = e.examples[0];
    return [e.term, e.meaning, e.notes, e.tags.join('; '), e.base, ex?.sentence ?? '', src.course, src.lecture, src.time, src.url, new Date(e.createdAt).toISOString()].map(safeCell);
  });
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}

export interface CsvProblem {
  /** The record in the file, counting the header as 1 (a quoted cell may hold line breaks, so not always the line). */
  row: number;
  /** A message key in _locales, and what to put in it. */
  key: 'csvEmptyTerm' | 'csvTooLong' | 'csvBadTime' | 'csvBadRow';
  detail: string;
}

export interface CsvReading {
  good: NewWord[];
  bad: CsvProblem[];
}

export class CsvFileError extends Error {
  constructor(
    readonly key: 'csvNoTermColumn' | 'csvEmptyFile',
    english: string,
  ) {
    super(english);
  }
}

const unsafe = (s: string) => (/^'[=+\-@\t\r']/.test(s) ? s.slice(1) : s);

/** "1:23", "83" or "" -> seconds; NaN when it is not a time. */
export function parseClock(s: string): number | null {
  const t = s.trim();
  if (!t) return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(t);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) : NaN;
}

/**
 * Reads a glossary CSV (a header with at least `term`). Nothing is written here: the
 * dashboard shows the bad rows and asks before adding the good ones.
 */
export function readCsv(text: string): CsvReading {
  if (!text.trim()) throw new CsvFileError('csvEmptyFile', 'The file is empty.');
  const body = text.replace(/^\uFEFF/, '');
  // Blank lines are dropped here, not by papaparse: its error rows count them (skipping
  // them there would pin an error on the wrong row, or on none). Its guess of the
  // separator (a comma, or a semicolon from a European spreadsheet) needs them skipped.
  const { delimiter } = Papa.parse<string[]>(body, { preview: 20, skipEmptyLines: 'greedy' }).meta;
  const parsed = Papa.parse<string[]>(body, { delimiter });
  const records = parsed.data.map((row, at) => ({ row, at })).filter(({ row }) => row.some((c) => c.trim() !== ''));
  const [{ row: header = [] } = {}, ...rows] = records;
  const col = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  if (!col.has('term')) throw new CsvFileError('csvNoTermColumn', 'The first line must name the columns, and one must be "term".');
  const cell = (row: string[], name: string) => unsafe((row[col.get(name) ?? -1] ?? '').trim());
  const rowErrors = new Set(parsed.errors.map((e) => e.row));
  const good: NewWord[] = [];
  const bad: CsvProblem[] = [];
  rows.forEach(({ row, at }, i) => {
    const line = i + 2;
    if (rowErrors.has(at) || row.length !== header.length) {
      return bad.push({ row: line, key: 'csvBadRow', detail: `${row.length}/${header.length}` });
    }
    const term = cell(row, 'term');
    if (!term) return bad.push({ row: line, key: 'csvEmptyTerm', detail: '' });
    try {
      cleanTerm(term);
    } catch (err) {
      return bad.push({ row: line, key: err instanceof GlossaryError && err.key === 'glossaryEmptyTerm' ? 'csvEmptyTerm' : 'csvTooLong', detail: term.slice(0, 40) });
    }
    const time = parseClock(cell(row, 'time'));
    if (Number.isNaN(time)) return bad.push({ row: line, key: 'csvBadTime', detail: cell(row, 'time').slice(0, 20) });
    const page = cell(row, 'page');
    good.push({
      term,
      meaning: cell(row, 'meaning'),
      notes: cell(row, 'notes'),
      tags: parseTags(cell(row, 'tags')),
      sentence: cell(row, 'sentence'),
      lectureId: null,
      trackId: null,
      cueIndex: null,
      time,
      pageUrl: /^https?:\/\//.test(page) ? page : '',
    });
  });
  return { good, bad };
}
