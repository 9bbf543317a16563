import { getDb, type DutyRecord } from '../../src/db/schema';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { t } from '../../src/ui/i18n';
import { bucketOf, nextDeadline, sortDuties } from '../../src/duties/schedule';
import { formatMoment, hasDoubts, timeLeft } from '../../src/duties/labels';
import '../../src/duties/duties.css';

const SHOWN = 5;

/** Today's and this week's peer-review duties, first thing in the popup. Nothing when there are none. */
export function DutiesSoon() {
  const open = useLiveQuery(() => getDb().duties.where('status').equals('open').toArray(), [], [] as DutyRecord[]);
  const now = Date.now();
  const soon = sortDuties(open, now).filter((d) => {
    const b = bucketOf(d, now);
    return b === 'today' || b === 'week';
  });
  if (soon.length === 0) return null;
  return (
    <section class="duties-soon" aria-labelledby="duties-soon-title">
      <h2 id="duties-soon-title">{t('popupDutiesTitle')}</h2>
      <ul>
        {soon.slice(0, SHOWN).map((d) => {
          const next = nextDeadline(d, now)!;
          const owed = d.reviewsRequired - d.reviewsGiven;
          return (
            <li key={d.id}>
              <strong>{d.title}</strong>
              <br />
              {next.kind === 'review' ? t('popupDutyReviews', owed) : t('popupDutySubmit')} · {formatMoment(next.at)} ({timeLeft(next.at, now)})
              {(hasDoubts(d.submitDue) || hasDoubts(d.reviewDue)) && <span class="check"> · {t('dutyCheckDate')}</span>}
            </li>
          );
        })}
      </ul>
      <a href="/dashboard.html#/duties" target="_blank" rel="noopener">
        {t('popupDutiesAll')}
      </a>
    </section>
  );
}
