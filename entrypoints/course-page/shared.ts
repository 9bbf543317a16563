import type { PageContext } from './page-context';
import type { CaptureLoop } from './capture-loop';
import type { LaterSite, SiteAdapter } from '../../src/sites/types';

// What the scripts of one frame's isolated world hand each other: the capture script's
// core, the tools, and site adapters loaded later. No messaging here, so a script that only
// hands something over (entrypoints/edx-adapter.ts) bundles nothing more.

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
  ctx: PageContext;
  loop: CaptureLoop;
}

const CORE = '__moocmateCore';
const TOOLS = '__moocmateTools';
const SITES = '__moocmateSites';
type Shared = { [CORE]?: PageCore; [TOOLS]?: PageTools; [SITES]?: Partial<Record<LaterSite['site'], SiteAdapter>> };
const shared = globalThis as Shared;

/**
 * The capture script starts. An earlier copy in this world (the background ran the script
 * again) stops, and its tools and adapters are dropped.
 */
export function shareCore(core: PageCore): void {
  const earlier = shared[CORE];
  if (earlier && earlier.ctx !== core.ctx) earlier.ctx.stop();
  shared[CORE] = core;
  delete shared[TOOLS];
  delete shared[SITES];
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

/** A site adapter loaded later (src/sites/types.ts, LaterSite) hands itself to the capture script. */
export function shareSite(adapter: SiteAdapter): void {
  (shared[SITES] ??= {})[adapter.site as LaterSite['site']] = adapter;
}

export function sharedSite(site: LaterSite['site']): SiteAdapter | null {
  return shared[SITES]?.[site] ?? null;
}
