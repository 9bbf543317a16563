import { nativeBrowser } from '../../src/messaging/native-browser';
import { interval, timeout } from './timers';

/**
 * The life of one copy of the course page's script, and what its parts use of it: a
 * signal that aborts when the copy stops, and listeners and timers that end with it.
 *
 * A copy stops when a newer copy starts in the same isolated world (the background runs
 * the script again, shared.ts) or when its extension is updated or removed (then
 * runtime.id is gone; checked whenever isInvalid is read, as WXT's context does). Ours
 * instead of WXT's ContentScriptContext: that one also dispatched a DOM event and set up
 * a location watcher at every load. Without it and without the polyfill, the script's
 * first run on a lecture page fell from 13.6 to 8.8 ms (bench/README.md, "a lean start").
 */
export class PageContext {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    if (!this.controller.signal.aborted && !runtimeAlive()) this.stop();
    return this.controller.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Ends this copy: every listener and timer added through it stops. */
  stop(): void {
    this.controller.abort();
  }

  /** Runs once, when this copy stops. */
  onInvalidated(run: () => void): void {
    this.signal.addEventListener('abort', run, { once: true });
  }

  addEventListener<T extends EventTarget>(target: T, type: string, listener: (e: never) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, listener as EventListener, { ...options, signal: this.signal });
  }

  /** A timeout that never fires after this copy stopped; returns the function that stops it. */
  setTimeout(run: () => void, ms: number): () => void {
    return timeout(this, run, ms);
  }

  setInterval(run: () => void, ms: number): () => void {
    return interval(this, run, ms);
  }
}

function runtimeAlive(): boolean {
  try {
    return Boolean(nativeBrowser.runtime?.id);
  } catch {
    return false; // an orphaned script may find the binding gone
  }
}
