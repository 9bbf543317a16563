/**
 * Every selector the edX / Open edX adapter uses (nothing else may hold one).
 *
 * Shapes come from Open edX's video XBlock: lms/templates/video.html (a `div.video` with a
 * `data-metadata` JSON attribute; before that, one data attribute per setting), the XBlock
 * wrapper the LMS puts around every block (`data-block-type`, `data-usage-id`,
 * `data-course-id`), lms/templates/vert_module.html (the unit), and the transcript panel
 * that xmodule/js/src/video/09_video_caption.js renders.
 */
const PLAYER = 'div.video';
const PLAYER_DATA = [
  '[data-metadata]',
  '[data-transcript-translation-url]',
  '[data-transcript-languages]',
  '[data-transcript-available-translations-url]',
  '[data-caption-asset-path]',
  '[data-sub]',
  '[data-streams]',
].join(', ');
const VIDEO_BLOCK = '[data-block-type="video"], .xblock-student_view-video, .xmodule_VideoBlock, .xmodule_VideoModule';
const PANEL = '.subtitles';
const ORA_BLOCK = '.openassessment';

/**
 * Any of Open edX's markup that the adapter reads: a video block, a player with its
 * settings or its transcript panel, a peer assessment. The generic content script asks it
 * on every page and loads the adapter (src/sites/edx/later.ts) only where it is found. A
 * separate export, so that script bundles these few strings and not the whole object.
 */
export const openEdxMarkup = [VIDEO_BLOCK, `${PLAYER}:is(${PLAYER_DATA})`, `${PLAYER} ${PANEL}`, ORA_BLOCK].join(', ');

export const selectors = {
  /** A candidate player: edX's player root is a div with the class "video". */
  player: PLAYER,
  /** Settings the LMS renders on the player root, now and in older releases. */
  playerData: PLAYER_DATA,
  /** The XBlock wrapper of a video block (current and older class names). */
  videoBlock: VIDEO_BLOCK,
  /** Any XBlock wrapper that names its block. */
  usageHolder: '[data-usage-id]',
  courseHolder: '[data-course-id]',
  /** The player's <video> (HTML5 sources; a YouTube block has an iframe instead). */
  video: 'video',
  source: 'source[src]',
  /** The block's display name: `<h3 class="hd hd-2">` now, `<h2>` in older templates. */
  blockHeading: 'h2, h3',
  /** The unit (vertical) around the videos, and its title. */
  unit: '.vert-mod, .xblock-student_view-vertical, [data-block-type="vertical"]',
  unitTitle: '.unit-title, h1.unit-title, h2.unit-title',
  pageHeading: 'h1',
  /** Course name in the LMS header, the learning MFE, and pages that set it as metadata. */
  courseName: '.course-header .course-name, .course-title, .course-name',
  siteName: 'meta[property="og:site_name"]',
  /** The transcript panel: `div.subtitles > ol.subtitles-menu` now, `ol.subtitles` before. */
  panel: PANEL,
  /** The list inside the panel that carries the shown language (`lang`). */
  panelList: '.subtitles-menu, ol.subtitles',
  /** One transcript line: `li > span[data-index][data-start]` now, `li[data-index][data-start]` before. */
  panelLine: '[data-start]',
  /** The language menu: `ol.langs-list > li[data-lang-code]`, the chosen one `.is-active`. */
  activeLanguage: '.langs-list li.is-active[data-lang-code]',
  /**
   * Open Response Assessment (edx-ora2, openassessment/templates/legacy/): the block
   * `div.openassessment`, its steps `li.openassessment__steps__step`, the response step
   * `.step--response` and the peer step `.step--peer-assessment` (`is--complete` when
   * done); each step's due date `.step__deadline .ora-datetime` with `data-datetime` (ISO,
   * UTC) and `data-timezone`; the peer status "In Progress (<current> of <required>)",
   * where <current> is the review the learner is on (`review_num` = graded + 1), and the
   * closed step's "Incomplete (<completed> of <required>)".
   */
  oraBlock: ORA_BLOCK,
  oraWrapper: '[data-block-type="openassessment"]',
  oraTitle: '.openassessment__title, h3.hd, h2',
  oraResponseStep: '.step--response',
  oraPeerStep: '.step--peer-assessment',
  oraDate: '.step__deadline .ora-datetime',
  oraDeadline: '.step__deadline',
  oraStatus: '.step__status__value',
  oraCurrent: '.step__status__number--current',
  oraGraded: '.step__status__value--completed',
  oraRequired: '.step__status__value--required',
  discussionLink: 'a[href*="/discussion"]',
} as const;
