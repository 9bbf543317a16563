import { callBackground } from '../../src/messaging/client';
import { sharedTools, type PageTools } from './shared';

/** Loads the tools once, when something first needs them; a failed load is tried again next time. */
export function toolsLoader(): { now(): PageTools | null; load(): Promise<PageTools> } {
  let loading: Promise<PageTools> | null = null;
  const load = (): Promise<PageTools> => {
    const ready = sharedTools();
    if (ready) return Promise.resolve(ready);
    loading ??= callBackground('tools.load', {}).then(
      () => {
        loading = null;
        const tools = sharedTools();
        if (!tools) throw new Error('MoocMate could not start its tools on this page.');
        return tools;
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    );
    return loading;
  };
  return { now: sharedTools, load };
}
