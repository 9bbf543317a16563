import type { PageContext } from './page-context';
import type { CaptureLoop } from './capture-loop';
import type { LaterSite, SiteAdapter } from '../../src/sites/types';
import type { RawCue, TabProtocol } from '../../src/messaging/protocol';
import type { HeldPort } from './held-port';

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

/**
 * What the course page's script does only on request or rarely (entrypoints/course-extras):
 * the side panel's link, the popup's duty reading, a search hit's moment, captions read
 * from the screen, and a long copy of the player's cues. The background runs it in this
 * frame's isolated world when one of these is first needed, so a lecture page does not
 * parse it at load (bench/README.md, "the course page's rare parts").
 */
export interface PageExtras {
  /** A side panel connected to this frame; `held` kept what it sent before the extras were in. */
  linkPanel(held: HeldPort): void;
  /** The popup asks to read this page as a peer-review duty. */
  readDuty(): Promise<TabProtocol['page.readDuty']['res']>;
  /** The background's moment for a lecture (a search hit): false when one was taken already. */
  seekTo(target: TabProtocol['page.seek']['req']): boolean;
  /** The last fallback: record the captions the player draws in `box`, handing new lines to `send`. Returns the stop. */
  recordScreen(box: Element, media: HTMLVideoElement, send: (cues: RawCue[]) => void): () => void;
  /** A copy of a long cue list, a slice at a time; null when the page went away meanwhile. */
  copyCuesInSlices(list: TextTrackCueList, gone: () => boolean): Promise<RawCue[] | null>;
}

/** What the capture script hands the tools and extras scripts: all run in the same isolated world. */
export interface PageCore {
  ctx: PageContext;
  loop: CaptureLoop;
  /** The adapters the page is read with now (a later one may come in). */
  sites: () => readonly SiteAdapter[];
}

const CORE = '__moocmateCore';
const TOOLS = '__moocmateTools';
const SITES = '__moocmateSites';
const EXTRAS = '__moocmateExtras';
type Shared = { [CORE]?: PageCore; [TOOLS]?: PageTools; [EXTRAS]?: PageExtras; [SITES]?: Partial<Record<LaterSite['site'], SiteAdapter>> };
const shared = globalThis as Shared;

/**
 * The capture script starts. An earlier copy in this world (the background ran the script
 * again) stops, and its tools, extras and adapters are dropped.
 */
export function shareCore(core: PageCore): void {
  const earlier = shared[CORE];
  if (earlier && earlier.ctx !== core.ctx) earlier.ctx.stop();
  shared[CORE] = core;
  delete shared[TOOLS];
  delete shared[EXTRAS];
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

export function shareExtras(extras: PageExtras): void {
  shared[EXTRAS] = extras;
}

export function sharedExtras(): PageExtras | null {
  return shared[EXTRAS] ?? null;
}

/** A site adapter loaded later (src/sites/types.ts, LaterSite) hands itself to the capture script. */
export function shareSite(adapter: SiteAdapter): void {
  (shared[SITES] ??= {})[adapter.site as LaterSite['site']] = adapter;
}

export function sharedSite(site: LaterSite['site']): SiteAdapter | null {
  return shared[SITES]?.[site] ?? null;
}
