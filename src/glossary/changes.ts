import { onGlossaryWrite } from '../db/glossary-writes';
import { callBackground } from '../messaging/client';

/** Writes that come close together (a loop over chosen words) make one more call at most. */
const SETTLE_MS = 100;

/**
 * `run` at once, then at most once more per SETTLE_MS while calls keep coming: the first
 * change is told without delay, the last one is never lost.
 */
export function throttled(run: () => void, ms = SETTLE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let again = false;
  const settle = () => {
    timer = undefined;
    if (again) {
      again = false;
      run();
      timer = setTimeout(settle, ms);
    }
  };
  return () => {
    if (timer !== undefined) return void (again = true);
    run();
    timer = setTimeout(settle, ms);
  };
}

/**
 * In an extension page that writes the glossary (dashboard, review): each write tells the
 * background, which tells the open course pages (and wakes up to do it).
 */
export function tellBackgroundOfGlossaryWrites(): void {
  onGlossaryWrite(throttled(() => void callBackground('glossary.changed', {}).catch(() => undefined)));
}
