import { edxAdapter } from '../src/sites/edx';
import { shareSite } from './course-page/shared';

/**
 * The edX / Open edX adapter, run by the background (src/sites/page-tools.ts, `site.load`)
 * in a frame whose generic content script found Open edX markup (src/sites/edx/later.ts).
 */
export default defineUnlistedScript(() => shareSite(edxAdapter));
