import { useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { PANEL_PORT, type PageToPanel, type PanelToPage } from '../../src/messaging/protocol';

/**
 * The tab this panel follows: `?tab=N` when opened for one tab (pop-out window, tests),
 * else the active tab of this window, followed as the learner switches tabs.
 */
export function useTabId(): number | null {
  const fixed = Number(new URLSearchParams(location.search).get('tab'));
  const [tabId, setTabId] = useState<number | null>(Number.isInteger(fixed) && fixed > 0 ? fixed : null);
  useEffect(() => {
    if (fixed > 0) return;
    let windowId: number | undefined;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      windowId = tab?.windowId;
      setTabId(tab?.id ?? null);
    });
    const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return tabId;
}

export type LinkState = { status: 'connecting' } | { status: 'none' } | ({ status: 'live' } & PageToPanel);

/** A port to the tab's content script: playback state in, seeks out. Reconnects after navigation. */
export function useTabLink(tabId: number | null): [LinkState, (msg: PanelToPage) => void] {
  const [state, setState] = useState<LinkState>({ status: 'connecting' });
  const port = useRef<Browser.runtime.Port | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let closed = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const connect = () => {
      const p = browser.tabs.connect(tabId, { name: PANEL_PORT });
      port.current = p;
      p.onMessage.addListener((m: unknown) => {
        failures = 0;
        setState({ status: 'live', ...(m as PageToPanel) });
      });
      p.onDisconnect.addListener(() => {
        if (closed) return;
        port.current = null;
        failures++;
        // No content script answers on pages MoocMate cannot read; say so, keep trying
        // quietly because the tab may be loading a course page.
        if (failures > 1) setState({ status: 'none' });
        retry = setTimeout(connect, Math.min(5000, 500 * failures));
      });
    };
    setState({ status: 'connecting' });
    connect();
    const onUpdated = (id: number, info: Browser.tabs.OnUpdatedInfo) => {
      if (id === tabId && info.status === 'complete' && !port.current) {
        clearTimeout(retry);
        connect();
      }
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      closed = true;
      clearTimeout(retry);
      browser.tabs.onUpdated.removeListener(onUpdated);
      port.current?.disconnect();
    };
  }, [tabId]);
  return [state, (msg) => port.current?.postMessage(msg)];
}
