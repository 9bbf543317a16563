import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { getDb } from '../../../src/db/schema';
import { ingestTrack } from '../../../src/captions/store';
import { openLectureAt, seekOnCapture, takePendingSeek } from '../../../src/captions/open-at';
import { captured, page } from '../helpers';

const LESSON = 'https://www.khanacademy.org/science/biology/v/intro';
const EMBED = 'https://www.youtube-nocookie.com/embed/GJLlxj_dtq8';

/** A lecture played in a frame: stored under the lesson's address. */
async function frameLecture(): Promise<string> {
  const { lectureId } = await ingestTrack(getDb(), captured({ page: page({ site: 'khan', lectureKey: '/science/biology/v/intro', lectureUrl: LESSON }) }), 1);
  return lectureId;
}

const sender = (url: string, tab?: { id: number; url: string }) => ({ url, tab }) as Browser.runtime.MessageSender;

describe('a lecture opened at a moment', () => {
  let tabId = 0;
  beforeEach(async () => {
    fakeBrowser.reset();
    await getDb().lectures.clear();
    tabId += 1;
    const id = tabId;
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async ({ url }) => ({ id, url }) as Browser.tabs.Tab);
  });

  it('goes to the frame that holds the lecture, in the tab opened, whatever its address', async () => {
    const lectureId = await frameLecture();
    const { tabId: opened } = await openLectureAt({ lectureId, time: 42 }, {});
    const tab = { id: opened, url: LESSON };
    // The lesson page itself has no lecture of its own: it asks for none and gets nothing.
    expect(await takePendingSeek({ lectureIds: [] }, sender(LESSON, tab))).toEqual({ seek: null });
    // Another lecture's frame leaves it.
    expect(await takePendingSeek({ lectureIds: ['other'] }, sender(EMBED, tab))).toEqual({ seek: null });
    // The player's frame that holds it gets it, once.
    expect(await takePendingSeek({ lectureIds: [lectureId] }, sender(EMBED, tab))).toEqual({ seek: { lectureId, time: 42 } });
    expect(await takePendingSeek({ lectureIds: [lectureId] }, sender(EMBED, tab))).toEqual({ seek: null });
  });

  it('is found by the tab when the address led elsewhere (edX jump_to), and by address before the tab is known', async () => {
    const lectureId = await frameLecture();
    const { tabId: opened } = await openLectureAt({ lectureId, time: 7 }, {});
    const moved = { id: opened, url: 'https://learning.edx.org/course/x/block/y' };
    expect(await takePendingSeek({ lectureIds: [lectureId] }, sender('https://courses.edx.org/xblock/z', moved))).toEqual({ seek: { lectureId, time: 7 } });

    // The frame asked before tabs.create() returned: its tab's address is the one opened.
    let early: unknown;
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementationOnce(async ({ url }) => {
      early = await takePendingSeek({ lectureIds: [lectureId] }, sender(EMBED, { id: 999, url: LESSON }));
      return { id: 999, url } as Browser.tabs.Tab;
    });
    await openLectureAt({ lectureId, time: 9 }, {});
    expect(early).toEqual({ seek: { lectureId, time: 9 } });
  });

  it('is not given to another tab holding the same lecture at another address', async () => {
    const lectureId = await frameLecture();
    await openLectureAt({ lectureId, time: 5 }, {});
    const elsewhere = { id: 12345, url: 'https://example.org/other.html' };
    expect(await takePendingSeek({ lectureIds: [lectureId] }, sender('https://example.org/other.html', elsewhere))).toEqual({ seek: null });
  });

  it('starts the one video of the page opened when that video has a new address (so another lecture id)', async () => {
    const url = 'https://university.example/course/week-1.html';
    const title = 'Week 1: Moving pictures';
    const { lectureId } = await ingestTrack(getDb(), captured({ page: page({ site: 'html5', lectureKey: 'https://cdn.example/old.mp4', lectureUrl: url, lectureTitle: title }) }), 1);
    const { tabId: opened } = await openLectureAt({ lectureId, time: 14 }, {});
    const top = (u: string) => ({ url: u, frameId: 0, tab: { id: opened, url: u } }) as Browser.runtime.MessageSender;
    // Not a frame inside the page, not a page with two videos: which video would it be?
    expect(await takePendingSeek({ lectureIds: ['l_new'], title }, { ...top(url), frameId: 3, url: 'https://player.example/embed' } as Browser.runtime.MessageSender)).toEqual({ seek: null });
    expect(await takePendingSeek({ lectureIds: ['l_new', 'l_other'] }, top(url))).toEqual({ seek: null });
    // Nor another page in the tab (the address led elsewhere): only the page opened.
    expect(await takePendingSeek({ lectureIds: ['l_new'], title }, top('https://university.example/course/week-2.html'))).toEqual({ seek: null });
    // Nor a lecture without a title, or of another title: the page now shows another lecture.
    expect(await takePendingSeek({ lectureIds: ['l_new'] }, top(url))).toEqual({ seek: null });
    expect(await takePendingSeek({ lectureIds: ['l_new'], title: 'Week 1: Light and leaves' }, top(url))).toEqual({ seek: null });
    // The same title, spaces and letter case aside: the lecture asked for, at its new address.
    expect(await takePendingSeek({ lectureIds: ['l_new'], title: ' week 1:  moving PICTURES ' }, top(`${url}#video`))).toEqual({ seek: { lectureId: 'l_new', time: 14 } });
    expect(await takePendingSeek({ lectureIds: ['l_new'], title }, top(url))).toEqual({ seek: null });
  });

  it('keeps the moment for the frame that holds the lecture when a moved page shows another lecture', async () => {
    const url = 'https://university.example/course/week-1.html';
    const { lectureId } = await ingestTrack(getDb(), captured({ page: page({ site: 'html5', lectureKey: 'https://cdn.example/old.mp4', lectureUrl: url, lectureTitle: 'Week 1' }) }), 1);
    const { tabId: opened } = await openLectureAt({ lectureId, time: 20 }, {});
    const top = { url, frameId: 0, tab: { id: opened, url } } as Browser.runtime.MessageSender;
    expect(await takePendingSeek({ lectureIds: ['l_new'], title: 'Week 2' }, top)).toEqual({ seek: null });
    // Not taken: the lecture itself, found later in the same tab, still starts there.
    expect(await takePendingSeek({ lectureIds: [lectureId], title: 'Week 1' }, top)).toEqual({ seek: { lectureId, time: 20 } });
  });

  it('once the new tab is known, is not taken by another tab already showing the lecture page', async () => {
    const lectureId = await frameLecture();
    const { tabId: opened } = await openLectureAt({ lectureId, time: 42 }, {});
    // The old tab sends its track again (a caption language switch) before the new one asks.
    expect(await takePendingSeek({ lectureIds: [lectureId] }, sender(LESSON, { id: 4242, url: LESSON }))).toEqual({ seek: null });
    expect(await takePendingSeek({ lectureIds: [lectureId] }, sender(LESSON, { id: opened, url: LESSON }))).toEqual({ seek: { lectureId, time: 42 } });
  });

  it('a moved page in another tab does not take the new tab’s moment by its title either', async () => {
    const url = 'https://university.example/course/week-1.html';
    const title = 'Week 1';
    const { lectureId } = await ingestTrack(getDb(), captured({ page: page({ site: 'html5', lectureKey: 'https://cdn.example/old.mp4', lectureUrl: url, lectureTitle: title }) }), 1);
    const { tabId: opened } = await openLectureAt({ lectureId, time: 8 }, {});
    const top = (id: number) => ({ url, frameId: 0, tab: { id, url } }) as Browser.runtime.MessageSender;
    expect(await takePendingSeek({ lectureIds: ['l_new'], title }, top(4242))).toEqual({ seek: null });
    expect(await takePendingSeek({ lectureIds: ['l_new'], title }, top(opened))).toEqual({ seek: { lectureId: 'l_new', time: 8 } });
  });

  it('is forgotten after a minute', async () => {
    const lectureId = await frameLecture();
    const { tabId: opened } = await openLectureAt({ lectureId, time: 3 }, {});
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ['Date'] });
    try {
      expect(await takePendingSeek({ lectureIds: [lectureId] }, sender(LESSON, { id: opened, url: LESSON }))).toEqual({ seek: null });
    } finally {
      vi.useRealTimers();
    }
  });
});

/** A frame's capture.track message for one of its lecture's tracks (the file is fetched by the background). */
const request = (p: ReturnType<typeof page>): Parameters<typeof seekOnCapture>[0] => ({ page: p, track: { kind: 'captions', label: 'English', language: 'en' }, cues: null });

describe('the moment told with a capture', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await getDb().lectures.clear();
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async ({ url }) => ({ id: 77, url }) as Browser.tabs.Tab);
  });

  it('tells the frame that sent the lecture’s track, once, and never a frame with another lecture', async () => {
    const lectureId = await frameLecture();
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { seeking: true } } as never);
    await openLectureAt({ lectureId, time: 42 }, {});
    const tab = { id: 77, url: LESSON };
    const capture = (lectureKey: string) => request(page({ site: 'khan', lectureKey, lectureUrl: LESSON }));
    const embed = { url: EMBED, frameId: 5, tab } as Browser.runtime.MessageSender;
    // Another lecture's track from the same frame: nothing is told, the moment is kept.
    await seekOnCapture(capture('/science/biology/v/other'), embed);
    expect(told).not.toHaveBeenCalled();
    await seekOnCapture(capture('/science/biology/v/intro'), embed);
    expect(told).toHaveBeenCalledTimes(1);
    expect(told).toHaveBeenCalledWith(77, { moocmate: 'page.seek', data: { lectureId, time: 42 } }, { frameId: 5 });
    // The lecture's second track: the moment was taken.
    await seekOnCapture(capture('/science/biology/v/intro'), embed);
    expect(told).toHaveBeenCalledTimes(1);
  });

  it('a frame that cannot be told (closed meanwhile) costs the capture nothing', async () => {
    const lectureId = await frameLecture();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await openLectureAt({ lectureId, time: 42 }, {});
    const capture = request(page({ site: 'khan', lectureKey: '/science/biology/v/intro', lectureUrl: LESSON }));
    await expect(seekOnCapture(capture, { url: EMBED, frameId: 5, tab: { id: 77, url: LESSON } } as Browser.runtime.MessageSender)).resolves.toBeUndefined();
  });
});
