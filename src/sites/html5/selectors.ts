/** Every selector the generic HTML5 adapter uses (nothing else may hold one). */
export const selectors = {
  video: 'video',
  track: 'track',
  source: 'source[src]',
  siteName: 'meta[property="og:site_name"]',
  pageTitle: 'meta[property="og:title"]',
  /** A video's own caption or heading, for pages with several videos. */
  videoContainer: 'figure, section, article, li',
  containerHeading: 'figcaption, h1, h2, h3, h4',
  mainHeading: 'h1',
} as const;
