// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spreadOverTime, udemyAdapter } from '../../../src/sites/udemy';
import { pickAdapter } from '../../../src/sites/registry';

const PAGES = join(import.meta.dirname, '../../fixtures/pages/udemy');
const lectureUrl = (id: number) => `https://www.udemy.com/course/practical-python-for-data-analysis/learn/lecture/${id}`;

/** A saved page's markup without its scripts (the static page as the server sends it). */
function load(file: string, url: string) {
  const html = readFileSync(join(PAGES, file), 'utf8');
  document.title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  document.documentElement.lang = /<html lang="([^"]*)"/.exec(html)?.[1] ?? '';
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, ''); // test setup only: the fixture page
  const loc = new URL(url) as unknown as Location;
  return { loc, lectures: udemyAdapter.findLectures(document) };
}

function setDuration(video: HTMLElement, seconds: number) {
  Object.defineProperty(video, 'duration', { value: seconds, configurable: true });
}

/** Every class on the page gets another generated suffix, or disappears. */
function scrambleClasses(mode: 'suffix' | 'remove') {
  let n = 0;
  for (const el of document.querySelectorAll('[class]')) {
    if (mode === 'remove') el.removeAttribute('class');
    else el.className = el.className.replace(/--[A-Za-z0-9_-]{5}\b/g, () => `--x${(n++).toString(36)}Q9`);
  }
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('Udemy adapter', () => {
  it('matches Udemy (and Udemy Business) pages only, and the registry picks it before the generic adapter', () => {
    const at = (u: string) => new URL(u) as unknown as Location;
    expect(udemyAdapter.matches(at(lectureUrl(1)), document)).toBe(true);
    expect(udemyAdapter.matches(at('https://acme.udemy.com/course/x/learn/lecture/1'), document)).toBe(true);
    expect(udemyAdapter.matches(at('https://www.udemy.com.evil.example/'), document)).toBe(false);
    expect(pickAdapter(at(lectureUrl(1)), document).site).toBe('udemy');
  });

  it('names course and lecture from the header and the current curriculum item', () => {
    const { loc, lectures } = load('lecture.html', `${lectureUrl(38211742)}#overview`);
    expect(lectures).toHaveLength(1);
    const video = lectures[0] as HTMLVideoElement;
    video.src = 'blob:https://www.udemy.com/0b7a6c1e-8d2f-4c57-9b1a-6f2e5d3c4b1a';
    expect(udemyAdapter.mediaOf(video)).toBe(video);
    expect(udemyAdapter.describe(video, document, loc)).toEqual({
      site: 'udemy',
      courseKey: 'practical-python-for-data-analysis',
      courseTitle: 'Practical Python for Data Analysis',
      courseUrl: 'https://www.udemy.com/course/practical-python-for-data-analysis/',
      lectureKey: 'practical-python-for-data-analysis/lecture/38211742',
      lectureTitle: '1. Welcome to the course',
      lectureUrl: lectureUrl(38211742),
      videoSrc: '', // a blob: source is new on every visit
    });
  });

  it('follows the curriculum and the address to the next lecture', () => {
    const { lectures } = load('lecture.html', lectureUrl(38211742));
    const items = document.querySelectorAll('[data-purpose^="curriculum-item-0-"]');
    items[0].parentElement!.setAttribute('aria-current', 'false');
    items[1].parentElement!.setAttribute('aria-current', 'true');
    const info = udemyAdapter.describe(lectures[0], document, new URL(lectureUrl(38211746)) as unknown as Location);
    expect(info).toMatchObject({ lectureKey: 'practical-python-for-data-analysis/lecture/38211746', lectureTitle: '2. Variables and types' });
  });

  it('falls back to the page title for the course and to the lecture id for the lecture', () => {
    const { loc, lectures } = load('lecture.html', lectureUrl(38211742));
    document.querySelector('[data-purpose="course-header-title"]')!.remove();
    document.querySelector('[data-purpose="sidebar"]')!.remove();
    const info = udemyAdapter.describe(lectures[0], document, loc);
    expect(info.courseTitle).toBe('Practical Python for Data Analysis');
    // "Course: … | Udemy" names the course, not the lecture.
    expect(info.lectureTitle).toBe('Lecture 38211742');
  });

  it('takes the lecture title from the page title only when it names something other than the course', () => {
    const { loc, lectures } = load('lecture.html', lectureUrl(38211742));
    document.querySelector('[data-purpose="sidebar"]')!.remove();
    document.title = 'Welcome to the course | Udemy';
    expect(udemyAdapter.describe(lectures[0], document, loc)).toMatchObject({
      courseTitle: 'Practical Python for Data Analysis',
      lectureTitle: 'Welcome to the course',
    });
  });

  it('reads every transcript cue, the active one included, and nothing else', () => {
    const { lectures } = load('transcript-only.html', lectureUrl(38211754));
    setDuration(lectures[0], 44.508);
    const panel = udemyAdapter.panelTranscript!(lectures[0], document);
    expect(panel).toMatchObject({ language: 'en', label: 'Udemy transcript' });
    expect(panel!.cues.map((c) => c.text)).toEqual([
      'Real data is never as tidy as the examples in a textbook.',
      'Columns have odd names, dates come in three formats,',
      'and some rows are simply empty.',
      'First we rename the columns & drop the empty rows.',
      'Then we parse every date into one format.',
      'Clean data makes every later step easier.',
    ]);
    expect(panel!.cues[0].start).toBe(0);
    expect(panel!.cues[5].end).toBe(44.508);
  });

  it('generated class names change nothing: new suffixes, or no classes at all', () => {
    const { loc, lectures } = load('transcript-only.html', lectureUrl(38211754));
    setDuration(lectures[0], 44.508);
    const read = () => ({ page: udemyAdapter.describe(lectures[0], document, loc), panel: udemyAdapter.panelTranscript!(lectures[0], document) });
    const before = read();
    expect(before.panel!.cues).toHaveLength(6);
    expect(document.querySelectorAll('[class*="--Vuwj6"]').length).toBeGreaterThan(6);
    scrambleClasses('suffix');
    expect(document.querySelectorAll('[class*="--Vuwj6"]')).toHaveLength(0);
    expect(read()).toEqual(before);
    scrambleClasses('remove');
    expect(document.querySelectorAll('[class]')).toHaveLength(0);
    expect(read()).toEqual(before);
  });

  it('reads a cue without its text span from the cue itself', () => {
    const { lectures } = load('transcript-only.html', lectureUrl(38211754));
    const cue = document.querySelector('[data-purpose="transcript-cue"]')!;
    cue.innerHTML = 'Plain   cue';
    expect(udemyAdapter.panelTranscript!(lectures[0], document)!.cues[0].text).toBe('Plain cue');
  });

  it('gives no transcript when the panel is closed or empty', () => {
    const { lectures } = load('lecture.html', lectureUrl(38211742));
    expect(udemyAdapter.panelTranscript!(lectures[0], document)).toBeNull();
    document.body.insertAdjacentHTML('beforeend', '<div data-purpose="transcript-panel"><p data-purpose="transcript-cue"> </p></div>');
    expect(udemyAdapter.panelTranscript!(lectures[0], document)).toBeNull();
  });

  it('spreads untimed lines over the duration by their length, or at a speaking pace without one', () => {
    expect(spreadOverTime(['ab', 'abcdef', 'ab'], 10)).toEqual([
      { start: 0, end: 2, text: 'ab' },
      { start: 2, end: 8, text: 'abcdef' },
      { start: 8, end: 10, text: 'ab' },
    ]);
    const paced = spreadOverTime(['x'.repeat(30), 'y'.repeat(15)], NaN);
    expect(paced.map((c) => [c.start, c.end])).toEqual([
      [0, 2],
      [2, 3],
    ]);
  });
});
