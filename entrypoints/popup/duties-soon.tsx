import { useState } from 'preact/hooks';
import { getDb, type DutyRecord } from '../../src/db/schema';
import { callTab } from '../../src/messaging/tab-client';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { t, tn } from '../../src/ui/i18n';
import { bucketOf, nextDeadline, sortDuties } from '../../src/duties/schedule';
import { formatMoment, timeLeft } from '../../src/duties/labels';
import { dutyDoubts } from '../../src/duties/doubts';
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
              {next.kind === 'review' ? tn('popupDutyReviews', owed) : t('popupDutySubmit')} · {formatMoment(next.at)} ({timeLeft(next.at, now)})
              {dutyDoubts(d).length > 0 && <span class="check"> · {t('dutyCheckDate')}</span>}
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

/** For any course page: read it as a peer-review duty (its dates then wait for the learner's check). */
export function AddPageDuty({ tabId }: { tabId: number }) {
  const [state, setState] = useState<'' | 'added' | string>('');
  const add = async () => {
    try {
      await callTab(tabId, 'page.readDuty', {});
      setState('added');
    } catch (err) {
      setState(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div class="add-page-duty">
      <button type="button" onClick={() => void add()}>
        ☑ {t('popupAddDuty')}
      </button>
      {state === 'added' && <p role="status">{t('popupDutyAdded')}</p>}
      {state && state !== 'added' && (
        <p class="problem error" role="alert">
          {state}
        </p>
      )}
    </div>
  );
}
