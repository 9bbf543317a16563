import type { Browser } from 'wxt/browser';
import type { PageContext } from './page-context';
import type { PageToPanel, PanelToPage } from '../../src/messaging/protocol';
import type { CaptureLoop } from './capture-loop';
import type { HeldPort } from './held-port';
import { timeout } from './timers';

const THROTTLE_MS = 200;

/**
 * Keeps every open side panel of this tab told where playback is, and seeks on request.
 * The capture script takes each panel's port when it connects and holds it until this
 * part is in (start.ts); `adopt` takes it over.
 */
export function linkPanels(ctx: PageContext, loop: CaptureLoop): { adopt(held: HeldPort): void } {
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

  const onMessage = (raw: unknown) => {
    const msg = raw as PanelToPage;
    if (msg?.type === 'seek' && Number.isFinite(msg.time) && msg.time >= 0) {
      selected = msg.lectureId;
      seek(loop.mediaFor(msg.lectureId), msg.time);
      post();
    } else if (msg?.type === 'select' && typeof msg.lectureId === 'string') {
      selected = msg.lectureId;
      post();
    }
  };
  const adopt = (held: HeldPort) => {
    held.release();
    const { port } = held;
    if (held.gone() || ctx.isInvalid) return;
    ports.add(port);
    if (!following) follow();
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (ports.size > 0) return;
      following?.abort();
      following = null;
    });
    port.onMessage.addListener(onMessage);
    if (loop.lectures().length > 0 || window === window.top) port.postMessage(state());
    // What the panel asked for while this part loaded (a click on a line).
    for (const message of held.messages) onMessage(message);
  };
  ctx.onInvalidated(() => {
    for (const p of ports) p.disconnect();
  });
  return { adopt };
}

/** Seeks once the video knows its duration; before that a seek is lost. */
export function seek(video: HTMLVideoElement | null, time: number): void {
  if (!video) return;
  if (video.readyState >= HTMLMediaElement.HAVE_METADATA) video.currentTime = time;
  else video.addEventListener('loadedmetadata', () => (video.currentTime = time), { once: true });
}
