import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callBackground } from '../../src/messaging/client';
import { callTab } from '../../src/messaging/tab-client';
import type { TabLecture } from '../../src/messaging/protocol';
import { getDb } from '../../src/db/schema';
import { sitePattern } from '../../src/sites/enable';
import { flagPage, PAGE_KINDS } from '../../src/flags/store';
import { kindLabel } from '../../src/ui/flag-kinds';
import type { FlagKind } from '../../src/db/schema';
import { t } from '../../src/ui/i18n';
import { DueWords } from '../../src/ui/due-words';
import { AddPageDuty, DutiesSoon } from './duties-soon';
import { FirstLanguagePicker, FirstRunPrompt, UiLanguagePicker } from '../../src/ui/settings';

type Status =
  | { state: 'loading' }
  | { state: 'none' }
  /** No content script answers on an ordinary web page: MoocMate is off for this site. */
  | { state: 'off'; pattern: string; host: string }
  | { state: 'found'; lectures: TabLecture[]; blocked: string[] };

interface PanelApis {
  sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** Caption hosts MoocMate must be allowed to read for these lectures' tracks. */
async function blockedHosts(lectures: TabLecture[]): Promise<string[]> {
  const tracks = await getDb()
    .tracks.where('lectureId')
    .anyOf(lectures.map((l) => l.lectureId))
    .toArray();
  return [...new Set(tracks.map((tr) => tr.needsPermission).filter((p): p is string => Boolean(p)))];
}

const hostOf = (pattern: string) => pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '');

/** What MoocMate sees on this tab, and the way to the transcript and the dashboard. */
export function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [problem, setProblem] = useState('');
  const [tab, setTab] = useState<{ url: string; title: string } | null>(null);

  const refresh = async (id: number, url: string | undefined) => {
    try {
      const { lectures } = await callTab(id, 'page.status', {});
      setStatus(lectures.length ? { state: 'found', lectures, blocked: await blockedHosts(lectures) } : { state: 'none' });
    } catch {
      // No content script: a browser page, or a site the learner has not turned on.
      const pattern = url ? sitePattern(url) : null;
      setStatus(pattern ? { state: 'off', pattern, host: hostOf(pattern) } : { state: 'none' });
    }
  };

  useEffect(() => {
    void (async () => {
      // `?tab=N` shows one tab's status (the popup opened as a page, as the tests do).
      const fixed = Number(new URLSearchParams(location.search).get('tab'));
      const tab = fixed > 0 ? await browser.tabs.get(fixed) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (tab?.id === undefined) return setStatus({ state: 'none' });
      setTabId(tab.id);
      if (tab.url && /^https?:/.test(tab.url)) setTab({ url: tab.url, title: tab.title ?? '' });
      await refresh(tab.id, tab.url);
    })();
  }, []);

  const openPanel = async () => {
    const api = browser as unknown as PanelApis;
    if (api.sidePanel && tabId !== null) await api.sidePanel.open({ tabId });
    else if (api.sidebarAction) await api.sidebarAction.open();
    window.close();
  };

  // Both permission requests must run straight from the click (the browser asks the learner).
  const turnOn = async (pattern: string) => {
    setProblem('');
    if (tabId === null || !(await browser.permissions.request({ origins: [pattern] }))) return;
    try {
      await callBackground('site.enable', { pattern, tabId });
      setTimeout(() => void browser.tabs.get(tabId).then((tab) => refresh(tabId, tab.url)), 1500);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };
  const allowCaptions = async (pattern: string) => {
    if (tabId === null || !(await browser.permissions.request({ origins: [pattern] }))) return;
    await callTab(tabId, 'page.recapture', {}).catch(() => undefined);
    setTimeout(() => void browser.tabs.get(tabId).then((tab) => refresh(tabId, tab.url)), 1500);
  };

  return (
    <main class="popup">
      <div class="brand">
        <span class="logo" aria-hidden="true">M</span> MoocMate
      </div>
      <DutiesSoon />
      <FirstRunPrompt />
      {status.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {status.state === 'none' && <p>{t('popupNoVideo')}</p>}
      {status.state === 'off' && (
        <>
          <p>{t('popupSiteOff', status.host)}</p>
          <button type="button" class="primary" onClick={() => void turnOn(status.pattern)}>
            {t('popupTurnOn', status.host)}
          </button>
        </>
      )}
      {status.state === 'found' && (
        <ul class="found">
          {status.lectures.map((l) => (
            <li key={l.lectureId}>
              <strong>{l.title}</strong>
              <br />
              <span class="muted">{t('popupTracks', l.trackCount)}</span>
              {l.capture === 'partial' && l.note && (
                <p class="problem" role="note">
                  {t('popupPartial')} {t(l.note)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {status.state === 'found' &&
        status.blocked.map((pattern) => (
          <div key={pattern} class="problem">
            <p>{t('popupCaptionsBlocked', hostOf(pattern))}</p>
            <button type="button" onClick={() => void allowCaptions(pattern)}>
              {t('popupAllowCaptions', hostOf(pattern))}
            </button>
          </div>
        ))}
      {problem && (
        <p class="problem error" role="alert">
          {problem}
        </p>
      )}
      <DueWords db={getDb()} />
      {tab && tabId !== null && status.state !== 'off' && <AddPageDuty tabId={tabId} />}
      {tab && <PageProblem url={tab.url} title={tab.title} lectureId={status.state === 'found' ? status.lectures[0]?.lectureId : undefined} />}
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
      <details class="popup-settings">
        <summary>{t('settingsTitle')}</summary>
        <UiLanguagePicker />
        <FirstLanguagePicker />
      </details>
    </main>
  );
}

/** Report a problem with the course page itself: it goes to the volunteer queue. */
function PageProblem({ url, title, lectureId }: { url: string; title: string; lectureId?: string }) {
  const [kind, setKind] = useState<FlagKind>('broken-link');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const send = async () => {
    await flagPage(getDb(), { kind, note, url, title, lectureId });
    setSent(true);
    setNote('');
  };
  return (
    <details class="page-problem">
      <summary>{t('pageProblem')}</summary>
      <label>
        {t('flagKind')}{' '}
        <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as FlagKind)}>
          {PAGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('flagNote')}
        <textarea rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </label>
      <button type="button" onClick={() => void send()}>
        {t('pageProblemSend')}
      </button>
      {sent && <p role="status">{t('pageProblemSent')}</p>}
    </details>
  );
}
