import { callBackground } from '../../src/messaging/client';
import { sharedExtras, sharedTools, type PageExtras, type PageTools } from './shared';

/** A part of the course page's script that the background runs in this frame on first need. */
export interface PartLoader<T> {
  /** The part, when it is in. */
  now(): T | null;
  load(): Promise<T>;
}

/** Loads a part once, when something first needs it; a failed load is tried again next time. */
function partLoader<T>(message: 'tools.load' | 'extras.load', shared: () => T | null, notStarted: string): PartLoader<T> {
  let loading: Promise<T> | null = null;
  const load = (): Promise<T> => {
    const ready = shared();
    if (ready) return Promise.resolve(ready);
    loading ??= callBackground(message, {}).then(
      () => {
        loading = null;
        const part = shared();
        if (!part) throw new Error(notStarted);
        return part;
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    );
    return loading;
  };
  return { now: shared, load };
}

/** The learner's tools: flag button, word popover, overlay, lecture keys (entrypoints/course-tools). */
export function toolsLoader(): PartLoader<PageTools> {
  return partLoader('tools.load', sharedTools, 'MoocMate could not start its tools on this page.');
}

/** The rare parts: side panel link, duty reading, a search hit's moment, screen captions (entrypoints/course-extras). */
export function extrasLoader(): PartLoader<PageExtras> {
  return partLoader('extras.load', sharedExtras, 'MoocMate could not start on this page. Reload the page and try again.');
}
