/*
 * The largest values MoocMate keeps. The backup's import checks a file against these, and
 * every writer keeps within them: a backup MoocMate made must always import back.
 */

/** One caption line's text (and its markup). */
export const MAX_CUE_TEXT = 20_000;
/** A caption line's id, and its WebVTT settings. */
export const MAX_CUE_ID = 1000;
/** A glossary word's meaning, and its notes. */
export const MAX_NOTE_TEXT = 10_000;
/** One tag, and tags on one word. */
export const MAX_TAG_CHARS = 100;
export const MAX_TAGS = 100;
/** The id of a learner who reported a flag (flag files carry it). */
export const MAX_REPORTER_CHARS = 200;

/** Text cut to `max` characters, ending with "…" when it was longer. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Tags as kept: each at most MAX_TAG_CHARS, no repeats, at most MAX_TAGS (the first ones). */
export function keptTags(tags: Iterable<string>): string[] {
  return [...new Set([...tags].map((t) => t.slice(0, MAX_TAG_CHARS).trim()).filter(Boolean))].slice(0, MAX_TAGS);
}
