import { youtubeAdapter } from '../src/sites/youtube';
import { html5Adapter } from '../src/sites/html5';
import { startCourseScript } from './course-page/start';

/** YouTube, and its players embedded in course pages (Khan Academy): the course page's script with this site's adapter only (where it runs: src/sites/hosts.ts, COURSE_SCRIPTS). */
export default defineUnlistedScript(() => startCourseScript([youtubeAdapter, html5Adapter]));
