/**
 * Khan Academy plays its lessons in an embedded YouTube player: the captions are captured
 * inside that frame (youtube-nocookie.com), which cannot read Khan's page. The Khan page's
 * content script tells the frame which course and lesson it is part of, by postMessage
 * between the two frames' content scripts. Both sides check origins and shape.
 */
export const KHAN_ORIGIN = 'https://www.khanacademy.org';
export const CONTEXT_REQUEST = 'moocmate:khan-context-request';
export const CONTEXT_MESSAGE = 'moocmate:khan-context';

export interface KhanContext {
  /** The lesson page, without query or hash. */
  url: string;
  lessonTitle: string;
  courseKey: string;
  courseTitle: string;
  courseUrl: string;
}

const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);

/** A context message from the Khan page, checked; null when it is not one. */
export function readContextMessage(data: unknown): KhanContext | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type !== CONTEXT_MESSAGE) return null;
  const url = text(d.url, 2000);
  const lessonTitle = text(d.lessonTitle, 500);
  const courseKey = text(d.courseKey, 500);
  const courseTitle = text(d.courseTitle, 500);
  const courseUrl = text(d.courseUrl, 2000);
  if (!url || !url.startsWith(`${KHAN_ORIGIN}/`) || lessonTitle === null || !courseKey || courseTitle === null || courseUrl === null) return null;
  return { url, lessonTitle, courseKey, courseTitle, courseUrl };
}

/** "intro-to-biology" → "Intro to biology" (when the page gives no title). */
export function humanizeSlug(slug: string): string {
  let s = slug;
  try {
    s = decodeURIComponent(slug);
  } catch {
    // keep as is
  }
  // Khan's newer course slugs carry an id: "x2f8bb11595b61c86:foundation-algebra".
  s = s.replace(/^x[0-9a-f]{8,}:/i, '').replace(/[-_]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : '';
}

/** The course of a lesson URL: its first two path segments (/science/biology). */
export function courseOfPath(pathname: string): { key: string; slug: string } | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length < 2) return null;
  return { key: `/${parts[0]}/${parts[1]}`, slug: parts[1] };
}

/** The identity a lesson URL alone gives (the lesson title comes from elsewhere). */
export function contextFromUrl(href: string): KhanContext | null {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.origin !== KHAN_ORIGIN) return null;
  const course = courseOfPath(u.pathname);
  if (!course) return null;
  return {
    url: `${u.origin}${u.pathname}`,
    lessonTitle: '',
    courseKey: course.key,
    courseTitle: humanizeSlug(course.slug),
    courseUrl: `${u.origin}${course.key}`,
  };
}
