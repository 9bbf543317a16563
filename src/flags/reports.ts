import type { Cue } from '../captions/types';
import type { FlagKind, FlagRecord } from '../db/schema';
import { toSrt } from '../captions/formats/srt';
import { toVtt } from '../captions/formats/vtt';
import { formatClock, formatVttTime } from '../captions/formats/time';
import { appliedFlag, type QueueItem } from './queue';

/**
 * Exports for the people who fix captions: a spreadsheet (CSV), JSON, a Markdown report to
 * paste into a forum or tracker, and the caption file with the confirmed corrections applied.
 * Reporter ids never leave in these: course staff need the problems, not who raised them.
 */

/** English names of the kinds, for the reports (the dashboard has its own translations). */
export const KIND_NAMES: Record<FlagKind, string> = {
  'wrong-words': 'Wrong words',
  mistranslation: 'Mistranslation',
  'wrong-language': 'Wrong language',
  'sync-early': 'Shows too early',
  'sync-late': 'Shows too late',
  missing: 'Missing caption',
  other: 'Other',
  'reading-order': 'Reading order',
  'wrong-lesson': 'Wrong lesson',
  'broken-link': 'Broken link',
};

// ---------------------------------------------------------------- CSV

const CSV_HEADER = ['Course', 'Lecture', 'Lecture URL', 'Language', 'Cue', 'Start', 'End', 'Kind', 'Status', 'Learners', 'Text', 'Suggestions', 'Notes'];

/**
 * One field, quoted as RFC 4180 says when it holds a comma, a quote or a line break. Text that
 * a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe:
 * caption text comes from web pages and must not run in the volunteer's spreadsheet.
 */
function csvField(value: string, guardFormula: boolean): string {
  const safe = guardFormula && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvOptions {
  /** Prefix formula-like text with an apostrophe (default true); false gives the text exactly. */
  guardFormulas?: boolean;
}

/** A header row, then one row per queue item; CRLF line ends (RFC 4180). */
export function queueToCsv(items: readonly QueueItem[], opts: CsvOptions = {}): string {
  const guard = opts.guardFormulas ?? true;
  const rows = [CSV_HEADER.map((h) => csvField(h, false))];
  for (const i of items) {
    const text = [i.courseTitle, i.lectureTitle, i.lectureUrl, i.language];
    const numbers = [i.cueIndex === null ? '' : String(i.cueIndex), formatVttTime(i.start), formatVttTime(i.end), i.kind, i.status, String(i.count)];
    const more = [i.text, i.suggestions.map((s) => s.text).join('\n'), i.notes.join('\n')];
    rows.push([...text.map((t) => csvField(t, guard)), ...numbers.map((n) => csvField(n, false)), ...more.map((t) => csvField(t, guard))]);
  }
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------- JSON

export const QUEUE_JSON_FORMAT = 'moocmate-queue';

/** The items as JSON (`{ format: 'moocmate-queue', version: 1, items }`), for scripts and trackers. */
export function queueToJson(items: readonly QueueItem[]): string {
  return JSON.stringify(
    {
      format: QUEUE_JSON_FORMAT,
      version: 1,
      items: items.map((i) => ({
        course: i.courseTitle,
        site: i.site,
        lecture: i.lectureTitle,
        lectureUrl: i.lectureUrl,
        track: i.trackLabel,
        language: i.language,
        cueIndex: i.cueIndex,
        start: i.start,
        end: i.end,
        kind: i.kind,
        status: i.status,
        count: i.count,
        text: i.text,
        suggestions: i.suggestions,
        notes: i.notes,
        flagIds: i.flagIds,
      })),
    },
    null,
    2,
  );
}

// ---------------------------------------------------------------- Markdown

/**
 * Caption text as literal Markdown text: HTML becomes entities (a `<script>` stays text), the
 * inline markers (`*`, `_`, `` ` ``, `[`, `]`, `|`, `~`, `#`, `@`, `\`) are escaped, and so is
 * whatever would start a block at the beginning of a line (a list, a heading underline).
 * Line breaks are kept as Markdown hard breaks.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const escaped = line
        .trim()
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|~#@]/g, '\\$&');
      return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
    })
    .filter((line) => line !== '')
    .join('\\\n');
}

/** A link destination Markdown cannot misread; only http(s) addresses are linked. */
function safeUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[<>\s()"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const quote = (text: string) => `> ${text.split('\n').join('\n> ')}`;

export interface ReportLecture {
  title: string;
  url: string;
  courseTitle?: string;
}

/**
 * A report of one lecture's problems, ready to paste: a heading with the lecture's title and
 * link, then per problem its time (mm:ss), kind, how many learners, the text as shown (quoted)
 * and the suggestions. Everything taken from captions or pages is escaped.
 */
export function lectureReportMarkdown(lecture: ReportLecture, items: readonly QueueItem[]): string {
  const title = escapeMarkdown(lecture.title) || 'Untitled lecture';
  const url = safeUrl(lecture.url);
  const out: string[] = [`## Caption problems: ${url ? `[${title}](${url})` : title}`, ''];
  const about: string[] = [];
  if (lecture.courseTitle) about.push(`Course: ${escapeMarkdown(lecture.courseTitle)}`);
  about.push(items.length === 1 ? '1 problem' : `${items.length} problems`);
  if (url) about.push(`Link: <${url}>`);
  out.push(about.join(' · '), '');

  const sorted = [...items].sort((a, b) => a.start - b.start || b.count - a.count);
  sorted.forEach((i, n) => {
    const learners = i.count === 1 ? '1 learner' : `${i.count} learners`;
    out.push(`### ${n + 1}. ${formatClock(i.start)} · ${KIND_NAMES[i.kind]} · ${learners} · ${i.status}`, '');
    const where = [i.trackLabel || i.language, i.cueIndex === null ? '' : `line ${i.cueIndex + 1}`].filter((s) => s !== '').map(escapeMarkdown);
    out.push(`Shown${where.length ? ` (${where.join(', ')})` : ''}:`, '');
    const shown = escapeMarkdown(i.text);
    out.push(shown === '' ? '> (no caption)' : quote(shown), '');
    if (i.suggestions.length === 1) {
      out.push('Suggested:', '', quote(escapeMarkdown(i.suggestions[0].text)), '');
    } else if (i.suggestions.length > 1) {
      out.push('Suggestions:', '');
      for (const s of i.suggestions) out.push(`- ${escapeMarkdown(s.text).replace(/\\\n/g, '\\\n  ')} (${s.count === 1 ? '1 learner' : `${s.count} learners`})`);
      out.push('');
    }
    if (i.notes.length > 0) {
      out.push('Notes:', '');
      for (const note of i.notes) out.push(`- ${escapeMarkdown(note).replace(/\\\n/g, '\\\n  ')}`);
      out.push('');
    }
  });
  return out.join('\n').replace(/\n+$/, '\n');
}

// ---------------------------------------------------------------- corrected captions

/** Times within this many seconds are the same cue (guards against a track captured again since). */
const SAME_TIME = 0.05;

/**
 * The track as captured, with the confirmed corrections applied: each CONFIRMED flag of a
 * text kind with a non-empty suggestion replaces its cue's text. A flag is applied only to
 * the cue it names (same index, same times, same track when the cues say their track);
 * when they suggest different texts, the one most learners made wins (ties to the newest
 * report), in the order the queue lists them (`appliedFlag`). Every other cue is written
 * exactly as captured (raw markup, id, settings); a corrected cue loses its raw markup, which
 * described the old text.
 */
export function correctedCaptions(cues: readonly (Cue & { trackId?: string })[], flags: readonly FlagRecord[], format: 'vtt' | 'srt'): string {
  const candidates = new Map<number, FlagRecord[]>();
  for (const f of flags) {
    if (f.cueIndex !== null) candidates.set(f.cueIndex, [...(candidates.get(f.cueIndex) ?? []), f]);
  }
  const out: Cue[] = cues.map((cue) => {
    const onCue = (candidates.get(cue.index) ?? []).filter(
      (f) => (cue.trackId === undefined || f.trackId === cue.trackId) && Math.abs(f.start - cue.start) <= SAME_TIME && Math.abs(f.end - cue.end) <= SAME_TIME,
    );
    const fix = appliedFlag(onCue);
    if (!fix) return cue;
    const { raw: _old, ...rest } = cue;
    const text = (fix.suggestion ?? '')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .join('\n');
    return { ...rest, text };
  });
  return format === 'vtt' ? toVtt(out) : toSrt(out);
}
