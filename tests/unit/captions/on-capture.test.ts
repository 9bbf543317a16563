import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { getDb } from '../../../src/db/schema';
import { ingestTrack } from '../../../src/captions/store';
import { openLectureAt } from '../../../src/captions/open-at';
import { onCaptureTrack } from '../../../src/captions/on-capture';
import type { RawCue } from '../../../src/messaging/protocol';
import { captured, page } from '../helpers';

/** What happened, in order: the frame told its moment, the track stored. */
const events: string[] = [];

// The real captureTrack, which also says when its track is stored.
vi.mock('../../../src/captions/background', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/captions/background')>();
  return {
    ...real,
    captureTrack: async (...args: Parameters<typeof real.captureTrack>) => {
      const stored = await real.captureTrack(...args);
      events.push('stored');
      return stored;
    },
  };
});

const LECTURE = page({ lectureKey: 'https://uni.example/media/long.webm', lectureUrl: 'https://uni.example/long.html', lectureTitle: 'A long lecture' });
const longTrack: RawCue[] = Array.from({ length: 2000 }, (_, i) => ({ start: i * 2, end: i * 2 + 1.8, text: `Line ${i} of a long lecture about leaves and light.` }));
/** The lecture page's top frame, in tab 31, sends the lecture's English track with these cues. */
const sender = { url: LECTURE.lectureUrl, frameId: 0, tab: { id: 31, url: LECTURE.lectureUrl } } as Browser.runtime.MessageSender;
const capture = (cues: RawCue[]) => onCaptureTrack({ page: LECTURE, track: { kind: 'captions', label: 'English', language: 'en' }, cues }, sender);

describe('capture.track in the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    events.length = 0;
    await getDb().lectures.clear();
    await getDb().tracks.clear();
    await getDb().cues.clear();
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async ({ url }) => ({ id: 31, url }) as Browser.tabs.Tab);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab, message) => {
      events.push((message as { moocmate: string }).moocmate);
      return { ok: true, value: { seeking: true } };
    });
  });

  it('tells a lecture opened from a search hit its moment before storing its long track', async () => {
    // The lecture is in MoocMate (a search hit found it); the learner opens it at 1:40.
    const { lectureId } = await ingestTrack(getDb(), captured({ page: LECTURE }), 1);
    await openLectureAt({ lectureId, time: 100 }, {});

    const reply = await capture(longTrack);

    expect(reply).toMatchObject({ cueCount: 2000, tools: false });
    expect(events).toEqual(['page.seek', 'stored']);
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(31, { moocmate: 'page.seek', data: { lectureId, time: 100 } }, { frameId: 0 });
  });

  it('a lecture opened the usual way is only stored', async () => {
    const reply = await capture(longTrack.slice(0, 3));
    expect(reply).toMatchObject({ cueCount: 3 });
    expect(events).toEqual(['stored']);
  });
});
