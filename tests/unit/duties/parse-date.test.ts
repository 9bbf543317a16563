import { describe, expect, it } from 'vitest';
import { parseDeadline, wallTimeIn } from '../../../src/duties/parse-date';

const NOW = Date.parse('2026-11-28T23:00:00Z');
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
const read = (text: string, lang = 'en', timeZone?: string, extra: { iso?: string } = {}) => {
  const d = parseDeadline({ text, lang, timeZone, ...extra }, NOW, 'Europe/Madrid');
  return { at: iso(d.at), doubts: d.doubts };
};

describe('deadline parsing', () => {
  // Each row: text as a course page writes it, page language, zone the page names, expected moment, expected doubts.
  const rows: Array<[string, string, string | undefined, string | null, string[]]> = [
    // Coursera-like, English, zone abbreviation in the text
    ['Due December 3, 2026 at 11:59 PM PST', 'en', undefined, '2026-12-04T07:59:00.000Z', []],
    ['Dec 3, 2026 11:59 PM PST', 'en', undefined, '2026-12-04T07:59:00.000Z', []],
    ['Dec 3, 11:59 PM PST', 'en', undefined, '2026-12-04T07:59:00.000Z', ['no-year']],
    ['Jan 5, 11:59 PM EST', 'en', undefined, '2027-01-06T04:59:00.000Z', ['no-year']],
    ['Due Mar 30, 2027 11:59 PM', 'en', 'America/New_York', '2027-03-31T03:59:00.000Z', []],
    ['December 10, 2026 23:59 UTC', 'en', undefined, '2026-12-10T23:59:00.000Z', []],
    ['2026-12-10 23:59 +0100', 'en', undefined, '2026-12-10T22:59:00.000Z', []],
    ['Dec 3, 2026 12:00 AM UTC', 'en', undefined, '2026-12-03T00:00:00.000Z', []],
    ['Dec 3, 2026 12:00 PM UTC', 'en', undefined, '2026-12-03T12:00:00.000Z', []],
    ['Jul 3, 2027 11:59 PM PT', 'en', undefined, '2027-07-04T06:59:00.000Z', []],
    // Days when the page's zone changes its clocks
    ['Mar 28, 2027 23:59', 'en', 'Europe/London', '2027-03-28T22:59:00.000Z', []],
    ['Mar 14, 2027 11:59 PM', 'en', 'America/New_York', '2027-03-15T03:59:00.000Z', []],
    // Times without a zone: read in the learner's zone (Madrid here), and asked
    ['Dec 3, 2026 11:59 PM', 'en', undefined, '2026-12-03T22:59:00.000Z', ['no-zone']],
    ['Dec 3, 2026', 'en', undefined, '2026-12-03T22:59:00.000Z', ['no-time', 'no-zone']],
    // Localized course pages
    ['Fecha límite: 3 de diciembre de 2026, 23:59', 'es', 'America/Mexico_City', '2026-12-04T05:59:00.000Z', []],
    ['3 de diciembre de 2026, 23:59', 'es', undefined, '2026-12-03T22:59:00.000Z', ['no-zone']],
    ['À rendre le 3 décembre 2026 à 23h59', 'fr', 'Europe/Paris', '2026-12-03T22:59:00.000Z', []],
    ['Prazo: 3 de dezembro de 2026 23:59', 'pt', 'America/Sao_Paulo', '2026-12-04T02:59:00.000Z', []],
    ['Fällig am 3. Dezember 2026 um 23:59', 'de', 'Europe/Berlin', '2026-12-03T22:59:00.000Z', []],
    ['締切 2026年12月3日 23:59', 'ja', 'Asia/Tokyo', '2026-12-03T14:59:00.000Z', []],
    ['截止日期 2026年12月3日 23:59', 'zh-CN', 'Asia/Shanghai', '2026-12-03T15:59:00.000Z', []],
    ['Срок: 3 декабря 2026 23:59', 'ru', 'Europe/Moscow', '2026-12-03T20:59:00.000Z', []],
    ['3 dic, 11:59 PM PST', 'es', undefined, '2026-12-04T07:59:00.000Z', ['no-year']],
    ['3 déc. 23:59 PST', 'fr', undefined, '2026-12-04T07:59:00.000Z', ['no-year']],
    ['3 de dez. 23:59 PST', 'pt', undefined, '2026-12-04T07:59:00.000Z', ['no-year']],
    ['3 de dezembro, 23:59', 'pt-BR', 'America/Sao_Paulo', '2026-12-04T02:59:00.000Z', ['no-year']],
    // A time of day the page-language parser returns apart from the date, or does not read, is kept (not 23:59)
    ['3 декабря 2026 г. в 9:00', 'ru', 'Europe/Moscow', '2026-12-03T06:00:00.000Z', []],
    ['Срок: 3 дек. 2026 г., 17:30', 'ru', 'Europe/Moscow', '2026-12-03T14:30:00.000Z', []],
    ['3 грудня 2026 р. о 17:30', 'uk', 'Europe/Kyiv', '2026-12-03T15:30:00.000Z', []],
    ['3 dicembre 2026 alle ore 17:30', 'it', 'Europe/Rome', '2026-12-03T16:30:00.000Z', []],
    ['3 december 2026 kl. 17:30', 'sv', 'Europe/Stockholm', '2026-12-03T16:30:00.000Z', []],
    ['2026年12月3日星期四 17:30', 'zh-CN', 'Asia/Shanghai', '2026-12-03T09:30:00.000Z', []],
    ['Prazo: 3 de dezembro de 2026 às 18h00', 'pt-BR', 'America/Sao_Paulo', '2026-12-03T21:00:00.000Z', []],
    ['3 de dezembro de 2026 às 18h30', 'pt', 'America/Sao_Paulo', '2026-12-03T21:30:00.000Z', []],
    ['3 décembre 2026 à 18 h 30', 'fr', 'Europe/Paris', '2026-12-03T17:30:00.000Z', []],
    // A date with a zone and no time: 23:59 there, like any date without a time
    ['December 3, 2026 UTC', 'en', undefined, '2026-12-03T23:59:00.000Z', ['no-time']],
    // Relative dates are only as exact as the page's rounding: asked
    ['in 5 days, 2 hours', 'en', undefined, '2026-12-04T01:00:00.000Z', ['relative']],
    ['tomorrow at 5pm', 'en', undefined, null, ['relative']],
    ['dentro de 5 días', 'es', undefined, null, ['relative']],
    ['dans 2 h 30', 'fr', undefined, '2026-11-29T01:00:00.000Z', ['relative']],
    // Day and month could be either way round
    ['Due 03/04/2027 23:59 UTC', 'en', undefined, null, ['day-month']],
    // Nothing a parser knows
    ['when the instructor says so', 'en', undefined, null, ['unreadable']],
    ['', 'en', undefined, null, ['unreadable']],
  ];
  for (const [text, lang, zone, at, doubts] of rows) {
    it(`${lang}: "${text}"${zone ? ` in ${zone}` : ''}`, () => {
      const got = read(text, lang, zone);
      expect(got.doubts).toEqual(doubts);
      if (at !== null) expect(got.at).toBe(at);
      if (doubts.includes('unreadable')) expect(got.at).toBeNull();
      else expect(got.at).not.toBeNull();
    });
  }

  it('trusts a machine-readable moment with a zone (edX data-datetime) over the text', () => {
    expect(read('due December 3 (in 5 days)', 'en', undefined, { iso: '2026-12-03T23:59:00+00:00' })).toEqual({ at: '2026-12-03T23:59:00.000Z', doubts: [] });
    expect(read('', 'en', undefined, { iso: '2026-12-03T07:59:00.000Z' })).toEqual({ at: '2026-12-03T07:59:00.000Z', doubts: [] });
    expect(read('', 'en', undefined, { iso: '2026-12-03T23:59:00-0800' }).at).toBe('2026-12-04T07:59:00.000Z');
    expect(read('', 'en', undefined, { iso: '2026-12-03T23:59:00.123456+00:00' }).at).toBe('2026-12-03T23:59:00.123Z');
  });

  it('does not trust a machine-readable moment without a zone', () => {
    expect(read('', 'en', undefined, { iso: '2026-12-03T23:59' }).doubts).toContain('no-zone');
  });

  it('a year-less date is put in the future, never in the past', () => {
    const d = parseDeadline({ text: 'Nov 20, 11:59 PM UTC', lang: 'en' }, NOW, 'UTC');
    expect(iso(d.at)).toBe('2027-11-20T23:59:00.000Z');
    expect(d.doubts).toEqual(['no-year']);
  });

  it('a zone the page writes is used: after Spanish "p. m.", and "UTC−8" with a minus sign (U+2212)', () => {
    const es = parseDeadline({ text: '3 de diciembre de 2026 11:59 p. m. PST', lang: 'es' }, NOW, 'Pacific/Honolulu');
    expect({ at: iso(es.at), doubts: es.doubts }).toEqual({ at: '2026-12-04T07:59:00.000Z', doubts: [] });
    const am = parseDeadline({ text: '3 de diciembre de 2026 9:30 a. m. PST', lang: 'es' }, NOW, 'Pacific/Honolulu');
    expect(iso(am.at)).toBe('2026-12-03T17:30:00.000Z');
    expect(read('3 déc. 2026, 17:30 UTC\u22128', 'fr')).toEqual({ at: '2026-12-04T01:30:00.000Z', doubts: [] });
    expect(parseDeadline({ text: '3 déc. 2026, 17:30 UTC\u22128', lang: 'fr' }, NOW).text).toBe('3 déc. 2026, 17:30 UTC\u22128');
  });

  it('a year-less date is the next such moment in the page\'s zone, not in the machine\'s', () => {
    // Dec 3, 17:00 in Los Angeles is already Dec 4 on a machine in Madrid: the deadline is in 7 hours.
    const now = Date.parse('2026-12-04T01:00:00Z');
    const machine = process.env.TZ;
    process.env.TZ = 'Europe/Madrid'; // chrono's year follows the machine's zone
    try {
      const d = parseDeadline({ text: 'Dec 3, 11:59 PM', lang: 'en', timeZone: 'America/Los_Angeles' }, now, 'Europe/Madrid');
      expect({ at: iso(d.at), doubts: d.doubts }).toEqual({ at: '2026-12-04T07:59:00.000Z', doubts: ['no-year'] });
    } finally {
      if (machine === undefined) delete process.env.TZ;
      else process.env.TZ = machine;
    }
    // Seen Dec 30: "Jan 2" is next year's.
    expect(iso(parseDeadline({ text: 'Due Jan 2, 11:59 PM PST', lang: 'en' }, Date.parse('2026-12-30T12:00:00Z'), 'UTC').at)).toBe('2027-01-03T07:59:00.000Z');
    // Passed there too: next year (as documented).
    expect(iso(parseDeadline({ text: 'Dec 3, 11:59 PM', lang: 'en', timeZone: 'America/Los_Angeles' }, Date.parse('2026-12-04T08:00:00Z')).at)).toBe('2027-12-04T07:59:00.000Z');
  });

  it('an unknown zone name from a page is ignored (the learner is asked)', () => {
    expect(read('Dec 3, 2026 11:59 PM', 'en', 'Mars/Olympus').doubts).toEqual(['no-zone']);
  });

  it('wall times across daylight saving', () => {
    expect(iso(wallTimeIn('America/New_York', 2027, 3, 13, 12, 0))).toBe('2027-03-13T17:00:00.000Z');
    expect(iso(wallTimeIn('America/New_York', 2027, 3, 15, 12, 0))).toBe('2027-03-15T16:00:00.000Z');
    expect(iso(wallTimeIn('UTC', 2026, 12, 3, 23, 59))).toBe('2026-12-03T23:59:00.000Z');
    // Shown twice (clocks back): the first, EDT. Skipped (clocks forward): 2:30 is 3:30 EDT, as `new Date(2027, 2, 14, 2, 30)` gives there.
    expect(iso(wallTimeIn('America/New_York', 2027, 11, 7, 1, 30))).toBe('2027-11-07T05:30:00.000Z');
    expect(iso(wallTimeIn('America/New_York', 2027, 3, 14, 2, 30))).toBe('2027-03-14T07:30:00.000Z');
    expect(iso(wallTimeIn('Europe/London', 2027, 3, 28, 1, 30))).toBe('2027-03-28T01:30:00.000Z');
    expect(iso(wallTimeIn('Australia/Lord_Howe', 2026, 10, 4, 2, 15))).toBe('2026-10-03T15:45:00.000Z');
  });
});
