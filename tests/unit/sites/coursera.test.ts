// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clockSeconds, courseraAdapter } from '../../../src/sites/coursera';
import { pickAdapter } from '../../../src/sites/registry';

const PAGES = join(import.meta.dirname, '../../fixtures/pages/coursera');
const LECTURE_1 = 'https://www.coursera.org/learn/how-plants-grow/lecture/Yq2bV/why-leaves-are-green';

/** A saved page's markup without its scripts (the static page as the server sends it). */
function load(file: string, url: string) {
  const html = readFileSync(join(PAGES, file), 'utf8');
  document.title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  document.documentElement.lang = /<html lang="([^"]*)"/.exec(html)?.[1] ?? '';
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, ''); // test setup only: the fixture page
  const loc = new URL(url) as unknown as Location;
  return { loc, lectures: courseraAdapter.findLectures(document) };
}

function setDuration(video: HTMLElement, seconds: number) {
  Object.defineProperty(video, 'duration', { value: seconds, configurable: true });
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('Coursera adapter', () => {
  it('matches Coursera pages only, and the registry picks it before the generic adapter', () => {
    const at = (u: string) => new URL(u) as unknown as Location;
    expect(courseraAdapter.matches(at(LECTURE_1), document)).toBe(true);
    expect(courseraAdapter.matches(at('https://www.coursera.org.evil.example/learn/x'), document)).toBe(false);
    expect(courseraAdapter.matches(at('https://www.udemy.com/course/x/learn/lecture/1'), document)).toBe(false);
    expect(pickAdapter(at(LECTURE_1), document).site).toBe('coursera');
  });

  it('names course and lecture from the address, the breadcrumbs and the h1', () => {
    const { loc, lectures } = load('lecture.html', `${LECTURE_1}?utm_source=mail#transcript`);
    expect(lectures).toHaveLength(1);
    expect(courseraAdapter.mediaOf(lectures[0])).toBe(lectures[0]);
    expect(courseraAdapter.describe(lectures[0], document, loc)).toEqual({
      site: 'coursera',
      courseKey: 'how-plants-grow',
      courseTitle: 'How Plants Grow: An Introduction to Plant Physiology',
      courseUrl: 'https://www.coursera.org/learn/how-plants-grow',
      lectureKey: 'how-plants-grow/lecture/Yq2bV',
      lectureTitle: 'Why Leaves Are Green',
      lectureUrl: LECTURE_1,
      // The signed CloudFront query (Expires, Signature) changes on every visit.
      videoSrc: 'https://d3c33hcgiwev3.cloudfront.net/Yq2bVGcAEeW2rSIAC2yC6g.processed/full/540p/index.webm',
    });
  });

  it('keeps the same lecture key for the item with or without its title slug', () => {
    const { lectures } = load('lecture.html', LECTURE_1);
    const key = (u: string) => courseraAdapter.describe(lectures[0], document, new URL(u) as unknown as Location).lectureKey;
    expect(key('https://www.coursera.org/learn/how-plants-grow/lecture/Yq2bV')).toBe(key(LECTURE_1));
    expect(key('https://www.coursera.org/learn/how-plants-grow/lecture/k7Pzd/light-and-dark-reactions')).toBe('how-plants-grow/lecture/k7Pzd');
  });

  it('falls back to the header link and to document.title when breadcrumbs and h1 are gone', () => {
    const { loc, lectures } = load('lecture.html', LECTURE_1);
    document.querySelector('nav')!.remove();
    document.querySelector('h1')!.remove();
    document.title = 'Why Leaves Are Green (video) | Coursera';
    const info = courseraAdapter.describe(lectures[0], document, loc);
    expect(info.courseTitle).toBe('How Plants Grow: An Introduction to Plant Physiology');
    expect(info.lectureTitle).toBe('Why Leaves Are Green (video)');
    document.querySelector('header')!.remove();
    document.title = '';
    const bare = courseraAdapter.describe(lectures[0], document, loc);
    expect(bare.courseTitle).toBe(''); // the store keeps the title it had
    expect(bare.lectureTitle).toBe('Yq2bV');
  });

  it('does not take a link to another course for this course', () => {
    const { loc, lectures } = load('lecture.html', LECTURE_1);
    document.querySelector('nav')!.remove();
    document.querySelector('header')!.innerHTML = '<a href="/learn/other-course">Other course</a><a href="/learn/how-plants-grow/home/welcome">Plants</a>';
    expect(courseraAdapter.describe(lectures[0], document, loc).courseTitle).toBe('Plants');
  });

  it('reads the interactive transcript: one cue per paragraph, from its time to the next', () => {
    const { lectures } = load('lecture.html', LECTURE_1);
    setDuration(lectures[0], 44.508);
    const panel = courseraAdapter.panelTranscript!(lectures[0], document);
    expect(panel).toMatchObject({ language: 'en', label: 'Coursera transcript' });
    expect(panel!.cues.map((c) => [c.start, c.end])).toEqual([
      [0, 13],
      [13, 27],
      [27, 44.508],
    ]);
    expect(panel!.cues[0].text).toBe(
      'Welcome back. In this lecture we ask why most leaves are green. Sunlight looks white, but it is a mix of many colours. A leaf is full of a pigment called chlorophyll.',
    );
  });

  it('ends the last paragraph by its length while the video has no duration', () => {
    const { lectures } = load('lecture.html', LECTURE_1);
    const panel = courseraAdapter.panelTranscript!(lectures[0], document);
    const last = panel!.cues[2];
    expect(last.end).toBeCloseTo(27 + last.text.length / 15, 3);
  });

  it('reads the transcript of the redesigned player, with its own lang', () => {
    const { loc, lectures } = load('no-tracks.html', 'https://www.coursera.org/learn/how-plants-grow/lecture/Nw3Pl/stomata-and-gas-exchange');
    document.documentElement.lang = 'es'; // the interface language; the transcript says its own
    setDuration(lectures[0], 38.924);
    const panel = courseraAdapter.panelTranscript!(lectures[0], document);
    expect(panel!.language).toBe('en');
    expect(panel!.cues).toHaveLength(4);
    expect(panel!.cues[3]).toEqual({ start: 30, end: 38.924, text: 'On a hot day they close to save water & the plant stops growing.' });
    expect(courseraAdapter.describe(lectures[0], document, loc)).toMatchObject({ lectureKey: 'how-plants-grow/lecture/Nw3Pl', lectureTitle: 'Stomata and Gas Exchange' });
  });

  it('never depends on generated class names', () => {
    const { loc, lectures } = load('lecture.html', LECTURE_1);
    setDuration(lectures[0], 44.508);
    const before = { page: courseraAdapter.describe(lectures[0], document, loc), panel: courseraAdapter.panelTranscript!(lectures[0], document) };
    let n = 0;
    for (const el of document.querySelectorAll('[class]')) {
      el.className = el.className.replace(/\bcss-[a-z0-9]+\b/g, () => `css-${(n++).toString(36)}zz`);
    }
    expect({ page: courseraAdapter.describe(lectures[0], document, loc), panel: courseraAdapter.panelTranscript!(lectures[0], document) }).toEqual(before);
  });

  it('reads paragraphs whose phrases were renamed, without the time button text', () => {
    const { lectures } = load('lecture.html', LECTURE_1);
    for (const p of document.querySelectorAll('.rc-Phrase')) p.classList.remove('rc-Phrase');
    const panel = courseraAdapter.panelTranscript!(lectures[0], document);
    expect(panel!.cues).toHaveLength(3);
    expect(panel!.cues[1].text).toMatch(/^Chlorophyll absorbs red and blue light very well\. Green light/);
    expect(panel!.cues[1].text).not.toMatch(/Play video|0:13/);
  });

  it('gives no transcript when there is none or it is empty', () => {
    const { lectures } = load('lecture.html', LECTURE_1);
    document.querySelector('.rc-Transcript')!.innerHTML = '';
    expect(courseraAdapter.panelTranscript!(lectures[0], document)).toBeNull();
    document.querySelector('.rc-Transcript')!.remove();
    expect(courseraAdapter.panelTranscript!(lectures[0], document)).toBeNull();
  });

  it('reads clock times as the transcript shows them', () => {
    expect(clockSeconds('Play video starting at ::4 and follow transcript0:04')).toBe(4);
    expect(clockSeconds('12:34')).toBe(754);
    expect(clockSeconds('1:02:03')).toBe(3723);
    expect(clockSeconds('no time')).toBeNull();
    expect(clockSeconds(null)).toBeNull();
  });

  it('keys a video outside a lecture item by its address', () => {
    const { loc, lectures } = load('lecture.html', 'https://www.coursera.org/learn/how-plants-grow/home/welcome');
    const info = courseraAdapter.describe(lectures[0], document, loc);
    expect(info.courseKey).toBe('how-plants-grow');
    expect(info.lectureKey).toBe(info.videoSrc);
  });
});
