import type { RawCue } from '../../src/messaging/protocol';

// The capture script copies at once the cues of a track with no file on the web (a
// script's track, a blob: file: capture-loop.ts). The player's copy of a web file is
// copied only when the background could not read the file, in slices, by the extras
// (entrypoints/course-extras).

export function copyCues(list: TextTrackCueList, from = 0, to = list.length): RawCue[] {
  const out: RawCue[] = [];
  for (let i = from; i < Math.min(to, list.length); i++) {
    const c = list[i] as VTTCue;
    const cue: RawCue = { start: c.startTime, end: c.endTime, text: typeof c.text === 'string' ? c.text : '' };
    if (c.id) cue.id = c.id;
    out.push(cue);
  }
  return out;
}

/** Cues copied per slice; the page gets the main thread back between slices. */
const COPY_SLICE = 250;

/** copyCues for a long list, yielding between slices; null when the page went away meanwhile. */
export async function copyCuesInSlices(list: TextTrackCueList, gone: () => boolean): Promise<RawCue[] | null> {
  const out: RawCue[] = [];
  for (let from = 0; from < list.length; from += COPY_SLICE) {
    if (from > 0) await new Promise((r) => setTimeout(r, 0));
    if (gone()) return null;
    out.push(...copyCues(list, from, from + COPY_SLICE));
  }
  return out;
}
