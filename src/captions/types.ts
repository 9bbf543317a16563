/** One caption cue as MoocMate keeps it. Times are in seconds. */
export interface Cue {
  /** Position within the track, 0-based, in file order. */
  index: number;
  start: number;
  end: number;
  /** Plain text as a learner reads it: markup tags removed, entities decoded, lines joined with "\n". */
  text: string;
  /** The cue payload exactly as it was in the source, when it differs from `text` (markup, entities). */
  raw?: string;
  /** The cue identifier from the file (WebVTT id or SRT counter), when there was one. */
  id?: string;
  /** WebVTT cue settings line, kept verbatim so exports can reproduce the file. */
  settings?: string;
}

/** A problem found while parsing; parsing goes on past it. */
export interface ParseIssue {
  /** 1-based line number in the source where the problem starts. */
  line: number;
  message: string;
}

export interface ParseResult {
  cues: Cue[];
  /** Problems that made the parser skip something. Empty when the file was clean. */
  issues: ParseIssue[];
  /** Set when the whole file was rejected (for example: not WebVTT at all). */
  fatal?: string;
}
