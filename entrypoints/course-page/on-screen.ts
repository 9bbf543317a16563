import type { RawCue } from '../../src/messaging/protocol';
import { interval, type TimerContext } from './timers';

/** Seeking back replays lines already kept; a line is new only if its start differs this much. */
const SAME_START_S = 0.75;

/**
 * The last fallback: records the captions a player draws itself (no <track>, no data,
 * no transcript panel) as they appear, with the video's time. Only what was shown while
 * the learner watched can be kept, so the capture is partial by nature.
 */
export class OnScreenRecorder {
  private readonly cues: RawCue[] = [];
  private current: RawCue | null = null;
  private readonly observer: MutationObserver;
  private changed = false;

  constructor(
    private readonly box: Element,
    private readonly media: HTMLVideoElement,
  ) {
    this.observer = new MutationObserver(() => this.read());
    this.observer.observe(box, { childList: true, subtree: true, characterData: true });
    this.read();
  }

  stop(): void {
    this.observer.disconnect();
    this.close();
  }

  /** True once after new lines were recorded. */
  takeChanged(): boolean {
    const c = this.changed;
    this.changed = false;
    return c;
  }

  lines(): RawCue[] {
    const all = this.current ? [...this.cues, { ...this.current, end: Math.max(this.current.end, this.media.currentTime) }] : [...this.cues];
    return all.sort((a, b) => a.start - b.start);
  }

  private read(): void {
    const text = (this.box.textContent ?? '').replace(/[ \t]+/g, ' ').trim();
    const now = this.media.currentTime;
    if (this.current && this.current.text === text) return;
    this.close();
    if (!text) return;
    const known = this.cues.some((c) => c.text === text && Math.abs(c.start - now) < SAME_START_S);
    this.current = known ? null : { start: now, end: now, text };
  }

  private close(): void {
    if (!this.current) return;
    const end = this.media.currentTime;
    this.cues.push({ ...this.current, end: end >= this.current.start ? end : this.current.start });
    this.current = null;
    this.changed = true;
  }
}

/** How often lines recorded from the screen are sent while the video plays. */
const SCREEN_FLUSH_MS = 3000;

/**
 * Records `box` while the learner watches, and hands the lines to `send` every few seconds
 * and at each pause, when new ones came. Returns the function that stops it all.
 */
export function recordScreen(ctx: TimerContext, box: Element, media: HTMLVideoElement, send: (cues: RawCue[]) => void): () => void {
  const recorder = new OnScreenRecorder(box, media);
  const flush = () => recorder.takeChanged() && send(recorder.lines());
  const stopFlush = interval(ctx, flush, SCREEN_FLUSH_MS);
  const listening = new AbortController();
  media.addEventListener('pause', flush, { signal: AbortSignal.any([ctx.signal, listening.signal]) });
  return () => {
    recorder.stop();
    stopFlush();
    listening.abort();
  };
}
