import type { DataTrack } from '../types';

/**
 * YouTube's player response (ytInitialPlayerResponse, the innertube /player answer, or
 * movie_player.getPlayerResponse()), reduced to what MoocMate uses. Everything in it is
 * page data: each field is checked, and anything of the wrong shape is left out.
 */
export interface CaptionTrack {
  baseUrl: string;
  languageCode: string;
  label: string;
  /** 'asr' for speech-recognition tracks. */
  kind: string;
  vssId: string;
}

export interface PlayerData {
  videoId: string;
  title: string;
  author: string;
  channelId: string;
  /** Seconds; 0 when unknown. */
  lengthSeconds: number;
  /** playabilityStatus.status: 'OK', 'ERROR', 'LOGIN_REQUIRED', 'UNPLAYABLE', 'CUSTOM', ... */
  status: string;
  tracks: CaptionTrack[];
}

/** The only fields the main-world script passes on (a JSON.stringify property list). */
export const PLAYER_FIELDS = [
  'playabilityStatus',
  'status',
  'videoDetails',
  'videoId',
  'title',
  'author',
  'channelId',
  'lengthSeconds',
  'captions',
  'playerCaptionsTracklistRenderer',
  'captionTracks',
  'baseUrl',
  'name',
  'simpleText',
  'runs',
  'text',
  'languageCode',
  'kind',
  'vssId',
];

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const MAX_TRACKS = 200;

/** The caption hosts a track URL may point at: the background fetches it with cookies. */
const CAPTION_HOSTS = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com', 'www.youtube-nocookie.com']);

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 500): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, max) : '');

export function isVideoId(v: unknown): v is string {
  return typeof v === 'string' && VIDEO_ID.test(v);
}

/** YouTube's text objects: { simpleText } or { runs: [{ text }] }. */
function ytText(v: unknown): string {
  if (!isRec(v)) return '';
  if (typeof v.simpleText === 'string') return str(v.simpleText, 200);
  if (Array.isArray(v.runs)) return str(v.runs.map((r) => (isRec(r) && typeof r.text === 'string' ? r.text : '')).join(''), 200);
  return '';
}

function readTrack(v: unknown): CaptionTrack | null {
  if (!isRec(v)) return null;
  const baseUrl = typeof v.baseUrl === 'string' ? v.baseUrl : '';
  const languageCode = str(v.languageCode, 40);
  if (!baseUrl || baseUrl.length > 6000 || !LANGUAGE.test(languageCode)) return null;
  return {
    baseUrl,
    languageCode,
    label: ytText(v.name) || languageCode,
    kind: str(v.kind, 20),
    vssId: str(v.vssId, 100),
  };
}

/** A player response of any origin, checked; null when it is not one. */
export function readPlayerResponse(raw: unknown): PlayerData | null {
  if (!isRec(raw)) return null;
  const details = isRec(raw.videoDetails) ? raw.videoDetails : {};
  const status = isRec(raw.playabilityStatus) ? str(raw.playabilityStatus.status, 40) : '';
  if (!isRec(raw.videoDetails) && !status) return null;
  const captions = isRec(raw.captions) ? raw.captions.playerCaptionsTracklistRenderer : undefined;
  const list = isRec(captions) && Array.isArray(captions.captionTracks) ? captions.captionTracks.slice(0, MAX_TRACKS) : [];
  const length = Number(str(details.lengthSeconds, 12));
  return {
    videoId: isVideoId(details.videoId) ? details.videoId : '',
    title: str(details.title),
    author: str(details.author),
    channelId: /^[A-Za-z0-9_-]{1,64}$/.test(str(details.channelId, 64)) ? str(details.channelId, 64) : '',
    lengthSeconds: Number.isFinite(length) && length > 0 ? length : 0,
    status,
    tracks: list.map(readTrack).filter((t): t is CaptionTrack => t !== null),
  };
}

/** Parses a JSON string handed over by the main world; null when it is not a player response. */
export function parsePlayerJson(json: unknown): PlayerData | null {
  if (typeof json !== 'string' || json.length > 5_000_000) return null;
  try {
    return readPlayerResponse(JSON.parse(json));
  } catch {
    return null;
  }
}

/**
 * The object literal assigned to `ytInitialPlayerResponse` in an inline script:
 * `var ytInitialPlayerResponse = {...};` (the watch page) or
 * `window["ytInitialPlayerResponse"] = {...}`. Found by matching braces outside strings.
 */
export function extractInlineResponse(script: string): unknown {
  const at = script.search(/ytInitialPlayerResponse["'\]]*\s*=\s*\{/);
  if (at < 0) return null;
  const start = script.indexOf('{', at);
  let depth = 0;
  let inString = false;
  for (let i = start; i < script.length; i++) {
    const c = script[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        return JSON.parse(script.slice(start, i + 1));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Why a caption URL will not load without the player's proof-of-origin token. */
export function needsPoToken(url: URL): boolean {
  return (url.searchParams.get('exp') ?? '').split(',').includes('xpe') && !url.searchParams.has('pot');
}

/**
 * The caption file address for the background: json3 unless the URL already asks for one
 * of the XML forms (the innertube response says fmt=srv3). Null when the URL is not on a
 * YouTube host, or needs a PO token that `pot` (the player's own, when it fetched
 * captions) does not give.
 */
export function captionUrl(track: CaptionTrack, pot: { pot: string; potc: string } | null): { url: string; format: 'json3' | 'srv3' } | null {
  let url: URL;
  try {
    url = new URL(track.baseUrl, 'https://www.youtube.com');
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !CAPTION_HOSTS.has(url.hostname)) return null;
  if (needsPoToken(url)) {
    if (!pot) return null;
    url.searchParams.set('pot', pot.pot);
    if (pot.potc) url.searchParams.set('potc', pot.potc);
  }
  const fmt = url.searchParams.get('fmt') ?? '';
  if (/^srv[123]$/.test(fmt)) return { url: url.href, format: 'srv3' };
  url.searchParams.set('fmt', 'json3');
  return { url: url.href, format: 'json3' };
}

/** The player response's caption tracks as tracks for the background to fetch. */
export function dataTracksOf(player: PlayerData, pot: { pot: string; potc: string } | null): DataTrack[] {
  const out: DataTrack[] = [];
  for (const t of player.tracks) {
    const where = captionUrl(t, pot);
    if (!where) continue;
    const generated = t.kind === 'asr';
    out.push({
      kind: 'captions',
      label: t.label,
      language: t.languageCode,
      url: where.url,
      format: where.format,
      ...(generated ? { generated: true } : {}),
    });
  }
  return out;
}

/** Whether some tracks were left out for want of a PO token (for the panel fallback). */
export function tracksNeedToken(player: PlayerData): boolean {
  return player.tracks.some((t) => {
    try {
      return needsPoToken(new URL(t.baseUrl, 'https://www.youtube.com'));
    } catch {
      return false;
    }
  });
}
