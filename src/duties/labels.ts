import type { DeadlineDoubt } from './doubts';
import { t, tn, uiLocale, type MessageKey } from '../ui/i18n';

const HOUR = 3_600_000;

/** "Thu, Dec 3, 23:59" in the interface language and the learner's zone. */
export function formatMoment(at: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "in 5 hours", "in 3 days", "passed". */
export function timeLeft(at: number, now: number): string {
  if (at <= now) return t('dutyPassed');
  const h = Math.round((at - now) / HOUR);
  return h >= 48 ? tn('dutyInDays', Math.round(h / 24)) : tn('dutyInHours', Math.max(1, h));
}

const DOUBT_KEYS: Record<DeadlineDoubt, MessageKey> = {
  'no-year': 'dutyDoubtNoYear',
  'no-time': 'dutyDoubtNoTime',
  'no-zone': 'dutyDoubtNoZone',
  relative: 'dutyDoubtRelative',
  'day-month': 'dutyDoubtDayMonth',
  'from-text': 'dutyDoubtFromText',
  unreadable: 'dutyDoubtUnreadable',
  'before-submit': 'dutyDoubtBeforeSubmit',
};
export const doubtText = (d: DeadlineDoubt) => t(DOUBT_KEYS[d]);

/** An <input type="datetime-local"> value in the learner's zone, and back. */
export function toLocalInput(at: number | null): string {
  if (at === null) return '';
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
export function fromLocalInput(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : null;
}
