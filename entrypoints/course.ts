import { edxLater } from '../src/sites/edx/later';
import { html5Adapter } from '../src/sites/html5';
import { startCourseScript } from './course-page/start';
import { SiteList } from './course-page/site-list';

/**
 * Any page with a video: edX, local course servers, and every site the learner turns
 * MoocMate on for (src/sites/enable.ts runs this script there). Open edX is recognised by
 * its markup, on any host, and its adapter loads only there (src/sites/edx/later.ts). The
 * big platforms have their own scripts (coursera.ts…); src/sites/hosts.ts says which
 * script runs where.
 */
export default defineUnlistedScript(() => startCourseScript(new SiteList([edxLater, html5Adapter])));
