/**
 * Reading the settings the Open edX LMS renders on a video player's root element.
 *
 * Current releases put everything in one JSON attribute, `data-metadata`
 * (transcriptTranslationUrl with a `__lang__` placeholder, transcriptLanguages as
 * {code: name}, transcriptLanguage, transcriptAvailableTranslationsUrl, streams, sources,
 * sub). Older releases rendered one attribute per setting (data-transcript-translation-url
 * without the placeholder — the player appended "/<lang>" — data-transcript-languages as
 * JSON, data-streams, data-sub, data-sources); the oldest ones had no translation handler
 * and served `subs_<sub>.srt.sjson` from data-caption-asset-path.
 */
import { selectors } from './selectors';

export interface PlayerSettings {
  /** The transcript handler, with `__lang__` or (older) to be followed by "/<lang>". */
  translationUrl: string;
  availableTranslationsUrl: string;
  /** In the order the LMS gives them. */
  languages: Array<{ code: string; label: string }>;
  /** The language the player starts with. */
  currentLanguage: string;
  /** The 1.0-speed YouTube id, when the block plays from YouTube. */
  youtubeId: string;
  /** HTML5 sources, as written (maybe relative). */
  sources: string[];
  sub: string;
  captionAssetPath: string;
}

const METADATA = 'data-metadata';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function strings(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(str).filter(Boolean);
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('[')) return strings(JSON.parse(t) as unknown);
    return t ? t.split(/[;,]\s*/).filter(Boolean) : [];
  }
  return [];
}

function languagesOf(v: unknown): PlayerSettings['languages'] {
  let value = v;
  if (typeof value === 'string') value = value.trim() ? (JSON.parse(value) as unknown) : {};
  if (!isRecord(value)) return [];
  const out: PlayerSettings['languages'] = [];
  for (const [code, name] of Object.entries(value)) {
    const c = code.trim();
    if (!c || out.some((l) => l.code === c)) continue;
    out.push({ code: c, label: str(name) || c });
  }
  return out;
}

/** "0.75:abc,1.0:def,1.25:ghi" (or a bare id) → the id played at normal speed. */
export function youtubeIdOf(streams: string): string {
  for (const part of streams.split(',')) {
    const m = /^\s*(?:([\d.]+)\s*:)?\s*([\w-]{6,})\s*$/.exec(part);
    if (m && (m[1] === undefined || Number(m[1]) === 1)) return m[2];
  }
  return '';
}

/** True when the element carries the player's settings (new or old markup). */
export function hasSettings(el: Element): boolean {
  return el.matches(selectors.playerData);
}

/**
 * The player's settings, or null when the element has none. Throws when the settings are
 * there but unreadable (markup that changed): the caller falls back to the panel.
 */
export function readSettings(el: Element): PlayerSettings | null {
  const raw = el.getAttribute(METADATA);
  if (raw !== null) {
    const meta = JSON.parse(raw) as unknown;
    if (!isRecord(meta)) throw new Error('data-metadata is not an object');
    return {
      translationUrl: str(meta.transcriptTranslationUrl),
      availableTranslationsUrl: str(meta.transcriptAvailableTranslationsUrl),
      languages: languagesOf(meta.transcriptLanguages),
      currentLanguage: str(meta.transcriptLanguage),
      youtubeId: youtubeIdOf(str(meta.streams)),
      sources: [...strings(meta.sources), ...strings(meta.html5_sources)],
      sub: str(meta.sub),
      captionAssetPath: str(meta.captionAssetPath),
    };
  }
  if (!hasSettings(el)) return null;
  const attr = (name: string) => (el.getAttribute(`data-${name}`) ?? '').trim();
  return {
    translationUrl: attr('transcript-translation-url'),
    availableTranslationsUrl: attr('transcript-available-translations-url'),
    languages: languagesOf(attr('transcript-languages')),
    currentLanguage: attr('transcript-language'),
    youtubeId: youtubeIdOf(attr('streams')),
    sources: [
      ...strings(attr('sources')),
      ...['mp4-source', 'webm-source', 'ogg-source'].map(attr).filter(Boolean),
    ],
    sub: attr('sub'),
    captionAssetPath: attr('caption-asset-path'),
  };
}

/** readSettings that never throws (for naming a lecture, where a guess beats nothing). */
export function settingsOrNull(el: Element): PlayerSettings | null {
  try {
    return readSettings(el);
  } catch {
    return null;
  }
}

/** The handler address for one language: `__lang__` replaced, or "/<lang>" appended (older LMS). */
export function translationUrlFor(template: string, code: string): string {
  const lang = encodeURIComponent(code);
  if (template.includes('__lang__')) return template.split('__lang__').join(lang);
  const q = template.search(/[?#]/);
  const path = q < 0 ? template : template.slice(0, q);
  const rest = q < 0 ? '' : template.slice(q);
  return `${path.replace(/\/+$/, '')}/${lang}${rest}`;
}
