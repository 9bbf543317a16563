import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { callBackground } from '../../src/messaging/client';
import type { CaptureLoop } from './capture-loop';
import { measureBox } from './measure-box';

const msg = (key: string, ...subs: string[]) => (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs) || key;

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
export function installFlagUi(ctx: ContentScriptContext, loop: CaptureLoop): { flagNow(): Promise<boolean> } {
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;z-index:2147483646;top:0;left:0;display:none;';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `
    button { font: 600 13px/1.2 system-ui, sans-serif; color: #fff; background: rgba(20,24,28,.82); border: 1px solid rgba(255,255,255,.5);
             border-radius: 6px; padding: 5px 9px; cursor: pointer; }
    button:hover, button:focus-visible { background: #0b6bcb; outline: 2px solid #fff; }
    p { margin: 6px 0 0; font: 13px/1.3 system-ui, sans-serif; color: #fff; background: rgba(20,24,28,.9); padding: 6px 8px; border-radius: 6px; max-width: 260px; }
    p:empty { display: none; }`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = `⚑ ${msg('flagCaption')}`;
  const note = document.createElement('p');
  note.setAttribute('role', 'status');
  root.append(style, button, note);
  document.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());

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

  ctx.addEventListener(
    window,
    'keydown',
    (e: KeyboardEvent) => {
      if (!(e.altKey && e.shiftKey && e.code === 'KeyF') || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target?.tagName ?? '')) return;
      e.preventDefault();
      void flagNow();
    },
    { capture: true },
  );

  // Keep the button at the top-right corner of the video the learner watches.
  let measuring = false;
  const place = (box: DOMRectReadOnly | null) => {
    measuring = false;
    if (!box || box.width < 160 || box.height < 90) {
      host.style.display = 'none';
      return;
    }
    host.style.display = 'block';
    // Viewport coordinates (fixed; scrolling measures again). translateX(-100%) aligns the
    // button's right edge without reading its width (no forced layout).
    host.style.transform = `translate(${Math.round(box.right - 8)}px, ${Math.round(box.top + 8)}px) translateX(-100%)`;
  };
  // The box comes without reading layout (measure-box.ts): the bench saw this button force one.
  const soon = () => {
    if (measuring) return;
    const media = loop.activeLecture()?.media;
    if (!media?.isConnected) return place(null);
    measuring = true;
    void measureBox(media).then(place);
  };
  ctx.addEventListener(window, 'scroll', soon, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', soon);
  loop.onChange(soon);
  ctx.setInterval(soon, 1000); // players resize without telling anyone
  return { flagNow };
}
