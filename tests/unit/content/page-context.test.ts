import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The extension API as a content script sees it: runtime.id goes away when the extension
// is updated or removed. Chromium's `chrome`; no `browser` (Firefox has that one).
const runtime: { id?: string } = { id: 'moocmate' };
vi.stubGlobal('chrome', { runtime });
vi.stubGlobal('browser', undefined);
const { PageContext } = await import('../../../entrypoints/course-page/page-context');

beforeAll(() => vi.useFakeTimers());
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the course page script context', () => {
  it('stop() ends its listeners and timers, and runs what waits for it once', () => {
    const ctx = new PageContext();
    const target = new EventTarget();
    const heard = vi.fn();
    const ended = vi.fn();
    const later = vi.fn();
    const every = vi.fn();
    ctx.addEventListener(target, 'ping', heard);
    ctx.onInvalidated(ended);
    ctx.setTimeout(later, 100);
    ctx.setInterval(every, 50);
    target.dispatchEvent(new Event('ping'));
    vi.advanceTimersByTime(60);
    expect([heard.mock.calls.length, every.mock.calls.length, ctx.isValid]).toEqual([1, 1, true]);
    ctx.stop();
    ctx.stop();
    target.dispatchEvent(new Event('ping'));
    vi.advanceTimersByTime(500);
    expect({ heard: heard.mock.calls.length, later: later.mock.calls.length, every: every.mock.calls.length, ended: ended.mock.calls.length }).toEqual({
      heard: 1,
      later: 0,
      every: 1,
      ended: 1,
    });
    expect([ctx.isInvalid, ctx.signal.aborted]).toEqual([true, true]);
  });

  it('an updated or removed extension (runtime.id gone) makes the context invalid when next asked', () => {
    const ctx = new PageContext();
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    expect(ctx.isInvalid).toBe(false);
    delete runtime.id;
    try {
      expect(ctx.isInvalid).toBe(true);
      expect(ended).toHaveBeenCalledTimes(1);
    } finally {
      runtime.id = 'moocmate';
    }
  });
});
