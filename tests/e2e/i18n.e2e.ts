import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionUrl, launchExtension, openDemoLecture, ROOT, screenshot, startFixtureServer, tabIdOf, type Extension, type Server } from './harness';

/** A translation's text for a key, read from the shipped locale file (never typed in here). */
const text = (loc: string, key: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'public/_locales', loc, 'messages.json'), 'utf8')) as Record<string, { message: string }>)[key].message;

let server: Server;
const opened: Extension[] = [];
afterAll(async () => {
  for (const e of opened) await e.close();
  await server?.close();
});

async function start(locale?: string) {
  server ??= await startFixtureServer();
  const ext = await launchExtension(locale ? { locale } : {});
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

const pageDir = (p: Page) => p.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join(' '));

describe('interface language chosen in MoocMate, apart from the browser', () => {
  it('Arabic from the dashboard settings: every open page switches, right to left; the flag button follows', async () => {
    const { ext, lecture, dash } = await start();
    const panel = await openPanel(ext, lecture);
    expect(await pageDir(panel)).toBe('en ltr');
    // The in-page flag button speaks the browser's language (English) first.
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
    // The course page's flag button asks the background for its strings again.
    await expect.poll(() => flagButton.textContent()).toContain(text('ar', 'flagCaption'));
    expect(await lecture.locator('[data-moocmate="flag-ui"]').getAttribute('dir')).toBe('rtl');

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
    await dash.reload();
    await dash.getByRole('heading', { name: text('ja', 'welcomeTitle') }).waitFor();
    await screenshot(dash, 'i18n-dashboard-ja');
  });
});
