import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callTab } from '../../src/messaging/client';
import type { TabLecture } from '../../src/messaging/protocol';
import { t } from '../../src/ui/i18n';

type Status = { state: 'loading' } | { state: 'none' } | { state: 'found'; lectures: TabLecture[] };

interface PanelApis {
  sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** What MoocMate sees on this tab, and the way to the transcript and the dashboard. */
export function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  useEffect(() => {
    void (async () => {
      // `?tab=N` shows one tab's status (the popup opened as a page, as the tests do).
      const fixed = Number(new URLSearchParams(location.search).get('tab'));
      const id = fixed > 0 ? fixed : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (id === undefined) return setStatus({ state: 'none' });
      setTabId(id);
      try {
        const { lectures } = await callTab(id, 'page.status', {});
        setStatus(lectures.length ? { state: 'found', lectures } : { state: 'none' });
      } catch {
        setStatus({ state: 'none' }); // no content script here (browser pages, the web store)
      }
    })();
  }, []);

  const openPanel = async () => {
    const api = browser as unknown as PanelApis;
    if (api.sidePanel && tabId !== null) await api.sidePanel.open({ tabId });
    else if (api.sidebarAction) await api.sidebarAction.open();
    window.close();
  };

  return (
    <main class="popup">
      <div class="brand">
        <span class="logo" aria-hidden="true">M</span> MoocMate
      </div>
      {status.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {status.state === 'none' && <p>{t('popupNoVideo')}</p>}
      {status.state === 'found' && (
        <ul class="found">
          {status.lectures.map((l) => (
            <li key={l.lectureId}>
              <strong>{l.title}</strong>
              <br />
              <span class="muted">{t('popupTracks', l.trackCount)}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="stack">
        {status.state === 'found' && (
          <button type="button" class="primary" onClick={() => void openPanel()}>
            {t('showTranscript')}
          </button>
        )}
        <a class="button" href="/dashboard.html" target="_blank" rel="noopener">
          {t('openDashboard')}
        </a>
      </div>
    </main>
  );
}
