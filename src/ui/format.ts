/** 75.4 → "1:15"; 3725 → "1:02:05". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A file name safe on every system, from a lecture title. */
export function fileName(base: string, ext: string): string {
  const safe = base.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'transcript';
  return `${safe}.${ext}`;
}

/** The cue on screen at `time`: the last one that started and has not ended; -1 if none. */
export function cueAt(cues: ReadonlyArray<{ start: number; end: number }>, time: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].start <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Overlapping cues: step back to one that still covers `time`.
  for (let i = found; i >= 0 && i > found - 5; i--) if (time < cues[i].end) return i;
  return -1;
}
