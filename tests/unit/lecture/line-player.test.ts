import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinePlayer } from '../../../src/lecture/line-player';
import { pairLines } from '../../../src/lecture/pairing';

/** Just enough of a <video> for the player: time, rate and play state, with their events. */
class FakeVideo extends EventTarget {
  currentTime = 0;
  paused = true;
  private rate = 1;
  get playbackRate() {
    return this.rate;
  }
  set playbackRate(v: number) {
    this.rate = v;
    this.dispatchEvent(new Event('ratechange'));
  }
  async play() {
    this.paused = false;
    this.dispatchEvent(new Event('play'));
  }
  pause() {
    this.paused = true;
    this.dispatchEvent(new Event('pause'));
  }
  at(t: number, type = 'timeupdate') {
    this.currentTime = t;
    this.dispatchEvent(new Event(type));
  }
}

const lines = pairLines(
  [
    { start: 1, end: 4, text: 'Hello and welcome back.' },
    { start: 4, end: 6, text: 'This deliberately dense line packs far too many words into two short seconds of video time.' },
    { start: 6, end: 10, text: 'Now a calm line again.' },
  ],
  [],
);

function setup(mode: 'off' | 'slow' | 'pause') {
  const video = new FakeVideo();
  const shown: number[] = [];
  const statuses: Array<string | null> = [];
  const player = new LinePlayer(video as unknown as HTMLVideoElement, {
    line: (i) => shown.push(i),
    status: (s) => statuses.push(s ? `${s.kind}:${s.wpm}` : null),
  });
  player.setSettings({ readingLoad: mode, wpmLimit: 130 });
  player.setLines(lines);
  return { video, shown, statuses, player };
}

/** Playing at the learner's `rate` inside the dense line, which is slowed to 0.5. */
async function slowed(rate = 1) {
  const got = setup('slow');
  got.video.playbackRate = rate;
  await got.video.play();
  got.video.at(4.1);
  expect(got.video.playbackRate).toBe(0.5);
  return got;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('LinePlayer', () => {
  it('shows the line of the moment, on time events and on its own timer', async () => {
    const { video, shown } = setup('off');
    video.at(2);
    expect(shown.at(-1)).toBe(0);
    await video.play();
    // No more timeupdate: the timer fires at the next line start (4 s, 2 s away at 1x).
    video.currentTime = 4.01;
    vi.advanceTimersByTime(2010);
    expect(shown.at(-1)).toBe(1);
  });

  it('slows a dense line, says so, and gives the learner’s speed back after it', async () => {
    const { video, statuses } = setup('slow');
    video.playbackRate = 1.25;
    await video.play();
    video.at(4.1);
    expect(video.playbackRate).toBe(0.5);
    expect(statuses.at(-1)).toBe('slowed:480');
    video.at(6.1);
    expect(video.playbackRate).toBe(1.25);
    expect(statuses.at(-1)).toBeNull();
  });

  it('keeps a speed the learner sets during a slowed line', async () => {
    const { video } = setup('slow');
    await video.play();
    video.at(4.1);
    expect(video.playbackRate).toBe(0.5);
    video.playbackRate = 0.75;
    video.at(6.1);
    expect(video.playbackRate).toBe(0.75);
  });

  it('pauses at the end of a dense line once, until the learner plays again', async () => {
    const { video, statuses } = setup('pause');
    await video.play();
    video.at(4.1);
    expect(video.paused).toBe(false);
    video.at(5.95);
    expect(video.paused).toBe(true);
    expect(statuses.at(-1)).toBe('paused:480');
    await video.play();
    video.at(5.97);
    expect(video.paused).toBe(false);
    expect(statuses.at(-1)).toBeNull();
  });

  it('steps to the previous, the same and the next line', () => {
    const { video, player } = setup('off');
    video.at(5);
    player.step(-1);
    expect(video.currentTime).toBe(1);
    video.at(5);
    player.step(0);
    expect(video.currentTime).toBe(4);
    video.at(5);
    player.step(1);
    expect(video.currentTime).toBe(6);
    // Between lines the last one ended counts as current; past the end it stays on the last.
    video.at(12);
    player.step(1);
    expect(video.currentTime).toBe(6);
  });

  it('gives the learner’s speed back when the lines change during a slowed line (the next lecture in the same video)', async () => {
    const { video, player, statuses } = await slowed(1.5);
    player.setLines([]);
    expect(video.playbackRate).toBe(1.5);
    expect(statuses.at(-1)).toBeNull();
    video.at(0, 'loadedmetadata');
    // The next lecture's lines arrive; its first line starts at 8 s.
    player.setLines(pairLines([{ start: 8, end: 11, text: 'Welcome to week two.' }], []));
    video.at(7.5);
    expect(video.playbackRate).toBe(1.5);
  });

  it('slows a dense line again when its lecture’s lines are read again while it shows', async () => {
    const { video, player } = await slowed();
    player.setLines(lines);
    expect(video.playbackRate).toBe(0.5);
    video.at(6.1);
    expect(video.playbackRate).toBe(1);
  });

  it('gives the learner’s speed back when it stops', async () => {
    const { video, player } = setup('slow');
    await video.play();
    video.at(4.1);
    player.destroy();
    expect(video.playbackRate).toBe(1);
  });
});
