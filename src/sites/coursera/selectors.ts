/**
 * Every selector the Coursera adapter uses (nothing else may hold one). Coursera's generated
 * class names (css-13o25cb, …) change with every release and are never used: only the
 * long-lived `rc-` component names, ARIA labels, element names and link targets.
 */
export const selectors = {
  video: 'video',
  /** The item page names its lecture in the one h1. */
  heading: 'h1',
  /** Breadcrumbs: course › module › item. */
  breadcrumbLinks: 'nav[aria-label="Breadcrumbs"] a, nav[aria-label="breadcrumbs"] a, nav[aria-label="Breadcrumb"] a',
  /** Any link into a course (/learn/<slug>…); the adapter keeps those of this course. */
  courseLinks: 'a[href*="/learn/"]',
  /** The interactive transcript: paragraphs, each with a time button and its phrases. */
  transcript: '.rc-Transcript',
  paragraph: '.rc-Paragraph',
  timestamp: '.timestamp',
  phrase: '.rc-Phrase',
  withLang: '[lang]',
} as const;
