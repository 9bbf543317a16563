import { useEffect, useState } from 'preact/hooks';
import { t } from '../../src/ui/i18n';
import { BackupBar, type Notice } from './BackupBar';
import { Library } from './Library';
import { LectureView } from './LectureView';
import { SearchView } from './SearchView';
import { FlagsView } from './FlagsView';
import { GlossaryView } from './GlossaryView';
import { DutiesView } from './duties-view';
import { SettingsView } from './SettingsView';
import { searchHref, useRoute } from './use-route';

export function App() {
  const route = useRoute();
  const [notice, setNotice] = useState<Notice>(null);
  const [query, setQuery] = useState(route.name === 'search' ? route.query : '');
  useEffect(() => {
    if (route.name === 'search') setQuery(route.query);
  }, [route]);
  const onError = (text: string) => setNotice({ kind: 'error', text });

  return (
    <div class="dashboard">
      <header class="top">
        <a href="#/" class="brand">
          <span class="logo" aria-hidden="true">M</span> MoocMate
        </a>
        <form
          role="search"
          class="global-search"
          onSubmit={(e) => {
            e.preventDefault();
            if (query.trim()) location.hash = searchHref(query.trim());
          }}
        >
          <input
            type="search"
            value={query}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
            placeholder={t('searchAll')}
            aria-label={t('searchAll')}
          />
          <button type="submit">{t('search')}</button>
        </form>
        <a href="#/flags" class="button" aria-current={route.name === 'flags' ? 'page' : undefined}>
          <span aria-hidden="true">⚑</span> {t('navFlags')}
        </a>
        <a href="#/glossary" class="button" aria-current={route.name === 'glossary' ? 'page' : undefined}>
          {t('navGlossary')}
        </a>
        <a href="#/duties" class="button" aria-current={route.name === 'duties' ? 'page' : undefined}>
          <span aria-hidden="true">☑</span> {t('navDuties')}
        </a>
        <a href="#/settings" class="button" aria-current={route.name === 'settings' ? 'page' : undefined}>
          {t('navSettings')}
        </a>
        <BackupBar onNotice={setNotice} />
      </header>
      {notice && (
        <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
          <button type="button" class="link" onClick={() => setNotice(null)} aria-label={t('close')}>
            ×
          </button>
        </div>
      )}
      <div class="columns">
        <aside>
          <Library currentLecture={route.name === 'lecture' ? route.lectureId : null} />
        </aside>
        <main>
          {route.name === 'lecture' && (
            <LectureView key={route.lectureId} lectureId={route.lectureId} trackId={route.trackId} time={route.time} onError={onError} />
          )}
          {route.name === 'search' && <SearchView query={route.query} onError={onError} />}
          {route.name === 'flags' && <FlagsView onNotice={setNotice} />}
          {route.name === 'glossary' && <GlossaryView onNotice={setNotice} />}
          {route.name === 'duties' && <DutiesView onNotice={setNotice} />}
          {route.name === 'settings' && <SettingsView />}
          {route.name === 'home' && <Welcome />}
        </main>
      </div>
    </div>
  );
}

function Welcome() {
  return (
    <section class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeText')}</p>
    </section>
  );
}
