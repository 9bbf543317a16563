import type { SiteAdapter } from './types';
import type { DutyReading } from '../messaging/protocol';
import { edxAdapter } from './edx';
import { html5Adapter } from './html5';
import { courseraAdapter } from './coursera';
import { udemyAdapter } from './udemy';
import { youtubeAdapter } from './youtube';
import { khanAdapter } from './khan';
import { pickAdapterFrom, readPeerDutiesFrom } from './pick';

/** Every site adapter, most specific first; html5 (matches anything) stays last. */
export const adapters: readonly SiteAdapter[] = [edxAdapter, courseraAdapter, udemyAdapter, youtubeAdapter, khanAdapter, html5Adapter];

export function pickAdapter(location: Location, document: Document): SiteAdapter {
  return pickAdapterFrom(adapters, location, document);
}

/** Peer-review duties on a page, asked of every adapter (see readPeerDutiesFrom). */
export function readPeerDuties(location: Location, document: Document): DutyReading[] {
  return readPeerDutiesFrom(adapters, location, document);
}
