import type { SiteAdapter } from './types';
import { edxAdapter } from './edx';
import { html5Adapter } from './html5';
import { courseraAdapter } from './coursera';
import { udemyAdapter } from './udemy';
import { youtubeAdapter } from './youtube';
import { khanAdapter } from './khan';

/** Every site adapter, most specific first; html5 (matches anything) stays last. */
export const adapters: readonly SiteAdapter[] = [edxAdapter, courseraAdapter, udemyAdapter, youtubeAdapter, khanAdapter, html5Adapter];

export function pickAdapter(location: Location, document: Document): SiteAdapter {
  return adapters.find((a) => a.matches(location, document)) ?? html5Adapter;
}
