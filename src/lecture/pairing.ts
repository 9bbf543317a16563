export interface Line {
  start: number;
  end: number;
  text: string;
}

/** One moment of the overlay: a line of the lecture and, under it, the learner's language. */
export interface PairedLine {
  start: number;
  end: number;
  /** The lecture's language; '' for a translation line with no partner. */
  top: string;
  /** The learner's language; '' when no translation line overlaps. */
  bottom: string;
}

const overlap = (a: Line, b: Line) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Pairs two tracks by time overlap, for tracks whose timings do not line up: each
 * translation line goes with the lecture line it overlaps most (several may share one);
 * a line that overlaps nothing shows alone. Sorted by start.
 */
export function pairLines(primary: readonly Line[], secondary: readonly Line[]): PairedLine[] {
  const top = [...primary].filter((l) => l.end > l.start).sort((a, b) => a.start - b.start);
  const bottoms: string[][] = top.map(() => []);
  const alone: PairedLine[] = [];
  let from = 0;
  for (const s of [...secondary].sort((a, b) => a.start - b.start)) {
    if (!(s.end > s.start)) continue;
    while (from < top.length && top[from].end <= s.start) from++;
    let best = -1;
    let bestOverlap = 0;
    for (let i = from; i < top.length && top[i].start < s.end; i++) {
      const o = overlap(top[i], s);
      if (o > bestOverlap) (best = i), (bestOverlap = o);
    }
    if (best >= 0) bottoms[best].push(s.text);
    else alone.push({ start: s.start, end: s.end, top: '', bottom: s.text });
  }
  const paired = top.map((l, i) => ({ start: l.start, end: l.end, top: l.text, bottom: bottoms[i].join('\n') }));
  return [...paired, ...alone].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The line showing at `time`: the last one started whose end is still ahead; -1 between lines. */
export function lineAt(lines: readonly PairedLine[], time: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].start <= time) (found = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  // Overlapping lines: walk back to one that still covers the moment.
  for (let i = found; i >= 0 && i > found - 4; i--) if (lines[i].end > time) return i;
  return -1;
}

/** The line before `time` (the one showing, or the last one ended) for "repeat". */
export function lineBefore(lines: readonly PairedLine[], time: number): number {
  let i = -1;
  while (i + 1 < lines.length && lines[i + 1].start <= time) i++;
  return i;
}

/** When the overlay next has to change after `time`: the next start or end of a line. */
export function nextBoundary(lines: readonly PairedLine[], time: number): number {
  let next = Infinity;
  for (const l of lines) {
    if (l.start > time && l.start < next) next = l.start;
    if (l.end > time && l.end < next) next = l.end;
    if (l.start > next) break;
  }
  return next;
}
