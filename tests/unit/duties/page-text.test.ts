// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readDutyFromText } from '../../../src/duties/page-text';

const at = (url: string) => new URL(url) as unknown as Location;

function pageOf(html: string, lang = 'en'): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.documentElement.lang = lang;
  return doc;
}

describe('"Add this page": a duty from the text of a page no adapter knows', () => {
  it('a workshop page worded like tests/fixtures/pages/html5/peer-unknown.html: its count and both deadlines', () => {
    const doc = pageOf(
      '<h1>Workshop: Leaf anatomy</h1><p>Submissions deadline: Friday, 11 January 2030, 5:00 PM</p>' +
        '<p>Assessments deadline: Friday, 18 January 2030, 5:00 PM</p><p>Assigned submissions to assess: you assessed 1 of 2 submissions.</p>',
    );
    const r = readDutyFromText(doc, at('https://lms.example/mod/workshop/view.php?id=7'));
    expect(r).toMatchObject({
      site: 'page',
      title: 'Workshop: Leaf anatomy',
      reviewsGiven: 1,
      reviewsRequired: 2,
      submitDue: { text: 'Friday, 11 January 2030, 5:00 PM', lang: 'en' },
      reviewDue: { text: 'Friday, 18 January 2030, 5:00 PM', lang: 'en' },
      fromText: true,
    });
  });

  it('"Review your peers by 03/12/2026" is the review date, not 3 of 12 reviews', () => {
    const doc = pageOf('<h1>Essay</h1><p>Peer review</p><p>Review your peers by 03/12/2026</p><p>Submit by 01/12/2026</p>');
    const r = readDutyFromText(doc, at('https://lms.example/course/essay'));
    expect([r.reviewsGiven, r.reviewsRequired]).toEqual([null, null]);
    expect(r.reviewDue?.text).toBe('03/12/2026');
    expect(r.submitDue?.text).toBe('01/12/2026');
  });

  it('"You have 2 of 3 reviews left" is 1 given of 3', () => {
    const r = readDutyFromText(pageOf('<h1>Essay</h1><p>You have 2 of 3 reviews left</p>'), at('https://lms.example/course/essay'));
    expect([r.reviewsGiven, r.reviewsRequired]).toEqual([1, 3]);
  });
});
