import { SITE_MATCHES } from '../src/sites/hosts';
import { youtubeAdapter } from '../src/sites/youtube';
import { html5Adapter } from '../src/sites/html5';
import { COURSE_SCRIPT, startCourseScript } from './course.content/start';

/** YouTube, and its players embedded in course pages (Khan Academy): the course page's content script with this site's adapter only. */
export default defineContentScript({
  matches: [...SITE_MATCHES.youtube],
  ...COURSE_SCRIPT,
  main: (ctx) => startCourseScript(ctx, [youtubeAdapter, html5Adapter]),
});
