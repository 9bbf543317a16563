import type { SiteAdapter } from './types';
import type { DutyReading } from '../messaging/protocol';
import { html5Adapter } from './html5';

/**
 * Choosing among a list of adapters. Each content script bundles only its sites' adapters
 * (entrypoints/*.content), so these take the list; registry.ts holds every adapter.
 */
export function pickAdapterFrom(list: readonly SiteAdapter[], location: Location, document: Document): SiteAdapter {
  return list.find((a) => a.matches(location, document)) ?? html5Adapter;
}

/**
 * Peer-review duties on a page: the first adapter whose reader finds any. Asked of every
 * adapter in the list, not only the one capturing captions (an ORA page has no video).
 */
export function readPeerDutiesFrom(list: readonly SiteAdapter[], location: Location, document: Document): DutyReading[] {
  for (const a of list) {
    const found = a.peerDuties?.(document, location) ?? [];
    if (found.length > 0) return found;
  }
  return [];
}
