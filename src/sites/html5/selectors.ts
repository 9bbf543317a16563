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
  /** Caption boxes of common web players that draw captions themselves (video.js, Plyr, JW Player, MediaElement.js). */
  playerCaptions: '.vjs-text-track-display, .plyr__captions, .jw-captions, .mejs__captions-layer',
  /** How far up from the video a player's wrapper may be. */
  playerWrapper: '.video-js, .plyr, .jwplayer, .mejs__container, figure, [data-player]',
} as const;
