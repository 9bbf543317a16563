import type { Browser } from 'wxt/browser';

/**
 * A side panel's port, held by the capture script while the extras (panel-link.ts) load:
 * what the panel sends meanwhile is kept in order, and whether it went away is noted, so
 * the link that takes it over misses nothing.
 */
export interface HeldPort {
  port: Browser.runtime.Port;
  /** The panel's messages so far; `release` stops adding to them. */
  messages: unknown[];
  /** The panel closed (or the tab moved on) before the link took the port. */
  gone(): boolean;
  /** Stops holding: the caller listens to the port itself from now on. */
  release(): void;
}

export function holdPort(port: Browser.runtime.Port): HeldPort {
  const messages: unknown[] = [];
  let gone = false;
  const onMessage = (message: unknown) => void messages.push(message);
  const onDisconnect = () => {
    gone = true;
  };
  port.onMessage.addListener(onMessage);
  port.onDisconnect.addListener(onDisconnect);
  return {
    port,
    messages,
    gone: () => gone,
    release() {
      port.onMessage.removeListener(onMessage);
      port.onDisconnect.removeListener(onDisconnect);
    },
  };
}
