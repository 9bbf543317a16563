// Launches Debian's Chromium as the e2e suite and the demo do (scripts/chromium.mjs, the
// same flags), with or without the built extension.
import { join, resolve } from 'node:path';
import { chromiumPath, launchChromium } from '../../scripts/chromium.mjs';
import { ROOT } from './paths.mjs';

export { chromiumPath };

/** The built extension; BENCH_EXTENSION_DIR names another build (say, of an older commit) to compare. */
export const EXTENSION_DIR = process.env.BENCH_EXTENSION_DIR ? resolve(process.env.BENCH_EXTENSION_DIR) : join(ROOT, '.output/chrome-mv3');

/**
 * `extensionDir`: another extension to load (figure 4's floor). `userDataDir`: a profile to use and keep (default: a throw-away one, removed on close).
 * `args`: more Chromium switches.
 * The result's `errors` collects every page's uncaught errors.
 */
export function launch({ withExtension = false, userDataDir, extensionDir = EXTENSION_DIR, args = [] } = {}) {
  return launchChromium({ withExtension, userDataDir, extensionDir, args });
}
