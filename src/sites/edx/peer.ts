import type { DutyReading } from '../../messaging/protocol';
import { absoluteUrl, cleanText, countPair } from '../peer-text';
import { selectors } from './selectors';

type DateReading = NonNullable<DutyReading['submitDue']>;

/**
 * A step that has not opened shows when it opens in the same place (edx-ora2 legacy
 * templates: `data-string="available {date} …"`, then `due {date} …` once open). Every ORA
 * translation keeps these words in English; the visible text is checked too.
 */
const OPENS = /^\s*available\b/i;

/** A step's due date: ORA writes the moment in `data-datetime` (ISO, UTC) and fills the text by script. */
function stepDue(step: Element | null, doc: Document): DateReading | null {
  const el = step?.querySelector(selectors.oraDate) ?? step?.querySelector(selectors.oraDeadline);
  if (!el) return null;
  const iso = cleanText(el.getAttribute('data-datetime')).slice(0, 60);
  const text = cleanText(el.textContent).slice(0, 300);
  if (!iso && !text) return null;
  // An opening date is not a deadline: the page does not say the due date yet.
  if (OPENS.test(el.getAttribute('data-string') ?? '') || OPENS.test(text)) return null;
  const zone = cleanText(el.getAttribute('data-timezone'));
  const lang = cleanText(el.getAttribute('data-language')) || doc.documentElement.lang || '';
  return {
    text,
    lang: lang.slice(0, 40),
    ...(iso ? { iso } : {}),
    // ORA renders "None" when the learner set no zone.
    ...(zone && zone !== 'None' ? { timeZone: zone.slice(0, 60) } : {}),
  };
}

const isComplete = (step: Element | null) => step?.classList.contains('is--complete') ?? false;

/**
 * [given, required] from the peer step's status. ORA's open step shows the review the
 * learner is on, not the reviews done (edx-ora2 peer view: `review_num = graded + 1`), so
 * "In Progress (3 of 3)" means two given; the closed step shows the number graded.
 */
function reviewCount(peer: Element): [number, number] | null {
  const num = (selector: string) => {
    const t = cleanText(peer.querySelector(selector)?.textContent);
    return /^\d+$/.test(t) ? Number(t) : null;
  };
  const required = num(selectors.oraRequired);
  const graded = num(selectors.oraGraded);
  if (graded !== null && required !== null) return [graded, required];
  const current = num(selectors.oraCurrent);
  const pair = current !== null && required !== null ? [current, required] : countPair(peer.querySelector(selectors.oraStatus)?.textContent);
  if (!pair) return null;
  // Renamed spans: the text is read as the open step's "on review N" (one review too few
  // at worst, so a reminder is never lost).
  return isComplete(peer) ? [pair[0], pair[1]] : [Math.max(0, pair[0] - 1), pair[1]];
}

/** The block's usage id, from its XBlock wrapper; the page address with an index otherwise. */
function keyOf(block: Element, index: number, loc: Location): string {
  const id = cleanText(block.closest(selectors.oraWrapper)?.getAttribute('data-usage-id') ?? block.closest(selectors.usageHolder)?.getAttribute('data-usage-id'));
  return id || `${loc.origin}${loc.pathname}#ora-${index}`;
}

/**
 * Open Response Assessments with a peer step (edX and any Open edX). The peer step says
 * "In Progress (2 of 3)" (on review 2: one given) and its due date; the response step says
 * whether I submitted.
 * ORA does not show how many peers reviewed me, so that stays unknown.
 */
export function oraDuties(doc: Document, loc: Location): DutyReading[] {
  const out: DutyReading[] = [];
  const blocks = [...doc.querySelectorAll(selectors.oraBlock)];
  blocks.forEach((block, index) => {
    const peer = block.querySelector(selectors.oraPeerStep);
    if (!peer) return;
    const response = block.querySelector(selectors.oraResponseStep);
    const pair = reviewCount(peer);
    const wrapper = block.closest(selectors.videoBlock) ?? block.parentElement;
    const heading = cleanText(block.querySelector(selectors.oraTitle)?.textContent) || cleanText(wrapper?.querySelector(selectors.blockHeading)?.textContent);
    const forum = doc.querySelector(selectors.discussionLink);
    const peerDone = isComplete(peer);
    out.push({
      site: 'edx',
      key: keyOf(block, index, loc),
      course: cleanText(doc.querySelector(selectors.courseName)?.textContent).slice(0, 500),
      title: (heading || cleanText(doc.querySelector(selectors.unitTitle)?.textContent) || cleanText(doc.title)).slice(0, 500),
      url: `${loc.origin}${loc.pathname}`,
      forumUrl: absoluteUrl(forum?.getAttribute('href'), loc.href).slice(0, 4000),
      submitted: response ? isComplete(response) : null,
      reviewsGiven: pair ? pair[0] : null,
      reviewsRequired: pair ? pair[1] : null,
      reviewsReceived: null,
      reviewsNeeded: null,
      submitDue: stepDue(response, doc),
      reviewDue: stepDue(peer, doc),
      ...(peerDone && isComplete(response) && !pair ? { complete: true } : {}),
    });
  });
  return out;
}
