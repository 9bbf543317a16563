import { SITE_MATCHES } from '../src/sites/hosts';
import { courseraAdapter } from '../src/sites/coursera';
import { html5Adapter } from '../src/sites/html5';
import { COURSE_SCRIPT, startCourseScript } from './course.content/start';

/** Coursera: the course page's content script with this site's adapter only. */
export default defineContentScript({
  matches: [...SITE_MATCHES.coursera],
  ...COURSE_SCRIPT,
  main: (ctx) => startCourseScript(ctx, [courseraAdapter, html5Adapter]),
});
