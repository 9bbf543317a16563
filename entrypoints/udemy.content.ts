import { SITE_MATCHES } from '../src/sites/hosts';
import { udemyAdapter } from '../src/sites/udemy';
import { html5Adapter } from '../src/sites/html5';
import { COURSE_SCRIPT, startCourseScript } from './course.content/start';

/** Udemy: the course page's content script with this site's adapter only. */
export default defineContentScript({
  matches: [...SITE_MATCHES.udemy],
  ...COURSE_SCRIPT,
  main: (ctx) => startCourseScript(ctx, [udemyAdapter, html5Adapter]),
});
