// Launches Debian's Chromium as the e2e suite and the demo do (scripts/chromium.mjs, the
// same flags), with or without the built extension, and collects page errors.
import { join, resolve } from 'node:path';
import { chromiumPath, launchChromium } from '../../scripts/chromium.mjs';
import { ROOT } from './paths.mjs';

export { chromiumPath };

/** The built extension; BENCH_EXTENSION_DIR names another build (say, of an older commit) to compare. */
export const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR ? resolve(process.env.BENCH_EXTENSION_DIR) : join(ROOT, '.output/chrome-mv3');

/**
 * `userDataDir`: a profile to use and keep (default: a throw-away one, removed on close).
 */
export async function launch({ withExtension = false, userDataDir } = {}) {
  const browser = await launchChromium({ withExtension, userDataDir, extensionDir: EXTENSION_DIR });
  const errors = [];
  const watch = (page) => page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  browser.context.pages().forEach(watch);
  browser.context.on('page', watch);
  return { ...browser, errors };
}
