import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionUrl, launchExtension, openDemoLecture, pointAtVideo, ROOT, screenshot, startFixtureServer, tabIdOf, type Extension, type Server } from './harness';

/** A translation's text for a key, read from the shipped locale file (never typed in here). */
const text = (loc: string, key: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'public/_locales', loc, 'messages.json'), 'utf8')) as Record<string, { message: string }>)[key].message;

let server: Server;
const opened: Extension[] = [];
afterAll(async () => {
  for (const e of opened) await e.close();
  await server?.close();
});

async function start(locale?: string, args?: string[]) {
  server ??= await startFixtureServer();
  const ext = await launchExtension({ ...(locale ? { locale } : {}), ...(args ? { args } : {}) });
  opened.push(ext);
  const { lecture, probe: dash } = await openDemoLecture(ext, server);
  return { ext, lecture, dash };
}

async function openPanel(ext: Extension, lecture: Page): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 400, height: 760 });
  await panel.goto(extensionUrl(ext, `sidepanel.html?tab=${await tabIdOf(ext, lecture)}`));
  await panel.locator('.transcript .cue').first().waitFor();
  return panel;
}

/** Whether the browser can translate English into `to` on this device, asked directly. */
const canTranslate = (panel: Page, to: string) =>
  panel.evaluate(async (target) => {
    const api = (globalThis as { Translator?: { availability(o: object): Promise<string> } }).Translator;
    return api ? (await api.availability({ sourceLanguage: 'en', targetLanguage: target })) !== 'unavailable' : false;
  }, to);

/** With an English line on screen and the learner's language `to`, is "Translate this line" offered? */
async function translateActions(panel: Page, lecture: Page, to: string): Promise<boolean> {
  const select = panel.getByRole('combobox', { name: text('en', 'language') });
  await expect.poll(() => select.locator('option').first().textContent()).toMatch(to === 'es' ? /Spanish/ : /./);
  await select.selectOption((await select.locator('option', { hasText: 'English' }).getAttribute('value'))!);
  await lecture.evaluate(() => (document.querySelector('video')!.currentTime = 12));
  await panel.getByRole('button', { name: text('en', 'flagThisLine') }).waitFor();
  // The detection is asynchronous: the action may take a moment to appear; absent means
  // still absent after 3 s.
  return panel
    .getByRole('button', { name: text('en', 'translateLine') })
    .waitFor({ timeout: 3000 })
    .then(() => true, () => false);
}

const pageDir = (p: Page) => p.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join(' '));

describe('interface language chosen in MoocMate, apart from the browser', () => {
  it('Arabic from the dashboard settings: every open page switches, right to left; the flag button follows', async () => {
    const { ext, lecture, dash } = await start();
    const panel = await openPanel(ext, lecture);
    expect(await pageDir(panel)).toBe('en ltr');
    // The in-page flag button (there once the learner points at the video) speaks the browser's language (English) first.
    await pointAtVideo(lecture);
    const flagButton = lecture.locator('[data-moocmate="flag-ui"] button');
    await expect.poll(() => flagButton.textContent()).toContain(text('en', 'flagCaption'));

    await dash.goto(extensionUrl(ext, 'dashboard.html#/settings'));
    const picker = dash.getByRole('combobox', { name: text('en', 'uiLanguage') });
    expect(await picker.locator('option').allTextContents()).toEqual(expect.arrayContaining(['العربية', '日本語', 'Español', 'فارسی', text('en', 'uiLanguageBrowser')]));
    await picker.selectOption('ar');

    // The dashboard renders again in Arabic, right to left, without a reload.
    await dash.getByRole('heading', { name: text('ar', 'settingsTitle'), level: 1 }).waitFor();
    expect(await pageDir(dash)).toBe('ar rtl');
    // The side panel, already open, follows.
    await panel.getByRole('searchbox', { name: text('ar', 'searchThisTranscript') }).waitFor();
    expect(await pageDir(panel)).toBe('ar rtl');
    // Right to left for real: the search box sits on the right of the language switch.
    const box = (sel: string) => panel.locator(sel).boundingBox();
    expect((await box('.toolbar .search'))!.x).toBeLessThan((await box('.toolbar .track-picker'))!.x);
    // Times stay left to right.
    expect(await panel.locator('.cue-time').first().getAttribute('dir')).toBe('ltr');
    // An English example sentence under "words to know" keeps its full stop on the right.
    await panel.locator('.word-list .sentence').first().waitFor();
    expect(await panel.locator('.word-list .sentence').first().evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('plaintext');
    // The course page's flag button asks the background for its strings again.
    await expect.poll(() => flagButton.textContent()).toContain(text('ar', 'flagCaption'));
    expect(await lecture.locator('[data-moocmate="flag-ui"]').getAttribute('dir')).toBe('rtl');
    // So does the word popover (Alt+Shift+G), in the chosen language, not the browser's.
    await lecture.bringToFront();
    await lecture.keyboard.press('Alt+Shift+KeyG');
    const pop = lecture.locator('section.pop');
    await pop.getByRole('heading', { name: text('ar', 'glossaryPickTitle') }).waitFor();
    expect(await pop.getByRole('button', { name: text('ar', 'glossaryPickAdd') }).count()).toBe(1);
    expect(await pop.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await screenshot(lecture, 'i18n-word-popover-ar');
    await pop.getByRole('button', { name: text('ar', 'close') }).click();

    await screenshot(panel, 'i18n-sidepanel-ar');
    await dash.goto(extensionUrl(ext, 'dashboard.html#/'));
    await dash.getByRole('heading', { name: text('ar', 'welcomeTitle') }).waitFor();
    await screenshot(dash, 'i18n-dashboard-ar');
    await dash.goto(extensionUrl(ext, 'dashboard.html#/settings'));
    await dash.getByRole('heading', { name: text('ar', 'shortcutsTitle') }).waitFor();
    await screenshot(dash, 'i18n-dashboard-settings-ar');

    // "Browser language" brings back the browser's English on the next render.
    await dash.getByRole('combobox', { name: text('ar', 'uiLanguage') }).selectOption('browser');
    await dash.getByRole('heading', { name: text('en', 'settingsTitle'), level: 1 }).waitFor();
    expect(await pageDir(dash)).toBe('en ltr');
    await expect.poll(() => flagButton.textContent()).toContain(text('en', 'flagCaption'));
  });

  it('Japanese as the browser language: dashboard and side panel in Japanese, with CJK glyphs', async () => {
    const { ext, lecture, dash } = await start('ja');
    const panel = await openPanel(ext, lecture);
    await panel.getByRole('searchbox', { name: text('ja', 'searchThisTranscript') }).waitFor();
    expect(await pageDir(panel)).toBe('ja ltr');
    await screenshot(panel, 'i18n-sidepanel-ja');
    // The controls on the course page speak the browser's Japanese too (from the background's table).
    await pointAtVideo(lecture);
    await expect.poll(() => lecture.locator('[data-moocmate="flag-ui"] button').textContent()).toContain(text('ja', 'flagCaption'));
    expect(await lecture.locator('[data-moocmate="flag-ui"]').getAttribute('lang')).toBe('ja');
    await dash.reload();
    await dash.getByRole('heading', { name: text('ja', 'welcomeTitle') }).waitFor();
    await screenshot(dash, 'i18n-dashboard-ja');
  });

  it("the learner's first language, asked once in the popup (by keyboard): its captions come first; a translate action exactly where the browser's Translator offers the pair", async () => {
    const { ext, lecture } = await start();
    const popup = await ext.context.newPage();
    await popup.goto(extensionUrl(ext, `popup.html?tab=${await tabIdOf(ext, lecture)}`));
    const ask = popup.getByRole('combobox', { name: text('en', 'firstLanguageAsk') });
    // Defaults to the browser's language (en-US here).
    expect(await ask.inputValue()).toBe('en-US');
    // The question is the popup's first stop.
    await popup.keyboard.press('Tab');
    expect(await ask.evaluate((el) => el === document.activeElement)).toBe(true);
    await ask.selectOption('es');
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Enter');
    await popup.getByRole('status').filter({ hasText: text('en', 'firstLanguageSaved') }).waitFor();
    await popup.reload();
    await popup.locator('.found li').first().waitFor();
    expect(await popup.locator('.first-run').count()).toBe(0); // asked once

    const panel = await openPanel(ext, lecture);
    const select = panel.getByRole('combobox', { name: text('en', 'language') });
    expect((await select.locator('option').first().textContent()) ?? '').toMatch(/Spanish/);
    expect(await select.locator('option:checked').textContent()).toMatch(/Spanish/);
    await expect.poll(() => panel.locator('.transcript').textContent()).toMatch(/fotosíntesis/);

    // This Chromium has the Translator API and says English to Spanish is 'downloadable'
    // (it cannot download here): the action is offered exactly when the API says so.
    expect(await translateActions(panel, lecture, 'es')).toEqual(await canTranslate(panel, 'es'));
  });

  it('the dashboard search box shows its whole placeholder in every language (1280 px wide)', async () => {
    const ext = await launchExtension();
    opened.push(ext);
    const dash = await ext.context.newPage();
    await dash.goto(extensionUrl(ext, 'dashboard.html'));
    const tooLong: string[] = [];
    for (const loc of readdirSync(join(ROOT, 'public/_locales'))) {
      await dash.evaluate((l) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ uiLanguage: l }), loc);
      await dash.waitForFunction((code) => document.documentElement.lang === code, loc.replace('_', '-'));
      const input = dash.getByRole('searchbox', { name: text(loc, 'searchAll') });
      const fits = await input.evaluate((i: HTMLInputElement) => {
        const cs = getComputedStyle(i);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
        return ctx.measureText(i.placeholder).width <= i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      });
      if (!fits) tooLong.push(loc);
    }
    expect(tooLong).toEqual([]);
  });

  it("a translator that never answers (the model cannot download): 'Translating…' gives way to a plain message", async () => {
    const { ext, lecture } = await start();
    // The browser's Translator, stubbed in every page: the pair is downloadable, but
    // create() never settles, as when the model cannot be fetched.
    await ext.context.addInitScript(() => {
      (globalThis as { Translator?: object }).Translator = { availability: async () => 'downloadable', create: () => new Promise(() => {}) };
    });
    const panel = await openPanel(ext, lecture);
    await panel.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ firstLanguage: 'es' }));
    expect(await translateActions(panel, lecture, 'es')).toBe(true);
    const button = panel.getByRole('button', { name: text('en', 'translateLine') });
    await button.click();
    await panel.getByText(text('en', 'translating')).waitFor();
    expect(await button.isDisabled()).toBe(true);
    // The wait is bounded (TRANSLATION_WAIT_MS, 20 s): then the learner reads why, and may try again.
    await panel.getByText(text('en', 'translationTimeout')).waitFor({ timeout: 30_000 });
    expect(await panel.getByText(text('en', 'translating')).count()).toBe(0);
    expect(await button.isEnabled()).toBe(true);
  });

  it("a glossary word is translated into the learner's first language where the browser can; the translation becomes its meaning", async () => {
    const { ext, dash } = await start();
    // The browser's Translator, stubbed in every page: English to Spanish only.
    await ext.context.addInitScript(() => {
      (globalThis as { Translator?: object }).Translator = {
        availability: async (o: { targetLanguage: string }) => (o.targetLanguage === 'es' ? 'available' : 'unavailable'),
        create: async (o: { sourceLanguage: string; targetLanguage: string }) => ({ translate: async (t: string) => `${t} (${o.sourceLanguage}>${o.targetLanguage})` }),
      };
    });
    type Chrome = { chrome: { storage: { local: { set(o: object): Promise<void> } }; runtime: { sendMessage(m: object): Promise<unknown> } } };
    await dash.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.set({ firstLanguage: 'es' }));
    await dash.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.runtime.sendMessage({
        moocmate: 'glossary.add',
        data: { term: 'sunlight', sentence: 'Sunlight gives the leaf energy.', lectureId: null, trackId: null, cueIndex: null, time: null, pageUrl: 'https://example.org/' },
      }),
    );
    // A new document, so the stub is in it (a change of #route alone keeps the old one).
    await dash.goto(extensionUrl(ext, 'dashboard.html#/glossary'));
    await dash.reload();
    const entry = dash.locator('.glossary-entry', { hasText: 'sunlight' });
    await entry.getByRole('button', { name: text('en', 'glossaryTranslate') }).click();
    const meaning = entry.getByRole('textbox', { name: text('en', 'glossaryMeaning') });
    await expect.poll(() => meaning.inputValue()).toBe('sunlight (en>es)');
    await screenshot(dash, 'glossary-translated-meaning');
    // A first language the browser cannot translate into: no button at all.
    await dash.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.set({ firstLanguage: 'ja' }));
    await dash.reload();
    await meaning.waitFor();
    expect(await meaning.inputValue()).toBe('sunlight (en>es)');
    expect(await entry.getByRole('button', { name: text('en', 'glossaryTranslate') }).count()).toBe(0);
  });

  it('no translate action in a browser without the Translator API', async () => {
    const { ext, lecture } = await start(undefined, ['--disable-features=TranslationAPI']);
    const panel = await openPanel(ext, lecture);
    expect(await panel.evaluate(() => 'Translator' in globalThis)).toBe(false);
    await panel.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ firstLanguage: 'es' }));
    expect(await translateActions(panel, lecture, 'es')).toBe(false);
  });

  it('keyboard: shortcuts listed with the real keys, the shortcut page opens; a transcript line plays by Tab and Enter, with a visible focus ring', async () => {
    const { ext, lecture, dash } = await start();
    await dash.goto(extensionUrl(ext, 'dashboard.html'));
    await dash.getByRole('link', { name: text('en', 'navSettings') }).focus();
    await dash.keyboard.press('Enter');
    const row = (name: string) => dash.locator(`.shortcuts tr[data-command="${name}"]`);
    await row('flag-caption').waitFor();
    // Every command shows its name in the learner's language and the key Chrome really
    // gave it (Chrome silently leaves a command without a key when the suggested one is
    // one of its own shortcuts, as it did with Alt+Shift+W; headless or not, the same).
    const keys: Array<[string, string, string]> = [
      ['flag-caption', 'cmdFlagCaption', 'Alt+Shift+F'],
      ['add-word', 'cmdAddWord', 'Alt+Shift+G'],
      ['start-review', 'cmdStartReview', 'Alt+Shift+V'],
      ['open-side-panel', 'cmdOpenSidePanel', 'Alt+Shift+S'],
    ];
    for (const [name, label, key] of keys) {
      expect(await row(name).locator('th').textContent()).toBe(text('en', label));
      expect(await row(name).locator('kbd').textContent()).toBe(key);
    }
    // The popup's command has no suggested key: the row says so.
    expect(await row('_execute_action').textContent()).toContain(text('en', 'shortcutsNotSet'));
    // The page's own keys, for browsers where a shortcut is unassigned.
    expect(await dash.locator('.keys').textContent()).toContain(text('en', 'keyWordOnPage'));
    const opened = ext.context.waitForEvent('page');
    await dash.getByRole('button', { name: text('en', 'shortcutsChange') }).click();
    await expect.poll(async () => (await opened).url()).toBe('chrome://extensions/shortcuts');
    await screenshot(dash, 'i18n-dashboard-shortcuts');

    const panel = await openPanel(ext, lecture);
    const line = panel.locator('.cue', { hasText: 'chlorophyll' }).first().locator('button.cue-button');
    await panel.locator('.cue button').first().focus();
    for (let i = 0; i < 20 && !(await line.evaluate((el) => el === document.activeElement)); i++) await panel.keyboard.press('Tab');
    expect(await line.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await line.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await panel.keyboard.press('Enter');
    await expect.poll(() => lecture.evaluate(() => document.querySelector('video')!.currentTime)).toBeGreaterThan(20);
  });

  it("text follows the browser's default font size (rem/em, no fixed px), on extension pages and the course-page button; dark colours follow the system", async () => {
    const { ext, lecture } = await start();
    const panel = await openPanel(ext, lecture);
    const size = (p: Page, sel: string) => p.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const flagButton = '[data-moocmate="flag-ui"] button';
    await pointAtVideo(lecture);
    await lecture.locator(flagButton).waitFor();
    const before = { cue: await size(panel, '.cue-text'), time: await size(panel, '.cue-time'), flag: await size(lecture, flagButton) };
    expect(before.cue).toBe(16); // the learner's default size, not Chrome's 75% for extension pages
    // The learner's "font size" setting in the browser: 16 px by default, here 24 px
    // (DevTools' setting lasts until the page reloads, so it is read at once).
    for (const p of [panel, lecture]) {
      const cdp = await ext.context.newCDPSession(p);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
    }
    expect(await size(panel, '.cue-text')).toBeCloseTo(before.cue * 1.5, 0);
    expect(await size(panel, '.cue-time')).toBeCloseTo(before.time * 1.5, 0);
    expect(await size(lecture, flagButton)).toBeCloseTo(before.flag * 1.5, 0);
    await screenshot(panel, 'i18n-sidepanel-font-24px');
    // Larger text wraps; nothing runs out of the panel's side.
    expect(await panel.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);

    await panel.emulateMedia({ colorScheme: 'dark' });
    expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 24, 28)');
    await screenshot(panel, 'i18n-sidepanel-dark');
  });
});
