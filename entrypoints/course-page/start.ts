import type { SiteAdapter } from '../../src/sites/types';
import { pickAdapterFrom } from '../../src/sites/pick';
import type { Browser } from 'wxt/browser';
import { nativeBrowser } from '../../src/messaging/native-browser';
import { PANEL_PORT, type Envelope, type TabProtocol } from '../../src/messaging/protocol';
import { LECTURE_KEYS } from '../../src/lecture/settings';
import { CaptureLoop } from './capture-loop';
import { watchDuties } from './duty-watch';
import { holdPort } from './held-port';
import { onAltShiftKey } from './page-keys';
import { PageContext } from './page-context';
import { askForMoment, SEEK_ASK_MS, type SeekTarget } from './pending-seek';
import { shareCore } from './shared';
import { extrasLoader, toolsLoader } from './tools';
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
  const dutiesRead = () => siteAdapters().some((a) => a.peerDuties);
  const watchDutiesIfRead = () => {
    if (duties) duties.again();
    else if (dutiesRead()) duties = watchDuties(ctx, siteAdapters);
  };
  // At load this script only captures. The learner's tools (flag button, word popover,
  // overlay, lecture keys) come from a second script, loaded when first needed, and what
  // is needed only on request or rarely (side panel, duty reading, a search hit's moment,
  // screen captions) from a third (tools.ts).
  const extras = extrasLoader();
  const failed = (err: unknown) => console.debug('[MoocMate] a part did not load:', err);
  const loop = new CaptureLoop(ctx, () => pickAdapterFrom(siteAdapters(), location, document), extras.load);
  shareCore({ ctx, loop, sites: siteAdapters });
  // Markup already on the page: its adapter first, so the generic one never takes its lectures.
  await list?.loadPresent();
  if (ctx.isInvalid) return;
  loop.start();
  // A later adapter that comes in from now on: read the page again with it.
  list?.onReady(() => {
    loop.rescan();
    watchDutiesIfRead();
  });
  const tools = toolsLoader();
  // The wake-up listeners below go once the tools are in.
  const woken = new AbortController();
  const wake = () => void tools.load().then(() => woken.abort(), failed);
  // Just after start, and only where an adapter reads duties: elsewhere not even a timer.
  if (dutiesRead()) timeout(ctx, watchDutiesIfRead, 0);
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

  // A lecture with no track to send asks for a search hit's moment (pending-seek.ts), as
  // long as the background keeps one; a lecture with tracks gets it with its capture.
  const asked = new Set<string>();
  const stopAsking = loop.onChange(() => {
    if (performance.now() > SEEK_ASK_MS) return stopAsking();
    askForMoment(loop, asked, (target) => void extras.load().then((e) => e.seekTo(target), failed));
  });
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
      return top
        ? extras
            .load()
            .then((e) => e.readDuty())
            .then((value) => ({ ok: true as const, value }), (err: Error) => ({ ok: false as const, error: err.message }))
        : undefined;
    }
    if (type === 'page.seek') {
      // Only the frame that sent the lecture's capture is told (src/captions/open-at.ts).
      const target = (message as { data?: Partial<SeekTarget> }).data;
      if (typeof target?.lectureId !== 'string' || !Number.isFinite(target.time) || target.time! < 0) return undefined;
      const moment = { lectureId: target.lectureId, time: target.time! };
      return extras.load().then((e) => ({ ok: true, value: { seeking: e.seekTo(moment) } }));
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
  // A side panel's port: held (its messages kept) until the panel link is in (panel-link.ts).
  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== PANEL_PORT) return;
    const held = holdPort(port);
    extras.load().then(
      (e) => e.linkPanel(held),
      (err: unknown) => {
        held.release();
        port.disconnect(); // the panel connects again a moment later
        failed(err);
      },
    );
  };
  nativeBrowser.runtime.onConnect.addListener(onConnect);
  ctx.onInvalidated(() => {
    nativeBrowser.runtime.onMessage.removeListener(onMessage);
    nativeBrowser.runtime.onConnect.removeListener(onConnect);
  });
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
