import type { RawCue } from '../../messaging/protocol';
import type { PanelTranscript } from '../types';
import type { PlayerData } from './player-response';
import { PANEL_EXPANDED, PANEL_VISIBILITY_ATTR, selectors } from './selectors';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** "1:02:03", "12:05", "0:07" → seconds; null when it is not a time. */
export function panelTime(text: string): number | null {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(clean(text));
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/**
 * The lines of YouTube's transcript panel, when it is open: the fallback when the caption
 * files cannot be fetched (they need the player's PO token). The panel shows start times
 * only, so each line ends where the next starts, the last at the video's end.
 */
export function readTranscriptPanel(doc: Document, video: HTMLVideoElement | null, player: PlayerData | null): PanelTranscript | null {
  const panel = doc.querySelector(selectors.transcriptPanel);
  const visibility = panel?.getAttribute(PANEL_VISIBILITY_ATTR);
  if (panel && visibility && visibility !== PANEL_EXPANDED) return null;
  const lines: Array<{ start: number; text: string }> = [];
  for (const seg of (panel ?? doc).querySelectorAll(selectors.transcriptSegment)) {
    const start = panelTime(seg.querySelector(selectors.segmentTimestamp)?.textContent ?? '');
    const text = clean(seg.querySelector(selectors.segmentText)?.textContent).slice(0, 20000);
    if (start === null || !text) continue;
    lines.push({ start, text });
  }
  if (lines.length === 0) return null;
  lines.sort((a, b) => a.start - b.start);
  const duration = player?.lengthSeconds || (video && Number.isFinite(video.duration) ? video.duration : 0);
  const cues: RawCue[] = lines.map((l, i) => {
    const next = i + 1 < lines.length ? lines[i + 1].start : Math.max(duration, l.start);
    return { start: l.start, end: next, text: l.text };
  });
  const label = clean((panel ?? doc).querySelector(selectors.transcriptLanguage)?.textContent).slice(0, 200);
  const track = label ? player?.tracks.find((t) => t.label === label) : player?.tracks.length === 1 ? player.tracks[0] : undefined;
  return { language: track?.languageCode ?? 'und', label: label || 'Transcript', cues };
}
