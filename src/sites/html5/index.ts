import type { SiteAdapter } from '../types';
import { selectors } from './selectors';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The video's own source; blob: and data: sources (media streams) change every visit. */
export function stableVideoSrc(video: HTMLVideoElement): string {
  const src = video.currentSrc || video.src || video.querySelector<HTMLSourceElement>(selectors.source)?.src || '';
  if (!/^https?:/i.test(src)) return '';
  const u = new URL(src);
  return `${u.origin}${u.pathname}`;
}

function videoTitle(video: HTMLVideoElement, doc: Document, index: number, count: number): string {
  const own = clean(video.getAttribute('title')) || clean(video.getAttribute('aria-label'));
  if (own) return own;
  const container = video.closest(selectors.videoContainer);
  const heading = clean(container?.querySelector(selectors.containerHeading)?.textContent);
  if (heading) return heading;
  const page =
    clean(doc.querySelector(selectors.mainHeading)?.textContent) ||
    clean(doc.querySelector<HTMLMetaElement>(selectors.pageTitle)?.content) ||
    clean(doc.title);
  return count > 1 ? `${page} (${index + 1})` : page;
}

/** The fallback for any page with a <video>: FutureLearn, university sites, the demo course. */
export const html5Adapter: SiteAdapter = {
  site: 'html5',
  matches: () => true,
  findLectures: (root) => [...root.querySelectorAll<HTMLVideoElement>(selectors.video)],
  onScreenCaptions: (lecture) => lecture.closest(selectors.playerWrapper)?.querySelector(selectors.playerCaptions) ?? null,
  mediaOf: (lecture) => (lecture instanceof HTMLVideoElement ? lecture : lecture.querySelector<HTMLVideoElement>(selectors.video)),
  describe(lecture, doc, loc) {
    const video = lecture as HTMLVideoElement;
    const videos = [...doc.querySelectorAll(selectors.video)];
    const index = Math.max(0, videos.indexOf(video));
    const src = stableVideoSrc(video);
    const pageUrl = `${loc.origin}${loc.pathname}${loc.search}`;
    // The same file twice on one page (an overview, a recap) is still two places to watch.
    const twin = src ? videos.slice(0, index).filter((v) => stableVideoSrc(v as HTMLVideoElement) === src).length : 0;
    return {
      site: 'html5',
      courseKey: loc.origin,
      courseTitle: clean(doc.querySelector<HTMLMetaElement>(selectors.siteName)?.content) || loc.hostname,
      courseUrl: `${loc.origin}/`,
      // A lecture is its video; without a stable video address, its place on the page.
      lectureKey: src ? (twin ? `${src}#${twin + 1}` : src) : `${pageUrl}#video-${index}`,
      lectureTitle: videoTitle(video, doc, index, videos.length),
      lectureUrl: pageUrl,
      videoSrc: src,
    };
  },
};
