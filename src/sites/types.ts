import type { DutyReading, PageInfo, RawCue, SourceFormat } from '../messaging/protocol';

/** A caption track the platform's own data lists (a transcript URL), fetched by the background. */
export interface DataTrack {
  kind: 'captions' | 'subtitles';
  label: string;
  /** BCP 47 as the platform gives it. */
  language: string;
  url: string;
  format: SourceFormat;
  /** Made by speech recognition (YouTube "asr"): rolling text, cleaned before it is kept. */
  generated?: boolean;
}

/** Lines read from the platform's transcript panel: the fallback when there is no data. */
export interface PanelTranscript {
  language: string;
  label: string;
  cues: RawCue[];
}

/**
 * One course platform. The content entry asks the registry for the first adapter that
 * matches the page; the generic HTML5 adapter matches everything and comes last. Every
 * CSS selector an adapter uses lives in its folder's selectors.ts.
 */
export interface SiteAdapter {
  /** Short stable name, stored with every course and lecture. */
  readonly site: string;
  matches(location: Location, document: Document): boolean;
  /** The elements that each hold one lecture: a <video>, or a player container (edX). */
  findLectures(root: ParentNode): HTMLElement[];
  /** The lecture's media element, to follow playback and seek; null for an embedded player. */
  mediaOf(lecture: HTMLElement): HTMLVideoElement | null;
  /** Course and lecture identity (asked again after in-page navigation and source changes). */
  describe(lecture: HTMLElement, document: Document, location: Location): PageInfo;
  /** Tracks from the platform's data (preferred over anything read from the screen). */
  dataTracks?(lecture: HTMLElement, document: Document, location: Location): DataTrack[] | Promise<DataTrack[]>;
  /** The transcript panel, when the platform shows one. */
  panelTranscript?(lecture: HTMLElement, document: Document): PanelTranscript | null;
  /** The element a player draws its own captions into: recorded as they appear, the last fallback. */
  onScreenCaptions?(lecture: HTMLElement, document: Document): Element | null;
  /**
   * Peer-graded assignments on this page (issue 6): counts as shown, dates as text (plus a
   * machine-readable form when the markup has one). Parsing happens in the background.
   */
  peerDuties?(document: Document, location: Location): DutyReading[];
}

/**
 * A site whose adapter loads only on pages that show its markup: the generic content
 * script runs on every page, and most have none. The background runs the adapter's script
 * in the frame (`site.load`), which hands the adapter over (entrypoints/edx-adapter.ts).
 */
export interface LaterSite {
  readonly site: 'edx';
  /** One cheap query: is any markup this adapter reads on the page? */
  present(document: Document): boolean;
}
