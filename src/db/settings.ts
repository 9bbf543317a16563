import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { UI_LANGUAGES, UI_LANGUAGE_KEY } from '../ui/messages-table';
import { FIRST_LANGUAGE_KEY, isLanguageTag } from '../language/first-language';
import { LECTURE_SETTINGS_KEY, readLectureSettings } from '../lecture/settings';
import { DUTY_SETTINGS_KEY, isDutySettings } from '../duties/schedule';

/**
 * The learner's settings kept in storage.local (not in the database), carried by a backup
 * since format 5. Each value is checked as its own reader checks it.
 */
export const StoredSettingsSchema = v.strictObject({
  [UI_LANGUAGE_KEY]: v.optional(v.picklist([...UI_LANGUAGES, 'browser'])),
  [FIRST_LANGUAGE_KEY]: v.optional(v.custom<string>(isLanguageTag, 'not a language tag')),
  // Read with readLectureSettings on import: unknown or out-of-range fields take defaults.
  [LECTURE_SETTINGS_KEY]: v.optional(v.record(v.pipe(v.string(), v.maxLength(40)), v.union([v.string(), v.number(), v.boolean()]))),
  [DUTY_SETTINGS_KEY]: v.optional(v.custom<object>(isDutySettings, 'not valid reminder settings')),
  /** The reading speed limit of the caption checks (src/ui/flags-panel.tsx). */
  maxCharsPerSecond: v.optional(v.pipe(v.number(), v.minValue(5), v.maxValue(60))),
  /** The learner's anonymous id in flag reports, so reports merge across devices. */
  reporterId: v.optional(v.pipe(v.string(), v.maxLength(100))),
});
export type StoredSettings = v.InferOutput<typeof StoredSettingsSchema>;
const KEYS = Object.keys(StoredSettingsSchema.entries) as Array<keyof StoredSettings>;

/** The settings as stored now; values that would not pass the schema are left out. */
export async function readStoredSettings(): Promise<StoredSettings> {
  const got = (await browser.storage.local.get(KEYS)) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    if (got[key] === undefined) continue;
    if (v.safeParse(StoredSettingsSchema.entries[key], got[key]).success) out[key] = got[key];
  }
  return out as StoredSettings;
}

/** Writes the settings of a backup (lecture settings normalised) in one call. */
export async function writeStoredSettings(settings: StoredSettings): Promise<void> {
  const next: Record<string, unknown> = { ...settings };
  if (settings.lectureSettings) next.lectureSettings = readLectureSettings(settings.lectureSettings);
  if (Object.keys(next).length > 0) await browser.storage.local.set(next);
}

/** Puts the settings back as they were (after an import that could not finish). */
export async function restoreStoredSettings(before: StoredSettings, written: StoredSettings): Promise<void> {
  const gone = Object.keys(written).filter((k) => !(k in before));
  if (gone.length > 0) await browser.storage.local.remove(gone);
  if (Object.keys(before).length > 0) await browser.storage.local.set(before);
}
