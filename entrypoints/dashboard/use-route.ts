import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'home' }
  | { name: 'lecture'; lectureId: string; trackId: string | null; time: number | null }
  | { name: 'search'; query: string }
  | { name: 'flags' }
  | { name: 'glossary' }
  | { name: 'duties' }
  | { name: 'settings' };

/** #/lecture/<id>?track=<id>&t=<seconds>, #/search?q=<words>, else home. */
export function parseRoute(hash: string): Route {
  const [path, qs = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(qs);
  const lecture = /^\/lecture\/([^/]+)$/.exec(path);
  if (lecture) {
    const t = Number(params.get('t'));
    return { name: 'lecture', lectureId: decodeURIComponent(lecture[1]), trackId: params.get('track'), time: params.has('t') && Number.isFinite(t) ? t : null };
  }
  if (path === '/search') return { name: 'search', query: params.get('q') ?? '' };
  if (path === '/flags') return { name: 'flags' };
  if (path === '/glossary') return { name: 'glossary' };
  if (path === '/duties') return { name: 'duties' };
  if (path === '/settings') return { name: 'settings' };
  return { name: 'home' };
}

export function lectureHref(lectureId: string, trackId?: string, time?: number): string {
  const params = new URLSearchParams();
  if (trackId) params.set('track', trackId);
  if (time !== undefined) params.set('t', String(time));
  const qs = params.toString();
  return `#/lecture/${encodeURIComponent(lectureId)}${qs ? `?${qs}` : ''}`;
}

export const searchHref = (q: string) => `#/search?q=${encodeURIComponent(q)}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}
