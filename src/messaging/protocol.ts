import type { BackgroundRequests, PageInfo, TrackInfo, RawCue, SourceFormat } from './schemas';
import type { TrackStatus } from '../db/schema';

export type { PageInfo, TrackInfo, RawCue, SourceFormat };

/** Every message the background answers: request and response, in one map. */
export interface BackgroundProtocol {
  'capture.track': {
    req: BackgroundRequests['capture.track'];
    res: { lectureId: string; trackId: string; cueCount: number; status: TrackStatus; error?: string; unchanged: boolean };
  };
  'lecture.pendingSeek': { req: BackgroundRequests['lecture.pendingSeek']; res: { seek: { lectureId: string; time: number } | null } };
  'lecture.openAt': { req: BackgroundRequests['lecture.openAt']; res: { tabId: number } };
  'site.enable': { req: BackgroundRequests['site.enable']; res: { enabled: true } };
  'flag.create': { req: BackgroundRequests['flag.create']; res: { flagId: string; kind: string; cueIndex: number | null; text: string } };
  /** `strings` is empty when the learner follows the browser's language (chrome.i18n has it). */
  'i18n.strings': { req: BackgroundRequests['i18n.strings']; res: PageStrings };
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
