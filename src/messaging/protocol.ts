import type { BackgroundRequests, PageInfo, TrackInfo, RawCue, SourceFormat, DutyReading, DutyInput } from './schemas';
import type { DeadlineDoubt } from '../duties/doubts';
import type { MatcherData } from '../glossary/match';
import type { IngestResult } from '../captions/store';

export type { PageInfo, TrackInfo, RawCue, SourceFormat, DutyReading, DutyInput };

/** Every message the background answers: request and response, in one map. */
export interface BackgroundProtocol {
  'capture.track': {
    req: BackgroundRequests['capture.track'];
    res:
      /** `tools`: the learner's settings use the page tools from the start (src/sites/page-tools.ts). */
      | (IngestResult & { tools?: boolean })
      /** Only for `pageHasCues`: the file could not be read, send the player's cues instead. */
      | { sendCues: true };
  };
  /** The capture script asks for the learner's tools in its frame (entrypoints/course-tools). */
  'tools.load': { req: BackgroundRequests['tools.load']; res: { loaded: true } };
  /** The capture script asks for its rare parts in its frame: side panel link, duty reading… (entrypoints/course-extras). */
  'extras.load': { req: BackgroundRequests['extras.load']; res: { loaded: true } };
  /** The generic capture script asks for a site's adapter in its frame (src/sites/edx/later.ts). */
  'site.load': { req: BackgroundRequests['site.load']; res: { loaded: true } };
  'lecture.pendingSeek': { req: BackgroundRequests['lecture.pendingSeek']; res: { seek: { lectureId: string; time: number } | null } };
  'lecture.openAt': { req: BackgroundRequests['lecture.openAt']; res: { tabId: number } };
  'site.enable': { req: BackgroundRequests['site.enable']; res: { enabled: true } };
  'flag.create': { req: BackgroundRequests['flag.create']; res: { flagId: string; kind: string; cueIndex: number | null; text: string } };
  'glossary.add': { req: BackgroundRequests['glossary.add']; res: { entryId: string; term: string; created: boolean } };
  'glossary.matcher': { req: BackgroundRequests['glossary.matcher']; res: MatcherData };
  'glossary.changed': { req: BackgroundRequests['glossary.changed']; res: { told: true } };
  'glossary.import': { req: BackgroundRequests['glossary.import']; res: { added: number; merged: number } };
  'lecture.captions': { req: BackgroundRequests['lecture.captions']; res: { tracks: LectureCaptionTrack[] } };
  'duty.seen': { req: BackgroundRequests['duty.seen']; res: { dutyId: string; created: boolean; doubts: DeadlineDoubt[] } };
  'duty.save': { req: BackgroundRequests['duty.save']; res: { dutyId: string } };
  'duty.done': { req: BackgroundRequests['duty.done']; res: { dutyId: string } };
  'duty.confirm': { req: BackgroundRequests['duty.confirm']; res: { dutyId: string } };
  'duty.snooze': { req: BackgroundRequests['duty.snooze']; res: { dutyId: string; until: number } };
  'duty.delete': { req: BackgroundRequests['duty.delete']; res: { dutyId: string } };
  'duty.resync': { req: BackgroundRequests['duty.resync']; res: { duties: number } };
  /** `strings` is empty when the learner follows the browser's language (chrome.i18n has it). */
  'i18n.strings': { req: BackgroundRequests['i18n.strings']; res: PageStrings };
}

/** A stored track of a lecture, as the in-page caption overlay needs it (src/lecture). */
export interface LectureCaptionTrack {
  id: string;
  kind: string;
  label: string;
  /** Declared language (BCP 47); when the page gave none, the detected one; '' when neither. */
  language: string;
  /** ISO 639-3 from the whole transcript, 'und' when unsure. */
  detectedLanguage: string;
  /** Made by speech recognition (YouTube's automatic captions): so in the spoken language. */
  generated?: boolean;
  cues: Array<{ start: number; end: number; text: string }>;
}

/** Interface strings for the content script: placeholders already turned into $1, $2. */
export interface PageStrings {
  lang: string;
  dir: 'ltr' | 'rtl';
  strings: Record<string, string>;
}

/** A lecture the content script sees in a tab. */
export interface TabLecture {
  lectureId: string;
  title: string;
  courseTitle: string;
  trackCount: number;
  /** 'partial' when captions came only from a fallback (panel, screen); `note` says why. */
  capture: 'full' | 'partial' | 'none';
  /** A message key from _locales explaining a partial capture. */
  note?: CaptureNote;
}

export type CaptureNote = 'notePanelOnly' | 'noteOnScreen' | 'noteNoData' | 'noteDataFailed';

/** Messages extension pages send to the content script of a tab (tabs.sendMessage). */
export interface TabProtocol {
  'page.status': { req: Record<string, never>; res: { site: string; lectures: TabLecture[] } };
  /** Capture every track again (after the learner allowed a caption host). */
  'page.recapture': { req: Record<string, never>; res: { lectures: number } };
  /** Flag the caption on screen now (the browser's keyboard shortcut). */
  'page.flagCurrent': { req: Record<string, never>; res: { flagged: boolean } };
  /**
   * Add the selected text to the glossary (the browser's shortcut, or the context menu with
   * its selection). With nothing selected, the frame with the lecture opens the caption popover.
   */
  'page.addWord': { req: { selection?: string }; res: { added: boolean } };
  /** The glossary changed: pages fetch the matcher again (no answer expected). */
  'page.glossaryChanged': { req: { version: number }; res: Record<string, never> };
  /** The learner turned on a lecture tool elsewhere (side panel): load the page tools now. */
  'page.wakeTools': { req: Record<string, never>; res: Record<string, never> };
  /** MoocMate opened this lecture from a search hit: start it at this moment (src/captions/open-at.ts). */
  'page.seek': { req: { lectureId: string; time: number }; res: { seeking: boolean } };
  /** Read this page as a peer-review duty (adapters first, else its text) and store it. */
  'page.readDuty': { req: Record<string, never>; res: { dutyId: string; created: boolean } };
}

/** The side panel's port to a tab's content script. */
export const PANEL_PORT = 'moocmate-panel';

export type PanelToPage =
  | { type: 'seek'; lectureId: string; time: number }
  | { type: 'select'; lectureId: string };

export type PageToPanel = {
  type: 'state';
  lectures: TabLecture[];
  /** The lecture whose video the learner is watching (last played, else the first). */
  active: string | null;
  time: number;
  paused: boolean;
};

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };

export interface TypedMessage<P, K extends keyof P = keyof P> {
  moocmate: K;
  data: P[K] extends { req: infer R } ? R : never;
}
