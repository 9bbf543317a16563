import type { LectureCaptionTrack } from '../messaging/protocol';

const primaryTag = (lang: string) => lang.trim().toLowerCase().split(/[-_]/)[0];

export interface TrackChoice {
  /** The lecture's language: what the teacher says. */
  lecture: LectureCaptionTrack;
  /** The platform's track in the learner's language, when it has one. */
  translation: LectureCaptionTrack | null;
  /** No translation track: translate `lecture` in the browser into this language, if it can. */
  translateTo: string | null;
}

/**
 * Picks the two lines of the overlay. The lecture's language is the spoken one: a track made
 * by speech recognition (YouTube's automatic captions) is in it, so a person's track in
 * that language is the lecture's line, else the automatic one. Without one, the captions
 * track (the platform's own transcript), else the first track not in the learner's
 * language. `tracks` come sorted as stored (captions first, then by label).
 */
export function chooseTracks(tracks: readonly LectureCaptionTrack[], learnerLanguage: string): TrackChoice | null {
  const usable = tracks.filter((t) => t.cues.length > 0);
  if (usable.length === 0) return null;
  const mine = primaryTag(learnerLanguage);
  const isMine = (t: LectureCaptionTrack) => Boolean(mine) && primaryTag(t.language) === mine;
  const asr = usable.find((t) => t.generated && t.language);
  const lecture = asr
    ? (usable.find((t) => !t.generated && primaryTag(t.language) === primaryTag(asr.language)) ?? asr)
    : (usable.find((t) => t.kind === 'captions') ?? usable.find((t) => !isMine(t)) ?? usable[0]);
  if (isMine(lecture) || !mine) return { lecture, translation: null, translateTo: null };
  const translation = usable.find((t) => t !== lecture && isMine(t)) ?? null;
  return { lecture, translation, translateTo: translation || !lecture.language ? null : mine };
}
