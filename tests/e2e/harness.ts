import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type SiteRoute, type StartedServer } from '../../scripts/serve.mjs';
import { launchChromium, readDb, ROOT } from '../../scripts/chromium.mjs';

export { ROOT, OTHER_HOST, readDb } from '../../scripts/chromium.mjs';
export const SHOTS = join(ROOT, 'out/screenshots');

/** The extension APIs that tests call from inside an extension page. */
declare const chrome: {
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: object): Promise<unknown>;
  };
};

export type Server = StartedServer;

export async function startFixtureServer(): Promise<Server> {
  return startServer({ root: ROOT });
}

export interface SiteServer extends Server {
  /** Every host name the site fixtures answer for (to map to this server). */
  hosts: string[];
}

/**
 * An HTTPS server that answers for the real course-site host names, from the routes each
 * site's fixture folder declares in tests/fixtures/pages/<site>/routes.json. Uses a
 * throwaway self-signed certificate made with openssl.
 */
export async function startSiteServer(): Promise<SiteServer> {
  const sites: Record<string, Record<string, SiteRoute>> = {};
  const pages = join(ROOT, 'tests/fixtures/pages');
  for (const dir of readdirSync(pages)) {
    const file = join(pages, dir, 'routes.json');
    if (!existsSync(file)) continue;
    const { hosts } = JSON.parse(readFileSync(file, 'utf8')) as { hosts: Record<string, Record<string, SiteRoute>> };
    for (const [host, routes] of Object.entries(hosts)) sites[host] = { ...sites[host], ...routes };
  }
  const dir = mkdtempSync(join(tmpdir(), 'moocmate-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=moocmate-test', '-days', '2', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  const server = await startServer({ root: ROOT, tls, sites });
  return { ...server, hosts: Object.keys(sites) };
}

export interface Extension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Errors thrown in pages during the test. */
  errors: string[];
  close(): Promise<void>;
}

/** `userDataDir`: a profile to keep between two launches (a browser restart); default a throw-away one. */
export async function launchExtension(opts: { locale?: string; mapHosts?: string[]; mapPort?: number; args?: string[]; headless?: boolean; env?: Record<string, string>; userDataDir?: string } = {}): Promise<Extension> {
  const browser = await launchChromium(opts);
  return { context: browser.context, worker: browser.worker!, extensionId: browser.extensionId, errors: browser.errors, close: browser.close };
}

export function extensionUrl(ext: Extension, path: string): string {
  return `chrome-extension://${ext.extensionId}/${path.replace(/^\//, '')}`;
}

/**
 * Stops MoocMate's service worker, as Chromium does after 30 s without events (the next
 * event starts it again). Returns how many were running: 1, or 0 when it was stopped already.
 */
export async function stopServiceWorker(ext: Extension, page: Page): Promise<number> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const workers = targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(extensionUrl(ext, '')));
    for (const w of workers) await cdp.send('Target.closeTarget', { targetId: w.targetId });
    return workers.length;
  } finally {
    await cdp.detach();
  }
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

/** Empties MoocMate's database (every table), from an extension page: each test starts clean. */
export async function wipeDb(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('moocmate');
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          // The extension has not created its tables yet: nothing to empty.
          if (names.length === 0) return (db.close(), resolve());
          const tx = db.transaction(names, 'readwrite');
          for (const n of names) tx.objectStore(n).clear();
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

export interface PageStatus {
  site: string;
  lectures: Array<{ lectureId: string; title: string; courseTitle: string; trackCount: number; capture: string; note?: string }>;
}

/** What a tab's content script tells the popup (page.status), asked from an extension page. */
export async function pageStatus(ext: Extension, probe: Page, page: Page): Promise<PageStatus> {
  const tabId = await tabIdOf(ext, page);
  const reply = (await probe.evaluate((id) => chrome.tabs.sendMessage(id, { moocmate: 'page.status', data: {} }), tabId)) as {
    ok: boolean;
    value: PageStatus;
    error?: string;
  };
  if (!reply?.ok) throw new Error(`page.status failed: ${reply?.error ?? 'no answer'}`);
  return reply.value;
}

/**
 * Evaluates `expression` in MoocMate's isolated world in the page's main frame, where our
 * content scripts run and share what they load (the page itself cannot see it).
 */
export async function inOurWorld<T>(ext: Extension, page: Page, expression: string): Promise<T> {
  return withOurWorld(ext, page, expression, true, async (result) => result.value as T);
}

/**
 * How many listeners of `type` the EventTarget that `expression` gives (in MoocMate's
 * isolated world) holds: what our content script left on it.
 */
export async function listenersInOurWorld(ext: Extension, page: Page, expression: string, type: string): Promise<number> {
  return withOurWorld(ext, page, expression, false, async (result, cdp) => {
    if (!result.objectId) throw new Error(`in MoocMate's world, ${expression} is not an object`);
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners.filter((l) => l.type === type).length;
  });
}

async function withOurWorld<T>(
  ext: Extension,
  page: Page,
  expression: string,
  returnByValue: boolean,
  use: (result: { value?: unknown; objectId?: string }, cdp: CDPSession) => Promise<T>,
): Promise<T> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable'); // reports the contexts that exist now
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.includes(ext.extensionId));
    if (!ours) throw new Error('MoocMate has no isolated world in this page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: ours.id, returnByValue });
    if (exceptionDetails) throw new Error(`in MoocMate's world: ${exceptionDetails.text}`);
    return await use(result, cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Rows as comparable text: the same records, whatever the order of rows or of keys in a row. */
export function canonicalRows(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  return rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b))))).sort();
}

/** Searches all transcripts from the dashboard and opens a hit at its moment: the tab it opens. */
export async function openSearchHit(ext: Extension, dash: Page, query: string, hasText?: string): Promise<Page> {
  await dash.getByRole('searchbox', { name: /search all/i }).fill(query);
  await dash.getByRole('button', { name: 'Search', exact: true }).click();
  const hit = (hasText ? dash.locator('.hit').filter({ hasText }) : dash.locator('.hit')).first();
  await hit.waitFor();
  const [opened] = await Promise.all([ext.context.waitForEvent('page'), hit.locator('.hit-time').click()]);
  return opened;
}

/** Opens the demo's first lecture and waits until its three caption tracks are captured. */
export async function openDemoLecture(ext: Extension, server: Server): Promise<{ lecture: Page; probe: Page; dump: Dump }> {
  const lecture = await ext.context.newPage();
  await lecture.goto(`${server.url}/demo/course/lecture-1.html`);
  const probe = await openExtensionPage(ext);
  const dump = await waitFor('lecture 1 captured', async () => {
    const d = await dumpDb(probe);
    return d.tracks.filter((t) => t.status === 'ok').length === 3 && d;
  });
  return { lecture, probe, dump };
}

/** What a test file shares: the extension in one browser, a server, and an extension page to read the database from. */
export interface Suite<S extends Server> {
  readonly ext: Extension;
  readonly server: S;
  readonly probe: Page;
}

/** Starts the server and the browser before the file's tests and closes both after them. */
export function extensionSuite<S extends Server>(startServer: () => Promise<S>, launch: (server: S) => Promise<Extension> = () => launchExtension()): Suite<S> {
  const suite = {} as { ext: Extension; server: S; probe: Page };
  beforeAll(async () => {
    suite.server = await startServer();
    suite.ext = await launch(suite.server);
    suite.probe = await openExtensionPage(suite.ext);
  });
  afterAll(async () => {
    await suite.ext?.close();
    await suite.server?.close();
  });
  return suite;
}

/** The same with the course sites' real host names mapped to the site server. */
export const siteSuite = (): Suite<SiteServer> => extensionSuite(startSiteServer, (s) => launchExtension({ mapHosts: s.hosts, mapPort: s.port }));

/**
 * The learner points at the lecture's video: MoocMate's tools load then (they are not in
 * the page at load), and the flag button joins the page.
 */
export async function pointAtVideo(page: Page): Promise<void> {
  await page.hover('video');
  await page.locator('[data-moocmate="flag-ui"]').waitFor({ state: 'attached' });
}

/** Moves the page's video (muted; paused with `pause`) to `time` and waits until it is there. */
export async function seekVideo(page: Page, time: number, opts: { pause?: boolean } = {}): Promise<void> {
  await page.evaluate(
    async ({ t, pause }) => {
      const v = document.querySelector('video')!;
      v.muted = true;
      if (pause) v.pause();
      v.currentTime = t;
      await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
    },
    { t: time, pause: opts.pause ?? false },
  );
}

/** Seeks the page's video (muted) and waits for the player's caption at that moment. */
export async function seekToCaption(page: Page, time: number): Promise<void> {
  await seekVideo(page, time);
  await page.waitForFunction(() => (document.querySelector('video')!.textTracks[0].activeCues?.length ?? 0) > 0);
}

/** The keys a built extension's manifest suggests for its commands, as [command, key] pairs. */
export function suggestedKeys(extensionDir: string): Array<[string, string]> {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key?: { default: string } }> };
  return Object.entries(manifest.commands).flatMap(([name, c]): Array<[string, string]> => (c.suggested_key ? [[name, c.suggested_key.default]] : []));
}
