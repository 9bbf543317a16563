// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { html5Adapter } from '../../../src/sites/html5';

function load(html: string, url = 'https://uni.example/course/week-1.html?x=1#top') {
  document.body.innerHTML = html; // test setup only: the page under test, not caption text
  const loc = new URL(url) as unknown as Location;
  return { loc, lectures: html5Adapter.findLectures(document) };
}

describe('generic HTML5 adapter', () => {
  it('names the course from og:site_name and the lecture from its heading', () => {
    document.head.innerHTML = '<meta property="og:site_name" content="Uni Online">';
    const { loc, lectures } = load('<h1>Week 1: Cells</h1><video src="/media/w1.webm?token=abc"></video>');
    expect(lectures).toHaveLength(1);
    const info = html5Adapter.describe(lectures[0], document, loc);
    expect(info).toMatchObject({
      site: 'html5',
      courseTitle: 'Uni Online',
      courseKey: 'https://uni.example',
      lectureTitle: 'Week 1: Cells',
      lectureUrl: 'https://uni.example/course/week-1.html?x=1',
    });
    // Signed query strings change on every visit; the lecture stays the same.
    expect(info.lectureKey).toBe(`${location.origin}/media/w1.webm`);
  });

  it('tells apart several videos, even the same file twice, and uses their own headings', () => {
    const { loc, lectures } = load(`
      <h1>Week 2</h1>
      <figure><figcaption>Part A</figcaption><video src="/a.webm"></video></figure>
      <figure><figcaption>Part B</figcaption><video src="/b.webm"></video></figure>
      <section><h2>Recap</h2><video src="/a.webm"></video></section>
      <video src="blob:https://uni.example/123"></video>`);
    const infos = lectures.map((v) => html5Adapter.describe(v, document, loc));
    expect(infos.map((i) => i.lectureTitle)).toEqual(['Part A', 'Part B', 'Recap', 'Week 2 (4)']);
    expect(new Set(infos.map((i) => i.lectureKey)).size).toBe(4);
    expect(infos[3].lectureKey).toBe('https://uni.example/course/week-1.html?x=1#video-3');
  });

  it('finds the media element of a lecture', () => {
    const { lectures } = load('<video src="/a.webm"></video>');
    expect(html5Adapter.mediaOf(lectures[0])).toBe(lectures[0]);
  });
});
