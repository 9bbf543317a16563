import { SITE_MATCHES } from '../../src/sites/hosts';
import { edxLater } from '../../src/sites/edx/later';
import { html5Adapter } from '../../src/sites/html5';
import { COURSE_SCRIPT, startCourseScript } from './start';
import { SiteList } from './site-list';

/**
 * Any page with a video: edX, local course servers, and every site the learner turns
 * MoocMate on for (src/sites/enable.ts runs this script there). Open edX is recognised by
 * its markup, on any host, and its adapter loads only there (src/sites/edx/later.ts). The
 * big platforms have their own scripts (coursera.content.ts…).
 */
export default defineContentScript({
  matches: [...SITE_MATCHES.other],
  ...COURSE_SCRIPT,
  main: (ctx) => startCourseScript(ctx, new SiteList([edxLater, html5Adapter])),
});
