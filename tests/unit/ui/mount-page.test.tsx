// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setMessageTable, t } from '../../../src/ui/i18n';
import { mountPage } from '../../../src/ui/mount-page';

const locales = join(import.meta.dirname, '../../../public/_locales');
const message = (folder: string, key: string) => (JSON.parse(readFileSync(join(locales, folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>)[key].message;

function App() {
  return <p>{t('copy')}</p>;
}

describe('mountPage: the page in the language the learner picks', () => {
  /** Locale files answer only when the test lets them, to pick the moment a load ends. */
  let pending: Array<() => void>;
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = '<div id="app"></div>';
    pending = [];
    vi.stubGlobal('fetch', (url: string) => {
      const folder = /_locales\/([^/]+)\//.exec(String(url))?.[1] ?? '';
      const body = readFileSync(join(locales, folder, 'messages.json'), 'utf8');
      return new Promise<Response>((resolve) => pending.push(() => resolve(new Response(body))));
    });
  });
  afterEach(() => {
    setMessageTable(null);
    vi.unstubAllGlobals();
  });

  /** Lets every locale file asked for so far (and any asked for meanwhile) arrive. */
  async function serveAll() {
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 0));
      pending.splice(0).forEach((f) => f());
    }
  }

  it('a language picked while the page is still loading its first one is the one shown', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'fr' });
    const mounted = mountPage(App);
    // The learner (or another MoocMate page) picks Japanese before French has arrived.
    await new Promise((r) => setTimeout(r, 0));
    await fakeBrowser.storage.local.set({ uiLanguage: 'ja' });
    await serveAll();
    await mounted;
    await serveAll();
    expect(document.getElementById('app')!.textContent).toBe(message('ja', 'copy'));
    expect(document.documentElement.lang).toBe('ja');
  });

  it('two quick changes end on the last one', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'en' });
    const mounted = mountPage(App);
    await serveAll();
    await mounted;
    expect(document.getElementById('app')!.textContent).toBe(message('en', 'copy'));
    await fakeBrowser.storage.local.set({ uiLanguage: 'ar' });
    await fakeBrowser.storage.local.set({ uiLanguage: 'ko' });
    await serveAll();
    expect(document.getElementById('app')!.textContent).toBe(message('ko', 'copy'));
    expect(document.documentElement.dir).toBe('ltr');
  });
});
