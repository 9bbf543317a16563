import { SITE_MATCHES } from '../src/sites/hosts';
import { courseraAdapter } from '../src/sites/coursera';
import { html5Adapter } from '../src/sites/html5';
import { startCourseScript } from './course.content/start';

/** Coursera: the course page's content script with this site's adapter only. */
export default defineContentScript({
  matches: [...SITE_MATCHES.coursera],
  allFrames: true,
  runAt: 'document_idle',
  main: (ctx) => startCourseScript(ctx, [courseraAdapter, html5Adapter]),
});
