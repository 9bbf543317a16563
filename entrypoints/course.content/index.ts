import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pickAdapter } from '../../src/sites/registry';
import { COURSE_SITE_MATCHES } from '../../src/sites/hosts';
import { callBackground } from '../../src/messaging/client';
import type { Envelope, TabProtocol } from '../../src/messaging/protocol';
import { CaptureLoop } from './capture-loop';
import { linkPanels, seek } from './panel-link';
import { installFlagUi } from './flag-ui';
import { installWordUi } from './word-ui';
import { pageMatcher } from '../../src/glossary/page-matcher';
import { installLectureUi } from './lecture-ui';
import { readDutyNow, watchDuties } from './duty-watch';

export default defineContentScript({
  // Other sites get this script when the learner turns MoocMate on for them (src/sites/enable.ts).
  matches: COURSE_SITE_MATCHES,
  // YouTube players embedded in course pages (Khan Academy) are frames.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const loop = new CaptureLoop(ctx, () => pickAdapter(location, document));
    loop.start();
    linkPanels(ctx, loop);
    // The learner's tools are set up a task after the capture, each in a task of its own, so
    // that no single task holds the page long while it loads (bench/README.md, figure 4).
    // A message or key that needs one sooner sets it up at once.
    const flags = soon(ctx, () => installFlagUi(ctx, loop));
    // One copy of the glossary for every caption surface (the popover and the overlay).
    const glossary = soon(ctx, () => pageMatcher(ctx));
    const words = soon(ctx, () => installWordUi(ctx, loop, glossary()));
    soon(ctx, () => installLectureUi(ctx, loop, glossary()));
    soon(ctx, () => watchDuties(ctx));

    const top = window === window.top;
    const onMessage = (message: unknown): Promise<Envelope<unknown>> | undefined => {
      const type = (message as { moocmate?: string })?.moocmate;
      // Every frame gets tab messages; the first answer wins. A frame with lectures (a
      // course page, or an embedded player) answers; an empty top frame answers a moment
      // later, so that an embedded player's answer comes first.
      const lectures = loop.lectures();
      if (type === 'page.status') {
        const value: TabProtocol['page.status']['res'] = { site: loop.adapter.site, lectures };
        if (lectures.length > 0) return Promise.resolve({ ok: true, value });
        return top ? new Promise((r) => setTimeout(() => r({ ok: true, value: { site: loop.adapter.site, lectures: loop.lectures() } }), 300)) : undefined;
      }
      if (type === 'page.flagCurrent') {
        // Only the frame with the lecture answers (and flags).
        return lectures.length > 0 ? flags().flagNow().then((flagged) => ({ ok: true, value: { flagged } })) : undefined;
      }
      if (type === 'page.addWord') {
        const { selection } = (message as { data?: TabProtocol['page.addWord']['req'] }).data ?? {};
        // Only a frame with the selection (or, with none, the lecture's frame) answers.
        return words().addWord(typeof selection === 'string' ? selection : undefined)?.then((added) => ({ ok: true, value: { added } }));
      }
      if (type === 'page.readDuty') {
        // The top frame answers: it has the page the learner sees.
        return top ? readDutyNow().then((value) => ({ ok: true as const, value }), (err: Error) => ({ ok: false as const, error: err.message })) : undefined;
      }
      if (type === 'page.recapture') {
        loop.recapture();
        return lectures.length > 0 || top ? Promise.resolve({ ok: true, value: { lectures: lectures.length } }) : undefined;
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    void applyPendingSeek(loop, ctx.signal);
  },
});

/**
 * Runs `make` in a task of its own after the tasks queued before it, or at once when its
 * result is asked for first; the result is made once.
 */
function soon<T>(ctx: ContentScriptContext, make: () => T): () => T {
  let made: { value: T } | null = null;
  const get = () => (made ??= { value: make() }).value;
  ctx.setTimeout(() => void get(), 0);
  return get;
}

/** When MoocMate opened this tab from a search hit, start the lecture at that moment. */
async function applyPendingSeek(loop: CaptureLoop, signal: AbortSignal): Promise<void> {
  const { seek: target } = await callBackground('lecture.pendingSeek', {}).catch(() => ({ seek: null }));
  if (!target) return;
  const deadline = Date.now() + 15_000;
  while (!signal.aborted && Date.now() < deadline) {
    const video = loop.mediaFor(target.lectureId) ?? (loop.lectures().length === 1 ? (loop.activeLecture()?.media ?? null) : null);
    if (video) return seek(video, target.time);
    await new Promise((r) => setTimeout(r, 250));
  }
}
