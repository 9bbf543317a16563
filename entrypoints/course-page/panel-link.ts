import type { Browser } from 'wxt/browser';
import { nativeBrowser } from '../../src/messaging/native-browser';
import type { PageContext } from './page-context';
import { PANEL_PORT, type PageToPanel, type PanelToPage } from '../../src/messaging/protocol';
import type { CaptureLoop } from './capture-loop';
import { timeout } from './timers';

const THROTTLE_MS = 200;

/** Keeps every open side panel of this tab told where playback is, and seeks on request. */
export function linkPanels(ctx: PageContext, loop: CaptureLoop): void {
  const ports = new Set<Browser.runtime.Port>();
  let selected: string | null = null;
  /** Stops the update that `soon` scheduled. */
  let pending: (() => void) | undefined;

  const state = (): PageToPanel => {
    const lectures = loop.lectures();
    const chosen = selected && loop.lectures().some((l) => l.lectureId === selected) ? selected : null;
    const active = chosen ?? loop.activeLecture()?.lectureId ?? lectures[0]?.lectureId ?? null;
    const video = active ? loop.mediaFor(active) : null;
    return { type: 'state', lectures, active, time: video?.currentTime ?? 0, paused: video?.paused ?? true };
  };
  const post = () => {
    pending?.();
    pending = undefined;
    // Frames without lectures stay quiet: the panel hears the frame that has the video.
    if (ports.size === 0 || loop.lectures().length === 0) return;
    const s = state();
    for (const p of ports) p.postMessage(s);
  };
  const soon = () => {
    if (pending === undefined && ports.size > 0) pending = timeout(ctx, post, THROTTLE_MS);
  };

  loop.onChange((reason) => {
    if (reason === 'play') selected = null; // the learner pressed play on a video: follow it
    soon();
  });
  // Playback is followed only while a panel is open: no listener at load, and no call
  // into our script four times a second while the learner watches without one.
  let following: AbortController | null = null;
  const follow = () => {
    following = new AbortController();
    const signal = AbortSignal.any([ctx.signal, following.signal]);
    for (const type of ['timeupdate', 'seeked', 'play', 'pause', 'ratechange']) {
      // Media events do not bubble; capture sees every video's.
      document.addEventListener(type, (e) => e.target instanceof HTMLVideoElement && (type === 'timeupdate' ? soon() : post()), { capture: true, signal });
    }
  };

  const onConnect = (port: Browser.runtime.Port) => {
    if (port.name !== PANEL_PORT) return;
    ports.add(port);
    if (!following) follow();
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (ports.size > 0) return;
      following?.abort();
      following = null;
    });
    port.onMessage.addListener((raw: unknown) => {
      const msg = raw as PanelToPage;
      if (msg?.type === 'seek' && Number.isFinite(msg.time) && msg.time >= 0) {
        selected = msg.lectureId;
        seek(loop.mediaFor(msg.lectureId), msg.time);
        post();
      } else if (msg?.type === 'select' && typeof msg.lectureId === 'string') {
        selected = msg.lectureId;
        post();
      }
    });
    if (loop.lectures().length > 0 || window === window.top) port.postMessage(state());
  };
  nativeBrowser.runtime.onConnect.addListener(onConnect);
  ctx.onInvalidated(() => {
    nativeBrowser.runtime.onConnect.removeListener(onConnect);
    for (const p of ports) p.disconnect();
  });
}

/** Seeks once the video knows its duration; before that a seek is lost. */
export function seek(video: HTMLVideoElement | null, time: number): void {
  if (!video) return;
  if (video.readyState >= HTMLMediaElement.HAVE_METADATA) video.currentTime = time;
  else video.addEventListener('loadedmetadata', () => (video.currentTime = time), { once: true });
}
