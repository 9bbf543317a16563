import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Dump, dumpDb, extensionSuite, extensionUrl, openSearchHit, OTHER_HOST, pageStatus, readDb, readTracks, ROOT, startFixtureServer, stopServiceWorker, tabIdOf, waitFor, wipeDb } from '../harness';
import { parseVtt } from '../../../src/captions/formats/vtt';

const suite = extensionSuite(startFixtureServer);

// A 20,000-cue capture takes about 10 s here, but minutes when the machine is very busy.
const HEAVY_MS = 180_000;
const fixture = (name: string) => `${suite.server.url}/tests/fixtures/pages/html5/${name}`;
const demoCues = (name: string) => parseVtt(readFileSync(join(ROOT, 'demo/course/media', name), 'utf8')).cues.map((c) => c.text);

function cuesOf(db: Dump, trackId: unknown): string[] {
  return db.cues
    .filter((c) => c.trackId === trackId)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((c) => String(c.text));
}

describe('generic pages', () => {
  it('captures each of five videos on one page as its own lecture', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture('five-videos.html'));
    const db = await waitFor('five lectures with two tracks each', async () => {
      const d = await dumpDb(suite.probe);
      return d.lectures.length === 5 && d.tracks.length === 10 && d.tracks.every((t) => t.status === 'ok') ? d : null;
    });
    for (const lecture of db.lectures) expect(db.tracks.filter((t) => t.lectureId === lecture.id)).toHaveLength(2);
    await page.close();
  });

  it('captures a video and tracks added after load', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture('late-video.html'));
    const db = await waitFor('late video with both tracks', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 2 && d.tracks.every((t) => t.status === 'ok') ? d : null;
    });
    expect(db.lectures).toHaveLength(1);
    expect(db.tracks.map((t) => t.language).sort()).toEqual(['en', 'es']);
    await page.close();
  });

  it('starts a new capture when the video moves to the next lecture, with nothing left over', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture('src-change.html'));
    await waitFor('lecture 1', async () => (await dumpDb(suite.probe)).tracks.filter((t) => t.status === 'ok').length === 2);
    await page.click('#next');
    const db = await waitFor('lecture 2 as a second lecture', async () => {
      const d = await dumpDb(suite.probe);
      return d.lectures.length === 2 && d.tracks.length === 4 && d.tracks.every((t) => t.status === 'ok') ? d : null;
    });
    const second = db.lectures.find((l) => String(l.url).includes('lecture=2'));
    expect(second, 'the second lecture keeps the URL the page moved to').toBeDefined();
    const en2 = db.tracks.find((t) => t.lectureId === second!.id && t.language === 'en');
    expect(cuesOf(db, en2!.id)).toEqual(demoCues('lecture-2.en.vtt'));
    const first = db.lectures.find((l) => l !== second)!;
    const en1 = db.tracks.find((t) => t.lectureId === first.id && t.language === 'en');
    expect(cuesOf(db, en1!.id)).toEqual(demoCues('lecture-1.en.vtt'));
    await page.close();
  });

  it('follows a single-page site to a new address where the same video stays: the lecture is read again', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture('src-change.html'));
    await waitFor('lecture 1', async () => (await dumpDb(suite.probe)).tracks.filter((t) => t.status === 'ok').length === 2);
    const title = async () => (await pageStatus(suite.ext, suite.probe, page)).lectures.map((l) => l.title);
    expect(await title()).toEqual(['Lecture 1: Photosynthesis']);
    // The site moves on without touching the video: a new address, then a new heading.
    await page.evaluate(() => history.pushState({ part: 2 }, '', '?part=2'));
    await page.evaluate(() => (document.getElementById('title')!.textContent = 'Lecture 1, part 2: Light'));
    await waitFor('the new heading', async () => (await title())[0] === 'Lecture 1, part 2: Light');
    // A heading that changes at the same address is the page's own business: not read again.
    await page.evaluate(() => (document.getElementById('title')!.textContent = 'Something else'));
    await page.waitForTimeout(1000);
    expect(await title()).toEqual(['Lecture 1, part 2: Light']);
    await page.close();
  });

  it('survives a page that removes the video mid-capture', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture('removes-video.html'));
    await page.getByText('Video removed').waitFor();
    await page.waitForTimeout(1000);
    const db = await dumpDb(suite.probe);
    // Whatever was captured before it vanished is whole: every track has all its cues.
    for (const t of db.tracks) expect(db.cues.filter((c) => c.trackId === t.id)).toHaveLength(Number(t.cueCount));
    expect(suite.ext.errors).toEqual([]);
    await page.close();
  });

  it('reads captions made by script without turning them on', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture('script-track.html'));
    const db = await waitFor('script track', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks[0]?.cueCount === 6 ? d : null;
    });
    expect(db.tracks[0]).toMatchObject({ source: 'text-track', status: 'ok', language: 'en' });
    await page.waitForTimeout(1000);
    expect(await page.locator('#mode').textContent()).toBe('disabled');
    expect(await page.evaluate(() => document.querySelector('video')!.textTracks[0].mode)).toBe('disabled');
    await page.close();
  });

  it('fetches a track from another origin without CORS through the background', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    // localhost is another origin than 127.0.0.1, and one MoocMate may read.
    await page.goto(fixture(`cross-origin.html?trackOrigin=http://localhost:${suite.server.port}`));
    await page.getByText(/readyState 3/).waitFor(); // the page itself could not load it
    const db = await waitFor('cross-origin track', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks[0]?.status === 'ok' ? d : null;
    });
    expect(db.tracks[0]).toMatchObject({ source: 'track-file', cueCount: 12 });
    expect(cuesOf(db, db.tracks[0].id)).toEqual(demoCues('lecture-1.en.vtt'));
    await page.close();
  });

  it('reads a loaded track\'s file in the background, and takes the player\'s cues when it may not read that host', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture(`cors-track.html?trackOrigin=http://${OTHER_HOST}:${suite.server.port}`));
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'readyState 2');
    const db = await waitFor('track from the player', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks[0]?.cueCount ? d : null;
    });
    // The background had no permission for the CDN: no error, the player's own cues instead.
    expect(db.tracks).toHaveLength(1);
    expect(db.tracks[0]).toMatchObject({ source: 'text-track', status: 'ok', cueCount: 12 });
    expect(db.tracks[0].needsPermission).toBeUndefined();
    expect(cuesOf(db, db.tracks[0].id)).toEqual(demoCues('lecture-1.en.vtt'));
    await page.close();
  });

  it('says which caption host needs the learner\'s permission, and offers it in the popup', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture(`cross-origin.html?trackOrigin=http://${OTHER_HOST}:${suite.server.port}`));
    const db = await waitFor('blocked track', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks[0]?.status === 'error' ? d : null;
    });
    expect(db.tracks[0]).toMatchObject({ cueCount: 0, needsPermission: `http://${OTHER_HOST}/*` });
    expect(String(db.tracks[0].error)).toContain(`on ${OTHER_HOST}, which MoocMate may not read yet`);
    const popup = await suite.ext.context.newPage();
    await popup.goto(extensionUrl(suite.ext, `popup.html?tab=${await tabIdOf(suite.ext, page)}`));
    await popup.getByRole('button', { name: `Allow captions from ${OTHER_HOST}` }).waitFor();
    await popup.close();
    await page.close();
  });

  it('records the captions a player draws itself while the learner watches (last fallback), and says the capture is partial', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture('player-captions.html'));
    await page.evaluate(async () => {
      const v = document.querySelector('video')!;
      v.muted = true;
      await v.play();
    });
    await page.waitForFunction(() => document.querySelector('video')!.currentTime > 9, undefined, { timeout: 20_000 });
    await page.evaluate(() => document.querySelector('video')!.pause());
    const db = await waitFor('on-screen track', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks[0] && d.cues.length >= 3 ? d : null;
    });
    expect(db.tracks[0]).toMatchObject({ source: 'on-screen', label: 'On-screen captions', language: 'en' });
    const lines = db.cues.sort((a, b) => Number(a.index) - Number(b.index));
    expect(lines.slice(0, 3).map((c) => c.text)).toEqual([
      'Hello, and welcome to the first lecture of our course.',
      "Today's question is a simple one: how do plants make their own food?",
      'The answer is a process called photosynthesis.',
    ]);
    // Times come from the video clock as the lines appeared (timeupdate fires about every 250 ms).
    expect(Number(lines[1].start)).toBeGreaterThan(3.6);
    expect(Number(lines[1].start)).toBeLessThan(4.6);
    const popup = await suite.ext.context.newPage();
    await popup.goto(extensionUrl(suite.ext, `popup.html?tab=${await tabIdOf(suite.ext, page)}`));
    await popup.getByText(/Only part of the captions: .*as they appear on screen/).waitFor();
    await popup.close();
    await page.close();
    // A search hit in those lines opens the page at its moment. The page has no track to
    // capture, so no capture's answer brings the moment: the page asks for it.
    const dash = await suite.ext.context.newPage();
    await dash.goto(extensionUrl(suite.ext, 'dashboard.html'));
    const opened = await openSearchHit(suite.ext, dash, '"a process called photosynthesis"');
    await expect.poll(() => opened.evaluate(() => document.querySelector('video')?.currentTime ?? -1), { timeout: 15_000 }).toBeCloseTo(Number(lines[2].start), 1);
    await opened.close();
    await dash.close();
  });

  it('keeps what parsed from a malformed file, says what was skipped, and leaves other tracks whole', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture('malformed.html'));
    const db = await waitFor('three tracks', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 3 ? d : null;
    });
    const byUrl = (part: string) => db.tracks.find((t) => String(t.url).includes(part))!;
    const malformed = byUrl('malformed.vtt');
    expect(malformed.status).toBe('partial');
    expect(malformed.cueCount).toBeGreaterThanOrEqual(4);
    expect(String(malformed.error)).toMatch(/Kept \d+ lines; skipped \d+/);
    expect(String(malformed.error)).toMatch(/[Ll]ine \d+/);
    const empty = byUrl('empty.vtt');
    expect(empty).toMatchObject({ status: 'error', cueCount: 0 });
    expect(String(empty.error)).toMatch(/empty/i);
    const good = db.tracks.find((t) => t !== malformed && t !== empty)!;
    expect(good).toMatchObject({ status: 'ok', cueCount: 12 });
    await page.close();
  });

  it('captures a 20,000-cue track once, with no duplicates, when the page is visited twice', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture('big-track.html'));
    await waitFor('20,000 cues', async () => (await readTracks(suite.probe))[0]?.cueCount === 20000, HEAVY_MS);
    const db = await dumpDb(suite.probe);
    const texts = cuesOf(db, db.tracks[0].id);
    expect(texts).toHaveLength(20000);
    expect(new Set(texts).size).toBe(20000);
    expect(texts[19999]).toMatch(/^Line 19999/);
    await page.reload();
    await page.waitForTimeout(2500);
    const again = await dumpDb(suite.probe);
    expect(again.cues).toHaveLength(20000);
    expect(again.tracks).toHaveLength(1);
    await page.close();
  }, HEAVY_MS + 60_000);

  it('a service worker stopped again and again while it writes leaves no half track, and capture completes', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(fixture('big-track.html'));
    // Stop the worker every 300 ms for 4 s: whatever it was writing is cut off.
    const stormEnd = Date.now() + 4000;
    while (Date.now() < stormEnd) {
      await stopServiceWorker(suite.ext, suite.probe);
      await page.waitForTimeout(300);
      const db = await readDb(suite.probe, ['tracks', 'cues']);
      for (const t of db.tracks) expect(db.cues.filter((c) => c.trackId === t.id)).toHaveLength(Number(t.cueCount));
    }
    // The content script tries again, the worker wakes up, and the whole track arrives once.
    await waitFor('20,000 cues after the stops', async () => (await readTracks(suite.probe))[0]?.cueCount === 20000, HEAVY_MS);
    const db = await readDb(suite.probe, ['tracks', 'cues']);
    expect(db.tracks).toHaveLength(1);
    expect(db.cues).toHaveLength(20000);
    await page.close();
  }, HEAVY_MS + 60_000);

  it('raised no errors in any page or in the extension', () => {
    expect(suite.ext.errors).toEqual([]);
  });
});
