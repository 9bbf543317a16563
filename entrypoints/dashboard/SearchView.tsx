import { useEffect, useState } from 'preact/hooks';
import { getDb, type CueRecord, type LectureRecord } from '../../src/db/schema';
import { FIRST_PAGE, parseQuery, searchTranscripts, widerBudget } from '../../src/captions/search';
import { clock } from '../../src/ui/format';
import { Highlighted } from '../../src/ui/highlight';
import { t } from '../../src/ui/i18n';
import { openLectureAt } from '../../src/ui/open-lecture';
import { lectureHref } from './use-route';

const db = getDb();

interface Group {
  lecture: LectureRecord | undefined;
  courseTitle: string;
  hits: CueRecord[];
}

/** Hits across all transcripts, by lecture; each opens the lecture at that moment. */
export function SearchView({ query, onError }: { query: string; onError: (msg: string) => void }) {
  const [result, setResult] = useState<{ query: string; groups: Group[]; total: number; more: boolean; incomplete: boolean } | null>(null);
  // The first page comes fast; "Show more" searches again for a longer page (of this query only).
  // "Look at more lines" after an incomplete answer searches again with a wider budget.
  const [page, setPage] = useState({ query, limit: FIRST_PAGE, depth: 0 });
  const limit = page.query === query ? page.limit : FIRST_PAGE;
  const depth = page.query === query ? page.depth : 0;
  // Busy until the answer to this very request (query, page, depth) is in: derived, so the
  // render that asks for a new depth already says busy (a state set in the effect came one
  // render late, and for that render the old answer looked like the new one).
  const request = `${query}\u0000${limit}\u0000${depth}`;
  const [answered, setAnswered] = useState<string | null>(null);
  const busy = answered !== request;
  useEffect(() => {
    let stale = false;
    setResult((r) => (r?.query === query ? r : null));
    void (async () => {
      const { hits, more, incomplete } = await searchTranscripts(db, query, limit, widerBudget(depth));
      const lectureIds = [...new Set(hits.map((h) => h.lectureId))];
      const lectures = await db.lectures.bulkGet(lectureIds);
      const courses = await db.courses.bulkGet([...new Set(lectures.map((l) => l?.courseId ?? ''))]);
      const courseTitle = new Map(courses.filter((c) => c).map((c) => [c!.id, c!.title]));
      const groups = lectureIds.map((id, i) => ({
        lecture: lectures[i],
        courseTitle: courseTitle.get(lectures[i]?.courseId ?? '') ?? '',
        hits: hits.filter((h) => h.lectureId === id),
      }));
      if (!stale) setResult({ query, groups, total: hits.length, more, incomplete });
    })()
      .catch((e: Error) => onError(e.message))
      .finally(() => !stale && setAnswered(request));
    return () => {
      stale = true;
    };
  }, [query, limit, depth]);

  const needles = parseQuery(query).all;
  if (!result) return <p class="muted">{t('searching')}</p>;
  return (
    <section class="search-results" aria-labelledby="results-title" aria-busy={busy} data-depth={depth}>
      <h1 id="results-title">{t('searchResultsFor', shownQuery(query))}</h1>
      <p role="status" class="muted">
        {busy ? t('searching') : result.total === 0 ? t('noResults') : result.more ? t('resultsMore', result.total) : result.total === 1 ? t('resultsOne') : t('resultsCount', result.total)}
      </p>
      {result.incomplete && (
        <div class="search-incomplete-box">
          <p class="muted search-incomplete">{t('searchIncomplete')}</p>
          <button type="button" class="search-further" disabled={busy} onClick={() => setPage({ query, limit, depth: depth + 1 })}>
            {t('searchFurther')}
          </button>
        </div>
      )}
      {!query.includes('"') && <p class="muted small">{t('searchPhraseTip')}</p>}
      {result.groups.map((g) => (
        <section key={g.lecture?.id} class="result-group">
          <h2>
            <a href={lectureHref(g.hits[0].lectureId)}>{g.lecture?.title ?? t('lectureMissing')}</a>{' '}
            <span class="muted small">{g.courseTitle}</span>
          </h2>
          <ul>
            {g.hits.map((h) => (
              <li key={`${h.trackId}#${h.index}`} class="hit">
                <a
                  class="hit-time"
                  href={g.lecture?.url}
                  onClick={(e) => {
                    e.preventDefault();
                    openLectureAt(h.lectureId, h.start).catch((err: Error) => onError(err.message));
                  }}
                  title={t('openLectureAt')}
                >
                  <span aria-hidden="true">▶</span> <bdi dir="ltr">{clock(h.start)}</bdi>
                </a>
                <span class="hit-text">
                  <Highlighted text={h.text} needles={needles} />
                </span>
                <a class="small" href={lectureHref(h.lectureId, h.trackId, h.start)}>
                  {t('showInTranscript')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {result.more && (
        <button type="button" class="show-more" onClick={() => setPage({ query, limit: limit + FIRST_PAGE, depth })}>
          {t('searchShowMore')}
        </button>
      )}
    </section>
  );
}

/**
 * The query as the heading shows it, inside the language's own quotes: a query that is one
 * quoted phrase loses its straight quotes there (not “"carbon dioxide"”).
 */
export function shownQuery(query: string): string {
  const q = query.trim();
  const phrase = /^"([^"]+)"$/.exec(q);
  return phrase ? phrase[1].trim() : q;
}
