// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPeerDuties } from '../../../src/sites/registry';
import { countPair } from '../../../src/sites/peer-text';
import { applyReading } from '../../../src/duties/store';
import { bucketOf, openDeadlines, reviewsOwed } from '../../../src/duties/schedule';
import { freshDb } from '../helpers';

const PAGES = join(import.meta.dirname, '../../../tests/fixtures/pages');

/** A fixture page parsed without running its script; the test fills in what the script would. */
function open(file: string, url: string, fill: (doc: Document) => void = () => undefined) {
  const doc = new DOMParser().parseFromString(readFileSync(join(PAGES, file), 'utf8'), 'text/html');
  fill(doc);
  return readPeerDuties(new URL(url) as unknown as Location, doc);
}
const set = (doc: Document, id: string, text: string) => (doc.getElementById(id)!.textContent = text);

describe('Coursera peer-graded assignment reader', () => {
  const url = 'https://www.coursera.org/learn/how-plants-grow/peer/2yTvX/design-a-leaf-experiment/give-feedback';
  const fill = (doc: Document) => {
    set(doc, 'title', 'Peer-graded Assignment: Design a Leaf Experiment');
    set(doc, 'due-submit', 'Dec 3, 11:59 PM PST');
    set(doc, 'due-review', 'December 6, 2026 at 11:59 PM PST');
    doc.getElementById('submission')!.innerHTML =
      '<p class="rc-SubmissionStatus--submitted">Submitted. <span class="rc-ReviewsReceived">Your work has received 0 of 3 reviews.</span></p><p class="rc-ShareSubmission"><a href="/learn/how-plants-grow/peer/2yTvX/design-a-leaf-experiment/review/SbmXq3Fh">Your submission</a></p>';
    set(doc, 'review', 'You reviewed 1 of 3 classmates.');
  };

  it('reads counts, both dates as text, the links and the course', () => {
    const [d, ...rest] = open('coursera/peer-assignment.html', url, fill);
    expect(rest).toEqual([]);
    expect(d).toEqual({
      site: 'coursera',
      key: 'how-plants-grow/peer/2yTvX',
      course: 'How Plants Grow: An Introduction to Plant Physiology',
      title: 'Peer-graded Assignment: Design a Leaf Experiment',
      url: 'https://www.coursera.org/learn/how-plants-grow/peer/2yTvX/design-a-leaf-experiment',
      submissionUrl: 'https://www.coursera.org/learn/how-plants-grow/peer/2yTvX/design-a-leaf-experiment/review/SbmXq3Fh',
      forumUrl: 'https://www.coursera.org/learn/how-plants-grow/discussions/forums/peer-review-requests',
      submitted: true,
      reviewsGiven: 1,
      reviewsRequired: 3,
      reviewsReceived: 0,
      reviewsNeeded: 3,
      submitDue: { text: 'Dec 3, 11:59 PM PST', lang: 'en' },
      reviewDue: { text: 'December 6, 2026 at 11:59 PM PST', lang: 'en' },
    });
  });

  it('not submitted yet: no received count, submitted false', () => {
    const [d] = open('coursera/peer-assignment.html', url, (doc) => {
      fill(doc);
      doc.getElementById('submission')!.innerHTML = '<p>Not submitted.</p>';
    });
    expect(d).toMatchObject({ submitted: false, reviewsReceived: null, reviewsNeeded: null, submissionUrl: '' });
  });

  it('a lecture page is not an assignment', () => {
    expect(open('coursera/lecture.html', 'https://www.coursera.org/learn/how-plants-grow/lecture/Yq2bV/why-leaves-are-green')).toEqual([]);
  });

  it('hostile text stays text and is cut to the message limits', () => {
    const [d] = open('coursera/peer-assignment.html', url, (doc) => {
      fill(doc);
      set(doc, 'title', `<img src=x onerror=alert(1)>${'x'.repeat(900)}`);
    });
    expect(d.title.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    expect(d.title.length).toBe(500);
  });
});

describe('edX Open Response Assessment reader', () => {
  const url = 'https://courses.edx.org/courses/course-v1:MoocMateX+PLANT101+2026/courseware/week-5/peer-essay/1';
  const fill = (doc: Document) => {
    const dates = ['2026-12-01T23:59:00+00:00', '2026-12-05T23:59:00+00:00', '2026-12-03T12:00:00+00:00', '2026-12-08T23:59:00+00:00'];
    doc.querySelectorAll('.ora-datetime').forEach((el, i) => {
      el.setAttribute('data-datetime', dates[i]);
      el.textContent = `due ${dates[i]}`;
    });
  };

  it('reads each ORA block: the peer step "In Progress (2 of 3)" (one given), its due date, and whether I submitted', () => {
    const duties = open('edx/ora-peer.html', url, fill);
    expect(duties).toHaveLength(2);
    expect(duties[0]).toEqual({
      site: 'edx',
      key: 'block-v1:MoocMateX+PLANT101+2026+type@openassessment+block@9a1f2e3d4c5b6a7980a1b2c3d4e5f601',
      course: 'How Plants Grow (PLANT101)',
      title: 'Essay: why leaves change colour',
      url,
      forumUrl: 'https://courses.edx.org/courses/course-v1:MoocMateX+PLANT101+2026/discussion/forum/',
      submitted: true,
      reviewsGiven: 1,
      reviewsRequired: 3,
      reviewsReceived: null,
      reviewsNeeded: null,
      submitDue: { text: 'due 2026-12-01T23:59:00+00:00', iso: '2026-12-01T23:59:00+00:00', lang: 'en', timeZone: 'America/New_York' },
      reviewDue: { text: 'due 2026-12-05T23:59:00+00:00', iso: '2026-12-05T23:59:00+00:00', lang: 'en', timeZone: 'America/New_York' },
    });
    expect(duties[1]).toMatchObject({
      title: 'Short answer: roots',
      submitted: false,
      reviewsGiven: null,
      reviewsRequired: null,
      submitDue: { iso: '2026-12-03T12:00:00+00:00', lang: 'en' },
      reviewDue: { iso: '2026-12-08T23:59:00+00:00' },
    });
    expect(duties[1].submitDue).not.toHaveProperty('timeZone');
  });

  it('reads the count from the status text when the number spans are renamed', () => {
    const [d] = open('edx/ora-peer.html', url, (doc) => {
      fill(doc);
      for (const el of doc.querySelectorAll('.step__status__number--current, .step__status__value--required')) el.removeAttribute('class');
    });
    expect([d.reviewsGiven, d.reviewsRequired]).toEqual([1, 3]);
  });

  // ORA shows the review the learner is on (edx-ora2 peer view: review_num = graded + 1).
  it.each([
    ['1', 0],
    ['2', 1],
    ['3', 2],
  ])('"In Progress (%s of 3)" means %i given', (current, given) => {
    const [d] = open('edx/ora-peer.html', url, (doc) => {
      fill(doc);
      doc.querySelector('.step__status__number--current')!.textContent = current;
    });
    expect([d.reviewsGiven, d.reviewsRequired]).toEqual([given, 3]);
  });

  it('on the last review ("In Progress (3 of 3)") one review is still owed: the review deadline reminds and the badge counts it', async () => {
    const [reading] = open('edx/ora-peer.html', url, (doc) => {
      fill(doc);
      doc.querySelector('.step__status__number--current')!.textContent = '3';
    });
    const now = Date.parse('2026-12-01T12:00:00Z');
    const { duty } = await applyReading(freshDb(), reading, now);
    expect(openDeadlines(duty, now).map((d) => d.kind)).toContain('review');
    expect(reviewsOwed([duty], now)).toBe(1);
  });

  it('a closed peer step says how many were graded: "Incomplete (2 of 3)" is 2 given', () => {
    const [d] = open('edx/ora-peer.html', url, (doc) => {
      fill(doc);
      // edx-ora2 legacy/peer/oa_peer_closed.html
      doc.querySelector('.step--peer-assessment .step__status__value')!.innerHTML =
        '<span class="copy">Incomplete (<span class="step__status__value--completed">2</span> of <span class="step__status__value--required">3</span>)</span>';
    });
    expect([d.reviewsGiven, d.reviewsRequired]).toEqual([2, 3]);
  });

  // edx-ora2 legacy templates: before a step's start, its header shows the start date ("available {date} …") where the due date goes.
  const notOpenYet = (step: Element) => {
    const el = step.querySelector('.ora-datetime')!;
    el.setAttribute('data-string', 'available {date} (in {time_until})');
    el.textContent = `available ${el.getAttribute('data-datetime')} (in 2 days)`;
  };

  it('a peer step that has not opened shows its opening date: that is not the review deadline', async () => {
    const [d] = open('edx/ora-peer.html', url, (doc) => {
      fill(doc);
      const peer = doc.querySelector('.step--peer-assessment')!;
      notOpenYet(peer);
      peer.className = 'openassessment__steps__step step--peer-assessment is--unavailable is--empty ui-slidable__container';
      peer.querySelector('.step__status__value')!.innerHTML = '<span class="copy">Not Available</span>';
    });
    expect(d.reviewDue).toBeNull();
    expect(d.submitDue).toMatchObject({ iso: '2026-12-01T23:59:00+00:00' });
    // Stored as the page shows it: no review reminder before the step opens, and the duty is not "passed" once it does.
    const now = Date.parse('2026-11-30T12:00:00Z');
    const { duty } = await applyReading(freshDb(), { ...d, reviewsGiven: 0, reviewsRequired: 3 }, now);
    expect(openDeadlines(duty, now).map((x) => x.kind)).toEqual([]);
    expect(bucketOf(duty, Date.parse('2026-12-05T00:01:00Z'))).toBe('undated');
  });

  it('a response step that has not opened gives no submission deadline either', () => {
    const [, d] = open('edx/ora-peer.html', url, (doc) => {
      fill(doc);
      notOpenYet(doc.querySelectorAll('.openassessment')[1].querySelector('.step--response')!);
    });
    expect(d.submitDue).toBeNull();
    expect(d.reviewDue).toMatchObject({ iso: '2026-12-08T23:59:00+00:00' });
  });

  it('a video unit has no duties', () => {
    expect(open('edx/unit-three-videos.html', 'https://courses.edx.org/courses/course-v1:MoocMateX+PLANT101+2026/courseware/week-1/leaves/1')).toEqual([]);
  });
});

describe('count pairs in several languages', () => {
  it.each([
    ['In Progress (1 of 3)', [1, 3]],
    ['Revisaste 0 de 2 compañeros', [0, 2]],
    ['Vous avez évalué 2 sur 4', [2, 4]],
    ['2/5 reviewed', [2, 5]],
    ['Sie haben 1 von 3 bewertet', [1, 3]],
    ['Du har granskat 1 av 3', [1, 3]],
    // What is left: the first number is owed, not given
    ['You have 2 of 3 reviews left', [1, 3]],
    ['Reviews remaining: 2 of 3', [1, 3]],
    ['Te quedan 2 de 3 revisiones', [1, 3]],
    ['Осталось 1 из 3', [2, 3]],
    ['You reviewed 1 of 3. 2 left to go.', [1, 3]],
    // A date is not a count
    ['Review your peers by 03/12/2026', null],
    ['no numbers here', null],
  ])('%s', (text, pair) => expect(countPair(text)).toEqual(pair));
});
