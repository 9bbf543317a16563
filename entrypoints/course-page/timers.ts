import type { PageContext } from './page-context';

/** What a timer needs of the content script's context (a PageContext). */
export type TimerContext = Pick<PageContext, 'signal' | 'isInvalid'>;

/**
 * A timeout that never fires once the script stopped (a newer copy started, or the
 * extension was updated or removed), and that leaves nothing behind once it has fired or
 * been stopped. WXT's ctx.setTimeout, used before, added a listener to the context's
 * signal per call and never removed it: a page that changes every second, or the side
 * panel's four updates a second, piled up thousands of them in an hour. Returns the
 * function that stops the timer.
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
