import { francAll } from 'franc-min';

/** Under this many letters, franc guesses; we say "unknown" instead. */
export const MIN_TEXT = 120;
const WINDOW = 600;
const MAX_WINDOWS = 12;
/** The winning language must lead the runner-up by this share of the windows. */
const MARGIN = 0.2;

/**
 * Detects the language of a whole transcript: franc over several large windows spread
 * through the text, then a vote. Single caption lines are far too short for franc (it
 * once called an English sentence Scots), so they are never judged alone.
 * Returns an ISO 639-3 code, or 'und' when the text is short or the vote is split.
 */
export function detectLanguage(lines: readonly string[]): string {
  const text = lines.join(' ').replace(/\s+/g, ' ').trim();
  if (letters(text) < MIN_TEXT) return 'und';
  const windows = windowsOf(text);
  const votes = new Map<string, number>();
  for (const w of windows) {
    const [best] = francAll(w, { minLength: 40 });
    if (!best || best[0] === 'und') continue;
    votes.set(best[0], (votes.get(best[0]) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return 'und';
  const lead = (first[1] - (second?.[1] ?? 0)) / windows.length;
  return lead >= MARGIN ? first[0] : 'und';
}

function letters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

function windowsOf(text: string): string[] {
  if (text.length <= WINDOW) return [text];
  const count = Math.min(MAX_WINDOWS, Math.ceil(text.length / WINDOW));
  const step = (text.length - WINDOW) / Math.max(1, count - 1);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.round(i * step);
    out.push(text.slice(start, start + WINDOW));
  }
  return out;
}
