import { khanAdapter } from '../src/sites/khan';
import { html5Adapter } from '../src/sites/html5';
import { startCourseScript } from './course-page/start';

/** Khan Academy (its videos play in embedded YouTube frames, which get youtube.ts): the course page's script with this site's adapter only (where it runs: src/sites/hosts.ts, COURSE_SCRIPTS). */
export default defineUnlistedScript(() => startCourseScript([khanAdapter, html5Adapter]));
