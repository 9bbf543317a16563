// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { khanAdapter, khanContext } from '../../../src/sites/khan';
import { contextFromUrl, humanizeSlug, readContextMessage, CONTEXT_MESSAGE } from '../../../src/sites/khan/context';

const LESSON = 'https://www.khanacademy.org/science/biology/intro-to-biology/what-is-biology/v/introduction-to-biology';
const at = (url: string) => new URL(url) as unknown as Location;

function load(html: string) {
  document.head.innerHTML = /<head>([\s\S]*)<\/head>/.exec(html)?.[1] ?? ''; // test setup: the page under test
  // The player frame is left out: happy-dom would try to load it.
  document.body.innerHTML = (/<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '').replace(/<iframe[\s\S]*?<\/iframe>/, '');
  document.title = /<title>(.*)<\/title>/.exec(html)?.[1] ?? '';
}

describe('Khan Academy', () => {
  const lesson = readFileSync(join(import.meta.dirname, '../../fixtures/pages/khan/lesson.html'), 'utf8');

  it('names the lesson from its heading and the course from the breadcrumb', () => {
    load(lesson);
    expect(khanContext(document, at(`${LESSON}?modal=1#t`))).toEqual({
      url: LESSON,
      lessonTitle: 'Introduction to biology',
      courseKey: '/science/biology',
      courseTitle: 'Biology library',
      courseUrl: 'https://www.khanacademy.org/science/biology',
    });
  });

  it('falls back to the page title and the URL slug', () => {
    load('<html><head><title>Intro to sorting (video) | Khan Academy</title></head><body><p>no heading</p></body></html>');
    expect(khanContext(document, at('https://www.khanacademy.org/computing/computer-science/algorithms/v/intro'))).toMatchObject({
      lessonTitle: 'Intro to sorting',
      courseKey: '/computing/computer-science',
      courseTitle: 'Computer science',
    });
  });

  it('matches khanacademy.org only; the lesson page has no video of its own (the player is a YouTube frame)', () => {
    load(lesson);
    expect(khanAdapter.matches(at(LESSON), document)).toBe(true);
    expect(khanAdapter.matches(at('https://khanacademy.org.evil.example/'), document)).toBe(false);
    expect(khanAdapter.findLectures(document)).toEqual([]);
  });

  it('describes a Khan-hosted <video> under the lesson', () => {
    load(lesson);
    document.body.insertAdjacentHTML('beforeend', '<video src="https://cdn.kastatic.org/v.mp4"></video>');
    const [video] = khanAdapter.findLectures(document);
    expect(khanAdapter.mediaOf(video)).toBe(video);
    expect(khanAdapter.describe(video, document, at(LESSON))).toMatchObject({
      site: 'khan',
      courseTitle: 'Biology library',
      lectureKey: '/science/biology/intro-to-biology/what-is-biology/v/introduction-to-biology',
      lectureTitle: 'Introduction to biology',
      videoSrc: 'https://cdn.kastatic.org/v.mp4',
    });
  });

  it('checks context messages and lesson URLs', () => {
    const good = { type: CONTEXT_MESSAGE, url: LESSON, lessonTitle: 'L', courseKey: '/science/biology', courseTitle: 'B', courseUrl: 'https://www.khanacademy.org/science/biology' };
    expect(readContextMessage(good)).toEqual({ url: LESSON, lessonTitle: 'L', courseKey: '/science/biology', courseTitle: 'B', courseUrl: good.courseUrl });
    expect(readContextMessage({ ...good, type: 'other' })).toBeNull();
    expect(readContextMessage({ ...good, url: 'https://www.khanacademy.org.evil.example/x' })).toBeNull();
    expect(readContextMessage({ ...good, courseTitle: 5 })).toBeNull();
    expect(readContextMessage('string')).toBeNull();
    expect(contextFromUrl('https://www.khanacademy.org/')).toBeNull();
    expect(contextFromUrl('https://example.org/science/biology')).toBeNull();
    expect(humanizeSlug('x2f8bb11595b61c86:foundation-algebra')).toBe('Foundation algebra');
  });
});
