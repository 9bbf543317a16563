import { useEffect, useState } from 'preact/hooks';
import type { MoocMateDb } from '../db/schema';
import { countDue } from '../glossary/review';
import { t } from './i18n';
import { useLiveQuery } from './use-live-query';

/** "3 words to review" and the way to the review page (the popup shows it). */
export function DueWords({ db }: { db: MoocMateDb }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(id);
  }, []);
  const due = useLiveQuery(() => countDue(db, now), [now], 0);
  const total = useLiveQuery(() => db.glossary.count(), [], 0);
  if (total === 0) return null;
  return (
    <p class="due-words">
      <span data-testid="due-count">{t('reviewDueCount', due)}</span>{' '}
      {due > 0 && (
        <a class="button" href="/review.html" target="_blank" rel="noopener">
          {t('reviewStart')}
        </a>
      )}
    </p>
  );
}
