import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Dump, dumpDb, openExtensionPage, openSearchHit, siteSuite, waitFor } from '../harness';

const suite = siteSuite();

const LESSON = 'https://www.khanacademy.org/science/biology/intro-to-biology/what-is-biology/v/introduction-to-biology';

function cuesOf(db: Dump, trackId: unknown): Array<{ start: number; end: number; text: string }> {
  return db.cues
    .filter((c) => c.trackId === trackId)
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((c) => ({ start: Number(c.start), end: Number(c.end), text: String(c.text) }));
}

describe('Khan Academy', () => {
  it('captures the lesson video played in its YouTube frame, under the Khan course and lesson', async () => {
    const page = await suite.ext.context.newPage();
    await page.goto(LESSON);
    const db = await waitFor('the two tracks of the embedded video', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 2 && d.tracks.every((t) => t.status === 'ok') ? d : null;
    });

    // The frame (youtube-nocookie.com) was told by the Khan page which lesson it plays.
    expect(db.lectures).toHaveLength(1);
    expect(db.lectures[0]).toMatchObject({
      site: 'khan',
      key: '/science/biology/intro-to-biology/what-is-biology/v/introduction-to-biology',
      title: 'Introduction to biology',
      url: LESSON,
      videoSrc: 'https://www.youtube.com/watch?v=GJLlxj_dtq8',
    });
    expect(db.courses).toHaveLength(1);
    expect(db.courses[0]).toMatchObject({ site: 'khan', title: 'Biology library', url: 'https://www.khanacademy.org/science/biology' });

    // The tracks come from the embedded player's response (main world), srv3.
    const en = db.tracks.find((t) => t.label === 'English')!;
    expect(en).toMatchObject({ source: 'platform-data', language: 'en', cueCount: 4 });
    expect(String(en.url)).toContain('fmt=srv3');
    const enCues = cuesOf(db, en.id);
    expect(enCues).toHaveLength(4);
    expect(enCues[0]).toEqual({ start: 0, end: 1.54, text: 'Hello, this is\na test & more' });
    expect(enCues[3]).toEqual({ start: 10, end: 10.8, text: 'Line one\nLine two' });
    const asr = db.tracks.find((t) => t.label === 'English (auto-generated)')!;
    expect(asr).toMatchObject({ source: 'platform-data', generated: true, cueCount: 3 });
    expect(cuesOf(db, asr.id).map((c) => c.text)).toEqual(['in autumn 1919', 'the tide is turning', 'in the russian civil war']);

    // The Khan page itself has no video of its own: nothing else is stored.
    await page.waitForTimeout(1000);
    expect((await dumpDb(suite.probe)).lectures).toHaveLength(1);
    expect(suite.ext.errors).toEqual([]);
    await page.close();
  });

  it('a search hit opens the lesson with its YouTube frame at that moment', async () => {
    const visit = await suite.ext.context.newPage();
    await visit.goto(LESSON);
    await waitFor('the lesson captured', async () => (await dumpDb(suite.probe)).cues.some((c) => c.text === 'the tide is turning'));
    await visit.close();
    const dash = await openExtensionPage(suite.ext);
    const db = await dumpDb(suite.probe);
    const cue = db.cues.find((c) => c.text === 'the tide is turning')!;
    expect(Number(cue.start)).toBeGreaterThan(1); // not where a video starts anyway
    const lesson = await openSearchHit(suite.ext, dash, '"tide is turning"');
    await lesson.waitForLoadState();
    expect(lesson.url()).toBe(LESSON);
    // The moment is kept for the tab, and the frame that holds the lecture takes it.
    const player = await waitFor('the YouTube frame', async () => lesson.frames().find((f) => f.url().includes('youtube')));
    await expect
      .poll(() => player.evaluate(() => document.querySelector('video')!.currentTime), { timeout: 15_000 })
      .toBeCloseTo(Number(cue.start), 1);
    await lesson.close();
    await dash.close();
  });
});
