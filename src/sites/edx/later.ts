import type { LaterSite } from '../types';
import { openEdxMarkup } from './selectors';

/**
 * Open edX runs on any host, so the generic content script looks for its markup on every
 * page. The adapter itself (about 10 KB) is loaded only where the markup is found: other
 * pages do not parse it (bench/README.md, figure 4).
 */
export const edxLater: LaterSite = {
  site: 'edx',
  present: (document) => document.querySelector(openEdxMarkup) !== null,
};
