import type { browser } from 'wxt/browser';

type Globals = { browser?: { runtime?: { id?: string } }; chrome?: unknown };
const g = globalThis as Globals;

/**
 * The browser's own extension API, without webextension-polyfill, for the course page's
 * content scripts. Setting up the polyfill took about 2 ms of the page's main thread at
 * every load (bench/README.md, figure 4), and those scripts use only what both browsers
 * give alike: runtime.sendMessage and tabs' promises, onMessage answered with
 * sendResponse, and ports. Extension pages and the background keep the polyfill.
 */
export const nativeBrowser = (g.browser?.runtime?.id ? g.browser : g.chrome) as typeof browser;
