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

const nullableId = v.nullable(text(100));
/** A word the learner picked, with where they met it. The term's own limits are checked by the glossary (a clear message). */
export const NewWordSchema = v.object({
  term: text(2000),
  sentence: text(20000),
  lectureId: nullableId,
  trackId: nullableId,
  cueIndex: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  time: v.nullable(seconds),
  pageUrl: text(4000),
  meaning: v.optional(text(2000)),
  notes: v.optional(text(5000)),
  tags: v.optional(v.pipe(v.array(text(100)), v.maxLength(50))),
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000));
const stamp = v.pipe(v.number(), v.finite(), v.minValue(0));

/** A date as a page shows it: text (and a machine-readable form when the markup has one). */
export const DateReadingSchema = v.object({
  text: text(300),
  iso: v.optional(text(60)),
  lang: v.optional(text(40)),
  timeZone: v.optional(text(60)),
});

/** A deadline the learner set or confirmed: an exact moment, and the words shown for it. */
const ExactDeadlineSchema = v.nullable(v.object({ at: stamp, text: text(300) }));

/** Peer-review state read from an assignment page (docs/duties.md). */
export const DutyReadingSchema = v.object({
  site: text(40),
  key: text(2000),
  course: text(500),
  title: text(500),
  url: text(4000),
  submissionUrl: v.optional(text(4000)),
  forumUrl: v.optional(text(4000)),
  /** null: the page does not say. */
  submitted: v.nullable(v.boolean()),
  reviewsGiven: v.nullable(count),
  reviewsRequired: v.nullable(count),
  reviewsReceived: v.nullable(count),
  reviewsNeeded: v.nullable(count),
  submitDue: v.nullable(DateReadingSchema),
  reviewDue: v.nullable(DateReadingSchema),
  /** The page shows every step of the assignment complete. */
  complete: v.optional(v.boolean()),
  /** Read from the text of a page no adapter knows: every date needs the learner's word. */
  fromText: v.optional(v.boolean()),
});

/** A duty entered or edited by hand in the dashboard. */
export const DutyInputSchema = v.object({
  id: v.optional(text(100)),
  course: text(500),
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500)),
  url: v.pipe(text(4000), v.check((u) => u === '' || /^https?:\/\//.test(u), 'The link must start with http:// or https://')),
  submissionUrl: text(4000),
  forumUrl: text(4000),
  submitted: v.boolean(),
  reviewsGiven: count,
  reviewsRequired: count,
  reviewsReceived: v.nullable(count),
  reviewsNeeded: v.nullable(count),
  submitDue: ExactDeadlineSchema,
  reviewDue: ExactDeadlineSchema,
});

const dutyId = v.object({ id: text(100) });

export const BackgroundSchemas = {
  /** A caption track seen on a page: its cues, or (cues null) a file for the background to fetch. */
  'capture.track': v.object({
    page: PageInfoSchema,
    track: TrackInfoSchema,
    cues: v.nullable(v.pipe(v.array(RawCueSchema), v.maxLength(200000))),
    /** Why the page could not give cues, kept if the fetch fails too. */
    pageError: v.optional(text(500)),
    /**
     * With cues null: the player has parsed this file and the page can send its cues. The
     * background reads the file itself (no copy of thousands of cues in the page); only
     * when it cannot does it answer `sendCues` and store nothing.
     */
    pageHasCues: v.optional(v.literal(true)),
  }),
  /** The capture script of a frame asks for the learner's tools there (src/sites/page-tools.ts). */
  'tools.load': v.object({}),
  /** The capture script of a frame asks for its rare parts there (src/sites/page-tools.ts). */
  'extras.load': v.object({}),
  /** The generic capture script found a later site's markup and asks for its adapter (src/sites/page-tools.ts). */
  'site.load': v.object({ site: v.picklist(['edx']) }),
  /**
   * A frame asks, for its lectures with no track to send, whether this tab was opened to
   * play one from a moment (the others are told with page.seek when their capture comes).
   * `title`: the lecture's title, when there is exactly one (src/captions/open-at.ts).
   */
  'lecture.pendingSeek': v.object({ lectureIds: v.pipe(v.array(text(100)), v.maxLength(100)), title: v.optional(text(500)) }),
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
  /** The in-page caption overlay asks for a lecture's stored tracks and their lines. */
  'lecture.captions': v.object({ lectureId: text(100) }),
  /** An extension page asks to open a lecture at a moment. */
  'lecture.openAt': v.object({ lectureId: text(100), time: seconds }),
  /** Add a word or phrase to the glossary (side panel, page selection, caption popover). */
  'glossary.add': NewWordSchema,
  /** A page asks for the glossary's words in every form, to mark them in captions. */
  'glossary.matcher': v.object({}),
  /** A page wrote the glossary: tell the open course pages (src/glossary/changes.ts). */
  'glossary.changed': v.object({}),
  /** The dashboard adds the good rows of a CSV file the learner accepted. */
  'glossary.import': v.object({ rows: v.pipe(v.array(NewWordSchema), v.maxLength(20000)) }),
  /** The content script read a peer-graded assignment on the page. */
  'duty.seen': DutyReadingSchema,
  /** The dashboard adds or edits a duty by hand (deadlines given there are exact). */
  'duty.save': DutyInputSchema,
  'duty.done': v.object({ id: text(100), done: v.boolean() }),
  'duty.confirm': v.object({ id: text(100), kind: v.picklist(['submitDue', 'reviewDue']) }),
  'duty.snooze': v.object({ id: text(100), minutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(10080))) }),
  'duty.delete': dutyId,
  /** After a backup import or "Delete all": plan every reminder and the badge again. */
  'duty.resync': v.object({}),
  /** The content script asks for its few interface strings in the learner's chosen language. */
  'i18n.strings': v.object({ keys: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_]{1,60}$/))), v.maxLength(50)) }),
} as const;

export type BackgroundRequests = { [K in keyof typeof BackgroundSchemas]: v.InferOutput<(typeof BackgroundSchemas)[K]> };
export type PageInfo = v.InferOutput<typeof PageInfoSchema>;
export type TrackInfo = v.InferOutput<typeof TrackInfoSchema>;
export type RawCue = v.InferOutput<typeof RawCueSchema>;
export type SourceFormat = v.InferOutput<typeof SourceFormatSchema>;
export type DutyReading = v.InferOutput<typeof DutyReadingSchema>;
export type DutyInput = v.InferOutput<typeof DutyInputSchema>;
