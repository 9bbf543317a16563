import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page, Worker } from 'playwright-core';
import puppeteer, { type Page as PanelPage } from 'puppeteer-core';
import { EXTENSION_DIR } from '../../scripts/chromium.mjs';
import { launchExtension, openDemoLecture, readDb, ROOT, screenshot, SHOTS, seekToCaption, startFixtureServer, suggestedKeys, waitFor, type Extension, type Server } from './harness';

/*
 * The browser's commands, pressed as a learner presses them. Playwright's keyboard sends
 * CDP input events straight to the page's renderer, so they never reach the browser's
 * accelerators and cannot trigger a command. Here Chromium runs headful in its own Xvfb,
 * and xdotool sends real X key events to its window: Chrome matches them against the
 * extension's commands first, exactly as on a learner's desktop.
 */

const XVFB = '/usr/bin/Xvfb';
const XDOTOOL = '/usr/bin/xdotool';
const run = promisify(execFile);

const text = (key: string) => (JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>)[key].message;

/** Never skipped: without Xvfb or xdotool the test fails and says what to install. */
function need(path: string, pkg: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing. The shortcut test presses real keys in a headful Chromium inside Xvfb: apt-get install ${pkg} (.ci/run does).`);
  }
}

/**
 * Xvfb on a free display: with -displayfd the server itself takes the first free number
 * and writes it once it accepts connections, so two runs never race for one display and
 * nothing has to poll for the socket.
 */
async function startXvfb(): Promise<{ display: string; proc: ChildProcess }> {
  const proc = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 15 s: ${log}`)), 15_000);
    (proc.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) (clearTimeout(timer), resolve(`:${out.trim()}`));
    });
    proc.once('exit', (code) => (clearTimeout(timer), reject(new Error(`Xvfb exited (${code}): ${log}`))));
  });
  return { display, proc };
}

let xvfb: { display: string; proc: ChildProcess } | undefined;
let server: Server;
let ext: Extension;
let lecture: Page;
let probe: Page;
/** Chromium's profile: Chromium writes the port of its DevTools endpoint there (inSidePanel). */
let profile: string;

/** Real key presses (X events through XTEST) into the focused Chromium window. */
async function press(keys: string): Promise<void> {
  await lecture.bringToFront();
  await run(XDOTOOL, ['search', '--sync', '--onlyvisible', '--class', 'chromium', 'windowfocus', '--sync', 'key', '--clearmodifiers', keys], {
    env: { ...process.env, DISPLAY: xvfb!.display },
    timeout: 20_000,
  });
}

/**
 * Reads the side panel: its transcript's text, and a screenshot. Chrome lists the panel as
 * a page target, but Playwright does not make it one of the context's pages. So a second
 * DevTools client, puppeteer-core (it drives Firefox in firefox.e2e.ts), connects to the
 * same Chromium through its debugging port and opens a session of its own on that target.
 */
async function inSidePanel<T>(read: (panel: PanelPage) => Promise<T>): Promise<T> {
  const [port, path] = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').trim().split('\n');
  const client = await puppeteer.connect({ browserWSEndpoint: `ws://127.0.0.1:${port}${path}`, defaultViewport: null });
  try {
    const target = await client.waitForTarget((t) => t.url().includes('/sidepanel.html'), { timeout: 10_000 });
    const panel = await target.asPage();
    return await read(panel);
  } finally {
    await client.disconnect(); // leaves the browser running: Playwright owns it
  }
}

/** What reached the page's own keydown listeners (main world; the content script's see the same events). */
const pageKeys = (page: Page) => page.evaluate(() => ((window as unknown as { __keys?: string[] }).__keys ?? []).splice(0));
/** The commands the background received (a second listener next to MoocMate's). */
const commandsSeen = (worker: Worker) => worker.evaluate(() => ((self as unknown as { __commands?: string[] }).__commands ?? []).splice(0));

beforeAll(async () => {
  need(XVFB, 'xvfb');
  need(XDOTOOL, 'xdotool');
  xvfb = await startXvfb();
  server = await startFixtureServer();
  profile = mkdtempSync(join(tmpdir(), 'moocmate-shortcuts-'));
  // Port 0: Chromium takes a free port and writes it to DevToolsActivePort in the profile.
  ext = await launchExtension({
    headless: false,
    env: { DISPLAY: xvfb.display },
    userDataDir: profile,
    args: ['--window-size=1280,800', '--window-position=0,0', '--remote-debugging-port=0'],
  });
  ({ lecture, probe } = await openDemoLecture(ext, server));
  await ext.worker.evaluate(() => {
    const seen: string[] = ((self as unknown as { __commands: string[] }).__commands = []);
    chrome.commands.onCommand.addListener((c: string) => seen.push(c));
  });
  await lecture.evaluate(() => {
    const keys: string[] = ((window as unknown as { __keys: string[] }).__keys = []);
    addEventListener('keydown', (e) => keys.push(e.code), true);
  });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  xvfb?.proc.kill();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

declare const chrome: {
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>>; onCommand: { addListener(f: (c: string) => void): void } };
  runtime: { getContexts(f: object): Promise<Array<{ documentUrl?: string; tabId: number; windowId: number }>> };
};

describe('browser shortcuts, pressed with real keys (headful Chromium in Xvfb)', () => {
  it('Chrome gives every command the key the manifest suggests', async () => {
    const suggested = suggestedKeys(EXTENSION_DIR);
    expect(suggested).toHaveLength(4);
    const given = Object.fromEntries((await ext.worker.evaluate(() => chrome.commands.getAll())).map((c) => [c.name, c.shortcut]));
    for (const [name, key] of suggested) expect(given[name], name).toBe(key);
  });

  it('Alt+Shift+F flags the caption on screen through the browser command, not the page', async () => {
    // The cue at 12.4 s: "First, plants take in water through their roots." (11.2–14.0).
    await seekToCaption(lecture, 12.4);
    await pageKeys(lecture);
    await commandsSeen(ext.worker);
    await press('alt+shift+f');

    const [flag] = await waitFor('a flag', async () => {
      const f = (await readDb(probe, ['flags'])).flags;
      return f.length === 1 ? f : null;
    });
    expect(flag).toMatchObject({ cueIndex: 3, start: 11.2, end: 14, text: 'First, plants take in water through their roots.', origin: 'learner' });
    // What the learner sees: the note by the player.
    await expect.poll(() => lecture.locator('[data-moocmate="flag-ui"] [role="status"]').textContent()).toBe(text('flagDone'));
    // The page also answers Alt+Shift+F itself. The page had the keyboard focus (its
    // listeners saw Alt and Shift go down) but never saw the F: Chrome took it for the
    // command, which the background received. So the flag came through the command; with
    // the command unassigned the page would see KeyF and this test would fail here.
    const keys = await pageKeys(lecture);
    expect(keys).toEqual(expect.arrayContaining(['AltLeft', 'ShiftLeft']));
    expect(keys).not.toContain('KeyF');
    expect(await commandsSeen(ext.worker)).toEqual(['flag-caption']);
  });

  it('Alt+Shift+G adds the words selected on the page to the glossary through the browser command', async () => {
    // Select "sunlight" in the lecture's description, as a learner would with the mouse.
    await lecture.evaluate(() => {
      const p = [...document.querySelectorAll('main > p')].find((el) => el.textContent!.includes('sunlight'))!;
      const node = [...p.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('sunlight'))!;
      const at = node.textContent!.indexOf('sunlight');
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'sunlight'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await pageKeys(lecture);
    await commandsSeen(ext.worker);
    await press('alt+shift+g');

    const entry = await waitFor('"sunlight" in the glossary', async () =>
      ((await readDb(probe, ['glossary'])).glossary as Array<{ term: string; examples: Array<{ sentence: string }> }>).find((e) => e.term === 'sunlight'),
    );
    expect(entry.examples[0].sentence).toContain('carbon dioxide and sunlight into the leaf');
    await lecture.locator('[role="status"]', { hasText: 'sunlight' }).waitFor();
    // As for the flag: the page's own Alt+Shift+G handler never saw the G.
    const keys = await pageKeys(lecture);
    expect(keys).toEqual(expect.arrayContaining(['AltLeft', 'ShiftLeft']));
    expect(keys).not.toContain('KeyG');
    expect(await commandsSeen(ext.worker)).toEqual(['add-word']);
  });

  it('Alt+Shift+S opens the side panel (a command is a user gesture for sidePanel.open) on the lecture', async () => {
    const panels = () => ext.worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }));
    expect(await panels()).toEqual([]);
    await commandsSeen(ext.worker);
    await press('alt+shift+s');

    // The context is listed as soon as the panel opens; its address comes when its document
    // commits (a clean CI run read it empty once): wait for both.
    const [context] = await waitFor('the side panel', async () => {
      const c = await panels();
      return c.length === 1 && c[0].documentUrl ? c : null;
    });
    expect(context.documentUrl).toMatch(/\/sidepanel\.html/);
    expect(await panels()).toHaveLength(1);
    expect(await commandsSeen(ext.worker)).toEqual(['open-side-panel']);
    // The learner sees this lecture's transcript in it.
    const transcript = (panel: PanelPage) => panel.evaluate(() => document.querySelector('.transcript')?.textContent ?? '');
    await expect.poll(() => inSidePanel(transcript), { timeout: 20_000 }).toContain('First, plants take in water through their roots.');
    const shot = await inSidePanel((panel) => panel.screenshot());
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'shortcuts-sidepanel-opened.png'), shot);
  });

  it('Alt+Shift+V opens the review page in a new tab, with the word just added', async () => {
    await commandsSeen(ext.worker);
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/review.html'), timeout: 20_000 });
    await press('alt+shift+v');
    const review = await opened;
    await review.getByText('sunlight').first().waitFor();
    expect(await commandsSeen(ext.worker)).toEqual(['start-review']);
    await screenshot(review, 'shortcuts-review-opened');
  });
});
