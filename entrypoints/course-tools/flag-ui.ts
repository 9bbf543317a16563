import type { PageContext } from '../course-page/page-context';
import { callBackground } from '../../src/messaging/client';
import type { CaptureLoop } from '../course-page/capture-loop';
import { msg, watchPageStrings } from './page-i18n';

/** The caption the player shows now: the showing track's language and its active cues' text. */
function shownCaption(media: HTMLVideoElement): { language?: string; shownText?: string } {
  const track = [...media.textTracks].find((t) => t.mode === 'showing');
  if (!track) return {};
  const texts = [...(track.activeCues ?? [])].map((c) => (c as VTTCue).getCueAsHTML?.().textContent ?? '').filter(Boolean);
  return { language: track.language || undefined, ...(texts.length ? { shownText: texts.join('\n') } : {}) };
}

/**
 * One keystroke (Alt+Shift+F; the browser's shortcut does the same where it is assigned)
 * and a small button by the player flag the caption on screen. The button and its note
 * live in a shadow root; every text is set with textContent.
 */
export function installFlagUi(ctx: PageContext, loop: CaptureLoop): { flagNow(): Promise<boolean>; key(code: string): boolean } {
  const host = document.createElement('div');
  // font-size: medium is the learner's default font size, whatever the course page sets.
  host.style.cssText = 'position:absolute;z-index:2147483646;top:0;left:0;display:none;font-size:medium;';
  host.dataset.moocmate = 'flag-ui';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `
    button { font: 600 0.8125em/1.2 system-ui, sans-serif; color: #fff; background: rgba(20,24,28,.82); border: 1px solid rgba(255,255,255,.5);
             border-radius: 6px; padding: 0.3em 0.55em; cursor: pointer; }
    button:hover, button:focus-visible { background: #0b6bcb; outline: 2px solid #fff; }
    p { margin: 0.4em 0 0; font: 0.8125em/1.3 system-ui, sans-serif; color: #fff; background: rgba(20,24,28,.9); padding: 0.4em 0.5em; border-radius: 6px; max-width: 20em; }
    p:empty { display: none; }`;
  const button = document.createElement('button');
  button.type = 'button';
  // Labelled when the background's strings arrive; hidden until then, so it never shows
  // empty. chrome.i18n labels it if the background has not answered in a second.
  button.style.visibility = 'hidden';
  const label = () => {
    button.textContent = `⚑ ${msg('flagCaption')}`;
    button.style.visibility = '';
  };
  ctx.setTimeout(() => button.style.visibility === 'hidden' && label(), 1000);
  const note = document.createElement('p');
  note.setAttribute('role', 'status');
  root.append(style, button, note);
  document.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());
  watchPageStrings(ctx, (lang, dir) => {
    host.lang = lang;
    host.dir = dir;
    label();
  });

  let hideNote: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    note.textContent = text;
    clearTimeout(hideNote);
    hideNote = setTimeout(() => (note.textContent = ''), 4000);
  };

  const flagNow = async (): Promise<boolean> => {
    const active = loop.activeLecture();
    if (!active?.lectureId) return false;
    const time = active.media?.currentTime ?? 0;
    try {
      await callBackground('flag.create', { lectureId: active.lectureId, time, ...(active.media ? shownCaption(active.media) : {}) });
      say(msg('flagDone'));
      return true;
    } catch (err) {
      say(msg('flagFailed', err instanceof Error ? err.message : String(err)));
      return false;
    }
  };
  button.addEventListener('click', () => void flagNow());

  // Keep the button at the top-right corner of the video the learner watches.
  if (typeof CSS !== 'undefined' && CSS.supports('anchor-name', ANCHOR)) followWithAnchor(ctx, loop, host);
  else followWithFrames(ctx, loop, host);
  return { flagNow, key: (code) => code === 'KeyF' && (void flagNow(), true) };
}

const ANCHOR = '--moocmate-flag-video';

/**
 * Chromium: CSS anchor positioning keeps the button on the video's corner as it moves,
 * scrolls or resizes, without our script ever reading the layout (a read forces the
 * browser to lay out the page at once: the bench's profile showed that costing the most
 * main-thread time of the content script). The video gets only the `anchor-name`.
 */
function followWithAnchor(ctx: PageContext, loop: CaptureLoop, host: HTMLElement): void {
  host.style.cssText =
    'position:absolute;z-index:2147483646;display:none;flex-direction:column;align-items:flex-end;margin:8px;' +
    `position-anchor:${ANCHOR};top:anchor(top);right:anchor(right);position-visibility:anchors-visible;`;
  let video: HTMLVideoElement | null = null;
  // Sizes arrive after layout, never forcing one; a small player gets no button.
  const sizes = new ResizeObserver((entries) => {
    for (const e of entries) {
      if (e.target === video) host.style.display = e.contentRect.width >= 160 && e.contentRect.height >= 90 ? 'flex' : 'none';
    }
  });
  const follow = () => {
    const media = loop.activeLecture()?.media ?? null;
    const next = media?.isConnected ? media : null;
    if (next === video) return;
    if (video) {
      video.style.removeProperty('anchor-name');
      sizes.unobserve(video);
    }
    video = next;
    host.style.display = 'none';
    if (!video) return;
    video.style.setProperty('anchor-name', ANCHOR);
    sizes.observe(video);
  };
  loop.onChange(follow);
  follow();
  ctx.onInvalidated(() => {
    sizes.disconnect();
    video?.style.removeProperty('anchor-name');
  });
}

/** Browsers without anchor positioning (Firefox): place the button once a frame when asked, and every second. */
function followWithFrames(ctx: PageContext, loop: CaptureLoop, host: HTMLElement): void {
  let frame = 0;
  const place = () => {
    frame = 0;
    const media = loop.activeLecture()?.media;
    const box = media?.isConnected ? media.getBoundingClientRect() : null;
    if (!box || box.width < 160 || box.height < 90) {
      host.style.display = 'none';
      return;
    }
    host.style.display = 'block';
    // translateX(-100%) aligns the button's right edge without reading its width.
    host.style.transform = `translate(${Math.round(box.right + scrollX - 8)}px, ${Math.round(box.top + scrollY + 8)}px) translateX(-100%)`;
  };
  const soon = () => (frame ||= requestAnimationFrame(place));
  ctx.addEventListener(window, 'scroll', soon, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', soon);
  loop.onChange(soon);
  ctx.setInterval(soon, 1000); // players resize without telling anyone
}
