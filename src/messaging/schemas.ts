import * as v from 'valibot';

/**
 * Runtime checks for every message the background accepts. Only the background and
 * extension pages import this file; content scripts import the types alone.
 */
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const seconds = v.pipe(v.number(), v.finite(), v.minValue(0));

export const PageInfoSchema = v.object({
  site: text(40),
  courseKey: text(2000),
  courseTitle: text(500),
  courseUrl: text(4000),
  lectureKey: text(4000),
  lectureTitle: text(500),
  lectureUrl: text(4000),
  videoSrc: text(4000),
});

/** Formats the background can parse; 'auto' sniffs WebVTT or SRT. */
export const SourceFormatSchema = v.picklist(['auto', 'vtt', 'srt', 'sjson', 'json3', 'srv3']);

export const TrackInfoSchema = v.object({
  kind: text(40),
  label: text(200),
  language: text(40),
  url: v.optional(text(8000)),
  /** Who found the track; the default is the <track> element / TextTrack API. */
  source: v.optional(v.picklist(['platform-data', 'transcript-panel', 'on-screen'])),
  format: v.optional(SourceFormatSchema),
  generated: v.optional(v.boolean()),
});

export const RawCueSchema = v.object({
  start: seconds,
  end: seconds,
  text: text(20000),
  id: v.optional(text(1000)),
});

export const BackgroundSchemas = {
  /** A caption track seen on a page: its cues, or (cues null) a file for the background to fetch. */
  'capture.track': v.object({
    page: PageInfoSchema,
    track: TrackInfoSchema,
    cues: v.nullable(v.pipe(v.array(RawCueSchema), v.maxLength(200000))),
    /** Why the page could not give cues, kept if the fetch fails too. */
    pageError: v.optional(text(500)),
  }),
  /** The content script asks whether this tab was opened to play from a moment. */
  'lecture.pendingSeek': v.object({}),
  /** The learner flags the caption on screen (keystroke or the button by the player). */
  'flag.create': v.object({
    lectureId: text(100),
    time: seconds,
    /** The language of the caption track showing in the player, if any. */
    language: v.optional(text(40)),
    /** The caption text on screen, exactly as shown. */
    shownText: v.optional(text(2000)),
  }),
  /** The popup, after the learner granted a site: run MoocMate there from now on. */
  'site.enable': v.object({
    pattern: v.pipe(v.string(), v.maxLength(300), v.regex(/^https?:\/\/[^/*]+\/\*$/)),
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  /** An extension page asks to open a lecture at a moment. */
  'lecture.openAt': v.object({ lectureId: text(100), time: seconds }),
  /** The content script asks for its few interface strings in the learner's chosen language. */
  'i18n.strings': v.object({ keys: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_]{1,60}$/))), v.maxLength(50)) }),
} as const;

export type BackgroundRequests = { [K in keyof typeof BackgroundSchemas]: v.InferOutput<(typeof BackgroundSchemas)[K]> };
export type PageInfo = v.InferOutput<typeof PageInfoSchema>;
export type TrackInfo = v.InferOutput<typeof TrackInfoSchema>;
export type RawCue = v.InferOutput<typeof RawCueSchema>;
export type SourceFormat = v.InferOutput<typeof SourceFormatSchema>;
