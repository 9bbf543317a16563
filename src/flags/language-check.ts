import { francAll } from 'franc-min';
import type { Cue } from '../captions/types';
import { sameLanguage } from '../language/codes';
import { francKnows } from '../language/franc-languages';
import type { Finding } from './checks';

/** Windows shorter than this are too short for franc to be trusted. */
export const WINDOW_CHARS = 300;
/** franc's best guess must beat the declared language's score by this much (scores are 0–1). */
export const MARGIN = 0.12;

/**
 * Parts of a track that are not in its declared language: franc over windows of whole
 * cues (never one line alone), flagged only when the best guess beats the declared
 * language by a margin. Neighbouring windows in the same wrong language merge into one
 * finding, which names the detected language (ISO 639-3) in `detail` and counts its
 * cues in `value`.
 *
 * `learnerLanguage` is the learner's first language, passed for a translation track:
 * a translation into the learner's language is what they asked for, even where the
 * platform labelled it with another tag (machine translations often keep the source's),
 * so windows franc reads as that language are expected there, not reported.
 */
export function checkLanguage(cues: readonly Cue[], declared: string, learnerLanguage?: string): Finding[] {
  // franc-min never answers a language it does not know (Danish, Catalan, …): such a track
  // would read as its nearest neighbour, window after window.
  if (!francKnows(declared)) return [];
  const out: Finding[] = [];
  let start = 0;
  /** Where the last wrong-language window ended, to merge the next one into it. */
  let openUntil = -1;
  while (start < cues.length) {
    let end = start;
    let text = '';
    while (end < cues.length && text.length < WINDOW_CHARS) text += `${cues[end++].text} `;
    if (text.trim().length < WINDOW_CHARS / 2) break; // the tail is too short to judge alone
    const scores = francAll(text, { minLength: 60 });
    const [best, bestScore] = scores[0] ?? ['und', 0];
    const declaredScore = scores.find(([code]) => sameLanguage(code, declared))?.[1] ?? 0;
    const expected = sameLanguage(best, declared) || (learnerLanguage !== undefined && sameLanguage(best, learnerLanguage));
    if (best !== 'und' && !expected && bestScore - declaredScore >= MARGIN) {
      const prev = out[out.length - 1];
      if (prev && prev.detail === best && openUntil === start) {
        prev.end = cues[end - 1].end;
        prev.value += end - start;
      } else {
        out.push({ rule: 'language', cueIndex: cues[start].index, start: cues[start].start, end: cues[end - 1].end, value: end - start, limit: 0, detail: best });
      }
      openUntil = end;
    }
    start = end;
  }
  return out;
}

/**
 * A translation that does not line up with the lecture's original track may belong to
 * another lesson. Best effort: the share of translation cues that start within 0.5 s of
 * an original cue, and the ratio of the two tracks' spans. A real translation keeps the
 * original timing (most platforms copy it) and covers about the same time.
 */
export function checkTranslation(original: readonly Cue[], translation: readonly Cue[]): Finding | null {
  if (original.length < 3 || translation.length < 3) return null;
  const starts = original.map((c) => c.start).sort((a, b) => a - b);
  const near = (t: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(Math.abs(starts[lo] - t), lo > 0 ? Math.abs(starts[lo - 1] - t) : Infinity) <= 0.5;
  };
  const aligned = translation.filter((c) => near(c.start)).length / translation.length;
  const span = (cs: readonly Cue[]) => Math.max(...cs.map((c) => c.end)) - Math.min(...cs.map((c) => c.start));
  const ratio = span(translation) / Math.max(0.001, span(original));
  if (aligned >= 0.5 && ratio > 0.8 && ratio < 1.25) return null;
  const first = translation[0];
  return {
    rule: 'translation-mismatch',
    cueIndex: -1,
    start: first.start,
    end: translation[translation.length - 1].end,
    value: Math.round(aligned * 100),
    limit: 50,
    detail: `span ${Math.round(ratio * 100)}%`,
  };
}
