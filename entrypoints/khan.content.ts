import { SITE_MATCHES } from '../src/sites/hosts';
import { khanAdapter } from '../src/sites/khan';
import { html5Adapter } from '../src/sites/html5';
import { COURSE_SCRIPT, startCourseScript } from './course.content/start';

/** Khan Academy (its videos play in embedded YouTube frames, which get youtube.content.ts): the course page's content script with this site's adapter only. */
export default defineContentScript({
  matches: [...SITE_MATCHES.khan],
  ...COURSE_SCRIPT,
  main: (ctx) => startCourseScript(ctx, [khanAdapter, html5Adapter]),
});
