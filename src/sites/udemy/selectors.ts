/**
 * Every selector the Udemy adapter uses (nothing else may hold one). Udemy's class names end
 * in generated suffixes (`transcript--cue-container--Vuwj6`) that change with every release:
 * only `data-purpose` attributes (and ARIA state) are used here, never a class.
 */
export const selectors = {
  video: 'video',
  /** The course title in the course-taking header (an h1, holding a link to the course). */
  courseTitle: '[data-purpose="course-header-title"]',
  /** The curriculum item being watched (the sidebar marks it aria-current). */
  currentItemTitle: '[aria-current="true"] [data-purpose="item-title"]',
  /** The transcript side panel: one cue per line; the one being spoken has the "-active" purpose. */
  transcriptPanel: '[data-purpose="transcript-panel"]',
  transcriptCue: '[data-purpose="transcript-cue"], [data-purpose="transcript-cue-active"]',
  cueText: '[data-purpose="cue-text"]',
  withLang: '[lang]',
} as const;
