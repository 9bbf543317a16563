import type { SiteAdapter } from './types';
import { html5Adapter } from './html5';

/** Every site adapter, most specific first; html5 (matches anything) stays last. */
export const adapters: readonly SiteAdapter[] = [html5Adapter];

export function pickAdapter(location: Location, document: Document): SiteAdapter {
  return adapters.find((a) => a.matches(location, document)) ?? html5Adapter;
}
