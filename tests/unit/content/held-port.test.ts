import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { holdPort } from '../../../entrypoints/course-page/held-port';

/** A port as the browser gives it: listeners added and removed, events fired by the test. */
function fakePort() {
  const message = new Set<(m: unknown) => void>();
  const disconnect = new Set<() => void>();
  const event = <F>(set: Set<F>) => ({ addListener: (f: F) => void set.add(f), removeListener: (f: F) => void set.delete(f) });
  const port = { name: 'moocmate-panel', onMessage: event(message), onDisconnect: event(disconnect) } as unknown as Browser.runtime.Port;
  return { port, send: (m: unknown) => message.forEach((f) => f(m)), close: () => disconnect.forEach((f) => f()), listeners: () => message.size + disconnect.size };
}

describe('a side panel’s port held while the panel link loads', () => {
  it('keeps what the panel sent, in order, and nothing after the release', () => {
    const p = fakePort();
    const held = holdPort(p.port);
    p.send({ type: 'select', lectureId: 'a' });
    p.send({ type: 'seek', lectureId: 'a', time: 12 });
    expect(held.messages).toEqual([
      { type: 'select', lectureId: 'a' },
      { type: 'seek', lectureId: 'a', time: 12 },
    ]);
    expect(held.gone()).toBe(false);
    held.release();
    expect(p.listeners()).toBe(0);
    p.send({ type: 'seek', lectureId: 'a', time: 40 });
    expect(held.messages).toHaveLength(2);
    expect(held.port).toBe(p.port);
  });

  it('notes a panel that closed before the link took it', () => {
    const p = fakePort();
    const held = holdPort(p.port);
    p.close();
    expect(held.gone()).toBe(true);
  });
});
