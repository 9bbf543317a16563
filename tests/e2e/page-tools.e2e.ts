import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite, inOurWorld, listenersInOurWorld, pageStatus, readDb, readTracks, startFixtureServer, tabIdOf, waitFor } from './harness';
import { PANEL_PORT } from '../../src/messaging/protocol';
import { extensionCalls, readTrace, TRACE_CATEGORIES } from '../../bench/lib/trace.mjs';

const suite = extensionSuite(startFixtureServer);

// At load a lecture page gets only the capture; the learner's tools (flag button, word
// popover, overlay, lecture keys) load when the learner first needs them (docs/architecture.md).

const LECTURE = '/demo/course/lecture-1.html';
/** Every element MoocMate adds to a course page carries data-moocmate. */
const ours = (page: Page) => page.evaluate(() => [...document.querySelectorAll('[data-moocmate]')].map((e) => e.getAttribute('data-moocmate')));

type Local = { chrome: { storage: { local: { set(o: object): Promise<void>; remove(k: string): Promise<void> } } } };
/** The learner's lecture settings, as the side panel writes them. */
const setLectureSettings = (value: object | null) =>
  suite.probe.evaluate((v) => {
    const local = (globalThis as unknown as Local).chrome.storage.local;
    return v ? local.set({ lectureSettings: v }) : local.remove('lectureSettings');
  }, value);

async function openCaptured(before?: (page: Page) => Promise<unknown>): Promise<Page> {
  const lecture = await suite.ext.context.newPage();
  await before?.(lecture);
  await lecture.goto(`${suite.server.url}${LECTURE}`);
  await waitFor('lecture captured', async () => (await readTracks(suite.probe)).filter((t) => t.status === 'ok').length === 3);
  // The same lecture is stored from an earlier test: wait for this page's own capture.
  await waitFor('this page’s capture', async () => (await pageStatus(suite.ext, suite.probe, lecture)).lectures[0]?.trackCount === 3);
  return lecture;
}

describe('the learner’s tools load when first needed', () => {
  it('at load only the capture runs: nothing of MoocMate in the page until the learner points at the video; then the flag button is on it', async () => {
    const lecture = await openCaptured();
    // Captured, and a second later still nothing of ours in the page.
    await lecture.waitForTimeout(1000);
    expect(await ours(lecture)).toEqual([]);
    // The page never sees what the two scripts share (it lives in the extension's isolated world).
    expect(await lecture.evaluate(() => Object.keys(window).filter((k) => /moocmate/i.test(k)))).toEqual([]);
    // Nor did it load the Open edX adapter (this page has none of its markup), or the rare parts.
    expect(await inOurWorld(suite.ext, lecture, 'Object.keys(globalThis.__moocmateSites ?? {})')).toEqual([]);
    expect(await inOurWorld(suite.ext, lecture, 'Boolean(globalThis.__moocmateExtras)')).toBe(false);

    await lecture.hover('video');
    const button = lecture.getByRole('button', { name: /Flag caption/ });
    await button.waitFor();
    const b = (await button.boundingBox())!;
    const v = (await lecture.locator('video').boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(v.x + v.width);
    expect(b.y).toBeGreaterThanOrEqual(v.y);
    await lecture.close();
  });

  it('the pointer on a player’s own controls or captions over the video counts too', async () => {
    const page = await suite.ext.context.newPage();
    await page.goto(`${suite.server.url}/tests/fixtures/pages/html5/player-captions.html`);
    await waitFor('the player found', async () => (await pageStatus(suite.ext, suite.probe, page)).lectures.length === 1);
    // The player's caption box, a sibling laid over the video, shows a line (set here, so no seek or play wakes the tools).
    await page.evaluate(() => {
      const line = document.createElement('span');
      line.textContent = 'Hello, and welcome to the first lecture of our course.';
      document.querySelector('.plyr__captions')!.append(line);
    });
    expect(await ours(page)).toEqual([]);
    await page.hover('.plyr__captions span');
    await page.locator('[data-moocmate="flag-ui"]').waitFor({ state: 'attached' });
    await page.close();
  });

  it('a MoocMate key pressed before anything else is answered once the tools are in (Alt+Shift+G opens the caption popover)', async () => {
    const lecture = await openCaptured();
    expect(await ours(lecture)).toEqual([]);
    await lecture.locator('h1').click(); // the page has focus, the video is not touched
    await lecture.keyboard.press('Alt+Shift+KeyG');
    const popover = lecture.locator('section.pop');
    await popover.waitFor();
    expect(await popover.getByRole('heading').textContent()).toBe('Caption now');
    await lecture.close();
  });

  it('Alt+Shift+F before anything else flags the caption on screen', async () => {
    const before = (await readDb(suite.probe, ['flags'])).flags.length;
    const lecture = await openCaptured();
    expect(await ours(lecture)).toEqual([]);
    await lecture.locator('h1').click();
    await lecture.keyboard.press('Alt+Shift+KeyF');
    await waitFor('a flag', async () => (await readDb(suite.probe, ['flags'])).flags.length === before + 1);
    await lecture.close();
  });

  it('with the overlay on in the settings, the tools come with the capture, no pointer needed', async () => {
    await setLectureSettings({ overlay: true });
    try {
      const lecture = await openCaptured();
      await lecture.locator('[data-moocmate="captions"]').waitFor({ state: 'attached' });
      expect(await ours(lecture)).toEqual(expect.arrayContaining(['captions', 'flag-ui']));
      await lecture.close();
    } finally {
      await setLectureSettings(null);
    }
  });

  it('turning the overlay on (the side panel’s setting) wakes a lecture page that has not loaded its tools', async () => {
    const lecture = await openCaptured();
    await lecture.bringToFront();
    expect(await ours(lecture)).toEqual([]);
    await setLectureSettings({ overlay: true });
    try {
      await lecture.locator('[data-moocmate="captions"]').waitFor({ state: 'attached' });
    } finally {
      await setLectureSettings(null);
    }
    await lecture.close();
  });
});

describe('the course page’s rare parts load when first needed', () => {
  it('a side panel that connects loads its link; a click on a line sent at once is kept until the link is in', async () => {
    const lecture = await openCaptured();
    const tabId = await tabIdOf(suite.ext, lecture);
    const { lectureId } = (await pageStatus(suite.ext, suite.probe, lecture)).lectures[0];
    const extrasIn = () => inOurWorld<boolean>(suite.ext, lecture, 'Boolean(globalThis.__moocmateExtras)');
    expect(await extrasIn()).toBe(false);
    type Port = { onMessage: { addListener(f: (m: unknown) => void): void }; postMessage(m: unknown): void; disconnect(): void };
    type Tabs = { chrome: { tabs: { connect(id: number, o: { name: string }): Port } }; panel?: { port: Port; heard: unknown[] } };
    // As entrypoints/sidepanel does, but the seek goes out in the same moment as the connect,
    // long before the page could have loaded the part that answers it.
    await suite.probe.evaluate(
      ([id, name, lecture]) => {
        const g = globalThis as unknown as Tabs;
        const port = g.chrome.tabs.connect(id, { name });
        const heard: unknown[] = [];
        port.onMessage.addListener((m) => heard.push(m));
        port.postMessage({ type: 'seek', lectureId: lecture, time: 30 });
        g.panel = { port, heard };
      },
      [tabId, PANEL_PORT, lectureId] as [number, string, string],
    );
    try {
      await waitFor('the video at the line clicked', async () => Math.abs((await lecture.evaluate(() => document.querySelector('video')!.currentTime)) - 30) < 0.5);
      await waitFor('the panel told the lecture and its moment', async () => {
        const got = (await suite.probe.evaluate(() => (globalThis as unknown as Tabs).panel!.heard)) as { type: string; active: string; time: number }[];
        return got.find((m) => m.type === 'state' && m.active === lectureId && Math.abs(m.time - 30) < 0.5);
      });
      expect(await extrasIn()).toBe(true);
    } finally {
      await suite.probe.evaluate(() => (globalThis as unknown as Tabs).panel?.port.disconnect());
      await lecture.close();
    }
  });

  it('a video without captions does not load them: its question for a search hit’s moment comes from the capture script', async () => {
    const page = await suite.ext.context.newPage();
    const url = `${suite.server.url}/no-captions.html`;
    await page.route(url, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>No captions</title><h1>No captions</h1><video controls src="/demo/course/media/lecture-1.webm"></video>' }),
    );
    await page.goto(url);
    try {
      await waitFor('the video read as a lecture', async () => (await pageStatus(suite.ext, suite.probe, page)).lectures[0]?.trackCount === 0);
      await page.waitForTimeout(1000); // the question's answer (no moment) is in
      expect(await inOurWorld(suite.ext, page, 'Boolean(globalThis.__moocmateExtras)')).toBe(false);
    } finally {
      await page.close();
    }
  });
});

describe('a page that keeps changing costs MoocMate little', () => {
  it('a clock on a page without peer reviews: MoocMate does not follow its text (only Coursera and edX pages are watched for duties)', async () => {
    const lecture = await openCaptured();
    await lecture.waitForTimeout(1000); // the start-up work is over
    const cdp = await suite.ext.context.newCDPSession(lecture);
    await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream' });
    // A clock that updates its text 40 times in 2 s, as many pages do.
    await lecture.evaluate(async () => {
      const clock = document.createElement('p');
      clock.textContent = '0';
      document.body.append(clock);
      const text = clock.firstChild as Text;
      for (let i = 1; i <= 40; i++) {
        text.data = String(i);
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    await lecture.waitForTimeout(1000);
    const events = await readTrace(cdp);
    // The page's main thread is where our content script runs (the trace also has the
    // extension's own pages); no call into it at all finds no thread.
    const thread = events.find((e) => /^chrome-extension:\/\/[^/]+\/course\.js$/.test(e.args?.data?.url ?? ''));
    const calls = thread ? extensionCalls(events, thread) : [];
    // What is left: the page observer seeing the clock added, and one look for Open edX
    // markup once the page settled.
    // Following the text for duties gave a call for each of the 40 changes.
    expect(calls.length, calls.map((e) => `${Math.round(e.ts / 1000)} ms: ${e.args?.data?.url?.split('/').pop()}:${e.args?.data?.functionName}`).join(', ')).toBeLessThanOrEqual(6);
    await cdp.detach();
    await lecture.close();
  });
});

describe('MoocMate keeps to itself in the page', () => {
  it('follows playback only while a side panel is open: no media listener at load, none after the panel closes', async () => {
    const lecture = await openCaptured();
    const tabId = await tabIdOf(suite.ext, lecture);
    type Tabs = { chrome: { tabs: { connect(id: number, o: { name: string }): { disconnect(): void } } }; panelPorts?: { disconnect(): void }[] };
    // The capture listens for what a panel needs on the document (media events do not bubble).
    const following = () => listenersInOurWorld(suite.ext, lecture, 'document', 'timeupdate');
    const connect = () =>
      suite.probe.evaluate(
        ([id, name]) => {
          const g = globalThis as unknown as Tabs;
          (g.panelPorts ??= []).push(g.chrome.tabs.connect(id, { name }));
        },
        [tabId, PANEL_PORT] as [number, string],
      );
    const disconnect = () => suite.probe.evaluate(() => (globalThis as unknown as Tabs).panelPorts!.shift()!.disconnect());
    try {
      expect(await following()).toBe(0);
      // Two panels (two windows): one set of listeners, kept until the last one closes.
      await connect();
      await connect();
      await waitFor('following for the panels', async () => (await following()) === 1);
      await disconnect();
      await lecture.waitForTimeout(300);
      expect(await following()).toBe(1);
      await disconnect();
      await waitFor('no panel left to follow for', async () => (await following()) === 0);
    } finally {
      await lecture.close();
    }
  });

  it('a page that keeps changing and a side panel following playback leave nothing piling up in the content script', async () => {
    const lecture = await openCaptured();
    const tabId = await tabIdOf(suite.ext, lecture);
    type Tabs = { chrome: { tabs: { connect(id: number, o: { name: string }): { disconnect(): void } } }; panelPort?: { disconnect(): void } };
    try {
      // The tools in first (playing would load them): what they set up once is not counted.
      await lecture.hover('video');
      await lecture.locator('[data-moocmate="flag-ui"]').waitFor({ state: 'attached' });
      await lecture.waitForTimeout(1000); // the start-up timers are over
      // Every timer of the content script stops when the script does (an update), through a
      // listener on its context's signal; that listener must go once the timer has run.
      const held = () => listenersInOurWorld(suite.ext, lecture, 'globalThis.__moocmateCore.ctx.signal', 'abort');
      const before = await held();
      // A side panel follows playback (its port, as entrypoints/sidepanel opens it): every
      // timeupdate schedules an update of the panel.
      await suite.probe.evaluate(
        ([id, name]) => {
          const g = globalThis as unknown as Tabs;
          g.panelPort = g.chrome.tabs.connect(id, { name });
        },
        [tabId, PANEL_PORT] as [number, string],
      );
      await lecture.evaluate(async () => {
        const video = document.querySelector('video')!;
        video.muted = true;
        await video.play();
        // Meanwhile the page changes 30 times, as a page with a clock or a chat does: each
        // change schedules a look for Open edX markup once the page settles.
        for (let i = 0; i < 30; i++) {
          document.body.append(document.createElement('span'));
          await new Promise((r) => setTimeout(r, 60));
        }
        video.pause();
      });
      await lecture.waitForTimeout(800); // the last look and the last panel update have run
      const after = await held();
      // WXT's ctx.setTimeout left one listener per call: 30 page changes and about 10 panel updates.
      expect(after - before, `abort listeners: ${before} before, ${after} after`).toBeLessThanOrEqual(1);
    } finally {
      await suite.probe.evaluate(() => (globalThis as unknown as Tabs).panelPort?.disconnect());
      await lecture.close();
    }
  });

  it('the page’s own message listeners hear nothing from MoocMate', async () => {
    const lecture = await openCaptured((page) =>
      page.addInitScript(() => {
        const heard: unknown[] = [];
        (window as unknown as { heard: unknown[] }).heard = heard;
        window.addEventListener('message', (e) => heard.push(e.data));
      }),
    );
    await lecture.waitForTimeout(500);
    // WXT's start-up window.postMessage once went to every listener of the page (and cost
    // it about 2 ms at load); an older copy is now stopped within our world (next test).
    const heard = await lecture.evaluate(() => (window as unknown as { heard: unknown[] }).heard);
    await lecture.close(); // first: the next test finds its tab by address
    expect(heard).toEqual([]);
  });

  it('a page without a lecture sends the background nothing at load; a lecture page sends its captures only', async () => {
    type Seen = { seen: Array<{ type: string; url: string }> };
    type Runtime = { chrome: { runtime: { onMessage: { addListener(l: (m: { moocmate?: string }, s: { url?: string }) => void): void } } } };
    // A second listener in the service worker sees every message; it answers none.
    await suite.ext.worker.evaluate(() => {
      const g = globalThis as unknown as Seen & Runtime;
      g.seen = [];
      g.chrome.runtime.onMessage.addListener((m, sender) => void g.seen.push({ type: String(m?.moocmate), url: sender.url ?? '' }));
    });
    const overview = await suite.ext.context.newPage();
    await overview.goto(`${suite.server.url}/demo/course/index.html`);
    // The script runs there (it is a course page on a matched host)…
    await waitFor('the script on the course overview', () => inOurWorld<boolean>(suite.ext, overview, 'Boolean(globalThis.__moocmateCore)'));
    const lecture = await openCaptured();
    await overview.waitForTimeout(1000);
    const seen = await suite.ext.worker.evaluate(() => (globalThis as unknown as Seen).seen);
    await overview.close();
    await lecture.close();
    // …and, with no lecture, asks nothing (it used to ask for a moment to start at).
    expect(seen.filter((m) => m.url.endsWith('/index.html'))).toEqual([]);
    // A lecture with tracks learns where to start from its captures' answers: no question of its own.
    const fromLecture = seen.filter((m) => m.url.endsWith('/lecture-1.html'));
    expect(fromLecture.filter((m) => m.type === 'capture.track').length).toBeGreaterThan(0);
    expect(fromLecture.filter((m) => m.type === 'lecture.pendingSeek')).toEqual([]);
  });

  it('a newer copy of the script (an update) stops the older one, and the page is still captured', async () => {
    const lecture = await openCaptured();
    await inOurWorld(suite.ext, lecture, 'globalThis.olderCore = globalThis.__moocmateCore; true');
    const tabId = await tabIdOf(suite.ext, lecture);
    // What Chromium does after an update: the new version's script runs beside the old one.
    type Scripting = { chrome: { scripting: { executeScript(o: object): Promise<unknown> } } };
    await suite.ext.worker.evaluate((id) => (globalThis as unknown as Scripting).chrome.scripting.executeScript({ target: { tabId: id }, files: ['/course.js'] }), tabId);
    const state = () =>
      inOurWorld<{ older: boolean; newer: boolean; same: boolean }>(
        suite.ext,
        lecture,
        `(({ olderCore: o, __moocmateCore: n }) => ({ older: o.ctx.isInvalid, newer: n.ctx.isInvalid, same: o === n }))(globalThis)`,
      );
    await waitFor('the older copy stopped', async () => (await state()).older);
    expect(await state()).toEqual({ older: true, newer: false, same: false });
    // The newer copy answers for the page.
    await waitFor('the newer copy answers', async () => (await pageStatus(suite.ext, suite.probe, lecture)).lectures[0]?.trackCount === 3);
    await lecture.close();
  });
});
