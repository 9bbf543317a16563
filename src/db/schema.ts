import Dexie, { type EntityTable } from 'dexie';
import type { Cue } from '../captions/types';

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

export const DB_NAME = 'moocmate';

export class MoocMateDb extends Dexie {
  courses!: EntityTable<CourseRecord, 'id'>;
  lectures!: EntityTable<LectureRecord, 'id'>;
  tracks!: EntityTable<TrackRecord, 'id'>;
  cues!: Dexie.Table<CueRecord, [string, number]>;

  constructor(name = DB_NAME) {
    super(name);
    // Versions are only ever added (docs/data-model.md); each new one gets an upgrade test.
    this.version(1).stores({
      courses: 'id, lastSeen',
      lectures: 'id, courseId, lastSeen',
      tracks: 'id, lectureId',
      cues: '[trackId+index], *terms',
    });
  }
}

let shared: MoocMateDb | undefined;

/** The one database of the extension origin. Never call this from a content script. */
export function getDb(): MoocMateDb {
  shared ??= new MoocMateDb();
  return shared;
}
