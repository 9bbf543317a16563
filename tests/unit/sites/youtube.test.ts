// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentPlayer, videoIdOf, youtubeAdapter } from '../../../src/sites/youtube';
import { requestPlayerJson } from '../../../src/sites/youtube/bridge';
import { khanEmbedder, listenForEmbedder, resetEmbedder } from '../../../src/sites/youtube/embed';
import { startMainWorldBridge } from '../../../src/sites/youtube/main-world';
import { panelTime } from '../../../src/sites/youtube/panel';
import { captionUrl, dataTracksOf, extractInlineResponse, parsePlayerJson, readPlayerResponse } from '../../../src/sites/youtube/player-response';
import { CONTEXT_MESSAGE, CONTEXT_REQUEST, KHAN_ORIGIN } from '../../../src/sites/khan/context';

const PAGES = join(import.meta.dirname, '../../fixtures/pages/youtube');
const page = (name: string) => readFileSync(join(PAGES, name), 'utf8');
const at = (url: string) => new URL(url) as unknown as Location;

/** Loads a fixture page's head and body (scripts do not run) at its YouTube URL. */
function load(name: string, url = 'https://www.youtube.com/watch?v=GJLlxj_dtq8'): HTMLVideoElement | undefined {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  const html = page(name);
  document.head.innerHTML = /<head>([\s\S]*)<\/head>/.exec(html)?.[1] ?? ''; // test setup: the page under test
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.title = /<title>(.*)<\/title>/.exec(html)?.[1] ?? '';
  return youtubeAdapter.findLectures(document)[0] as HTMLVideoElement | undefined;
}

afterEach(() => {
  vi.restoreAllMocks();
  resetEmbedder();
});

describe('YouTube URLs', () => {
  it('finds the video id of watch, embed, shorts and live URLs', () => {
    expect(videoIdOf(new URL('https://www.youtube.com/watch?v=GJLlxj_dtq8&t=10s'))).toBe('GJLlxj_dtq8');
    expect(videoIdOf(new URL('https://www.youtube-nocookie.com/embed/GJLlxj_dtq8?rel=0'))).toBe('GJLlxj_dtq8');
    expect(videoIdOf(new URL('https://www.youtube.com/shorts/F1xioXWb8CY'))).toBe('F1xioXWb8CY');
    expect(videoIdOf(new URL('https://www.youtube.com/live/F1xioXWb8CY?si=x'))).toBe('F1xioXWb8CY');
    expect(videoIdOf(new URL('https://www.youtube.com/watch?v=short'))).toBeNull();
    expect(videoIdOf(new URL('https://www.youtube.com/'))).toBeNull();
    expect(videoIdOf(new URL('https://www.youtube.com/embed/videoseries?list=PL1'))).toBeNull();
  });

  it('matches YouTube hosts only', () => {
    expect(youtubeAdapter.matches(at('https://www.youtube.com/watch?v=GJLlxj_dtq8'), document)).toBe(true);
    expect(youtubeAdapter.matches(at('https://www.youtube-nocookie.com/embed/GJLlxj_dtq8'), document)).toBe(true);
    expect(youtubeAdapter.matches(at('https://youtube.com.evil.example/watch'), document)).toBe(false);
  });
});

describe('player response', () => {
  it('reads the saved watch page inline response: simpleText names, asr kind, json3 URLs', async () => {
    const video = load('watch.html');
    expect(video?.classList.contains('html5-main-video')).toBe(true);
    const loc = at('https://www.youtube.com/watch?v=GJLlxj_dtq8');
    expect(youtubeAdapter.describe(video!, document, loc)).toEqual({
      site: 'youtube',
      courseKey: 'UCVYamHliCI9rw1tHR1xbkfw',
      courseTitle: 'Dave2D',
      courseUrl: 'https://www.youtube.com/channel/UCVYamHliCI9rw1tHR1xbkfw',
      lectureKey: 'GJLlxj_dtq8',
      lectureTitle: 'Surface Go Review - It’s Awesome',
      lectureUrl: 'https://www.youtube.com/watch?v=GJLlxj_dtq8',
      videoSrc: 'https://www.youtube.com/watch?v=GJLlxj_dtq8',
    });
    const tracks = await youtubeAdapter.dataTracks!(video!, document, loc);
    expect(tracks.map((t) => [t.label, t.language, t.format, t.generated ?? false])).toEqual([
      ['English', 'en', 'json3', false],
      ['English (auto-generated)', 'en', 'json3', true],
      ['German', 'de', 'json3', false],
      ['Japanese', 'ja', 'json3', false],
    ]);
    const url = new URL(tracks[1].url);
    expect(url.pathname).toBe('/api/timedtext/a-asr');
    expect(url.searchParams.get('fmt')).toBe('json3');
    expect(url.searchParams.get('kind')).toBe('asr');
  });

  it('does not use the inline response for another video (stale after in-page navigation)', async () => {
    const video = load('watch.html', 'https://www.youtube.com/watch?v=F1xioXWb8CY');
    const loc = at('https://www.youtube.com/watch?v=F1xioXWb8CY');
    expect(currentPlayer(document, loc)).toBeNull();
    expect(youtubeAdapter.describe(video!, document, loc)).toMatchObject({ lectureKey: 'F1xioXWb8CY', lectureTitle: 'Surface Go Review - It’s Awesome' });
    vi.useFakeTimers();
    const pending = youtubeAdapter.dataTracks!(video!, document, loc);
    await vi.runAllTimersAsync();
    expect(await pending).toEqual([]);
    vi.useRealTimers();
  });

  it('extracts the object literal, braces and quotes in strings included', () => {
    expect(extractInlineResponse('var ytInitialPlayerResponse = {"a":"}{\\"","b":{"c":1}};var meta = 1;')).toEqual({ a: '}{"', b: { c: 1 } });
    expect(extractInlineResponse('window["ytInitialPlayerResponse"] = {"x":[1]};')).toEqual({ x: [1] });
    expect(extractInlineResponse('var ytInitialPlayerResponse = {"cut":')).toBeNull();
    expect(extractInlineResponse('window.ytplayer.bootstrapPlayerResponse = window["ytInitialPlayerResponse"];')).toBeNull();
  });

  it('keeps srv XML formats the URL asks for, otherwise asks for json3', () => {
    const t = { languageCode: 'en', label: 'English', kind: '', vssId: '.en' };
    expect(captionUrl({ ...t, baseUrl: 'https://www.youtube.com/api/timedtext?v=x&fmt=srv3' }, null)?.format).toBe('srv3');
    const vtt = captionUrl({ ...t, baseUrl: 'https://www.youtube.com/api/timedtext?v=x&fmt=vtt' }, null)!;
    expect(vtt.format).toBe('json3');
    expect(new URL(vtt.url).searchParams.getAll('fmt')).toEqual(['json3']);
    // Relative URLs are YouTube's; other hosts are never fetched (the background sends cookies).
    expect(captionUrl({ ...t, baseUrl: '/api/timedtext?v=x' }, null)?.url).toBe('https://www.youtube.com/api/timedtext?v=x&fmt=json3');
    expect(captionUrl({ ...t, baseUrl: 'https://evil.example/api/timedtext' }, null)).toBeNull();
    expect(captionUrl({ ...t, baseUrl: 'http://www.youtube.com/api/timedtext' }, null)).toBeNull();
    expect(captionUrl({ ...t, baseUrl: 'javascript:alert(1)' }, null)).toBeNull();
  });

  it('leaves out tracks that need a PO token, unless the player fetched one with its token', () => {
    const player = readPlayerResponse(JSON.parse(/ytInitialPlayerResponse = (.*);<\/script>/.exec(page('live-po-token.html'))![1]))!;
    expect(player.tracks).toHaveLength(9);
    expect(dataTracksOf(player, null)).toEqual([]);
    const withToken = dataTracksOf(player, { pot: 'TOKEN', potc: '1' });
    expect(withToken).toHaveLength(9);
    expect(new URL(withToken[0].url).searchParams.get('pot')).toBe('TOKEN');
  });

  it('takes the PO token from a caption request the player made (resource timing)', async () => {
    const video = load('live-po-token.html', 'https://www.youtube.com/live/GJLlxj_dtq8');
    vi.spyOn(window.performance, 'getEntriesByType').mockReturnValue([
      { name: 'https://www.youtube.com/api/timedtext?v=OtherVideo1&pot=NO' },
      { name: 'https://www.youtube.com/api/timedtext?v=GJLlxj_dtq8&lang=en&pot=POT123&potc=1&fmt=json3' },
    ] as unknown as PerformanceEntryList);
    const tracks = await youtubeAdapter.dataTracks!(video!, document, at('https://www.youtube.com/live/GJLlxj_dtq8'));
    expect(tracks).toHaveLength(9);
    for (const t of tracks) expect(new URL(t.url).searchParams.get('pot')).toBe('POT123');
  });

  it('gives no tracks, and no error, for transcripts disabled and unplayable responses', async () => {
    for (const [name, id] of [
      ['live-disabled.html', 'dsMFmonKDD4'],
      ['live-unplayable.html', 'Unplayable1'],
    ]) {
      const video = load(name, `https://www.youtube.com/live/${id}`);
      const loc = at(`https://www.youtube.com/live/${id}`);
      vi.useFakeTimers();
      const pending = youtubeAdapter.dataTracks!(video!, document, loc);
      await vi.runAllTimersAsync();
      expect(await pending).toEqual([]);
      vi.useRealTimers();
      expect(() => youtubeAdapter.describe(video!, document, loc)).not.toThrow();
    }
    expect(youtubeAdapter.describe(load('live-unplayable.html', 'https://www.youtube.com/live/Unplayable1')!, document, at('https://www.youtube.com/live/Unplayable1'))).toMatchObject({
      lectureKey: 'Unplayable1',
      lectureTitle: 'Unplayable1',
      courseKey: 'youtube',
    });
  });

  it('rejects page data of the wrong shape', () => {
    expect(readPlayerResponse(null)).toBeNull();
    expect(readPlayerResponse([])).toBeNull();
    expect(readPlayerResponse({ foo: 1 })).toBeNull();
    expect(parsePlayerJson('{not json')).toBeNull();
    expect(parsePlayerJson(42)).toBeNull();
    const p = readPlayerResponse({
      videoDetails: { videoId: 'GJLlxj_dtq8', title: 7, channelId: '../../evil' },
      captions: {
        playerCaptionsTracklistRenderer: {
          captionTracks: [
            null,
            { baseUrl: 'https://www.youtube.com/api/timedtext?v=1', languageCode: 'en"><script>' },
            { baseUrl: 5, languageCode: 'en' },
            { baseUrl: 'https://www.youtube.com/api/timedtext?v=2', languageCode: 'pt-BR', name: { runs: [{ text: 'Portuguese ' }, { text: '(Brazil)' }] } },
            { baseUrl: 'https://www.youtube.com/api/timedtext?v=3', languageCode: 'fr' },
          ],
        },
      },
    })!;
    expect(p).toMatchObject({ videoId: 'GJLlxj_dtq8', title: '', channelId: '' });
    expect(p.tracks.map((t) => [t.languageCode, t.label])).toEqual([
      ['pt-BR', 'Portuguese (Brazil)'],
      ['fr', 'fr'],
    ]);
  });
});

describe('transcript panel', () => {
  it('reads the open panel: times, texts, the language from the matching track', () => {
    const video = load('live-po-token.html', 'https://www.youtube.com/live/GJLlxj_dtq8')!;
    const panel = youtubeAdapter.panelTranscript!(video, document)!;
    expect(panel.language).toBe('en');
    expect(panel.label).toBe('English');
    expect(panel.cues).toEqual([
      { start: 0, end: 1, text: 'Hey, this is just a test' },
      { start: 1, end: 5, text: 'this is not the original transcript' },
      { start: 5, end: 62, text: 'just something shorter, I made up for testing' },
      { start: 62, end: 316, text: 'and a line a minute later' },
    ]);
  });

  it('ignores a closed panel', () => {
    const video = load('live-po-token.html', 'https://www.youtube.com/live/GJLlxj_dtq8')!;
    document.querySelector('ytd-engagement-panel-section-list-renderer')!.setAttribute('visibility', 'ENGAGEMENT_PANEL_VISIBILITY_HIDDEN');
    expect(youtubeAdapter.panelTranscript!(video, document)).toBeNull();
  });

  it('parses panel times', () => {
    expect(panelTime(' 0:07 ')).toBe(7);
    expect(panelTime('12:05')).toBe(725);
    expect(panelTime('1:02:03')).toBe(3723);
    expect(panelTime('soon')).toBeNull();
  });
});

describe('embedded in a Khan Academy lesson', () => {
  const embed = at('https://www.youtube-nocookie.com/embed/GJLlxj_dtq8?origin=https%3A%2F%2Fwww.khanacademy.org');

  function fakeFrame() {
    const parent = { postMessage: vi.fn() };
    let onMessage: ((e: MessageEvent) => void) | undefined;
    const win = {
      parent,
      addEventListener: (_: string, fn: (e: MessageEvent) => void) => (onMessage = fn),
    } as unknown as Window;
    return { win, parent, send: (e: Partial<MessageEvent>) => onMessage!(e as MessageEvent) };
  }

  it('asks the parent Khan page, and takes only its answer', () => {
    const { win, parent, send } = fakeFrame();
    listenForEmbedder(win);
    expect(parent.postMessage).toHaveBeenCalledWith({ type: CONTEXT_REQUEST }, KHAN_ORIGIN);
    const context = {
      type: CONTEXT_MESSAGE,
      url: 'https://www.khanacademy.org/science/biology/intro-to-biology/what-is-biology/v/introduction-to-biology',
      lessonTitle: 'Introduction to biology',
      courseKey: '/science/biology',
      courseTitle: 'Biology library',
      courseUrl: 'https://www.khanacademy.org/science/biology',
    };
    send({ source: parent as unknown as Window, origin: 'https://evil.example', data: context });
    send({ source: {} as Window, origin: KHAN_ORIGIN, data: context });
    send({ source: parent as unknown as Window, origin: KHAN_ORIGIN, data: { ...context, url: 'https://evil.example/x' } });
    expect(khanEmbedder(win, embed, document)).toBeNull();
    send({ source: parent as unknown as Window, origin: KHAN_ORIGIN, data: context });
    expect(khanEmbedder(win, embed, document)).toMatchObject({ courseTitle: 'Biology library', lessonTitle: 'Introduction to biology' });
  });

  it('falls back to the lesson URL in widget_referrer, and to nothing for other embedders', () => {
    const { win } = fakeFrame();
    const withReferrer = at(
      `https://www.youtube-nocookie.com/embed/GJLlxj_dtq8?widget_referrer=${encodeURIComponent('https://www.khanacademy.org/math/algebra/x2f8bb11595b61c86:foundation-algebra/v/intro?x=1')}`,
    );
    expect(khanEmbedder(win, withReferrer, document)).toEqual({
      url: 'https://www.khanacademy.org/math/algebra/x2f8bb11595b61c86:foundation-algebra/v/intro',
      lessonTitle: '',
      courseKey: '/math/algebra',
      courseTitle: 'Algebra',
      courseUrl: 'https://www.khanacademy.org/math/algebra',
    });
    const other = at(`https://www.youtube-nocookie.com/embed/GJLlxj_dtq8?widget_referrer=${encodeURIComponent('https://courses.example/x/y')}`);
    expect(khanEmbedder(win, other, document)).toBeNull();
    // Not a frame: never Khan.
    expect(khanEmbedder(window, withReferrer, document)).toBeNull();
  });
});

// Last: the bridge stays listening on this document.
describe('main-world bridge', () => {
  it('answers with the current response of the wanted video, reduced to the fields used', () => {
    load('watch.html');
    const win = window as unknown as Window & { ytInitialPlayerResponse?: unknown };
    win.ytInitialPlayerResponse = {
      videoDetails: { videoId: 'GJLlxj_dtq8', title: 'Stale' },
      streamingData: { secret: 'not passed on' },
    };
    startMainWorldBridge(win, document);
    const first = requestPlayerJson(document, 'GJLlxj_dtq8')!;
    expect(first).not.toContain('streamingData');
    expect(parsePlayerJson(first)?.title).toBe('Stale');

    // After in-page navigation: the yt-navigate-finish detail has the new response.
    document.dispatchEvent(
      new CustomEvent('yt-navigate-finish', { detail: { response: { playerResponse: { videoDetails: { videoId: 'F1xioXWb8CY', title: 'Next' } } } } }),
    );
    expect(parsePlayerJson(requestPlayerJson(document, 'F1xioXWb8CY'))?.title).toBe('Next');
    expect(currentPlayer(document, at('https://www.youtube.com/watch?v=F1xioXWb8CY'))?.title).toBe('Next');

    // The player element's own getPlayerResponse() (embeds); a getter that throws is skipped.
    const player = document.getElementById('movie_player') as HTMLElement & { getPlayerResponse?: () => unknown };
    player.getPlayerResponse = () => ({ videoDetails: { videoId: 'Embedded001', title: 'Embedded' } });
    expect(parsePlayerJson(requestPlayerJson(document, 'Embedded001'))?.title).toBe('Embedded');
    player.getPlayerResponse = () => {
      throw new Error('not ready');
    };
    expect(parsePlayerJson(requestPlayerJson(document, 'F1xioXWb8CY'))?.title).toBe('Next');
    delete win.ytInitialPlayerResponse;
  });
});
