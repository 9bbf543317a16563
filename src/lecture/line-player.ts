import { lineAt, lineBefore, nextBoundary, type PairedLine } from './pairing';
import { lineLoad, planLine } from './reading-load';
import type { LectureSettings } from './settings';

export interface LinePlayerView {
  /** The line showing changed (index -1: none). */
  line(index: number, line: PairedLine | null): void;
  /** Why playback is slowed or paused; null when it is not. */
  status(status: { kind: 'slowed' | 'paused'; wpm: number } | null): void;
}

/** Pausing this much before a dense line's end keeps its last words on screen. */
const PAUSE_LEAD = 0.08;

/**
 * Follows one video through its lines: which line shows (on timeupdate, seeked, ratechange,
 * play and pause, plus one timer to the next line change, so no polling loop), the keys
 * that move between lines, and reading-load playback. The learner's own speed is kept:
 * MoocMate slows only while a dense line shows, and a speed the learner sets wins.
 */
export class LinePlayer {
  private lines: PairedLine[] = [];
  private current = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();
  /** The learner's speed; playbackRate differs from it only while MoocMate slows a line. */
  private learnerRate: number;
  /** The rate MoocMate set for the current line, or null. */
  private ourRate: number | null = null;
  /** The dense line to pause at the end of, and the line already paused for (not twice). */
  private pauseFor = -1;
  private pausedFor = -1;
  private statusShown: 'slowed' | 'paused' | null = null;
  private settings: Pick<LectureSettings, 'readingLoad' | 'wpmLimit'> = { readingLoad: 'off', wpmLimit: 130 };

  constructor(
    readonly video: HTMLVideoElement,
    private readonly view: LinePlayerView,
  ) {
    this.learnerRate = video.playbackRate;
    const opts = { signal: this.abort.signal };
    const update = () => this.update();
    for (const type of ['timeupdate', 'seeked', 'play', 'pause', 'ended', 'loadedmetadata']) video.addEventListener(type, update, opts);
    video.addEventListener('ratechange', () => this.onRateChange(), opts);
  }

  setLines(lines: PairedLine[]): void {
    // New lines (the next lecture in the same <video>, or none): a slowed line is over.
    this.release();
    this.lines = lines;
    this.current = -2; // force a redraw
    this.update();
  }

  setSettings(settings: Pick<LectureSettings, 'readingLoad' | 'wpmLimit'>): void {
    const changed = settings.readingLoad !== this.settings.readingLoad || settings.wpmLimit !== this.settings.wpmLimit;
    this.settings = settings;
    if (changed) {
      this.release();
      this.current = -2;
      this.update();
    }
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** Moves to a line relative to the one showing (or the last one shown): -1 previous, 0 again, 1 next. */
  step(delta: -1 | 0 | 1): boolean {
    const t = this.video.currentTime;
    const here = lineAt(this.lines, t);
    // Between lines, the line just ended counts as the current one.
    const target = (here >= 0 ? here : lineBefore(this.lines, t)) + delta;
    const line = this.lines[Math.max(0, Math.min(this.lines.length - 1, target))];
    if (!line) return false;
    this.pausedFor = -1;
    this.video.currentTime = line.start;
    if (this.video.paused) void this.video.play().catch(() => undefined);
    return true;
  }

  /** Stops following the video and gives the learner's speed back. */
  destroy(): void {
    this.release();
    clearTimeout(this.timer);
    this.abort.abort();
  }

  private update(): void {
    const v = this.video;
    const t = v.currentTime;
    const i = lineAt(this.lines, t);
    if (i !== this.current) this.enter(i);
    const line = this.lines[i];
    if (i >= 0 && this.pauseFor === i && this.pausedFor !== i && !v.paused && t >= line.end - PAUSE_LEAD) {
      this.pausedFor = i;
      v.pause();
      this.say({ kind: 'paused', wpm: Math.round(lineLoad(textOf(line), line.start, line.end).wpm) });
    } else if (!v.paused && this.statusShown === 'paused') {
      this.say(null); // the learner went on
    }
    this.schedule();
  }

  private enter(i: number): void {
    const was = this.current;
    this.current = i;
    if (was !== -2) this.release();
    this.pauseFor = -1;
    if (i !== this.pausedFor) this.pausedFor = -1;
    const line = this.lines[i] ?? null;
    this.view.line(i, line);
    if (!line) return;
    const load = lineLoad(textOf(line), line.start, line.end);
    const plan = planLine(load, this.learnerRate, this.settings.wpmLimit, this.settings.readingLoad);
    if (plan.kind === 'slow' && this.video.playbackRate === this.learnerRate) {
      this.ourRate = plan.rate;
      this.video.playbackRate = plan.rate;
      this.say({ kind: 'slowed', wpm: Math.round(load.wpm) });
    } else if (plan.kind === 'pause') {
      this.pauseFor = i;
    }
  }

  private say(status: { kind: 'slowed' | 'paused'; wpm: number } | null): void {
    if (!status && !this.statusShown) return;
    this.statusShown = status?.kind ?? null;
    this.view.status(status);
  }

  /** Gives the learner's speed back after a slowed line. */
  private release(): void {
    if (this.ourRate !== null && this.video.playbackRate === this.ourRate) this.video.playbackRate = this.learnerRate;
    this.say(null);
    this.ourRate = null;
  }

  private onRateChange(): void {
    const rate = this.video.playbackRate;
    if (this.ourRate !== null && rate === this.ourRate) return this.update();
    // The learner chose a speed (or ours was given back): theirs from now on.
    if (this.ourRate !== null) this.say(null);
    this.ourRate = null;
    this.learnerRate = rate;
    this.update();
  }

  /** One timer to the next moment something changes: a line's start or end, or a pause point. */
  private schedule(): void {
    clearTimeout(this.timer);
    const v = this.video;
    if (v.paused || this.lines.length === 0) return;
    const t = v.currentTime;
    let next = nextBoundary(this.lines, t);
    const line = this.lines[this.current];
    if (line && this.pauseFor === this.current && this.pausedFor !== this.current) next = Math.min(next, line.end - PAUSE_LEAD);
    if (!Number.isFinite(next)) return;
    const ms = ((next - t) / (v.playbackRate || 1)) * 1000;
    this.timer = setTimeout(() => this.update(), Math.max(0, ms) + 4);
  }
}

/** The line the learner reads for load: the lecture's language, else the only line. */
function textOf(line: PairedLine): string {
  return line.top || line.bottom;
}
