import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionUrl, launchExtension, openExtensionPage, readDb, readTracks, screenshot, startFixtureServer, tabIdOf, waitFor, type Extension, type Server, seekVideo } from './harness';

let ext: Extension;
let server: Server;
let lecture: Page;
let panel: Page;

interface OverlayState {
  shown: boolean;
  top: string;
  bottom: string;
  status: string;
  parent: string;
  box: { x: number; y: number; width: number; height: number } | null;
}

/** What the caption overlay shows on a page (read from its shadow root). */
export async function overlayOf(page: Page): Promise<OverlayState> {
  return page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('[data-moocmate="captions"]');
    const root = host?.shadowRoot;
    const text = (sel: string) => root?.querySelector(sel)?.textContent ?? '';
    const shown = Boolean(host && getComputedStyle(host).display !== 'none');
    const r = shown ? root!.querySelector('.box')!.getBoundingClientRect() : null;
    return {
      shown,
      top: text('.top'),
      bottom: text('.bottom'),
      status: text('.status'),
      parent: host?.parentElement?.className || host?.parentElement?.tagName || '',
      box: r && { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });
}

const video = {
  time: (p: Page) => p.evaluate(() => document.querySelector('video')!.currentTime),
  rate: (p: Page) => p.evaluate(() => document.querySelector('video')!.playbackRate),
  seek: (p: Page, t: number) => seekVideo(p, t, { pause: true }),
};

async function openPanelFor(page: Page): Promise<Page> {
  const p = await ext.context.newPage();
  await p.setViewportSize({ width: 400, height: 900 });
  await p.goto(extensionUrl(ext, `sidepanel.html?tab=${await tabIdOf(ext, page)}`));
  return p;
}

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
  lecture = await ext.context.newPage();
  await lecture.setViewportSize({ width: 900, height: 700 });
  await lecture.goto(`${server.url}/demo/course/lecture-1.html`);
  const probe = await openExtensionPage(ext);
  await waitFor('lecture 1 captured', async () => (await readTracks(probe)).filter((t) => t.status === 'ok').length === 3);
  await probe.close();
  panel = await openPanelFor(lecture);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('before the lecture: words to know', () => {
  it('lists the lecture’s rare words with their line, not its common words, and plays a word’s line', async () => {
    const list = panel.locator('.words-to-know .word-list');
    await list.waitFor();
    const words = await list.locator('.word').allTextContents();
    for (const rare of ['photosynthesis', 'chlorophyll', 'stomata', 'glucose', 'pigment', 'carbon dioxide']) expect(words).toContain(rare);
    for (const common of ['water', 'plants', 'plant', 'energy', 'food', 'lecture', 'the', 'sunlight']) expect(words).not.toContain(common);
    const stomata = list.locator('li[data-word="stomata"]');
    await expect(stomata.locator('.sentence').textContent()).resolves.toContain('tiny holes called stomata');
    await screenshot(panel, 'sidepanel-words-to-know');
    await stomata.locator('button.word-line').click();
    // "They take in carbon dioxide from the air, through tiny holes called stomata." starts at 14.2 s.
    await expect.poll(() => video.time(lecture)).toBeCloseTo(14.2, 1);
  });
});

describe('words to know and the glossary', () => {
  it('adds a word to the glossary in one click; it leaves the list', async () => {
    const list = panel.locator('.words-to-know .word-list');
    const item = list.locator('li[data-word="chlorophyll"]');
    await item.getByRole('button', { name: 'Add “chlorophyll” to my glossary' }).click();
    await expect.poll(() => item.count()).toBe(0);
    await expect(panel.locator('.words-to-know [role="status"]').textContent()).resolves.toContain('chlorophyll');
    const db = (await readDb(panel, ['glossary'])) as { glossary: Array<{ base: string; examples: Array<{ sentence: string; time: number | null }> }> };
    const word = db.glossary.find((g) => g.base === 'chlorophyll');
    expect(word?.examples[0].sentence).toBe('A green pigment called chlorophyll captures this light.');
    expect(word?.examples[0].time).toBeCloseTo(21.1, 1);
  });

  it('folds when the lecture starts playing, unless the learner has used it; the transcript always keeps room for several lines', async () => {
    await video.seek(lecture, 0);
    const fresh = await openPanelFor(lecture);
    const words = fresh.locator('.words-to-know');
    const isOpen = () => words.evaluate((d) => (d as HTMLDetailsElement).open);
    const transcriptHeight = () => fresh.locator('.transcript').evaluate((el) => el.getBoundingClientRect().height);
    await words.locator('.word-list').waitFor();
    await fresh.locator('.transcript .cue').first().waitFor();
    expect(await isOpen()).toBe(true);
    // With the words open above it, the transcript still shows several lines (the panel scrolls).
    expect(await transcriptHeight()).toBeGreaterThanOrEqual(240);
    // ...and on a short screen the first lines are in the first screen, without scrolling the panel.
    await fresh.setViewportSize({ width: 400, height: 760 });
    const linesInFirstScreen = () =>
      fresh.evaluate(() => [...document.querySelectorAll('.transcript .cue')].filter((row) => row.getBoundingClientRect().bottom <= innerHeight).length);
    await expect.poll(linesInFirstScreen).toBeGreaterThanOrEqual(2);
    await screenshot(fresh, 'sidepanel-first-screen');
    await fresh.setViewportSize({ width: 400, height: 900 });

    await lecture.evaluate(() => document.querySelector('video')!.play());
    await expect.poll(isOpen).toBe(false);
    await screenshot(fresh, 'sidepanel-playing');

    // The learner opens the list again while the lecture plays: it is theirs now, and stays open.
    await words.locator('summary').click();
    await video.seek(lecture, 3);
    await lecture.evaluate(() => document.querySelector('video')!.play());
    await expect.poll(() => fresh.locator('.cue.current .cue-time').textContent()).not.toBe('0:00');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await isOpen()).toBe(true);
    await video.seek(lecture, 0);
    await fresh.close();
  });

  it('is folded in a side panel opened once the lecture has started, and worked out only when the learner opens it', async () => {
    await video.seek(lecture, 5);
    const later = await openPanelFor(lecture);
    const words = later.locator('.words-to-know');
    await words.waitFor();
    await later.locator('.transcript .cue').first().waitFor();
    expect(await words.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await screenshot(later, 'sidepanel-words-folded');
    // Folded, it loads no word lists and finds no words (about 1.2 MB and 0.2 s of work).
    await later.waitForTimeout(1500);
    expect(await words.locator('.word-list').count()).toBe(0);
    await words.locator('summary').click();
    await expect.poll(() => words.locator('.word-list .word').allTextContents()).toContain('photosynthesis');
    await later.close();
  });
});

describe('in the lecture: dual captions', () => {
  it('shows the lecture’s line with the learner’s language under it, in sync after a seek', async () => {
    await panel.getByText('In the lecture', { exact: true }).click();
    await panel.getByLabel('Show two caption lines on the video').check();
    await panel.getByLabel('My language').selectOption('es');
    await panel.locator('.lecture-settings').scrollIntoViewIfNeeded();
    await screenshot(panel, 'sidepanel-lecture-settings');
    await video.seek(lecture, 12);
    await expect.poll(async () => (await overlayOf(lecture)).top).toBe('First, plants take in water through their roots.');
    // The text is written at once; the box is placed when the browser reports the video's
    // size (an IntersectionObserver callback, so no forced layout): wait for it.
    await expect.poll(async () => (await overlayOf(lecture)).shown).toBe(true);
    let o = await overlayOf(lecture);
    expect(o.bottom).toBe('Primero, las plantas absorben agua por sus raíces.');
    // The player's own English captions are hidden while the overlay shows.
    expect(await lecture.evaluate(() => document.querySelector('video')!.textTracks[0].mode)).toBe('hidden');
    // Readable: inside the video, above its control bar.
    const videoBox = (await lecture.locator('video').boundingBox())!;
    expect(o.box!.y).toBeGreaterThan(videoBox.y);
    expect(o.box!.y + o.box!.height).toBeLessThan(videoBox.y + videoBox.height - 40);
    await screenshot(lecture, 'lecture-overlay');

    // A glossary word (added above) is marked on the overlay, its meaning on hover and focus.
    await video.seek(lecture, 22);
    await expect.poll(async () => (await overlayOf(lecture)).top).toBe('A green pigment called chlorophyll captures this light.');
    const mark = await waitFor('the glossary word marked on the overlay', () =>
      lecture.evaluate(() => {
        const m = document.querySelector('[data-moocmate="captions"]')?.shadowRoot?.querySelector<HTMLElement>('.top mark.mm-gloss');
        return m ? { text: m.textContent, title: m.title, focusable: m.tabIndex === 0 } : null;
      }),
    );
    expect(mark).toEqual({ text: 'chlorophyll', title: 'chlorophyll', focusable: true });
    await screenshot(lecture, 'lecture-overlay-glossary');

    await video.seek(lecture, 25);
    await expect.poll(async () => (await overlayOf(lecture)).top).toBe('With this energy, the plant makes glucose, a simple sugar.');
    o = await overlayOf(lecture);
    expect(o.bottom).toBe('Con esta energía, la planta produce glucosa, un azúcar simple.');
    // Between lines, nothing shows.
    await video.seek(lecture, 28.2);
    await expect.poll(async () => (await overlayOf(lecture)).top).toBe('');
    // Playing on, the next line comes on time.
    await lecture.evaluate(() => document.querySelector('video')!.play());
    await expect.poll(async () => (await overlayOf(lecture)).bottom, { timeout: 5000 }).toBe('Así, el agua & el dióxido de carbono entran;\nla glucosa & el oxígeno salen.');
    await lecture.evaluate(() => document.querySelector('video')!.pause());
  });

  it('stays on the video in full screen', async () => {
    await lecture.evaluate(() => {
      // A scroll just before full screen (the page moves as it goes full screen) starts a
      // measure of the video's box that full screen then comes during.
      const go = () => {
        window.dispatchEvent(new Event('scroll'));
        void document.querySelector('.player')!.requestFullscreen();
      };
      document.querySelector('h1')!.addEventListener('click', go, { once: true });
    });
    await lecture.bringToFront();
    await lecture.click('h1'); // a user gesture, as full screen needs
    await lecture.waitForFunction(() => document.fullscreenElement?.classList.contains('player'));
    await video.seek(lecture, 8.5);
    await expect.poll(async () => (await overlayOf(lecture)).top).toBe('The answer is a process called photosynthesis.');
    await expect.poll(async () => (await overlayOf(lecture)).shown).toBe(true);
    // Inside the full-screen element (a resize or scroll just before full screen once left
    // it outside, where a full-screen page does not show it, until the next second's check).
    await expect.poll(async () => (await overlayOf(lecture)).parent, { timeout: 500 }).toBe('player');
    const o = await overlayOf(lecture);
    expect(o.bottom).toBe('La respuesta es un proceso llamado fotosíntesis.');
    await screenshot(lecture, 'lecture-overlay-fullscreen');
    await lecture.evaluate(() => document.exitFullscreen());
    await lecture.waitForFunction(() => !document.fullscreenElement);
    await expect.poll(async () => (await overlayOf(lecture)).parent).toBe('HTML');
  });

  it('moves between lines with the keys', async () => {
    await video.seek(lecture, 25); // line 8 (24.5–28.1)
    await lecture.keyboard.press('Alt+Shift+KeyB');
    await expect.poll(() => video.time(lecture)).toBeGreaterThanOrEqual(21.1); // line 7 (21.1–24.3)
    expect(await video.time(lecture)).toBeLessThan(22);
    await lecture.evaluate(() => document.querySelector('video')!.pause());
    await video.seek(lecture, 23);
    await lecture.keyboard.press('Alt+Shift+KeyR');
    await expect.poll(() => video.time(lecture)).toBeLessThan(22);
    expect(await video.time(lecture)).toBeGreaterThanOrEqual(21.1);
    await lecture.evaluate(() => document.querySelector('video')!.pause());
    await video.seek(lecture, 23);
    await lecture.keyboard.press('Alt+Shift+KeyN');
    await expect.poll(() => video.time(lecture)).toBeGreaterThanOrEqual(24.5);
    expect(await video.time(lecture)).toBeLessThan(25.5);
    await lecture.evaluate(() => document.querySelector('video')!.pause());
  });

  it('turns off with Alt+Shift+C and gives the player’s captions back', async () => {
    await lecture.keyboard.press('Alt+Shift+KeyC');
    await expect.poll(async () => (await overlayOf(lecture)).shown).toBe(false);
    expect(await lecture.evaluate(() => [...document.querySelector('video')!.textTracks].map((t) => t.mode))).toEqual(['showing', 'disabled', 'disabled']);
    await expect.poll(() => panel.getByLabel('Show two caption lines on the video').isChecked()).toBe(false);
    await lecture.keyboard.press('Alt+Shift+KeyC');
    await expect.poll(async () => (await overlayOf(lecture)).shown).toBe(true);
  });

  it('with no language picked for it, the second line is the first language the learner set once', async () => {
    const set = (o: object) => panel.evaluate((x) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set(x), o);
    const settings = await panel.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, object>> } } } }).chrome.storage.local.get('lectureSettings'));
    await set({ firstLanguage: 'fr' });
    await set({ lectureSettings: { ...settings.lectureSettings, language: '' } });
    await video.seek(lecture, 12);
    await expect.poll(async () => (await overlayOf(lecture)).bottom).toBe("D'abord, les plantes absorbent l'eau par leurs racines.");
    // Back to Spanish for the tests after this one.
    await set({ lectureSettings: { ...settings.lectureSettings } });
    await expect.poll(async () => (await overlayOf(lecture)).bottom).toBe('Primero, las plantas absorben agua por sus raíces.');
  });
});

describe('playback that waits for the reader', () => {
  let dense: Page;
  let densePanel: Page;
  beforeAll(async () => {
    dense = await ext.context.newPage();
    await dense.goto(`${server.url}/tests/fixtures/lecture/dense.html`);
    densePanel = await openPanelFor(dense);
    await densePanel.getByText('In the lecture', { exact: true }).click();
    await video.seek(dense, 2);
    await waitFor('the overlay on the dense lecture', async () => (await overlayOf(dense)).top === 'Hello and welcome back.');
  });

  it('slows down for a dense line, says why, and gives the learner’s speed back after it', async () => {
    await densePanel.getByLabel('When a line is too fast to read').selectOption('slow');
    await video.seek(dense, 3.2);
    await dense.evaluate(async () => {
      const v = document.querySelector('video')!;
      v.playbackRate = 1.25; // the learner's own speed
      await v.play();
    });
    await waitFor('the dense line', async () => (await video.time(dense)) > 4.05);
    await expect.poll(() => video.rate(dense)).toBe(0.5);
    expect((await overlayOf(dense)).status).toMatch(/^Slowed: dense line \(\d+ words a minute\)$/);
    // The note speaks the interface language, marked as such (the lines keep their own).
    expect(await dense.evaluate(() => {
      const note = document.querySelector('[data-moocmate="captions"]')!.shadowRoot!.querySelector('.status')!;
      return [note.getAttribute('lang'), note.getAttribute('dir')];
    })).toEqual(['en', 'ltr']);
    await screenshot(dense, 'lecture-overlay-slowed');
    await waitFor('past the dense line', async () => (await video.time(dense)) > 6.1, 10_000);
    await expect.poll(() => video.rate(dense)).toBe(1.25);
    expect((await overlayOf(dense)).status).toBe('');
    await dense.evaluate(() => document.querySelector('video')!.pause());
  });

  it('a speed the learner sets during the dense line wins', async () => {
    await video.seek(dense, 3.5);
    await dense.evaluate(() => document.querySelector('video')!.play());
    await expect.poll(() => video.rate(dense)).toBe(0.5);
    await dense.evaluate(() => (document.querySelector('video')!.playbackRate = 1.5));
    await waitFor('past the dense line', async () => (await video.time(dense)) > 6.1, 10_000);
    expect(await video.rate(dense)).toBe(1.5);
    await dense.evaluate(() => {
      const v = document.querySelector('video')!;
      v.pause();
      v.playbackRate = 1;
    });
  });

  it('or pauses at the end of the dense line until the learner goes on', async () => {
    await densePanel.getByLabel('When a line is too fast to read').selectOption('pause');
    await video.seek(dense, 3.5);
    await dense.evaluate(() => document.querySelector('video')!.play());
    await waitFor('paused by MoocMate', () => dense.evaluate(() => document.querySelector('video')!.paused), 10_000);
    const t = await video.time(dense);
    expect(t).toBeGreaterThan(5.7);
    expect(t).toBeLessThan(6);
    expect((await overlayOf(dense)).status).toMatch(/^Paused: dense line/);
    expect(await video.rate(dense)).toBe(1);
    await dense.keyboard.press('Alt+Shift+KeyN');
    await waitFor('playing the next line', async () => (await video.time(dense)) > 6.3);
    expect((await overlayOf(dense)).top).toBe('Now a calm line again.');
    expect((await overlayOf(dense)).status).toBe('');
    await dense.evaluate(() => document.querySelector('video')!.pause());
  });

  it('does nothing when the learner leaves it off', async () => {
    await densePanel.getByLabel('When a line is too fast to read').selectOption('off');
    await video.seek(dense, 3.6);
    await dense.evaluate(() => document.querySelector('video')!.play());
    await waitFor('past the dense line', async () => (await video.time(dense)) > 6.1, 10_000);
    expect(await dense.evaluate(() => document.querySelector('video')!.paused)).toBe(false);
    expect(await video.rate(dense)).toBe(1);
    await dense.evaluate(() => document.querySelector('video')!.pause());
  });
});

describe('words to know, lecture after lecture', () => {
  it('the next lecture in the same side panel opens its words again and folds them when it plays', async () => {
    // In this panel the learner used the list of lecture 1 (played a word's line, added a word): it stayed as they left it.
    await lecture.goto(`${server.url}/demo/course/lecture-2.html`);
    await panel.getByRole('heading', { name: /Lecture 2/ }).waitFor();
    const words = panel.locator('.words-to-know');
    await words.locator('.word-list').waitFor();
    const isOpen = () => words.evaluate((d) => (d as HTMLDetailsElement).open);
    expect(await isOpen()).toBe(true);
    await lecture.evaluate(() => {
      const v = document.querySelector('video')!;
      v.muted = true;
      return v.play();
    });
    await expect.poll(isOpen).toBe(false);
    await lecture.evaluate(() => document.querySelector('video')!.pause());
  });
});
