/**
 * The learner's in-lecture settings, kept in extension storage (browser.storage.local):
 * the side panel writes them, every course page reads them live. Nothing here is in
 * IndexedDB, so the backup does not carry them.
 */
export interface LectureSettings {
  /** Dual captions on the video. Off until the learner turns them on (Alt+Shift+C or the side panel). */
  overlay: boolean;
  overlaySize: 'small' | 'medium' | 'large';
  /** How far above its lowest place the overlay sits, in percent of the video's height (0–50). */
  overlayLift: number;
  /** Hide the player's own captions while the overlay shows. */
  hidePlatform: boolean;
  /** The learner's language (BCP 47); '' means the browser's interface language. */
  language: string;
  /** What to do with a line denser than the limit. */
  readingLoad: 'off' | 'slow' | 'pause';
  /** Words per minute a learner can read (130: the pace caption guidelines give for educational material). */
  wpmLimit: number;
}

export const LECTURE_SETTINGS_KEY = 'lectureSettings';

export const DEFAULT_LECTURE_SETTINGS: LectureSettings = {
  overlay: false,
  overlaySize: 'medium',
  overlayLift: 0,
  hidePlatform: true,
  language: '',
  readingLoad: 'off',
  wpmLimit: 130,
};

export const WPM_RANGE = { min: 60, max: 400 } as const;

/** Reads stored settings; a missing or bad field falls back to its default (storage is not trusted). */
export function readLectureSettings(stored: unknown): LectureSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const d = DEFAULT_LECTURE_SETTINGS;
  const num = (v: unknown, min: number, max: number, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback;
  return {
    overlay: typeof s.overlay === 'boolean' ? s.overlay : d.overlay,
    overlaySize: s.overlaySize === 'small' || s.overlaySize === 'large' || s.overlaySize === 'medium' ? s.overlaySize : d.overlaySize,
    overlayLift: num(s.overlayLift, 0, 50, d.overlayLift),
    hidePlatform: typeof s.hidePlatform === 'boolean' ? s.hidePlatform : d.hidePlatform,
    language: typeof s.language === 'string' && /^$|^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(s.language) ? s.language : d.language,
    readingLoad: s.readingLoad === 'slow' || s.readingLoad === 'pause' || s.readingLoad === 'off' ? s.readingLoad : d.readingLoad,
    wpmLimit: num(s.wpmLimit, WPM_RANGE.min, WPM_RANGE.max, d.wpmLimit),
  };
}

/** Settings that work from the moment a lecture plays: the overlay, or playback that waits for the reader. */
export function usesLectureTools(s: LectureSettings): boolean {
  return s.overlay || s.readingLoad !== 'off';
}

/** The in-page keys (Alt+Shift+letter; the browser's own command slots are left to other features). */
export const LECTURE_KEYS = { previous: 'KeyB', repeat: 'KeyR', next: 'KeyN', overlay: 'KeyC' } as const;
