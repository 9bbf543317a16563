import type { SiteAdapter } from '../../src/sites/types';
import { pickAdapterFrom } from '../../src/sites/pick';
import { callBackground } from '../../src/messaging/client';
import { nativeBrowser } from '../../src/messaging/native-browser';
import type { Envelope, TabProtocol } from '../../src/messaging/protocol';
import { LECTURE_KEYS } from '../../src/lecture/settings';
import { CaptureLoop } from './capture-loop';
import { linkPanels, seek } from './panel-link';
import { readDutyNow, watchDuties } from './duty-watch';
import { onAltShiftKey } from './page-keys';
import { PageContext } from './page-context';
import { shareCore } from './shared';
import { toolsLoader } from './tools';
import { timeout } from './timers';
import type { SiteList } from './site-list';

/** Keys the page tools answer: flag, add word, and the lecture's keys (those only with a video). */
const TOOL_KEYS = new Set(['KeyF', 'KeyG']);
const LECTURE_KEY_CODES = new Set<string>(Object.values(LECTURE_KEYS));
/** Events on a lecture that mean the learner is about to use it: the tools load then. */
const WAKE_EVENTS = ['play', 'seeking', 'pointerover', 'focusin'];

/**
 * The course page's content script, the same on every site; each site's entrypoint passes
 * only its own adapters (most specific first), so a page evaluates no other site's code.
 * A SiteList holds adapters loaded only on pages with their markup (site-list.ts).
 */
export async function startCourseScript(sites: readonly SiteAdapter[] | SiteList): Promise<void> {
  const ctx = new PageContext();
  const list = 'current' in sites ? sites : null;
  const siteAdapters = list ? () => list.current() : () => sites as readonly SiteAdapter[];
  let duties: { again(): void } | null = null;
  // Only Coursera's and edX's adapters read peer-review duties: elsewhere no observer
  // follows every change of the page's text for them.
  const watchDutiesIfRead = () => {
    if (duties) duties.again();
    else if (siteAdapters().some((a) => a.peerDuties)) duties = watchDuties(ctx, siteAdapters);
  };
  // At load this script only captures. The learner's tools (flag button, word popover,
  // overlay, lecture keys) come from a second script, loaded when first needed (tools.ts).
  const loop = new CaptureLoop(ctx, () => pickAdapterFrom(siteAdapters(), location, document));
  shareCore({ ctx, loop });
  // Markup already on the page: its adapter first, so the generic one never takes its lectures.
  await list?.loadPresent();
  if (ctx.isInvalid) return;
  loop.start();
  // A later adapter that comes in from now on: read the page again with it.
  list?.onReady(() => {
    loop.rescan();
    watchDutiesIfRead();
  });
  linkPanels(ctx, loop);
  const tools = toolsLoader();
  // The wake-up listeners below go once the tools are in.
  const woken = new AbortController();
  const failed = (err: unknown) => console.debug('[MoocMate] tools did not load:', err);
  const wake = () => void tools.load().then(() => woken.abort(), failed);
  timeout(ctx, watchDutiesIfRead, 0);
  if (list?.waiting()) lookForLaterSites(ctx, loop, list);

  // The learner plays, seeks, points at or tabs to a lecture's video (the flag button then
  // appears on it), or the settings use the overlay or reading-load playback from the start.
  const onWake = (e: Event) => {
    if (tools.now()) return woken.abort();
    if (loop.holds(e.target)) wake();
  };
  const signal = AbortSignal.any([ctx.signal, woken.signal]);
  for (const type of WAKE_EVENTS) document.addEventListener(type, onWake, { capture: true, passive: true, signal });
  loop.onChange((reason) => reason === 'tools' && !tools.now() && wake());

  onAltShiftKey(ctx, (code) => {
    const ready = tools.now();
    if (ready) return ready.key(code);
    if (!TOOL_KEYS.has(code) && !(LECTURE_KEY_CODES.has(code) && loop.activeLecture()?.media)) return false;
    void tools.load().then((t) => t.key(code), failed);
    return true;
  });

  const pendingSeek = watchPendingSeek(loop, ctx.signal);
  const top = window === window.top;
  const answer = (message: unknown): Promise<Envelope<unknown>> | undefined => {
    const type = (message as { moocmate?: string })?.moocmate;
    // Every frame gets tab messages; the first answer wins. A frame with lectures (a
    // course page, or an embedded player) answers; an empty top frame answers a moment
    // later, so that an embedded player's answer comes first.
    const lectures = loop.lectures();
    if (type === 'page.status') {
      const value: TabProtocol['page.status']['res'] = { site: loop.adapter.site, lectures };
      if (lectures.length > 0) return Promise.resolve({ ok: true, value });
      return top ? new Promise((r) => setTimeout(() => r({ ok: true, value: { site: loop.adapter.site, lectures: loop.lectures() } }), 300)) : undefined;
    }
    if (type === 'page.flagCurrent') {
      // Only the frame with the lecture answers (and flags).
      return lectures.length > 0 ? tools.load().then((t) => t.flagNow()).then((flagged) => ({ ok: true, value: { flagged } })) : undefined;
    }
    if (type === 'page.addWord') {
      const { selection } = (message as { data?: TabProtocol['page.addWord']['req'] }).data ?? {};
      const wanted = typeof selection === 'string' ? selection : undefined;
      const ready = tools.now();
      if (ready) return ready.addWord(wanted)?.then((added) => ({ ok: true, value: { added } }));
      // Decided at once, as the tools would: only a frame with the selection (or, with
      // none, the lecture's frame, which opens the caption popover) answers.
      const selected = Boolean(window.getSelection()?.toString().trim());
      if (wanted ? !selected : !selected && lectures.length === 0) return undefined;
      return tools.load().then(async (t) => ({ ok: true, value: { added: (await t.addWord(wanted)) ?? false } }));
    }
    if (type === 'page.wakeTools') {
      if (lectures.length > 0) wake();
      return undefined;
    }
    if (type === 'page.readDuty') {
      // The top frame answers: it has the page the learner sees.
      return top ? readDutyNow(siteAdapters).then((value) => ({ ok: true as const, value }), (err: Error) => ({ ok: false as const, error: err.message })) : undefined;
    }
    if (type === 'page.seek') {
      // Only the frame that sent the lecture's capture is told (src/captions/open-at.ts).
      const target = (message as { data?: Partial<SeekTarget> }).data;
      if (typeof target?.lectureId !== 'string' || !Number.isFinite(target.time) || target.time! < 0) return undefined;
      return Promise.resolve({ ok: true, value: { seeking: pendingSeek.start({ lectureId: target.lectureId, time: target.time! }) } });
    }
    if (type === 'page.recapture') {
      loop.recapture();
      return lectures.length > 0 || top ? Promise.resolve({ ok: true, value: { lectures: lectures.length } }) : undefined;
    }
    return undefined;
  };
  // Answered through sendResponse: the browser's own API (native-browser.ts) takes a
  // returned promise as an answer only in Firefox and recent Chromium.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): true | undefined => {
    const reply = answer(message);
    if (!reply) return undefined;
    reply.then(sendResponse, (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }));
    return true;
  };
  nativeBrowser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => nativeBrowser.runtime.onMessage.removeListener(onMessage));

}

/** How long the page stays unchanged before we look for a later site's markup again. */
const LOOK_AFTER_MS = 500;

/**
 * A later site's markup may come with any change of the page (a single-page app), not
 * only with a video: look again once the page settles, until every later adapter is in.
 */
function lookForLaterSites(ctx: PageContext, loop: CaptureLoop, list: SiteList): void {
  let pending: (() => void) | undefined;
  const stop = loop.onPageChange(() => {
    pending?.();
    pending = timeout(
      ctx,
      () => {
        list.current(); // loads what is found; its onReady reads the page again
        if (!list.waiting()) stop();
      },
      LOOK_AFTER_MS,
    );
  });
}

/** As long as the background keeps a moment to start at (src/captions/open-at.ts). */
const SEEK_ASK_MS = 60_000;

type SeekTarget = TabProtocol['page.seek']['req'];

/**
 * When MoocMate opened this tab from a search hit, the lecture starts at that moment. The
 * background tells the frame (`page.seek`) as soon as it gets the lecture's capture. A
 * lecture with no track to send (none, or captions recorded from the screen only while it
 * plays) asks instead, once: a page sends nothing more at load for this than its captures.
 * A Khan Academy lesson tells its YouTube frame which lecture it plays only after that
 * frame's first capture; the new lecture's capture then brings its moment. `start`
 * returns false when a moment was taken already.
 */
function watchPendingSeek(loop: CaptureLoop, signal: AbortSignal): { start(target: SeekTarget): boolean } {
  let done = false;
  const start = (target: SeekTarget) => {
    if (done) return false;
    done = true;
    stop();
    void seekWhenReady(loop, target, signal);
    return true;
  };
  const asked = new Set<string>();
  const until = Date.now() + SEEK_ASK_MS;
  const ask = () => {
    if (done || Date.now() > until) return stop();
    const lectures = loop.lectures().filter((l) => l.trackCount === 0 && !asked.has(l.lectureId));
    if (lectures.length === 0) return;
    const ids = lectures.map((l) => l.lectureId);
    for (const id of ids) asked.add(id);
    // The title tells the background whether a page whose video moved still holds the lecture asked for.
    const title = lectures.length === 1 ? lectures[0].title : undefined;
    callBackground('lecture.pendingSeek', { lectureIds: ids, ...(title ? { title } : {}) }).then(
      ({ seek: target }) => target && start(target),
      () => ids.forEach((id) => asked.delete(id)), // a stopped service worker: ask at the next change
    );
  };
  const stop = loop.onChange(ask);
  return { start };
}

/** Seeks the lecture's video once the frame has it (a player may add it late). */
async function seekWhenReady(loop: CaptureLoop, target: SeekTarget, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!signal.aborted && Date.now() < deadline) {
    const video = loop.mediaFor(target.lectureId);
    if (video) return seek(video, target.time);
    await new Promise((r) => setTimeout(r, 250));
  }
}
