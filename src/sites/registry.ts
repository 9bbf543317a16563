import type { SiteAdapter } from './types';
import type { DutyReading } from '../messaging/protocol';
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

/**
 * Peer-review duties on a page: the first adapter whose reader finds any. Asked of every
 * adapter, not only the one capturing captions (an ORA page has no video).
 */
export function readPeerDuties(location: Location, document: Document): DutyReading[] {
  for (const a of adapters) {
    const found = a.peerDuties?.(document, location) ?? [];
    if (found.length > 0) return found;
  }
  return [];
}
