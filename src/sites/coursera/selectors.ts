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
  /**
   * Peer-graded assignment pages (/learn/<slug>/peer/<itemId>/…). We have no saved copy of
   * Coursera's real markup for these: the component names below are the ones our fixture
   * (tests/fixtures/pages/coursera/peer-*.html) uses, in Coursera's `rc-` naming; counts
   * and dates are read from their text, so labels in any language work.
   */
  peerDeadlineSubmit: '.rc-AssignmentDeadline[data-deadline-type="submission"] .rc-FormattedDate',
  peerDeadlineReview: '.rc-AssignmentDeadline[data-deadline-type="review"] .rc-FormattedDate',
  /** "1 of 3" reviews given. */
  peerReviewProgress: '.rc-ReviewProgress',
  /** My submission: present once submitted; "0 of 3" reviews received inside. */
  peerSubmitted: '.rc-SubmissionStatus--submitted',
  peerReviewsReceived: '.rc-ReviewsReceived',
  /** The link classmates use to review my submission. */
  peerShareLink: '.rc-ShareSubmission a[href]',
  /** A machine-readable date, when the page gives one. */
  machineDate: 'time[datetime]',
  /** The course's discussion forums. */
  forumLink: 'a[href*="/discussions"]',
} as const;
