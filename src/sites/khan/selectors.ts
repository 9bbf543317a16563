/** Every selector the Khan Academy adapter uses (nothing else may hold one). */
export const selectors = {
  /** The lesson's YouTube player: an iframe from youtube-nocookie.com or youtube.com. */
  youtubeFrame: 'iframe[src*="youtube-nocookie.com/embed/"], iframe[src*="youtube.com/embed/"]',
  /** Khan's own <video> players (rare), captured like any HTML5 video. */
  video: 'video',
  lessonHeading: 'main h1, h1',
  pageTitle: 'meta[property="og:title"]',
  /** The breadcrumb above the lesson: subject › course › unit › lesson. */
  breadcrumbLinks: 'nav[aria-label="Breadcrumbs"] a[href], nav[aria-label="breadcrumbs"] a[href], [data-testid="breadcrumbs"] a[href], [data-test-id="breadcrumbs"] a[href]',
} as const;
