import type { PageInfo, RawCue } from '../../messaging/protocol';
import type { PanelTranscript, SiteAdapter } from '../types';
import { stableVideoSrc } from '../html5';
import { selectors } from './selectors';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** Titles as the messages allow them (a page may put anything in an h1). */
const title = (s: string) => s.slice(0, 500);

/** /course/<course-slug>/learn/lecture/<lectureId> */
const LECTURE_PATH = /^\/course\/([^/]+)\/learn\/lecture\/(\d+)/;
const COURSE_PATH = /^\/course\/([^/]+)/;
/** Characters spoken per second: the pace used to place panel lines when the video has no duration yet. */
const SPEAK_RATE = 15;

/** "Course: Title | Udemy" → "Title". */
function fromDocumentTitle(doc: Document): string {
  return clean(doc.title.replace(/\s*\|\s*Udemy\s*$/i, '').replace(/^\s*Course:\s*/i, ''));
}

function mediaOf(lecture: HTMLElement): HTMLVideoElement | null {
  return lecture instanceof HTMLVideoElement ? lecture : lecture.querySelector<HTMLVideoElement>(selectors.video);
}

/**
 * Udemy's transcript panel shows lines without times. Their order and text are exact; the
 * times are spread over the video by length of text (the whole video when its duration is
 * known), so a line found in search opens near the moment it is spoken.
 */
export function spreadOverTime(texts: readonly string[], duration: number): RawCue[] {
  const weights = texts.map((t) => Math.max(1, t.length));
  const total = weights.reduce((a, b) => a + b, 0);
  const perChar = Number.isFinite(duration) && duration > 0 ? duration / total : 1 / SPEAK_RATE;
  const round = (s: number) => Math.round(s * 1000) / 1000;
  let at = 0;
  return texts.map((text, i) => {
    const start = at;
    at += weights[i];
    return { start: round(start * perChar), end: round(at * perChar), text };
  });
}

/**
 * Udemy: course-taking pages (/course/<slug>/learn/lecture/<id>), a single-page app whose
 * player (blob: media source) swaps video and caption <track>s (signed vtt-c.udemycdn.com
 * files) when the learner moves on. The transcript panel is the fallback.
 */
export const udemyAdapter: SiteAdapter = {
  site: 'udemy',
  matches: (loc) => loc.hostname === 'www.udemy.com' || loc.hostname.endsWith('.udemy.com'),
  findLectures: (root) => [...root.querySelectorAll<HTMLVideoElement>(selectors.video)],
  mediaOf,
  describe(lecture, doc, loc): PageInfo {
    const video = mediaOf(lecture);
    const videoSrc = video ? stableVideoSrc(video) : ''; // '' for the player's blob: source
    const slug = COURSE_PATH.exec(loc.pathname)?.[1] ?? '';
    const item = LECTURE_PATH.exec(loc.pathname);
    const pageUrl = `${loc.origin}${loc.pathname}`;
    const courseTitle = clean(doc.querySelector(selectors.courseTitle)?.textContent) || fromDocumentTitle(doc);
    // The page title names the course; it names the lecture only when it says something else.
    const docTitle = fromDocumentTitle(doc);
    const lectureTitle =
      clean(doc.querySelector(selectors.currentItemTitle)?.textContent) ||
      (docTitle && docTitle !== courseTitle ? docTitle : '') ||
      (item ? `Lecture ${item[2]}` : '');
    let lectureKey: string;
    if (item) {
      lectureKey = `${item[1]}/lecture/${item[2]}`;
    } else {
      const videos: Element[] = [...doc.querySelectorAll(selectors.video)];
      lectureKey = videoSrc || `${pageUrl}#video-${Math.max(0, videos.indexOf(lecture))}`;
    }
    return {
      site: 'udemy',
      courseKey: slug || loc.origin,
      courseTitle: title(courseTitle),
      courseUrl: slug ? `${loc.origin}/course/${slug}/` : `${loc.origin}/`,
      lectureKey,
      lectureTitle: title(lectureTitle),
      lectureUrl: item ? `${loc.origin}/course/${item[1]}/learn/lecture/${item[2]}` : pageUrl,
      videoSrc,
    };
  },
  panelTranscript(lecture, doc): PanelTranscript | null {
    const panel = doc.querySelector(selectors.transcriptPanel);
    if (!panel) return null;
    const texts: string[] = [];
    for (const cue of panel.querySelectorAll(selectors.transcriptCue)) {
      const text = clean((cue.querySelector(selectors.cueText) ?? cue).textContent);
      if (text) texts.push(text);
    }
    if (texts.length === 0) return null;
    const language = (panel.closest(selectors.withLang)?.getAttribute('lang') ?? '').slice(0, 40);
    return { language, label: 'Udemy transcript', cues: spreadOverTime(texts, mediaOf(lecture)?.duration ?? NaN) };
  },
};
