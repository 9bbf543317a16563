import type { PageInfo, RawCue } from '../../messaging/protocol';
import type { PanelTranscript, SiteAdapter } from '../types';
import { stableVideoSrc } from '../html5';
import { selectors } from './selectors';
import { absoluteUrl, cleanText, countPair, pageLang } from '../peer-text';
import type { DutyReading } from '../../messaging/protocol';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
/** Titles as the messages allow them (a page may put anything in an h1). */
const title = (s: string) => s.slice(0, 500);

/** /learn/<course-slug>/lecture/<itemId>/<title-slug> */
const LECTURE_PATH = /^\/learn\/([^/]+)\/lecture\/([^/]+)/;
const COURSE_PATH = /^\/learn\/([^/]+)/;
/** /learn/<course-slug>/peer/<itemId>/<title-slug>[/submit|/give-feedback|/review/…] */
const PEER_PATH = /^\/learn\/([^/]+)\/peer\/([^/]+)(?:\/([^/]+))?/;
/** Characters read per second: only to place the end of the last paragraph when the video has no duration yet. */
const READ_RATE = 15;

export function courseSlugOf(pathname: string): string {
  return COURSE_PATH.exec(pathname)?.[1] ?? '';
}

function linkPath(a: Element, origin: string): string {
  try {
    return new URL(a.getAttribute('href') ?? '', origin).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** The course's name: the breadcrumb or header link back to the course home. */
function courseTitleOf(doc: Document, origin: string, slug: string): string {
  if (!slug) return '';
  const home = `/learn/${slug}`;
  const isCourseLink = (a: Element) => {
    const path = linkPath(a, origin);
    return path === home || path.startsWith(`${home}/home`);
  };
  for (const list of [selectors.breadcrumbLinks, selectors.courseLinks]) {
    for (const a of doc.querySelectorAll(list)) {
      const text = clean(a.textContent);
      if (text && isCourseLink(a)) return text;
    }
  }
  return '';
}

/** "Lecture title | Coursera" → "Lecture title". */
function titleFromDocument(doc: Document): string {
  return clean(doc.title.replace(/\s*\|\s*Coursera\s*$/i, ''));
}

/** The last clock time in a text ("Play video starting at ::4 and follow transcript0:04" → 4). */
export function clockSeconds(text: string | null | undefined): number | null {
  const all = (text ?? '').match(/(?:\d+:)?\d{1,2}:\d{2}/g);
  if (!all) return null;
  const parts = all[all.length - 1].split(':').map(Number);
  return parts.reduce((acc, n) => acc * 60 + n, 0);
}

function paragraphText(p: Element): string {
  const phrases = [...p.querySelectorAll(selectors.phrase)].map((el) => clean(el.textContent)).filter(Boolean);
  if (phrases.length > 0) return phrases.join(' ');
  // Phrases renamed: the paragraph's text without its time button.
  const copy = p.cloneNode(true) as Element;
  for (const t of copy.querySelectorAll(selectors.timestamp)) t.remove();
  return clean(copy.textContent);
}

function mediaOf(lecture: HTMLElement): HTMLVideoElement | null {
  return lecture instanceof HTMLVideoElement ? lecture : lecture.querySelector<HTMLVideoElement>(selectors.video);
}

/**
 * Coursera: lecture items of a course (/learn/<slug>/lecture/<itemId>/…), a single-page app
 * that swaps the video and the address for the next item. The player adds its caption
 * <track>s (signed subtitleAssetProxy URLs) when playback starts; until then, and when the
 * player changes, the interactive transcript is read.
 */
function dateOf(el: Element | null, doc: Document): DutyReading['submitDue'] {
  if (!el) return null;
  const text = cleanText(el.textContent).slice(0, 300);
  const iso = (el.closest(selectors.machineDate)?.getAttribute('datetime') ?? el.querySelector(selectors.machineDate)?.getAttribute('datetime') ?? '').slice(0, 60);
  if (!text && !iso) return null;
  return { text, lang: pageLang(el, doc, selectors.withLang), ...(iso ? { iso } : {}) };
}

/** A peer-graded assignment page: what I owe, what I am owed, both deadlines. */
function peerDuties(doc: Document, loc: Location): DutyReading[] {
  const item = PEER_PATH.exec(loc.pathname);
  if (!item) return [];
  const [, slug, itemId, titleSlug] = item;
  const given = countPair(doc.querySelector(selectors.peerReviewProgress)?.textContent);
  const submitted = doc.querySelector(selectors.peerSubmitted) !== null;
  const received = countPair(doc.querySelector(selectors.peerReviewsReceived)?.textContent);
  const forum = doc.querySelector(selectors.forumLink);
  const share = doc.querySelector(selectors.peerShareLink);
  return [
    {
      site: 'coursera',
      key: `${slug}/peer/${itemId}`,
      course: title(courseTitleOf(doc, loc.origin, slug)),
      title: title(clean(doc.querySelector(selectors.heading)?.textContent) || titleFromDocument(doc) || itemId),
      url: `${loc.origin}/learn/${slug}/peer/${itemId}${titleSlug ? `/${titleSlug}` : ''}`,
      submissionUrl: absoluteUrl(share?.getAttribute('href'), loc.href).slice(0, 4000),
      forumUrl: absoluteUrl(forum?.getAttribute('href'), loc.href).slice(0, 4000),
      submitted,
      reviewsGiven: given ? given[0] : null,
      reviewsRequired: given ? given[1] : null,
      reviewsReceived: received ? received[0] : null,
      reviewsNeeded: received ? received[1] : null,
      submitDue: dateOf(doc.querySelector(selectors.peerDeadlineSubmit), doc),
      reviewDue: dateOf(doc.querySelector(selectors.peerDeadlineReview), doc),
    },
  ];
}

export const courseraAdapter: SiteAdapter = {
  site: 'coursera',
  matches: (loc) => loc.hostname === 'www.coursera.org' || loc.hostname.endsWith('.coursera.org'),
  findLectures: (root) => [...root.querySelectorAll<HTMLVideoElement>(selectors.video)],
  mediaOf,
  describe(lecture, doc, loc): PageInfo {
    const video = mediaOf(lecture);
    const videoSrc = video ? stableVideoSrc(video) : '';
    const slug = courseSlugOf(loc.pathname);
    const item = LECTURE_PATH.exec(loc.pathname);
    const pageUrl = `${loc.origin}${loc.pathname}`;
    let lectureKey: string;
    if (item) {
      lectureKey = `${item[1]}/lecture/${item[2]}`;
    } else {
      const videos: Element[] = [...doc.querySelectorAll(selectors.video)];
      lectureKey = videoSrc || `${pageUrl}#video-${Math.max(0, videos.indexOf(lecture))}`;
    }
    return {
      site: 'coursera',
      courseKey: slug || loc.origin,
      courseTitle: title(courseTitleOf(doc, loc.origin, slug)),
      courseUrl: slug ? `${loc.origin}/learn/${slug}` : `${loc.origin}/`,
      lectureKey,
      lectureTitle: title(clean(doc.querySelector(selectors.heading)?.textContent) || titleFromDocument(doc) || (item ? item[2] : '')),
      lectureUrl: pageUrl,
      videoSrc,
    };
  },
  panelTranscript(lecture, doc): PanelTranscript | null {
    const root = doc.querySelector(selectors.transcript);
    if (!root) return null;
    const rows: Array<{ start: number | null; text: string }> = [];
    for (const p of root.querySelectorAll(selectors.paragraph)) {
      const text = paragraphText(p);
      if (text) rows.push({ start: clockSeconds(p.querySelector(selectors.timestamp)?.textContent), text });
    }
    if (rows.length === 0) return null;
    // Each paragraph starts at its time button and runs until the next one starts.
    const starts: number[] = [];
    for (const r of rows) starts.push(Math.max(r.start ?? 0, starts[starts.length - 1] ?? 0));
    const duration = mediaOf(lecture)?.duration ?? NaN;
    const cues: RawCue[] = rows.map((r, i) => {
      const start = starts[i];
      const last = i === rows.length - 1;
      const end = !last ? starts[i + 1] : Number.isFinite(duration) && duration > start ? duration : start + r.text.length / READ_RATE;
      return { start, end: Math.round(end * 1000) / 1000, text: r.text };
    });
    const language = (root.closest(selectors.withLang)?.getAttribute('lang') ?? '').slice(0, 40);
    return { language, label: 'Coursera transcript', cues };
  },
  peerDuties,
};
