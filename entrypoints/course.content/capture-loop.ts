import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '../../src/sites/types';
import type { PageInfo, RawCue, TabLecture, TrackInfo } from '../../src/messaging/protocol';
import { lectureIdFor } from '../../src/captions/ids';
import { callBackground } from '../../src/messaging/client';

const SETTLE_MS = 300;
const MAX_RETRIES = 3;
const RETRY_MS = 1500;
// HTMLTrackElement.readyState values.
const LOADING = 1;
const LOADED = 2;

export interface WatchedVideo {
  video: HTMLVideoElement;
  page: PageInfo | null;
  lectureId: string | null;
  trackCount: number;
}

/**
 * Finds the videos on a page and sends every caption track of each to the background.
 * Reading cues never changes what the learner sees: a <track> the learner keeps off is
 * fetched as a file by the background instead of being switched on.
 */
export class CaptureLoop {
  private readonly watched = new Map<HTMLVideoElement, WatchedVideo>();
  private readonly sent = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Map<HTMLVideoElement, number>();
  /** Track modes after our last read: reading a script track flips its mode and back, which fires 'change'. */
  private readonly modes = new WeakMap<HTMLVideoElement, string>();
  private lastPlayed: HTMLVideoElement | null = null;
  private readonly listeners = new Set<(reason: 'play' | 'update') => void>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly adapter: SiteAdapter,
  ) {}

  start(): void {
    this.scan();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of [...r.addedNodes, ...r.removedNodes]) {
          if (n instanceof HTMLVideoElement || n instanceof HTMLTrackElement || n instanceof HTMLSourceElement) {
            this.scan();
            if (n instanceof HTMLTrackElement || n instanceof HTMLSourceElement) {
              const v = n.parentElement ?? (r.target instanceof HTMLVideoElement ? r.target : null);
              if (v instanceof HTMLVideoElement) this.schedule(v);
            }
            return;
          }
          if (n instanceof Element && n.querySelector('video')) return this.scan();
        }
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    this.ctx.onInvalidated(() => observer.disconnect());
  }

  /** Lectures on the page now, for the popup and the side panel. */
  lectures(): TabLecture[] {
    const out: TabLecture[] = [];
    for (const w of this.watched.values()) {
      if (!w.page || !w.lectureId || out.some((l) => l.lectureId === w.lectureId)) continue;
      out.push({ lectureId: w.lectureId, title: w.page.lectureTitle, courseTitle: w.page.courseTitle, trackCount: w.trackCount });
    }
    return out;
  }

  /** The video the learner watches: the last one played, else the first with captions. */
  activeVideo(): WatchedVideo | null {
    const last = this.lastPlayed && this.watched.get(this.lastPlayed);
    if (last) return last;
    for (const w of this.watched.values()) if (w.trackCount > 0) return w;
    return this.watched.values().next().value ?? null;
  }

  videoFor(lectureId: string): HTMLVideoElement | null {
    for (const w of this.watched.values()) if (w.lectureId === lectureId) return w.video;
    return null;
  }

  onChange(listener: (reason: 'play' | 'update') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(reason: 'play' | 'update' = 'update'): void {
    for (const l of this.listeners) l(reason);
  }

  private scan(): void {
    const videos = new Set(this.adapter.findVideos(document));
    for (const v of [...this.watched.keys()]) {
      if (!videos.has(v) || !v.isConnected) this.unwatch(v);
    }
    for (const v of videos) if (!this.watched.has(v)) this.watch(v);
  }

  private watch(video: HTMLVideoElement): void {
    this.watched.set(video, { video, page: null, lectureId: null, trackCount: 0 });
    const again = () => this.schedule(video);
    const played = () => {
      this.lastPlayed = video;
      this.notify('play');
    };
    const opts = { signal: this.ctx.signal };
    for (const type of ['loadstart', 'loadedmetadata', 'emptied']) video.addEventListener(type, again, opts);
    video.addEventListener('play', played, opts);
    video.textTracks.addEventListener('addtrack', again, opts);
    video.textTracks.addEventListener('change', () => modesOf(video) !== this.modes.get(video) && again(), opts);
    // Track elements report load/error on themselves; these events do not bubble.
    video.addEventListener('load', again, { ...opts, capture: true });
    video.addEventListener('error', again, { ...opts, capture: true });
    this.schedule(video);
  }

  private unwatch(video: HTMLVideoElement): void {
    this.watched.delete(video);
    const t = this.timers.get(video);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(video);
    if (this.lastPlayed === video) this.lastPlayed = null;
    this.notify();
  }

  /** Pages change a video's source and tracks in several steps; capture once they settle. */
  private schedule(video: HTMLVideoElement): void {
    if (!this.watched.has(video)) return;
    const t = this.timers.get(video);
    if (t !== undefined) clearTimeout(t);
    this.timers.set(
      video,
      this.ctx.setTimeout(() => {
        this.timers.delete(video);
        void this.capture(video);
      }, SETTLE_MS),
    );
  }

  private async capture(video: HTMLVideoElement): Promise<void> {
    const w = this.watched.get(video);
    if (!w || !video.isConnected || this.ctx.isInvalid) return;
    const page = this.adapter.describe(video, document, location);
    const lectureId = lectureIdFor(page.site, page.lectureKey);
    const tracks = tracksOf(video);
    w.page = page;
    w.lectureId = lectureId;
    w.trackCount = tracks.length;
    this.notify();
    const reads = tracks.map(({ track, element }) => ({ track, element, read: readTrack(track, element) }));
    this.modes.set(video, modesOf(video));
    for (const { track, element, read } of reads) {
      if (read.state === 'wait') continue; // its load or error event schedules us again
      const info: TrackInfo = { kind: track.kind, label: track.label, language: track.language };
      if (element?.src) info.url = element.src;
      const signature = `${page.lectureKey}|${info.kind}|${info.language}|${info.label}|${read.signature}`;
      if (this.sent.has(signature)) continue;
      this.sent.add(signature);
      try {
        await callBackground('capture.track', { page, track: info, cues: read.cues, pageError: read.pageError });
      } catch (err) {
        // The page must never see our errors. A stopped service worker drops the message:
        // try again a few times, then wait for the next change on the page.
        this.sent.delete(signature);
        const tries = (this.failures.get(signature) ?? 0) + 1;
        this.failures.set(signature, tries);
        if (!this.ctx.isInvalid && tries <= MAX_RETRIES) this.ctx.setTimeout(() => this.schedule(video), RETRY_MS * tries);
        if (!this.ctx.isInvalid) console.debug('[MoocMate] capture failed:', err);
      }
    }
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
    if (!fromElements.has(track) && (track.kind === 'captions' || track.kind === 'subtitles')) {
      out.push({ track, element: null });
    }
  }
  return out.filter(({ track }) => track.kind === 'captions' || track.kind === 'subtitles');
}

type TrackRead =
  | { state: 'wait' }
  | { state: 'ready'; cues: RawCue[] | null; signature: string; pageError?: string };

function readTrack(track: TextTrack, element: HTMLTrackElement | null): TrackRead {
  if (element) {
    if (track.mode !== 'disabled' && element.readyState === LOADING) return { state: 'wait' };
    if (track.mode !== 'disabled' && element.readyState === LOADED && track.cues && track.cues.length > 0) {
      // One capture per file: turning captions on later must not send the same file again.
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

function copyCues(list: TextTrackCueList): RawCue[] {
  const out: RawCue[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as VTTCue;
    const cue: RawCue = { start: c.startTime, end: c.endTime, text: typeof c.text === 'string' ? c.text : '' };
    if (c.id) cue.id = c.id;
    out.push(cue);
  }
  return out;
}

function cueSignature(cues: RawCue[]): string {
  const last = cues[cues.length - 1];
  return `cues:${cues.length}:${cues[0]?.start ?? ''}:${last?.end ?? ''}:${last?.text.length ?? ''}`;
}
