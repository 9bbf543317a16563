/** Every selector the YouTube adapter uses (nothing else may hold one). */
export const selectors = {
  /** The player element's id (getPlayerResponse() lives on it, in the main world). */
  playerId: 'movie_player',
  /** The player (watch page and embed): div#movie_player.html5-video-player. */
  player: '#movie_player, .html5-video-player',
  /**
   * The player's own <video>, most specific first (each is tried in turn): the watch
   * page's player, any #movie_player (embeds), then any YouTube player's video.
   */
  videos: ['#ytd-player video.html5-main-video', '#movie_player video.html5-main-video', 'video.html5-main-video', '.html5-video-player video'],
  /** Title and channel on the watch page, when the player response cannot be read. */
  watchTitle: 'ytd-watch-metadata h1, h1.ytd-watch-metadata, #title h1',
  metaTitle: 'meta[name="title"], meta[property="og:title"]',
  channelName: 'ytd-watch-metadata ytd-channel-name a, #owner ytd-channel-name a, #channel-name a',
  /** Where the player draws its own captions (the last fallback: recorded as they appear). */
  captionWindow: '.ytp-caption-window-container',
  /** The transcript panel ("Show transcript"): an engagement panel with one renderer per line. */
  transcriptPanel: 'ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-searchable-transcript"]',
  transcriptSegment: 'ytd-transcript-segment-renderer',
  segmentTimestamp: '.segment-timestamp',
  segmentText: '.segment-text',
  /** The panel's language menu ("English (auto-generated)"). */
  transcriptLanguage: 'ytd-transcript-footer-renderer #label-text, ytd-transcript-footer-renderer yt-dropdown-menu',
} as const;

/** The panel's visibility attribute and its value while it is shown. */
export const PANEL_VISIBILITY_ATTR = 'visibility';
export const PANEL_EXPANDED = 'ENGAGEMENT_PANEL_VISIBILITY_EXPANDED';
