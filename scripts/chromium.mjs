// Starts Debian's Chromium with the built extension loaded, for the e2e suite, the demo
// and the benchmark. Plain Node (playwright-core drives the system browser; nothing is
// downloaded).
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const EXTENSION_DIR = join(resolve(ROOT, process.env.MOOCMATE_OUT_DIR ?? '.output'), 'chrome-mv3');
/** A second hostname for the fixture server: another origin, which sends no CORS headers. */
export const OTHER_HOST = 'captions.test';

export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return path;
}

/**
 * `mapHosts` sends those host names (any port) to 127.0.0.1:`mapPort`, so a saved course
 * page is served on its real address (https://www.coursera.org/…) by a local server with a
 * throwaway certificate.
 * `env` adds to the browser's environment (DISPLAY for a headful run in Xvfb).
 * `extensionDir`: another build (the bench compares builds); `userDataDir`: a profile to
 * use and keep (default: a throw-away one, removed on close).
 * @param {{ withExtension?: boolean, headless?: boolean, locale?: string, args?: string[], mapHosts?: string[], mapPort?: number, env?: Record<string, string>, extensionDir?: string, userDataDir?: string }} [opts]
 */
export async function launchChromium(opts = {}) {
  const withExtension = opts.withExtension !== false;
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error('The extension is not built: run `npm run build` first.');
  }
  const headless = opts.headless !== false;
  const profile = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'moocmate-chromium-'));
  const ext = withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false, // '--headless=new' below: the old headless mode cannot run extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    acceptDownloads: true,
    ignoreHTTPSErrors: Boolean(opts.mapHosts?.length),
    viewport: headless ? { width: 1280, height: 800 } : null,
    locale: opts.locale ?? 'en-US',
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      `--host-resolver-rules=${[`MAP ${OTHER_HOST} 127.0.0.1`, ...(opts.mapHosts ?? []).map((h) => `MAP ${h} 127.0.0.1:${opts.mapPort}`)].join(', ')}`,
      ...(opts.mapHosts?.length ? ['--ignore-certificate-errors'] : []),
      ...(opts.locale ? [`--lang=${opts.locale}`] : []),
      ...ext,
      ...(opts.args ?? []),
    ],
  });
  // Uncaught errors of every page, for tests and benches that check there were none.
  const errors = [];
  const watch = (page) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);
  const worker = withExtension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))) : null;
  return {
    context,
    worker,
    extensionId: worker ? new URL(worker.url()).host : '',
    errors,
    async close() {
      await context.close();
      if (!opts.userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Everything in MoocMate's IndexedDB, read with the raw API from an extension page.
 * @param {import('playwright-core').Page} page an extension page
 * @param {string[]} [tables]
 */
export async function readDb(page, tables = ['courses', 'lectures', 'tracks', 'cues']) {
  return page.evaluate(
    (names) =>
      new Promise((resolvePromise, reject) => {
        const open = indexedDB.open('moocmate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          /** @type {Record<string, unknown[]>} */
          const out = Object.fromEntries(names.map((n) => [n, []]));
          const existing = names.filter((n) => db.objectStoreNames.contains(n));
          if (existing.length === 0) return (db.close(), resolvePromise(out));
          const tx = db.transaction(existing, 'readonly');
          for (const n of existing) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = req.result);
          }
          tx.oncomplete = () => (db.close(), resolvePromise(out));
          tx.onerror = () => reject(tx.error);
        };
      }),
    tables,
  );
}
