import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { initI18n, readUiLanguage, setMessageTable, t } from '../../../src/ui/i18n';

const locales = join(import.meta.dirname, '../../../public/_locales');

/** Enough of a document for applyDocumentLocale. */
const doc = { documentElement: { lang: '', dir: '' } };

describe('initI18n: the chosen language before the first render', () => {
  let served: Record<string, string>;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('document', doc);
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => (key === 'copy' ? 'Copy (browser)' : '')) as never);
    served = { en: readFileSync(join(locales, 'en/messages.json'), 'utf8'), fa: readFileSync(join(locales, 'fa/messages.json'), 'utf8') };
    vi.stubGlobal('fetch', async (url: string) => {
      const folder = /_locales\/([^/]+)\//.exec(String(url))?.[1] ?? '';
      return folder in served ? new Response(served[folder]) : new Response('', { status: 404 });
    });
  });
  afterEach(() => {
    setMessageTable(null);
    vi.unstubAllGlobals();
  });

  it('loads Persian and lays the page out right to left', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'fa' });
    await initI18n();
    expect(t('copy')).toBe(JSON.parse(served.fa).copy.message);
    expect(doc.documentElement).toEqual({ lang: 'fa', dir: 'rtl' });
  });

  it('a stored value that is not a language means the browser language', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'klingon' });
    expect(await readUiLanguage()).toBe('browser');
  });

  it('a locale file that cannot be read leaves the browser language, and the page still renders', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'ja' }); // not served: 404
    await initI18n();
    expect(t('copy')).toBe('Copy (browser)');
    served.fa = '{ broken';
    await fakeBrowser.storage.local.set({ uiLanguage: 'fa' });
    await initI18n();
    expect(t('copy')).toBe('Copy (browser)');
  });
});
