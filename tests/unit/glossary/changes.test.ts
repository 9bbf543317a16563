import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttled } from '../../../src/glossary/changes';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttled', () => {
  it('runs the first call at once', () => {
    const run = vi.fn();
    throttled(run, 100)();
    expect(run).toHaveBeenCalledOnce();
  });

  it('a burst of calls runs once more at the end, never loses the last', () => {
    const run = vi.fn();
    const call = throttled(run, 100);
    for (let i = 0; i < 50; i++) {
      call();
      vi.advanceTimersByTime(5); // a loop of writes, 5 ms apart
    }
    // 250 ms of calls: the first at once (0 ms), then one per 100 ms while they kept coming (100, 200).
    expect(run).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(4); // the calls after 200 ms, at 300 ms
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(4); // nothing more once calls stop
    call();
    expect(run).toHaveBeenCalledTimes(5); // and a later call runs at once again
  });

  it('a call during the wait runs after it', () => {
    const run = vi.fn();
    const call = throttled(run, 100);
    call();
    call();
    expect(run).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
