import type { DutyReading } from '../messaging/protocol';
import { countPair } from './counts';

/**
 * The fallback for pages whose markup no adapter knows: read the visible text for a
 * peer-review count ("1 of 3") and lines that name a deadline, and hand the words to the
 * background's date parser. Which date is which is a guess from the words around it, so
 * the background marks every date for the learner to confirm. Runs only when the learner
 * asks (the popup's "Add this page"), never on its own.
 */
// A bare "by" names a deadline only before a number, a month or a weekday ("Review your peers by 03/12/2026").
const DUE =
  /\b(?:due|deadline|closes|submit by|review by|by(?= (?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))|fecha l[ií]mite|vence|entrega|à rendre|date limite|prazo|fällig|abgabe|frist)\b\s*[:\-–]?\s*(.{3,120})/i;
const REVIEW_WORDS = /peer|review|assess|revis|compañer|pares|évalu|pairs|avalia|bewert|beoordel/i;
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export function readDutyFromText(doc: Document, loc: Location): DutyReading {
  const lines = (doc.body?.innerText ?? doc.body?.textContent ?? '').split('\n').map(clean).filter((l) => l && l.length <= 300);
  let pair: [number, number] | null = null;
  let submitDue: string | null = null;
  let reviewDue: string | null = null;
  for (const line of lines) {
    if (!pair && REVIEW_WORDS.test(line) && !DUE.test(line)) pair = countPair(line);
    const due = DUE.exec(line);
    if (!due) continue;
    if (REVIEW_WORDS.test(line)) reviewDue ??= due[1];
    else submitDue ??= due[1];
  }
  const lang = (doc.documentElement.lang || '').slice(0, 40);
  const date = (text: string | null) => (text ? { text: text.slice(0, 300), lang } : null);
  return {
    site: 'page',
    key: `${loc.origin}${loc.pathname}`.slice(0, 2000),
    course: clean(doc.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content) || loc.hostname,
    title: (clean(doc.querySelector('h1')?.textContent) || clean(doc.title) || loc.hostname).slice(0, 500),
    url: `${loc.origin}${loc.pathname}${loc.search}`.slice(0, 4000),
    submitted: null,
    reviewsGiven: pair ? pair[0] : null,
    reviewsRequired: pair ? pair[1] : null,
    reviewsReceived: null,
    reviewsNeeded: null,
    submitDue: date(submitDue),
    reviewDue: date(reviewDue),
    fromText: true,
  };
}
