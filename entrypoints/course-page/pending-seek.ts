import { callBackground } from '../../src/messaging/client';
import type { TabProtocol } from '../../src/messaging/protocol';
import type { CaptureLoop } from './capture-loop';
import { seek } from './panel-link';

/** As long as the background keeps a moment to start at (src/captions/open-at.ts), from the page's start. */
export const SEEK_ASK_MS = 60_000;

export type SeekTarget = TabProtocol['page.seek']['req'];

/**
 * When MoocMate opened this tab from a search hit, the lecture starts at that moment. The
 * background tells the frame (`page.seek`) as soon as it gets the lecture's capture. A
 * lecture with no track to send (none, or captions recorded from the screen only while it
 * plays) asks instead, once: a page sends nothing more at load for this than its captures.
 * A Khan Academy lesson tells its YouTube frame which lecture it plays only after that
 * frame's first capture; the new lecture's capture then brings its moment.
 *
 * The capture script asks (`askForMoment`, at each change of its lectures, start.ts); the
 * seek itself is in the extras (`momentSeeker`), loaded only when a moment comes.
 */
export function askForMoment(loop: CaptureLoop, asked: Set<string>, onMoment: (target: SeekTarget) => void): void {
  const lectures = loop.lectures().filter((l) => l.trackCount === 0 && !asked.has(l.lectureId));
  if (lectures.length === 0) return;
  const ids = lectures.map((l) => l.lectureId);
  for (const id of ids) asked.add(id);
  // The title tells the background whether a page whose video moved still holds the lecture asked for.
  const title = lectures.length === 1 ? lectures[0].title : undefined;
  callBackground('lecture.pendingSeek', { lectureIds: ids, ...(title ? { title } : {}) }).then(
    ({ seek: target }) => target && onMoment(target),
    () => ids.forEach((id) => asked.delete(id)), // a stopped service worker: ask at the next change
  );
}

/** Starts the video at the moment given, once: `start` returns false when a moment was taken already. */
export function momentSeeker(loop: CaptureLoop, signal: AbortSignal): { start(target: SeekTarget): boolean } {
  let done = false;
  return {
    start(target) {
      if (done) return false;
      done = true;
      void seekWhenReady(loop, target, signal);
      return true;
    },
  };
}

/** Seeks the lecture's video once the frame has it (a player may add it late). */
async function seekWhenReady(loop: CaptureLoop, target: SeekTarget, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!signal.aborted && Date.now() < deadline) {
    const video = loop.mediaFor(target.lectureId);
    if (video) return seek(video, target.time);
    await new Promise((r) => setTimeout(r, 250));
  }
}
