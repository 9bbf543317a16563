import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** What a timer needs of the content script's context (a ContentScriptContext). */
export type TimerContext = Pick<ContentScriptContext, 'signal' | 'isInvalid'>;

/**
 * A timeout that never fires once the script is invalidated (the extension was updated or
 * removed), like WXT's ctx.setTimeout, but that leaves nothing behind once it has fired or
 * been stopped. ctx.setTimeout adds a listener to the context's signal per call and never
 * removes it: a page that changes every second, or the side panel's four updates a second,
 * piled up thousands of them in an hour. Returns the function that stops the timer.
 */
export function timeout(ctx: TimerContext, run: () => void, ms: number): () => void {
  const stop = () => {
    clearTimeout(id);
    ctx.signal.removeEventListener('abort', stop);
  };
  const id = setTimeout(() => {
    ctx.signal.removeEventListener('abort', stop);
    if (!ctx.isInvalid) run();
  }, ms);
  ctx.signal.addEventListener('abort', stop);
  return stop;
}

/** The same for a repeating timer: it runs until stopped or until the script is invalidated. */
export function interval(ctx: TimerContext, run: () => void, ms: number): () => void {
  const stop = () => {
    clearInterval(id);
    ctx.signal.removeEventListener('abort', stop);
  };
  const id = setInterval(() => {
    if (ctx.isInvalid) stop();
    else run();
  }, ms);
  ctx.signal.addEventListener('abort', stop);
  return stop;
}
