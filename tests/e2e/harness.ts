import type { BrowserContext, Page, Worker } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type StartedServer } from '../../scripts/serve.mjs';
import { launchChromium, readDb, ROOT } from '../../scripts/chromium.mjs';

export { ROOT, OTHER_HOST, readDb } from '../../scripts/chromium.mjs';
export const SHOTS = join(ROOT, 'out/screenshots');

/** The extension APIs that tests call from inside an extension page. */
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
};

export type Server = StartedServer;

export async function startFixtureServer(): Promise<Server> {
  return startServer({ root: ROOT });
}

export interface Extension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Errors thrown in pages during the test. */
  errors: string[];
  close(): Promise<void>;
}

export async function launchExtension(opts: { locale?: string } = {}): Promise<Extension> {
  const browser = await launchChromium(opts);
  const errors: string[] = [];
  const watch = (page: Page) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  browser.context.pages().forEach(watch);
  browser.context.on('page', watch);
  return { context: browser.context, worker: browser.worker!, extensionId: browser.extensionId, errors, close: browser.close };
}

export function extensionUrl(ext: Extension, path: string): string {
  return `chrome-extension://${ext.extensionId}/${path.replace(/^\//, '')}`;
}

/** An extension page to read the database and call browser APIs from. */
export async function openExtensionPage(ext: Extension, path = 'dashboard.html'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(extensionUrl(ext, path));
  return page;
}

export type Dump = Record<'courses' | 'lectures' | 'tracks' | 'cues', Array<Record<string, unknown>>>;

/** Everything in MoocMate's IndexedDB, read with the raw API (not through our code). */
export async function dumpDb(page: Page): Promise<Dump> {
  return (await readDb(page)) as Dump;
}

/** Only the tracks: cheap to poll while a big capture runs. */
export async function readTracks(page: Page): Promise<Array<Record<string, unknown>>> {
  return (await readDb(page, ['tracks'])).tracks;
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeout = 20_000): Promise<T> {
  const until = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The browser's id for the tab showing `page` (asked from an extension page). */
export async function tabIdOf(ext: Extension, page: Page): Promise<number> {
  const helper = await openExtensionPage(ext, 'popup.html');
  const url = page.url();
  const id = await helper.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  await helper.close();
  if (id < 0) throw new Error(`No tab found for ${url}`);
  return id;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
