import type { DataTrack, PanelTranscript, SiteAdapter } from '../types';
import type { PageInfo, RawCue } from '../../messaging/protocol';
import { selectors } from './selectors';
import { oraDuties } from './peer';
import { hasSettings, readSettings, settingsOrNull, translationUrlFor, type PlayerSettings } from './player';

const SITE = 'edx';
/** edX's default display name for a video block says nothing about the lecture. */
const GENERIC_TITLE = /^video$/i;
/** The last panel line has no next line to end it. */
const LAST_LINE_SECONDS = 5;
const AVAILABLE_TIMEOUT_MS = 5000;

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function attr(el: Element | null | undefined, name: string): string {
  return clean(el?.getAttribute(name));
}

/** A `div.video` that is really Open edX's player: its settings, its XBlock wrapper or its transcript panel. */
function isPlayer(el: Element): boolean {
  return hasSettings(el) || el.closest(selectors.videoBlock) !== null || el.querySelector(selectors.panel) !== null;
}

function players(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selectors.player)].filter(isPlayer);
}

/** The block's usage id (`block-v1:Org+Course+Run+type@video+block@…`, or an old `i4x://…/video/…`). */
function usageIdOf(lecture: HTMLElement): string {
  const own = attr(lecture, 'data-block-id') || attr(lecture, 'data-usage-id');
  if (own) return own;
  const wrapper = attr(lecture.closest(selectors.videoBlock), 'data-usage-id');
  if (wrapper) return wrapper;
  // Any wrapper above may be the unit's; only a video's own id names this lecture.
  const above = attr(lecture.closest(selectors.usageHolder), 'data-usage-id');
  return /type@video\+block@|\/video\//.test(above) ? above : '';
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `course-v1:Org+Course+Run` (or an old `Org/Course/Run`) from the markup, the usage id or the address. */
function courseKeyOf(lecture: HTMLElement, usageId: string, loc: Location): string {
  const marked = attr(lecture, 'data-course-id') || attr(lecture.closest(selectors.courseHolder), 'data-course-id');
  if (marked) return marked;
  const fromBlock = /^block-v1:([^+]+\+[^+]+\+[^+]+)\+type@/.exec(usageId);
  if (fromBlock) return `course-v1:${fromBlock[1]}`;
  const path = decoded(loc.pathname);
  const modern = /\/(?:courses?|xblock)\/(course-v1:[^/?#]+)/.exec(path);
  if (modern) return modern[1];
  const blockInPath = /\/block-v1:([^+/]+\+[^+/]+\+[^+/]+)\+type@/.exec(path);
  if (blockInPath) return `course-v1:${blockInPath[1]}`;
  const legacy = /\/courses\/([^/]+\/[^/]+\/[^/]+)\/(?:courseware|jump_to|info|course|xblock)\b/.exec(path);
  return legacy ? legacy[1] : '';
}

/** The block's display name: the heading the LMS renders right before the player. */
function ownHeading(lecture: HTMLElement): string {
  const before = lecture.previousElementSibling;
  if (!before?.matches(selectors.blockHeading)) return '';
  const text = clean(before.textContent);
  return GENERIC_TITLE.test(text) ? '' : text;
}

function unitTitle(lecture: HTMLElement, doc: Document): string {
  const unit = lecture.closest(selectors.unit);
  return (
    clean(unit?.querySelector(selectors.unitTitle)?.textContent) ||
    clean(doc.querySelector(selectors.unitTitle)?.textContent) ||
    clean(doc.querySelector(selectors.pageHeading)?.textContent) ||
    clean(doc.title)
  );
}

function absolute(url: string, base: string): string {
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

/** Where the lecture's media comes from, without a query (signed addresses change every visit). */
function videoSrcOf(lecture: HTMLElement, settings: PlayerSettings | null, base: string): string {
  const video = lecture.querySelector<HTMLVideoElement>(selectors.video);
  // As written, resolved against the page: what the player plays, whatever document parsed it.
  const candidates = [
    video?.currentSrc,
    video?.getAttribute('src'),
    video?.querySelector(selectors.source)?.getAttribute('src'),
    ...(settings?.sources ?? []),
  ];
  for (const c of candidates) {
    const url = c ? absolute(c, base) : '';
    if (url) {
      const u = new URL(url);
      return `${u.origin}${u.pathname}`;
    }
  }
  return settings?.youtubeId ? `https://www.youtube.com/watch?v=${settings.youtubeId}` : '';
}

function describe(lecture: HTMLElement, doc: Document, loc: Location): PageInfo {
  const settings = settingsOrNull(lecture);
  const usageId = usageIdOf(lecture);
  const courseKey = courseKeyOf(lecture, usageId, loc);
  const all = players(doc);
  const index = Math.max(0, all.indexOf(lecture));
  const pageUrl = `${loc.origin}${loc.pathname}${loc.search}`;
  const ownId = attr(lecture, 'id');
  const lectureKey = usageId || (ownId ? `${courseKey || loc.origin}/${ownId}` : `${pageUrl}#video-${index}`);
  const unit = unitTitle(lecture, doc);
  const titled = ownHeading(lecture);
  // The learning MFE shows a unit in an iframe of /xblock/<id>: link to the LMS's own jump_to instead.
  const inFrame = loc.pathname.startsWith('/xblock/');
  return {
    site: SITE,
    courseKey: courseKey || loc.origin,
    courseTitle: clean(doc.querySelector(selectors.courseName)?.textContent),
    courseUrl: courseKey ? `${loc.origin}/courses/${courseKey}/course/` : `${loc.origin}/`,
    lectureKey,
    lectureTitle: titled || (all.length > 1 ? `${unit} (${index + 1})` : unit) || lectureKey,
    lectureUrl: inFrame && courseKey && usageId ? `${loc.origin}/courses/${courseKey}/jump_to/${usageId}` : pageUrl,
    videoSrc: videoSrcOf(lecture, settings, loc.href),
  };
}

/** The language codes the handler really has (an older LMS may list none in the markup). */
async function availableLanguages(url: string): Promise<string[]> {
  const res = await fetch(url, { credentials: 'include', signal: AbortSignal.timeout(AVAILABLE_TIMEOUT_MS) });
  if (!res.ok) return [];
  const list = (await res.json()) as unknown;
  return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string' && c.trim() !== '') : [];
}

function languageName(code: string, doc: Document): string {
  try {
    return new Intl.DisplayNames([doc.documentElement.lang || 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

async function dataTracks(lecture: HTMLElement, doc: Document, loc: Location): Promise<DataTrack[]> {
  const settings = readSettings(lecture);
  if (!settings) return [];
  const base = loc.href;
  const track = (code: string, label: string, url: string): DataTrack | null => {
    const href = absolute(url, base);
    return href ? { kind: 'captions', label, language: code, url: href, format: 'sjson' } : null;
  };
  if (settings.translationUrl) {
    let languages = settings.languages;
    if (languages.length === 0 && settings.availableTranslationsUrl) {
      const href = absolute(settings.availableTranslationsUrl, base);
      const codes = href ? await availableLanguages(href).catch(() => []) : [];
      languages = codes.map((code) => ({ code, label: languageName(code, doc) }));
    }
    const out: DataTrack[] = [];
    for (const { code, label } of languages) {
      let url = translationUrlFor(settings.translationUrl, code);
      // A YouTube block's transcript may be stored under its YouTube id; the player sends it too.
      if (settings.youtubeId) url += `${url.includes('?') ? '&' : '?'}videoId=${encodeURIComponent(settings.youtubeId)}`;
      const t = track(code, label, url);
      if (t) out.push(t);
    }
    return out;
  }
  // The oldest LMS: one English SJSON file per video, next to the course's static assets.
  if (settings.captionAssetPath && settings.sub) {
    const t = track('en', 'English', `${settings.captionAssetPath}subs_${settings.sub}.srt.sjson`);
    return t ? [t] : [];
  }
  return [];
}

/** A panel time: milliseconds as the player writes them; a decimal value is taken as seconds. */
function panelTime(raw: string | null): number | null {
  const s = (raw ?? '').trim();
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return s.includes('.') ? n : n / 1000;
}

function panelTranscript(lecture: HTMLElement, doc: Document): PanelTranscript | null {
  const panel = lecture.querySelector(selectors.panel) ?? lecture.closest(selectors.videoBlock)?.querySelector(selectors.panel);
  if (!panel) return null;
  const lines: Array<{ start: number; text: string }> = [];
  for (const el of panel.querySelectorAll(selectors.panelLine)) {
    // Only the innermost carrier of a time (a span inside a li that also had one, say).
    if (el.querySelector(selectors.panelLine)) continue;
    const start = panelTime(el.getAttribute('data-start'));
    const text = clean(el.textContent);
    if (start === null || !text) continue;
    lines.push({ start, text });
  }
  if (lines.length === 0) return null;
  const video = lecture.querySelector<HTMLVideoElement>(selectors.video);
  const duration = video && Number.isFinite(video.duration) ? video.duration : Infinity;
  const cues: RawCue[] = lines.map((line, i) => {
    const next = lines[i + 1]?.start;
    const end = next !== undefined && next > line.start ? next : Math.min(line.start + LAST_LINE_SECONDS, Math.max(duration, line.start));
    return { start: line.start, end, text: line.text };
  });

  const settings = settingsOrNull(lecture);
  const list = panel.matches(selectors.panelList) ? panel : panel.querySelector(selectors.panelList);
  const active = lecture.querySelector(selectors.activeLanguage);
  const language =
    attr(list, 'lang') || attr(active, 'data-lang-code') || settings?.currentLanguage || attr(doc.documentElement, 'lang');
  const label =
    clean(active?.textContent) || settings?.languages.find((l) => l.code === language)?.label || (language ? languageName(language, doc) : 'Transcript');
  return { language, label, cues };
}

/** edX (courses.edx.org, the learning MFE's unit iframes) and any self-hosted Open edX. */
export const edxAdapter: SiteAdapter = {
  site: SITE,
  matches: (_location, document) => players(document).length > 0 || document.querySelector(selectors.videoBlock) !== null,
  findLectures: (root) => players(root),
  mediaOf: (lecture) => lecture.querySelector<HTMLVideoElement>(selectors.video),
  describe,
  dataTracks,
  panelTranscript,
  peerDuties: oraDuties,
};
