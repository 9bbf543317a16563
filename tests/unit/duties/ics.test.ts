import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { dutiesToIcs } from '../../../src/duties/ics';
import { duty } from './example';

const words = {
  submitTitle: (t: string) => `Submit: ${t}`,
  reviewTitle: (t: string) => `Peer reviews: ${t}`,
  reviewsLine: (g: number, r: number) => `Reviews given: ${g} of ${r}`,
  unconfirmed: 'Date not confirmed',
};
const T = Date.parse('2026-12-06T07:59:00Z');
const NOW = Date.parse('2026-12-01T10:00:00Z');
const uids = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c).uid);

describe('calendar export', () => {
  it('writes every open deadline; a real iCalendar parser reads back the moments, ids and alarms', () => {
    const text = dutiesToIcs(
      [
        duty({ id: 'a', title: 'Leaf essay; "draft", part 1\\2', submitted: false, submitDue: { at: T - 2 * 86_400_000, text: '', doubts: ['no-year'] }, reviewDue: { at: T, text: '', doubts: [] } }),
        duty({ id: 'b', status: 'done' }),
        duty({ id: 'c', reviewDue: null }),
      ],
      [48, 3],
      words,
      NOW,
    );
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid).sort()).toEqual(['a-review@moocmate', 'a-submit@moocmate']);
    const review = events.find((e) => e.uid === 'a-review@moocmate')!;
    expect(review.summary).toBe('Peer reviews: Leaf essay; "draft", part 1\\2');
    expect(review.endDate.toJSDate().getTime()).toBe(T);
    expect(review.startDate.toJSDate().getTime()).toBe(T - 30 * 60_000);
    expect(review.description).toContain('Reviews given: 1 of 3');
    const alarms = review.component.getAllSubcomponents('valarm').map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds());
    expect(alarms).toEqual([-48 * 3600, -3 * 3600]);
    const submit = events.find((e) => e.uid === 'a-submit@moocmate')!;
    expect(submit.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(submit.description).toContain('Date not confirmed');
  });

  it('an alarm\'s text is escaped like the event\'s: a title with a backslash, a semicolon and a comma reads back the same', () => {
    const title = 'Essay C:\\notes; "draft", part 1';
    const text = dutiesToIcs([duty({ id: 'esc', title, reviewDue: { at: T, text: '', doubts: [] } })], [24], words, NOW);
    const alarm = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!.getFirstSubcomponent('valarm')!;
    expect(alarm.getFirstPropertyValue('description')).toBe(title);
  });

  it('content lines are folded at 75 octets, not 75 characters, and read back whole', () => {
    const title = 'Ensayo revisado por compañeros: ¿por qué las hojas cambian de color en otoño? — 日本語の課題名 🌱';
    const text = dutiesToIcs([duty({ id: 'long', title, reviewDue: { at: T, text: '', doubts: [] } })], [24], words, NOW);
    expect(text.split('\r\n').filter((l) => Buffer.byteLength(l, 'utf8') > 75)).toEqual([]);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe(`Peer reviews: ${title}`);
    expect(event.component.getFirstSubcomponent('valarm')!.getFirstPropertyValue('description')).toBe(title);
  });

  it('no deadlines: no file', () => {
    expect(dutiesToIcs([duty({ reviewDue: null })], [24], words, NOW)).toBe('');
  });

  it('only deadlines that remind: not the reviews once all are given, not a passed date', () => {
    const allGiven = duty({ id: 'given', submitted: false, submitDue: { at: T, text: '', doubts: [] }, reviewsGiven: 3, reviewsRequired: 3, reviewDue: { at: T, text: '', doubts: [] } });
    const passed = duty({ id: 'passed', reviewDue: { at: NOW - 1000, text: '', doubts: [] } });
    expect(uids(dutiesToIcs([allGiven, passed], [24], words, NOW))).toEqual(['given-submit@moocmate']);
  });
});
