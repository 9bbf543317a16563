import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ES module without types
import { startServer } from '../../scripts/serve.mjs';

/** The extension APIs that tests call from inside an extension page. */
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
};

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const SHOTS = join(ROOT, 'out/screenshots');
/** A second hostname for the same server: another origin, which sends no CORS headers. */
export const OTHER_HOST = 'captions.test';

export interface Server {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<Server> {
  return startServer({ root: ROOT });
}

export interface Extension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Errors thrown in pages and in the service worker during the test. */
  errors: string[];
  close(): Promise<void>;
}

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  return path;
}

export async function launchExtension(opts: { withExtension?: boolean; locale?: string } = {}): Promise<Extension> {
  if (opts.withExtension !== false && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The extension is not built: run `npm run build` first.');
  }
  const profile = mkdtempSync(join(tmpdir(), 'moocmate-e2e-'));
  const ext = opts.withExtension === false ? [] : [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false, // --headless=new below keeps extensions working
    ignoreDefaultArgs: ['--disable-extensions'],
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    locale: opts.locale ?? 'en-US',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      `--host-resolver-rules=MAP ${OTHER_HOST} 127.0.0.1`,
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
      ...ext,
    ],
  });
  const errors: string[] = [];
  const watch = (page: Page) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);
  let worker: Worker | undefined;
  if (opts.withExtension !== false) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  }
  return {
    context,
    worker: worker as Worker,
    extensionId: worker ? new URL(worker.url()).host : '',
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
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
  return page.evaluate(
    () =>
      new Promise<Dump>((resolvePromise, reject) => {
        const open = indexedDB.open('moocmate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['courses', 'lectures', 'tracks', 'cues'] as const;
          const existing = names.filter((n) => db.objectStoreNames.contains(n));
          const out = { courses: [], lectures: [], tracks: [], cues: [] } as unknown as Dump;
          if (existing.length === 0) return resolvePromise(out);
          const tx = db.transaction(existing, 'readonly');
          for (const n of existing) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolvePromise(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
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
