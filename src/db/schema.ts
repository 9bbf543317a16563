import Dexie, { type EntityTable } from 'dexie';
import { glossaryWrites } from './glossary-writes';
import type { Cue } from '../captions/types';
import { terms, unspaced } from '../captions/terms';

/** Where a track's cues came from; the data sources rank above anything scraped. */
export type TrackSource = 'text-track' | 'track-file' | 'platform-data' | 'transcript-panel' | 'on-screen';

export type TrackStatus = 'ok' | 'partial' | 'error';

export interface CourseRecord {
  id: string;
  site: string;
  title: string;
  url: string;
  firstSeen: number;
  lastSeen: number;
}

export interface LectureRecord {
  id: string;
  courseId: string;
  site: string;
  /** The site's own key for the lecture (the adapter decides); the id is derived from it. */
  key: string;
  title: string;
  /** The page a learner opens to watch this lecture. */
  url: string;
  videoSrc: string;
  firstSeen: number;
  lastSeen: number;
}

export interface TrackRecord {
  id: string;
  lectureId: string;
  kind: string;
  label: string;
  /** Declared language (BCP 47) as the page gave it; '' when the page gave none. */
  language: string;
  source: TrackSource;
  url?: string;
  /** Made by speech recognition (YouTube's automatic captions). */
  generated?: boolean;
  /** ISO 639-3 code from franc over the whole transcript; 'und' when unsure or too little text. */
  detectedLanguage: string;
  cueCount: number;
  status: TrackStatus;
  /** A readable message when status is not 'ok': what failed and what was skipped. */
  error?: string;
  /** The host pattern (https://cdn.example/*) MoocMate needs the learner's permission for. */
  needsPermission?: string;
  /** Hash of the cues, so capturing the same track again writes nothing. */
  contentHash: string;
  capturedAt: number;
}

export interface CueRecord extends Cue {
  trackId: string;
  lectureId: string;
  /** Normalised words of the cue, indexed for transcript search (derived, never exported). */
  terms: string[];
}

/** What a learner (or an accepted automatic check) says is wrong. */
export type FlagKind =
  | 'wrong-words'
  | 'mistranslation'
  | 'wrong-language'
  | 'sync-early'
  | 'sync-late'
  | 'missing'
  | 'other'
  // Problems beyond captions, on any course item page.
  | 'reading-order'
  | 'wrong-lesson'
  | 'broken-link';

export type FlagStatus = 'new' | 'confirmed' | 'fixed' | 'rejected';

export interface FlagRecord {
  /** Stable across export and import, so importing the same file twice changes nothing. */
  id: string;
  lectureId: string;
  /** The caption track, or null for a problem with the lecture page itself. */
  trackId: string | null;
  language: string;
  /** The cue flagged, or null (a missing caption, a page problem). */
  cueIndex: number | null;
  start: number;
  end: number;
  /** The caption text as the learner saw it. */
  text: string;
  kind: FlagKind;
  suggestion?: string;
  note?: string;
  status: FlagStatus;
  /** 'check': an automatic finding the learner accepted; `rule` names it. */
  origin: 'learner' | 'check';
  rule?: string;
  /** 'me' for this browser's learner; an imported file's reporter id otherwise. */
  reporter: string;
  createdAt: number;
  updatedAt: number;
  /**
   * Where the flag belongs, as the browser it was imported from described it
   * (docs/flag-format.md). Kept only when this browser does not know the lecture or the
   * track, so the volunteer queue can still name it and an export still place it. Not
   * indexed: no new schema version.
   * `trackKind`/`trackLabel` are null for a problem with the page itself.
   */
  context?: {
    site: string;
    courseTitle: string;
    lectureKey: string;
    lectureTitle: string;
    lectureUrl: string;
    trackLabel: string | null;
    trackKind: string | null;
  };
}

/** A sentence a glossary word was met in, and where (issue 5). */
export interface GlossaryExample {
  /** The caption line (or selected page text's sentence) as the learner saw it. */
  sentence: string;
  lectureId: string | null;
  trackId: string | null;
  cueIndex: number | null;
  /** Seconds into the lecture; null for page text outside a lecture. */
  time: number | null;
  /** The page it was met on (the lecture's page, or any course page). */
  pageUrl: string;
  addedAt: number;
}

/** FSRS scheduling state of a glossary word (ts-fsrs' Card, with dates as ms since epoch). */
export interface ReviewCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: 0 | 1 | 2 | 3;
  lastReview: number | null;
}

export interface GlossaryEntryRecord {
  /** A random UUID; also the Anki GUID's stem, so it never changes. */
  id: string;
  /** The word or phrase as the learner first picked it. */
  term: string;
  /** Lower-case base form of each word ("ran" -> "run"): one entry per base. */
  base: string;
  /** The learner's meaning or translation, in their own language. */
  meaning: string;
  notes: string;
  tags: string[];
  /** Of the first example: the glossary is grouped by course and lecture. */
  courseId: string | null;
  lectureId: string | null;
  examples: GlossaryExample[];
  card: ReviewCard;
  /** card.due, kept at the top level for the index. */
  due: number;
  createdAt: number;
  updatedAt: number;
}

/** Why a deadline read from a page is not trusted until the learner confirms it. */
export type DateDoubt = 'no-year' | 'no-time' | 'no-zone' | 'relative' | 'day-month' | 'from-text' | 'unreadable';

/** A deadline: the moment (ms since epoch, or null when unknown) and where it came from. */
export interface DutyDeadline {
  at: number | null;
  /** The text as the page (or the learner) wrote it, kept so the learner can check it. */
  text: string;
  /** Empty when the moment is certain; otherwise why the learner must confirm it. */
  doubts: DateDoubt[];
}

/**
 * One peer-graded assignment (issue 6): what I owe (reviews to give), what I am owed
 * (reviews of my submission) and the two deadlines. Read from course pages or entered by hand.
 */
export interface DutyRecord {
  /** `dutyIdFor(site, key)` for pages; a random UUID for duties entered by hand. */
  id: string;
  /** Adapter name (`coursera`, `edx`, `page` for unknown markup) or `manual`. */
  site: string;
  /** The site's own key for the assignment (the adapter decides); '' for manual duties. */
  key: string;
  course: string;
  title: string;
  /** The assignment page. */
  url: string;
  /** A link to my submission that classmates can open, if known. */
  submissionUrl: string;
  /** The course's forum (where to ask for reviews), if known. */
  forumUrl: string;
  submitted: boolean;
  submittedAt: number | null;
  reviewsGiven: number;
  reviewsRequired: number;
  /** Reviews my submission has received; null when the page does not say. */
  reviewsReceived: number | null;
  reviewsNeeded: number | null;
  submitDue: DutyDeadline | null;
  reviewDue: DutyDeadline | null;
  /** 'open' | 'done' (marked by the learner, or the page shows every step complete). Indexed. */
  status: 'open' | 'done';
  /** Reminders stop until then (ms since epoch). */
  snoozedUntil: number | null;
  /** Reminder keys already shown (`review@24`), so a restart never repeats one. */
  sent: string[];
  /** Fields the learner set by hand; a later page reading does not overwrite them. */
  edited: string[];
  createdAt: number;
  updatedAt: number;
}

export const DB_NAME = 'moocmate';

export class MoocMateDb extends Dexie {
  courses!: EntityTable<CourseRecord, 'id'>;
  lectures!: EntityTable<LectureRecord, 'id'>;
  tracks!: EntityTable<TrackRecord, 'id'>;
  cues!: Dexie.Table<CueRecord, [string, number]>;
  flags!: EntityTable<FlagRecord, 'id'>;
  glossary!: EntityTable<GlossaryEntryRecord, 'id'>;
  duties!: EntityTable<DutyRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // Versions are only ever added (docs/data-model.md); each new one gets an upgrade test.
    this.version(1).stores({
      courses: 'id, lastSeen',
      lectures: 'id, courseId, lastSeen',
      tracks: 'id, lectureId',
      cues: '[trackId+index], *terms',
    });
    // v2: caption error flags (issue 4). No data changes: the upgrade only adds a table.
    this.version(2).stores({
      flags: 'id, lectureId, trackId, [trackId+cueIndex], status, updatedAt',
    });
    // v3: the glossary (issue 5). Only adds a table.
    this.version(3).stores({
      glossary: 'id, &base, due, courseId, lectureId, updatedAt, *tags',
    });
    // v4: peer-review duties (issue 6). Only adds a table.
    this.version(4).stores({
      duties: 'id, status, updatedAt',
    });
    // v5: the search terms of lines written without spaces are made anew (terms.ts):
    // Chinese and Japanese by character and character pair, Thai, Lao, Khmer and Burmese
    // by word. Same indexes; only those lines are rewritten (returning false skips a line).
    this.version(5)
      .stores({})
      .upgrade((tx) =>
        tx
          .table<CueRecord>('cues')
          .toCollection()
          .modify((cue) => {
            if (!unspaced(cue.text)) return false;
            cue.terms = terms(cue.text);
          }),
      );
    // Glossary writes are told to open course pages (glossary-writes.ts).
    this.use(glossaryWrites);
  }
}

let shared: MoocMateDb | undefined;

/** The one database of the extension origin. Never call this from a content script. */
export function getDb(): MoocMateDb {
  shared ??= new MoocMateDb();
  return shared;
}
