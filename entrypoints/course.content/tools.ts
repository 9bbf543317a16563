import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { callBackground } from '../../src/messaging/client';
import type { CaptureLoop } from './capture-loop';

/**
 * The learner's tools on a course page (flag button, word popover, caption overlay and
 * lecture keys) live in a second script, entrypoints/course-tools, that the background
 * runs in this frame's isolated world only when the learner first needs them. A lecture
 * page then pays at load for the capture alone (bench/README.md, figure 4).
 */
export interface PageTools {
  flagNow(): Promise<boolean>;
  /** null: this frame has neither the selection nor a lecture (it stays silent). */
  addWord(selection?: string): Promise<boolean> | null;
  /** An Alt+Shift key: true when a tool took it. */
  key(code: string): boolean;
}

/** What the capture script hands the tools script: both run in the same isolated world. */
export interface PageCore {
  ctx: ContentScriptContext;
  loop: CaptureLoop;
}

const CORE = '__moocmateCore';
const TOOLS = '__moocmateTools';
type Shared = { [CORE]?: PageCore; [TOOLS]?: PageTools };
const shared = globalThis as Shared;

/** The capture script starts: tools of an earlier copy (an updated extension) are dropped. */
export function shareCore(core: PageCore): void {
  shared[CORE] = core;
  delete shared[TOOLS];
}

export function sharedCore(): PageCore | null {
  const core = shared[CORE];
  return core && !core.ctx.isInvalid ? core : null;
}

export function shareTools(tools: PageTools): void {
  shared[TOOLS] = tools;
}

export function sharedTools(): PageTools | null {
  return shared[TOOLS] ?? null;
}

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
