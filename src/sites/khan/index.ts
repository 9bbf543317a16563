import type { PageInfo } from '../../messaging/protocol';
import type { SiteAdapter } from '../types';
import { CONTEXT_MESSAGE, CONTEXT_REQUEST, KHAN_ORIGIN, contextFromUrl, type KhanContext } from './context';
import { selectors } from './selectors';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const EMBED_ORIGINS = new Set(['https://www.youtube-nocookie.com', 'https://www.youtube.com']);

/** "Introduction to biology (video) | Khan Academy" → "Introduction to biology". */
function lessonTitleOf(doc: Document): string {
  const heading = clean(doc.querySelector(selectors.lessonHeading)?.textContent);
  if (heading) return heading;
  const title = clean(doc.querySelector<HTMLMetaElement>(selectors.pageTitle)?.content) || clean(doc.title);
  return title.replace(/\s*\|\s*Khan Academy\s*$/i, '').replace(/\s*\((?:video|article|exercise)\)\s*$/i, '');
}

/** The lesson and its course, from the Khan page's URL, heading and breadcrumb. */
export function khanContext(doc: Document, loc: Location): KhanContext {
  const fromUrl = contextFromUrl(loc.href);
  const url = `${loc.origin}${loc.pathname}`;
  const base: KhanContext = fromUrl ?? { url, lessonTitle: '', courseKey: loc.pathname, courseTitle: '', courseUrl: url };
  let courseTitle = base.courseTitle;
  for (const a of doc.querySelectorAll<HTMLAnchorElement>(selectors.breadcrumbLinks)) {
    let path = '';
    try {
      path = new URL(a.getAttribute('href') ?? '', loc.href).pathname.replace(/\/$/, '');
    } catch {
      continue;
    }
    if (path === base.courseKey && clean(a.textContent)) {
      courseTitle = clean(a.textContent).slice(0, 500);
      break;
    }
  }
  return { ...base, lessonTitle: lessonTitleOf(doc).slice(0, 500), courseTitle: courseTitle || 'Khan Academy' };
}

function frameOrigin(frame: HTMLIFrameElement): string | null {
  try {
    const origin = new URL(frame.src).origin;
    return EMBED_ORIGINS.has(origin) ? origin : null;
  } catch {
    return null;
  }
}

let serving: Document | null = null;

/**
 * Tells the lesson's YouTube frames which Khan course and lesson they play: when a frame
 * asks (its content script starts), and to every frame already there when this page's
 * capture starts or moves to another lesson.
 */
function serveEmbeds(doc: Document): void {
  const win = doc.defaultView;
  if (!win || win.location.origin !== KHAN_ORIGIN) return;
  const message = (): KhanContext & { type: string } => ({ type: CONTEXT_MESSAGE, ...khanContext(doc, win.location) });
  if (serving !== doc) {
    serving = doc;
    win.addEventListener('message', (e: MessageEvent) => {
      try {
        const data: unknown = e.data;
        if (!EMBED_ORIGINS.has(e.origin) || (data as { type?: unknown } | null)?.type !== CONTEXT_REQUEST) return;
        const frame = [...doc.querySelectorAll<HTMLIFrameElement>(selectors.youtubeFrame)].find((f) => f.contentWindow === e.source);
        frame?.contentWindow?.postMessage(message(), e.origin);
      } catch {
        // never into the page
      }
    });
  }
  for (const frame of doc.querySelectorAll<HTMLIFrameElement>(selectors.youtubeFrame)) {
    const origin = frameOrigin(frame);
    // A frame still loading has another origin; the message is then dropped, and the frame asks.
    if (origin) frame.contentWindow?.postMessage(message(), origin);
  }
}

/**
 * Khan Academy lesson pages. Their videos play in a YouTube frame, captured there by the
 * YouTube adapter under this page's course and lesson (src/sites/khan/context.ts); this
 * adapter answers that frame, and captures Khan's own <video>s, if any.
 */
export const khanAdapter: SiteAdapter = {
  site: 'khan',
  matches: (loc) => loc.origin === KHAN_ORIGIN,
  findLectures(root) {
    try {
      serveEmbeds(root instanceof Document ? root : (root as Node).ownerDocument ?? document);
    } catch {
      // the frames get no context and fall back to what their URL says
    }
    return [...root.querySelectorAll<HTMLVideoElement>(selectors.video)];
  },
  mediaOf: (lecture) => (lecture instanceof HTMLVideoElement ? lecture : null),
  describe(lecture, doc, loc): PageInfo {
    const ctx = khanContext(doc, loc);
    const video = lecture as HTMLVideoElement;
    const src = /^https?:/i.test(video.currentSrc || video.src || '') ? video.currentSrc || video.src : '';
    const videos = [...doc.querySelectorAll(selectors.video)];
    const index = Math.max(0, videos.indexOf(video));
    return {
      site: 'khan',
      courseKey: ctx.courseKey,
      courseTitle: ctx.courseTitle,
      courseUrl: ctx.courseUrl,
      lectureKey: videos.length > 1 ? `${loc.pathname}#video-${index}` : loc.pathname,
      lectureTitle: ctx.lessonTitle || ctx.url,
      lectureUrl: ctx.url,
      videoSrc: src,
    };
  },
};
