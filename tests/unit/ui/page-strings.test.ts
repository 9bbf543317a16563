import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_KEYS } from '../../../entrypoints/course-tools/page-i18n';
import { backgroundText, pageStrings } from '../../../src/ui/page-strings';
import { openSidePanelFor } from '../../../src/ui/open-side-panel';

const locales = join(import.meta.dirname, '../../../public/_locales');
const file = (folder: string) => JSON.parse(readFileSync(join(locales, folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

describe("the content script's strings, from the background", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The extension's own files, as fetch(runtime.getURL(...)) would read them.
    vi.stubGlobal('fetch', async (url: string) => {
      const folder = /_locales\/([^/]+)\/messages\.json$/.exec(String(url))?.[1] ?? '';
      try {
        const body = readFileSync(join(locales, folder, 'messages.json'), 'utf8');
        return new Response(body, { status: 200 });
      } catch {
        return new Response('', { status: 404 });
      }
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("follows the browser's language with the same table: the locale file the browser picked", async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => ({ localeCode: 'fa', '@@bidi_dir': 'rtl' })[key] ?? '') as never);
    const got = await pageStrings({ keys: ['flagCaption'] }, {});
    expect(got).toEqual({ lang: 'fa', dir: 'rtl', strings: { flagCaption: file('fa').flagCaption.message } });
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => ({ localeCode: 'pt-BR' })[key] ?? '') as never);
    expect((await pageStrings({ keys: ['flagCaption'] }, {})).strings.flagCaption).toBe(file('pt_BR').flagCaption.message);
    // A locale the extension does not ship: English.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => ({ localeCode: 'xx' })[key] ?? '') as never);
    expect(await pageStrings({ keys: ['flagCaption'] }, {})).toMatchObject({ lang: 'en', strings: { flagCaption: file('en').flagCaption.message } });
  });

  it("gives the background's own texts (notifications, the context menu) in the chosen language, placeholders filled", async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'es' });
    const es = await backgroundText();
    expect(es('glossaryAddMenu')).toBe(file('es').glossaryAddMenu.message);
    expect(es('dutyInHours', 5)).toContain('5');
    expect(es('dutyInHours', 5)).not.toContain('$');
    // A file that cannot be read: the browser's language through chrome.i18n.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => (key === 'glossaryAddMenu' ? 'Add (browser)' : '')) as never);
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    await fakeBrowser.storage.local.set({ uiLanguage: 'ko' });
    expect((await backgroundText())('glossaryAddMenu')).toBe('Add (browser)');
  });

  it('has every string the content script shows, in every language', async () => {
    for (const folder of ['en', 'es', 'pt_BR', 'zh_CN', 'ja', 'ko', 'ar', 'fa', 'hi', 'id', 'vi', 'tr', 'ru', 'fr']) {
      await fakeBrowser.storage.local.set({ uiLanguage: folder });
      const got = await pageStrings({ keys: [...PAGE_KEYS] }, {});
      expect(Object.keys(got.strings).sort()).toEqual([...PAGE_KEYS].sort());
    }
  });

  it('sends only the keys asked, in the chosen language, placeholders as $1, right to left for Arabic', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'es' });
    const es = await pageStrings({ keys: ['flagCaption', 'flagFailed', 'noSuchKey'] }, {});
    expect(es).toEqual({ lang: 'es', dir: 'ltr', strings: { flagCaption: file('es').flagCaption.message, flagFailed: expect.stringContaining('$1') } });
    await fakeBrowser.storage.local.set({ uiLanguage: 'ar' });
    const ar = await pageStrings({ keys: ['flagCaption'] }, {});
    expect(ar.dir).toBe('rtl');
    expect(ar.strings.flagCaption).toBe(file('ar').flagCaption.message);
  });
});

describe('the open-side-panel shortcut', () => {
  it("opens Chrome's side panel in the command's window at once", async () => {
    const open = vi.fn(async () => undefined);
    await openSidePanelFor({ sidePanel: { open } }, { windowId: 7 } as never);
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
  });
  it("opens Firefox's sidebar where there is no side panel", async () => {
    const open = vi.fn(async () => undefined);
    await openSidePanelFor({ sidebarAction: { open } }, undefined);
    expect(open).toHaveBeenCalledOnce();
  });
});
