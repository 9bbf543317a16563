// Launches Debian's Chromium the way tests/e2e/harness.ts does (same flags), with or
// without the built extension. Kept in step with the harness by hand: see bench/README.md.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './paths.mjs';

/** The built extension; BENCH_EXTENSION_DIR names another build (say, of an older commit) to compare. */
export const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR ? resolve(process.env.BENCH_EXTENSION_DIR) : join(ROOT, '.output/chrome-mv3');
const OTHER_HOST = 'captions.test';

export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  return path;
}

/**
 * `userDataDir`: a profile to use and keep (default: a throw-away one, removed on close).
 */
export async function launch({ withExtension = false, userDataDir } = {}) {
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The extension is not built: run `npm run build` first.');
  }
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'moocmate-bench-'));
  const ext = withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: false, // --headless=new below keeps extensions working
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
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
      ...ext,
    ],
  });
  const errors = [];
  const watch = (page) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);
  let worker = null;
  if (withExtension) worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    extensionId: worker ? new URL(worker.url()).host : '',
    errors,
    async close() {
      await context.close();
      if (!userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
