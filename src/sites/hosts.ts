/**
 * Where MoocMate runs without asking: the supported course platforms, their caption
 * servers, and local course servers (an Open edX devstack runs on localhost). Any other
 * site is turned on by the learner from the popup (an optional permission).
 *
 * Each platform gets a content script with only its own adapter (COURSE_SCRIPTS);
 * `other` gets the generic one, which also knows Open edX, found by its markup on any host.
 */
export const SITE_MATCHES = {
  coursera: ['https://www.coursera.org/*'],
  udemy: ['https://www.udemy.com/*', 'https://*.udemy.com/*'],
  youtube: ['https://www.youtube.com/*', 'https://www.youtube-nocookie.com/*'],
  khan: ['https://www.khanacademy.org/*'],
  other: ['https://courses.edx.org/*', 'https://learning.edx.org/*', 'https://www.edx.org/*', 'http://localhost/*', 'http://127.0.0.1/*'],
} as const;

export const COURSE_SITE_MATCHES: string[] = Object.values(SITE_MATCHES).flat();

/**
 * The course page's script of each site: entrypoints/<name>.ts, built as /<name>.js. They
 * are WXT unlisted scripts that wxt.config.ts lists as content scripts itself, so that
 * WXT's content-script wrapper (its context, a DOM event and a location watcher at every
 * load) stays out of them (entrypoints/course-page/page-context.ts).
 */
export const COURSE_SCRIPTS = {
  coursera: '/coursera.js',
  udemy: '/udemy.js',
  youtube: '/youtube.js',
  khan: '/khan.js',
  other: '/course.js',
} as const satisfies Record<keyof typeof SITE_MATCHES, `/${string}.js`>;

/**
 * How each of them runs, in the manifest and on a site the learner turns on (enable.ts):
 * after the page's own scripts, and in every frame (players embedded in course pages are frames).
 */
export const COURSE_SCRIPT_RUN = { runAt: 'document_idle', allFrames: true } as const;

/** Caption files on hosts other than the course pages. */
export const CAPTION_HOST_MATCHES = ['https://*.udemycdn.com/*', 'https://*.cloudfront.net/*'];
