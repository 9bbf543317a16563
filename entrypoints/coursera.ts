import { courseraAdapter } from '../src/sites/coursera';
import { html5Adapter } from '../src/sites/html5';
import { startCourseScript } from './course-page/start';

/** Coursera: the course page's script with this site's adapter only (where it runs: src/sites/hosts.ts, COURSE_SCRIPTS). */
export default defineUnlistedScript(() => startCourseScript([courseraAdapter, html5Adapter]));
