import type { browser } from 'wxt/browser';

type Globals = { browser?: { runtime?: { id?: string } }; chrome?: unknown };
const g = globalThis as Globals;

/**
 * The browser's own extension API, without webextension-polyfill, for the course page's
 * content scripts: they run on every lecture page, and setting up the polyfill was one of
 * the largest items of their first run in a V8 profile (bench/README.md, "a lean start").
 * They use only what both browsers give alike: runtime.sendMessage's promise, onMessage
 * answered with sendResponse, and ports. Extension pages and the background keep the polyfill.
 */
export const nativeBrowser = (g.browser?.runtime?.id ? g.browser : g.chrome) as typeof browser;
