/**
 * Where MoocMate runs without asking: the supported course platforms, their caption
 * servers, and local course servers (an Open edX devstack runs on localhost). Any other
 * site is turned on by the learner from the popup (an optional permission).
 */
export const COURSE_SITE_MATCHES = [
  'https://www.coursera.org/*',
  'https://courses.edx.org/*',
  'https://learning.edx.org/*',
  'https://www.edx.org/*',
  'https://www.udemy.com/*',
  'https://*.udemy.com/*',
  'https://www.youtube.com/*',
  'https://www.youtube-nocookie.com/*',
  'https://www.khanacademy.org/*',
  'http://localhost/*',
  'http://127.0.0.1/*',
];

/** Caption files on hosts other than the course pages. */
export const CAPTION_HOST_MATCHES = ['https://*.udemycdn.com/*', 'https://*.cloudfront.net/*'];
