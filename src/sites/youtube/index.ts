import type { PageInfo } from '../../messaging/protocol';
import type { DataTrack, SiteAdapter } from '../types';
import { requestPlayerJson } from './bridge';
import { isEmbedPath, khanEmbedder, listenForEmbedder } from './embed';
import { readTranscriptPanel } from './panel';
import { dataTracksOf, extractInlineResponse, isVideoId, parsePlayerJson, readPlayerResponse, type PlayerData } from './player-response';
import { selectors } from './selectors';

const HOSTS = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com', 'www.youtube-nocookie.com']);
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** How long dataTracks waits for the player response of a video just navigated to. */
const WAIT_TRIES = 8;
const WAIT_MS = 250;

/** The video a YouTube URL shows: /watch?v=, /embed/, /shorts/, /live/. */
export function videoIdOf(loc: Location | URL): string | null {
  if (loc.pathname === '/watch') {
    const v = new URLSearchParams(loc.search).get('v');
    return isVideoId(v) ? v : null;
  }
  const m = /^\/(?:embed|shorts|live|v)\/([^/?#]+)/.exec(loc.pathname);
  // "videoseries" (a playlist embed) has the shape of an id.
  return m && isVideoId(m[1]) && m[1] !== 'videoseries' ? m[1] : null;
}

const inline = new WeakMap<HTMLScriptElement, PlayerData | null>();

/** The player response written into the page's inline script (first load only: it goes stale). */
function inlinePlayer(doc: Document): PlayerData | null {
  for (const script of doc.scripts) {
    if (inline.has(script)) {
      const cached = inline.get(script);
      if (cached) return cached;
      continue;
    }
    const text = script.textContent ?? '';
    const data = text.includes('ytInitialPlayerResponse') ? readPlayerResponse(extractInlineResponse(text)) : null;
    inline.set(script, data);
    if (data) return data;
  }
  return null;
}

/**
 * The current player response for the video the URL shows: from the main-world script
 * (current after in-page navigation), else the inline script. A response for another
 * video (stale, or the page's) is not used.
 */
export function currentPlayer(doc: Document, loc: Location): PlayerData | null {
  const id = videoIdOf(loc);
  const fits = (p: PlayerData | null): p is PlayerData => !!p && !!p.videoId && (!id || p.videoId === id);
  const fromMain = parsePlayerJson(requestPlayerJson(doc, id ?? ''));
  if (fits(fromMain)) return fromMain;
  const fromPage = inlinePlayer(doc);
  return fits(fromPage) ? fromPage : null;
}

/** The player's own proof-of-origin token, from a caption request the player made itself. */
export function playerPoToken(doc: Document, videoId: string): { pot: string; potc: string } | null {
  const perf = doc.defaultView?.performance;
  if (!perf || typeof perf.getEntriesByType !== 'function') return null;
  const entries = perf.getEntriesByType('resource');
  for (let i = entries.length - 1; i >= 0; i--) {
    if (!entries[i].name.includes('/api/timedtext')) continue;
    try {
      const u = new URL(entries[i].name);
      const pot = u.searchParams.get('pot');
      if (pot && u.searchParams.get('v') === videoId) return { pot, potc: u.searchParams.get('potc') ?? '' };
    } catch {
      // not a URL
    }
  }
  return null;
}

function mainVideo(root: ParentNode): HTMLVideoElement | null {
  for (const sel of selectors.videos) {
    const v = root.querySelector<HTMLVideoElement>(sel);
    if (v) return v;
  }
  return null;
}

const docOf = (root: ParentNode): Document => (root instanceof Document ? root : ((root as Node).ownerDocument ?? document));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * YouTube watch pages and embedded players (www.youtube-nocookie.com/embed/<id>, used by
 * Khan Academy). The caption tracks come from the player response; a lecture is a video,
 * its course the channel, or the Khan course when a Khan lesson embeds the player.
 */
export const youtubeAdapter: SiteAdapter = {
  site: 'youtube',
  matches: (loc) => HOSTS.has(loc.hostname),
  findLectures(root) {
    const doc = docOf(root);
    const loc = doc.location;
    if (!loc || (!videoIdOf(loc) && !isEmbedPath(loc))) return [];
    if (isEmbedPath(loc) && doc.defaultView) listenForEmbedder(doc.defaultView);
    const video = mainVideo(root);
    return video ? [video] : [];
  },
  mediaOf: (lecture) => (lecture instanceof HTMLVideoElement ? lecture : mainVideo(lecture)),
  describe(_lecture, doc, loc): PageInfo {
    const player = currentPlayer(doc, loc);
    const id = videoIdOf(loc) ?? player?.videoId ?? '';
    const watchUrl = id ? `https://www.youtube.com/watch?v=${id}` : `${loc.origin}${loc.pathname}`;
    const title =
      player?.title ||
      clean(doc.querySelector(selectors.watchTitle)?.textContent) ||
      clean(doc.querySelector<HTMLMetaElement>(selectors.metaTitle)?.content) ||
      clean(doc.title).replace(/(?:^|\s+-\s+)YouTube$/, '') ||
      id;
    const khan = doc.defaultView ? khanEmbedder(doc.defaultView, loc, doc) : null;
    if (khan) {
      // The Khan lesson is the lecture; its course is Khan's. The video stays its source.
      return {
        site: 'khan',
        courseKey: khan.courseKey,
        courseTitle: khan.courseTitle,
        courseUrl: khan.courseUrl,
        lectureKey: new URL(khan.url).pathname,
        lectureTitle: (khan.lessonTitle || title).slice(0, 500),
        lectureUrl: khan.url,
        videoSrc: watchUrl,
      };
    }
    const channel = player?.author || clean(doc.querySelector(selectors.channelName)?.textContent);
    return {
      site: 'youtube',
      courseKey: player?.channelId || (channel ? `name:${channel}` : 'youtube'),
      courseTitle: (channel || 'YouTube').slice(0, 500),
      courseUrl: player?.channelId ? `https://www.youtube.com/channel/${player.channelId}` : 'https://www.youtube.com/',
      lectureKey: id || watchUrl,
      lectureTitle: title.slice(0, 500),
      lectureUrl: watchUrl,
      videoSrc: watchUrl,
    };
  },
  async dataTracks(_lecture, doc, loc): Promise<DataTrack[]> {
    // Just after in-page navigation the player may not have the new video's response yet.
    const id = videoIdOf(loc);
    let player = currentPlayer(doc, loc);
    for (let i = 0; !player && id && i < WAIT_TRIES; i++) {
      await sleep(WAIT_MS);
      if (videoIdOf(loc) !== id) return []; // moved on: the next capture takes over
      player = currentPlayer(doc, loc);
    }
    if (!player || (id && player.videoId !== id)) return [];
    // Tracks whose URL needs the player's PO token, and no token is known, are left out:
    // with none left, the capture falls back to the transcript panel.
    return dataTracksOf(player, playerPoToken(doc, player.videoId));
  },
  onScreenCaptions: (lecture) => lecture.closest(selectors.player)?.querySelector(selectors.captionWindow) ?? null,
  panelTranscript(lecture, doc) {
    const video = lecture instanceof HTMLVideoElement ? lecture : null;
    return readTranscriptPanel(doc, video, currentPlayer(doc, doc.location));
  },
};
