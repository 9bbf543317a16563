import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { interval, timeout, type TimerContext } from '../../../entrypoints/course-page/timers';

/** A context whose signal counts the abort listeners it holds. */
function fakeContext() {
  const controller = new AbortController();
  const { signal } = controller;
  let listeners = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  const held = new Set<unknown>();
  signal.addEventListener = ((type: string, fn: EventListenerOrEventListenerObject, opts?: AddEventListenerOptions) => {
    if (type === 'abort' && !held.has(fn)) (held.add(fn), listeners++);
    add(type, fn, opts);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, fn: EventListenerOrEventListenerObject) => {
    if (type === 'abort' && held.delete(fn)) listeners--;
    remove(type, fn);
  }) as typeof signal.removeEventListener;
  const ctx = { signal, isInvalid: false } as TimerContext & { isInvalid: boolean };
  return { ctx, invalidate: () => controller.abort(), listeners: () => listeners };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('content script timers', () => {
  it('a timeout that fired or was stopped leaves no listener on the context', () => {
    const { ctx, listeners } = fakeContext();
    const run = vi.fn();
    for (let i = 0; i < 1000; i++) timeout(ctx, run, 200);
    expect(listeners()).toBe(1000);
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(1000);
    expect(listeners()).toBe(0);

    // The side panel's throttle and the page watcher stop the last timer and start a new one.
    let stop = timeout(ctx, run, 200);
    for (let i = 0; i < 1000; i++) (stop(), (stop = timeout(ctx, run, 200)));
    expect(listeners()).toBe(1);
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(1001);
    expect(listeners()).toBe(0);
  });

  it('nothing runs after the script is invalidated', () => {
    const aborted = fakeContext();
    const run = vi.fn();
    timeout(aborted.ctx, run, 100);
    interval(aborted.ctx, run, 100);
    aborted.invalidate();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
    expect(aborted.listeners()).toBe(0);

    // The extension went away without a newer script to abort the signal: the check at fire time.
    const gone = fakeContext();
    timeout(gone.ctx, run, 100);
    interval(gone.ctx, run, 100);
    (gone.ctx as { isInvalid: boolean }).isInvalid = true;
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
    expect(gone.listeners()).toBe(0);
  });

  it('an interval runs until stopped, then leaves no listener', () => {
    const { ctx, listeners } = fakeContext();
    const run = vi.fn();
    const stop = interval(ctx, run, 250);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(4);
    stop();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(4);
    expect(listeners()).toBe(0);
  });
});
