import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, SHOTS, waitFor } from './harness';

/**
 * Firefox (Debian's firefox-esr) with the Firefox build of MoocMate installed, driven over
 * WebDriver BiDi by puppeteer-core. Playwright cannot drive a stock Firefox (it needs its
 * own patched build, which would be a download); BiDi is built into Firefox itself.
 */

export const FIREFOX_EXTENSION_DIR = join(resolve(ROOT, process.env.MOOCMATE_OUT_DIR ?? '.output'), 'firefox-mv2');

/**
 * The extension's moz-extension:// host. Firefox picks a random one per profile; a test
 * profile sets it in advance (pref `extensions.webextensions.uuids`) to open our pages.
 */
const EXTENSION_UUID = '6f1c3a52-0d4e-4b7a-9e21-5a8c7d3b9f10';

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) throw new Error(`Firefox not found at ${path}. Install it (apt-get install firefox-esr) or set FIREFOX_PATH.`);
  return path;
}

export interface Firefox {
  browser: Browser;
  /** Where Firefox saves downloads, without asking. */
  downloads: string;
  /** Uncaught errors in the pages the test opened. */
  errors: string[];
  extensionUrl(path: string): string;
  /** Opens one of MoocMate's pages in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<Firefox> {
  const manifestFile = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error('The Firefox build is missing: run `npm run build:firefox` first.');
  const geckoId = (JSON.parse(readFileSync(manifestFile, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;
  const downloads = mkdtempSync(join(tmpdir(), 'moocmate-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Lets the test open moz-extension:// pages (WebDriver refuses them otherwise).
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // The tests play the demo video without a click first.
      'media.autoplay.default': 0,
      'intl.locale.requested': 'en-US',
      // Downloads (the backup) go to a folder of the test's, without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== geckoId) throw new Error(`Firefox installed ${installed}, not ${geckoId}`);
  const errors: string[] = [];
  const newPage = async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e instanceof Error ? e.message : String(e)}`));
    return page;
  };
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  return {
    browser,
    downloads,
    errors,
    extensionUrl,
    newPage,
    async openExtensionPage(path) {
      const page = await newPage();
      const url = extensionUrl(path);
      // Firefox moves the tab into the extension's process on the way, and puppeteer's
      // navigation then either hears the first frame go or never hears the load: wait for
      // the page itself instead.
      page.goto(url).catch(() => undefined);
      // Asked again until it answers: a question asked during the move fails.
      await waitFor(`${path} open`, () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url));
      return page;
    },
    async close() {
      await browser.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** The browser's id for the tab at `url`, asked from an extension page. */
export async function firefoxTabId(probe: Page, url: string): Promise<number> {
  const id = await probe.evaluate(async (u) => {
    const tabs = (await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id: number; url: string }>> } } }).browser.tabs.query({})) ?? [];
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab found for ${url}`);
  return id;
}

export async function firefoxScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) as `${string}.png` });
}
