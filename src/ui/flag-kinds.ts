import type { FlagKind } from '../db/schema';
import { t, type MessageKey } from './i18n';

/*
 * The names of the kinds of flag. Apart from flags-panel.tsx so that the popup, which only
 * names kinds, does not load the caption checks (franc's language data among them).
 */

export const CAPTION_KINDS: FlagKind[] = ['wrong-words', 'mistranslation', 'wrong-language', 'sync-early', 'sync-late', 'missing', 'other'];

const KIND_KEY: Record<FlagKind, MessageKey> = {
  'wrong-words': 'kindWrongWords',
  mistranslation: 'kindMistranslation',
  'wrong-language': 'kindWrongLanguage',
  'sync-early': 'kindSyncEarly',
  'sync-late': 'kindSyncLate',
  missing: 'kindMissing',
  other: 'kindOther',
  'reading-order': 'kindReadingOrder',
  'wrong-lesson': 'kindWrongLesson',
  'broken-link': 'kindBrokenLink',
};
export const kindLabel = (k: FlagKind) => t(KIND_KEY[k]);
