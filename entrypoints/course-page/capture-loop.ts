import type { PageContext } from './page-context';
import type { SiteAdapter } from '../../src/sites/types';
import { html5Adapter } from '../../src/sites/html5';
import type { CaptureNote, PageInfo, RawCue, TabLecture, TrackInfo } from '../../src/messaging/protocol';
import type { BackgroundProtocol } from '../../src/messaging/protocol';
import { lectureIdFor } from '../../src/captions/ids';
import { callBackground } from '../../src/messaging/client';
import type { PageExtras } from './shared';
import { copyCues } from './cue-copy';
import { timeout } from './timers';

const SETTLE_MS = 300;
const MAX_RETRIES = 6;
const RETRY_MS = 1500;
// HTMLTrackElement.readyState values.
const LOADING = 1;
const LOADED = 2;

export interface WatchedLecture {
  element: HTMLElement;
  /** The adapter that found this lecture: the page's own, or the generic one as a fallback. */
  adapter: SiteAdapter;
  media: HTMLVideoElement | null;
  page: PageInfo | null;
  lectureId: string | null;
  trackCount: number;
  capture: TabLecture['capture'];
  note?: CaptureNote;
  /** Records a player's own caption box when nothing better exists (the last fallback; on-screen.ts). */
  screen?: { lectureKey: string; stop(): void };
}

type Capture = BackgroundProtocol['capture.track']['req'];
type Job = Omit<Capture, 'page'> & { signature: string; player?: TextTrack };
/**
 * 'captured': the background stored a track of this page (the overlay reads it back).
 * 'tools': the learner's settings use the page tools from the start (entrypoints/course-page/tools.ts).
 */
export type ChangeReason = 'play' | 'update' | 'captured' | 'tools';

/**
 * Finds the lectures on a page and sends every caption track of each to the background:
 * the platform's data first, then the player's tracks, then the transcript panel.
 * Reading cues never changes what the learner sees: a <track> the learner keeps off is
 * fetched as a file by the background instead of being switched on.
 */
export class CaptureLoop {
  private readonly watched = new Map<HTMLElement, WatchedLecture>();
  private readonly sent = new Set<string>();
  private readonly failures = new Map<string, number>();
  /** The pending read of each lecture: the function that stops it. */
  private readonly timers = new Map<HTMLElement, () => void>();
  /** Track modes after our last read: reading a script track flips its mode and back, which fires 'change'. */
  private readonly modes = new WeakMap<HTMLVideoElement, string>();
  private lastPlayed: HTMLElement | null = null;
  private readonly listeners = new Set<(reason: ChangeReason) => void>();
  private readonly pageListeners = new Set<() => void>();

  constructor(
    private readonly ctx: PageContext,
    /** Asked again on every scan: a single-page site may only now show its platform markup. */
    private readonly pickAdapter: () => SiteAdapter,
    /** The rarely needed parts (screen captions, a long copy of cues), loaded on first need (tools.ts). */
    private readonly extras: () => Promise<PageExtras>,
  ) {}

  /** The adapter the page is read with now. */
  get adapter(): SiteAdapter {
    return this.pickAdapter();
  }

  start(): void {
    this.scan();
    // Single-page course sites move to the next lecture without a reload: the address
    // changes, and the page shows the new lecture. Checked at each change of the page and
    // at history moves, which costs nothing at load (WXT's watcher set up the Navigation
    // API at every load: bench/README.md, "a lean start").
    let address = location.href;
    const moved = () => {
      if (location.href === address) return false;
      address = location.href;
      return true;
    };
    const lectureMoved = () => {
      this.scan();
      for (const el of this.watched.keys()) this.schedule(el);
    };
    const observer = new MutationObserver((records) => {
      if (moved()) lectureMoved();
      else if (records.some(touchesMedia)) this.scan();
      for (const l of this.pageListeners) l();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    this.ctx.onInvalidated(() => observer.disconnect());
    this.ctx.addEventListener(window, 'popstate', () => moved() && lectureMoved());
  }

  /** Lectures on the page now, for the popup and the side panel. */
  lectures(): TabLecture[] {
    const out: TabLecture[] = [];
    for (const w of this.watched.values()) {
      if (!w.page || !w.lectureId || out.some((l) => l.lectureId === w.lectureId)) continue;
      out.push({
        lectureId: w.lectureId,
        title: w.page.lectureTitle,
        courseTitle: w.page.courseTitle,
        trackCount: w.trackCount,
        capture: w.capture,
        note: w.note,
      });
    }
    return out;
  }

  /** The lecture the learner watches: the last one played, else the first with captions. */
  activeLecture(): WatchedLecture | null {
    const last = this.lastPlayed && this.watched.get(this.lastPlayed);
    if (last) return last;
    for (const w of this.watched.values()) if (w.trackCount > 0) return w;
    return this.watched.values().next().value ?? null;
  }

  /**
   * True when `node` is a watched lecture, its video, or inside one, or inside the video's
   * player box (its parent: players lay their controls and captions over the video).
   */
  holds(node: EventTarget | null): boolean {
    if (!(node instanceof Node)) return false;
    for (const w of this.watched.values()) {
      if (w.element.contains(node) || w.media === node) return true;
      const box: HTMLElement | null | undefined = w.media?.parentElement;
      if (box && box !== document.body && box !== document.documentElement && box.contains(node)) return true;
    }
    return false;
  }

  mediaFor(lectureId: string): HTMLVideoElement | null {
    for (const w of this.watched.values()) if (w.lectureId === lectureId) return w.media;
    return null;
  }

  /** Elements added to or removed from the page (the observer the loop has anyway). */
  onPageChange(listener: () => void): () => void {
    this.pageListeners.add(listener);
    return () => this.pageListeners.delete(listener);
  }

  onChange(listener: (reason: ChangeReason) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(reason: ChangeReason = 'update'): void {
    for (const l of this.listeners) l(reason);
  }

  private scan(): void {
    const primary = this.pickAdapter();
    let adapter = primary;
    let lectures = safely(() => primary.findLectures(document)) ?? [];
    // Markup that changed: a platform adapter that finds nothing hands the page's captioned
    // videos to the generic adapter (only videos with caption tracks: never previews or ads).
    if (lectures.length === 0 && primary !== html5Adapter) {
      lectures = html5Adapter.findLectures(document).filter((v) => v instanceof HTMLVideoElement && hasCaptionTracks(v));
      adapter = html5Adapter;
    }
    const found = new Set(lectures);
    for (const [el, w] of [...this.watched]) {
      if (!found.has(el) || !el.isConnected || w.adapter !== adapter || safely(() => adapter.mediaOf(el)) !== w.media) this.unwatch(el);
    }
    for (const el of found) if (!this.watched.has(el)) this.watch(el, adapter);
  }

  private watch(element: HTMLElement, adapter: SiteAdapter): void {
    const media = safely(() => adapter.mediaOf(element));
    this.watched.set(element, { element, adapter, media, page: null, lectureId: null, trackCount: 0, capture: 'none' });
    const again = () => this.schedule(element);
    const opts = { signal: this.ctx.signal };
    if (media) {
      for (const type of ['loadstart', 'loadedmetadata', 'emptied']) media.addEventListener(type, again, opts);
      media.addEventListener(
        'play',
        () => {
          this.lastPlayed = element;
          this.notify('play');
        },
        opts,
      );
      media.textTracks.addEventListener('addtrack', again, opts);
      media.textTracks.addEventListener('change', () => modesOf(media) !== this.modes.get(media) && again(), opts);
      // Track elements report load/error on themselves; these events do not bubble.
      media.addEventListener('load', again, { ...opts, capture: true });
      media.addEventListener('error', again, { ...opts, capture: true });
    }
    this.schedule(element);
  }

  private unwatch(element: HTMLElement): void {
    this.watched.get(element)?.screen?.stop();
    this.watched.delete(element);
    this.timers.get(element)?.();
    this.timers.delete(element);
    if (this.lastPlayed === element) this.lastPlayed = null;
    this.notify();
  }

  /** Reads the page again: an adapter came in (a later site), so the lectures may be its. */
  rescan(): void {
    this.scan();
  }

  /** Sends every track again (after the learner allowed a caption host). */
  recapture(): void {
    this.sent.clear();
    this.failures.clear();
    for (const el of this.watched.keys()) this.schedule(el);
  }

  /** Pages change a video's source and tracks in several steps; capture once they settle. */
  schedule(element: HTMLElement): void {
    if (!this.watched.has(element)) return;
    this.timers.get(element)?.();
    this.timers.set(
      element,
      timeout(
        this.ctx,
        () => {
          this.timers.delete(element);
          void this.capture(element).catch((err) => console.debug('[MoocMate] capture failed:', err));
        },
        SETTLE_MS,
      ),
    );
  }

  private async capture(element: HTMLElement): Promise<void> {
    const w = this.watched.get(element);
    if (!w || !element.isConnected || this.ctx.isInvalid) return;
    const { adapter } = w;
    const page = adapter.describe(element, document, location);
    const lectureId = lectureIdFor(page.site, page.lectureKey);
    if (lectureId !== w.lectureId) w.note = undefined;
    w.page = page;
    w.lectureId = lectureId;

    const jobs: Job[] = [];
    // 1. The platform's data.
    let dataFailed = false;
    try {
      for (const d of (await adapter.dataTracks?.(element, document, location)) ?? []) {
        jobs.push({
          track: { kind: d.kind, label: d.label, language: d.language, url: d.url, source: 'platform-data', format: d.format, generated: d.generated },
          cues: null,
          signature: `data:${d.url}`,
        });
      }
    } catch {
      dataFailed = true; // markup we do not know: fall back below
    }
    // 2. The player's tracks.
    if (w.media) {
      // A file already sent for this lecture is not read again (a 2,000-cue track costs a copy).
      const done = (track: TextTrack, el: HTMLTrackElement | null) =>
        Boolean(el?.src) && this.sent.has(`${page.lectureKey}|${track.kind}|${track.language}|${track.label}|src:${el!.src}`);
      const reads = tracksOf(w.media).map(({ track, element: el }) => ({
        track,
        el,
        // Same signature as a read would give, so send() knows it is already done.
        read: done(track, el) ? ({ state: 'ready', cues: null, signature: `src:${el!.src}` } satisfies TrackRead) : readTrack(track, el),
      }));
      this.modes.set(w.media, modesOf(w.media));
      for (const { track, el, read } of reads) {
        if (read.state === 'wait') continue; // its load or error event schedules us again
        const info: TrackInfo = { kind: track.kind, label: track.label, language: track.language };
        if (el?.src) info.url = el.src;
        jobs.push({ track: info, cues: read.cues, signature: read.signature, pageError: read.pageError, player: read.player });
      }
    }
    // 3. The transcript panel, only when nothing better exists.
    if (jobs.length === 0) {
      const panel = safely(() => adapter.panelTranscript?.(element, document) ?? null);
      if (panel && panel.cues.length > 0) {
        jobs.push({
          track: { kind: 'captions', label: panel.label, language: panel.language, source: 'transcript-panel' },
          cues: panel.cues,
          signature: `panel:${panel.cues.length}:${panel.cues[panel.cues.length - 1].end}`,
        });
        w.capture = 'partial';
        w.note = 'notePanelOnly';
      }
    } else {
      w.capture = jobs.some((j) => j.track.source === 'platform-data' || !j.track.source) ? 'full' : 'partial';
      if (dataFailed) w.note = 'noteDataFailed';
    }
    if (w.screen && (jobs.length > 0 || w.screen.lectureKey !== page.lectureKey)) {
      w.screen.stop();
      w.screen = undefined;
    }
    // 4. Captions the player draws itself, recorded while the learner watches.
    if (jobs.length === 0 && w.media) {
      const box = safely(() => adapter.onScreenCaptions?.(element, document) ?? null);
      if (box && !w.screen) await this.recordScreen(element, w, box, w.media, page);
      if (this.watched.get(element) !== w) return; // gone while the recorder loaded
      if (w.screen) {
        w.capture = 'partial';
        w.note = 'noteOnScreen';
      }
    }
    if (jobs.length === 0 && !w.screen) {
      w.capture = 'none';
      w.note = dataFailed ? 'noteDataFailed' : w.media ? undefined : 'noteNoData';
    }
    w.trackCount = jobs.length;
    this.notify();

    for (const job of jobs) await this.send(element, page, job);
  }

  /** Asks the extras to record the captions the player draws, and sends what they read. */
  private async recordScreen(element: HTMLElement, w: WatchedLecture, box: Element, media: HTMLVideoElement, page: PageInfo): Promise<void> {
    let extras: PageExtras;
    try {
      extras = await this.extras();
    } catch (err) {
      this.retryLater(element, `screen|${page.lectureKey}`, 'screen captions not recorded', err);
      return;
    }
    // Another read of the lecture may have started a recorder meanwhile, or the lecture went.
    if (w.screen || this.watched.get(element) !== w || this.ctx.isInvalid) return;
    const stop = extras.recordScreen(box, media, (cues) => {
      const last = cues[cues.length - 1];
      void this.send(element, page, {
        track: { kind: 'captions', label: 'On-screen captions', language: document.documentElement.lang || '', source: 'on-screen' },
        cues,
        signature: `screen:${cues.length}:${last?.end ?? 0}`,
      });
    });
    w.screen = { lectureKey: page.lectureKey, stop };
  }

  private async send(element: HTMLElement, page: PageInfo, job: Job): Promise<void> {
    const { track } = job;
    const signature = `${page.lectureKey}|${track.kind}|${track.language}|${track.label}|${job.signature}`;
    if (this.sent.has(signature)) return;
    this.sent.add(signature);
    try {
      const req: Capture = { page, track, cues: job.cues, pageError: job.pageError };
      // The player parsed a file the background can usually read itself: send only its address.
      if (job.player) req.pageHasCues = true;
      let stored = await callBackground('capture.track', req);
      if ('sendCues' in stored) {
        // It could not: copy the player's cues, a slice at a time so the page stays responsive
        // (none left when the player dropped them meanwhile: the background reports the file).
        const list = job.player?.cues;
        const cues = list ? await (await this.extras()).copyCuesInSlices(list, () => this.ctx.isInvalid) : null;
        if (this.ctx.isInvalid) return;
        stored = await callBackground('capture.track', { page, track, cues, pageError: job.pageError });
      }
      if (!('sendCues' in stored) && stored.cueCount > 0) this.notify('captured');
      if (!('sendCues' in stored) && stored.tools) this.notify('tools');
    } catch (err) {
      // The page must never see our errors. A stopped service worker drops the message:
      // try again a few times, then wait for the next change on the page.
      this.sent.delete(signature);
      this.retryLater(element, signature, 'capture failed', err);
    }
  }

  /**
   * A stopped service worker drops a message: read the lecture again a little later, a few
   * times per `key` (then the next change on the page tries again). Quiet once this copy stopped.
   */
  private retryLater(element: HTMLElement, key: string, what: string, err: unknown): void {
    const tries = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, tries);
    if (this.ctx.isInvalid) return;
    if (tries <= MAX_RETRIES) timeout(this.ctx, () => this.schedule(element), RETRY_MS * tries);
    console.debug(`[MoocMate] ${what}:`, err);
  }
}

function hasCaptionTracks(video: HTMLVideoElement): boolean {
  return [...video.textTracks].some((t) => t.kind === 'captions' || t.kind === 'subtitles');
}

function touchesMedia(r: MutationRecord): boolean {
  for (const n of [...r.addedNodes, ...r.removedNodes]) {
    if (n instanceof HTMLVideoElement || n instanceof HTMLTrackElement || n instanceof HTMLSourceElement) return true;
    if (n instanceof Element && n.querySelector('video, track')) return true;
  }
  return false;
}

/** Adapters read markup that may change under them: a failure is a fallback, never an error in the page. */
function safely<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

interface ListedTrack {
  track: TextTrack;
  element: HTMLTrackElement | null;
}

function modesOf(video: HTMLVideoElement): string {
  return [...video.textTracks].map((t) => t.mode).join();
}

function tracksOf(video: HTMLVideoElement): ListedTrack[] {
  const out: ListedTrack[] = [];
  const fromElements = new Set<TextTrack>();
  for (const element of video.querySelectorAll('track')) {
    fromElements.add(element.track);
    out.push({ track: element.track, element });
  }
  for (const track of video.textTracks) {
    if (!fromElements.has(track)) out.push({ track, element: null });
  }
  return out.filter(({ track }) => track.kind === 'captions' || track.kind === 'subtitles');
}

type TrackRead =
  | { state: 'wait' }
  | { state: 'ready'; cues: RawCue[] | null; signature: string; pageError?: string; player?: TextTrack };

function readTrack(track: TextTrack, element: HTMLTrackElement | null): TrackRead {
  if (element) {
    if (track.mode !== 'disabled' && element.readyState === LOADING) return { state: 'wait' };
    if (track.mode !== 'disabled' && element.readyState === LOADED && track.cues && track.cues.length > 0) {
      // One capture per file: turning captions on later must not send the same file again.
      // A file on the web is read by the background; the player's cues are copied only if
      // it cannot (copying and sending thousands of cues costs the page tens of ms).
      if (/^https?:/.test(element.src)) return { state: 'ready', cues: null, signature: `src:${element.src}`, player: track };
      return { state: 'ready', cues: copyCues(track.cues), signature: `src:${element.src}` };
    }
    if (!element.src) return { state: 'ready', cues: [], signature: 'empty', pageError: 'The caption track has no file.' };
    // Off, failed (cross-origin without CORS) or empty: the background fetches the file.
    return { state: 'ready', cues: null, signature: `src:${element.src}` };
  }
  // A track built by script has no file; its cues exist only here. Hidden shows nothing,
  // and the mode goes back at once, so captions the learner keeps off stay off.
  const wasDisabled = track.mode === 'disabled';
  if (wasDisabled) track.mode = 'hidden';
  const cues = track.cues ? copyCues(track.cues) : [];
  if (wasDisabled) track.mode = 'disabled';
  return { state: 'ready', cues, signature: cueSignature(cues) };
}

function cueSignature(cues: RawCue[]): string {
  const last = cues[cues.length - 1];
  return `cues:${cues.length}:${cues[0]?.start ?? ''}:${last?.end ?? ''}:${last?.text.length ?? ''}`;
}
