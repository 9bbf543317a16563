import type { LectureCaptionTrack } from '../messaging/protocol';

const primaryTag = (lang: string) => lang.trim().toLowerCase().split(/[-_]/)[0];

interface Tag {
  tag: string;
  language: string;
  script: string;
  region: string;
}

/** A tag with the script and region it implies filled in ("zh-TW": zh, Hant, TW; "pt": pt, Latn, BR). */
function readTag(raw: string): Tag {
  const tag = raw.trim().replace(/_/g, '-').toLowerCase();
  try {
    const l = new Intl.Locale(tag).maximize();
    return { tag, language: l.language, script: l.script ?? '', region: l.region ?? '' };
  } catch {
    return { tag, language: primaryTag(tag), script: '', region: '' };
  }
}

/**
 * How well a track in the learner's language suits them: the very tag, else the same script
 * (Traditional or Simplified Chinese matters most), then the same region; a region such as
 * 419 (Latin America) is meant for many countries, so it beats another single country.
 */
function closeness(track: Tag, learner: Tag): number {
  if (track.tag === learner.tag) return 8;
  return 1 + (track.script === learner.script ? 4 : 0) + (track.region === learner.region ? 2 : /^\d+$/.test(track.region) ? 1 : 0);
}

/** The language to ask the translator for: with the script when the learner's is not the language's usual one (zh-TW: zh-Hant). */
function translatorTag(learner: Tag): string {
  return learner.script && learner.script !== readTag(learner.language).script ? `${learner.language}-${learner.script}` : learner.language;
}

export interface TrackChoice {
  /** The lecture's language: what the teacher says. */
  lecture: LectureCaptionTrack;
  /** The platform's track in the learner's language, when it has one (the closest variant: zh-Hant for zh-TW). */
  translation: LectureCaptionTrack | null;
  /** No translation track: translate `lecture` in the browser into this language, if it can. */
  translateTo: string | null;
}

/**
 * Picks the two lines of the overlay. The lecture's language is the spoken one: a track made
 * by speech recognition (YouTube's automatic captions) is in it, so a person's track in
 * that language is the lecture's line, else the automatic one. Without one, the captions
 * track (the platform's own transcript), else the first track not in the learner's
 * language. Under it, the learner's language in the variant closest to theirs.
 * `tracks` come sorted as stored (captions first, then by label).
 */
export function chooseTracks(tracks: readonly LectureCaptionTrack[], learnerLanguage: string): TrackChoice | null {
  const usable = tracks.filter((t) => t.cues.length > 0);
  if (usable.length === 0) return null;
  const learner = readTag(learnerLanguage);
  const mine = learner.language;
  const isMine = (t: LectureCaptionTrack) => Boolean(mine) && readTag(t.language).language === mine;
  const asr = usable.find((t) => t.generated && t.language);
  const lecture = asr
    ? (usable.find((t) => !t.generated && primaryTag(t.language) === primaryTag(asr.language)) ?? asr)
    : (usable.find((t) => t.kind === 'captions') ?? usable.find((t) => !isMine(t)) ?? usable[0]);
  if (isMine(lecture) || !mine) return { lecture, translation: null, translateTo: null };
  let translation: LectureCaptionTrack | null = null;
  let best = 0;
  for (const t of usable) {
    const score = t !== lecture && isMine(t) ? closeness(readTag(t.language), learner) : 0;
    if (score > best) [translation, best] = [t, score];
  }
  return { lecture, translation, translateTo: translation || !lecture.language ? null : translatorTag(learner) };
}
