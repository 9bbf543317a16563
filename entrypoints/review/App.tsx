import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getDb, type GlossaryEntryRecord } from '../../src/db/schema';
import { dueEntries, gradeEntry, nextDue, previewDue, type Grading } from '../../src/glossary/review';
import { clockOf } from '../../src/glossary/exchange';
import { GlossaryError } from '../../src/glossary/terms';
import { t, tn, uiLocale } from '../../src/ui/i18n';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { TermInSentence } from '../../src/ui/glossary-marks';
import { openLectureAt } from '../../src/ui/open-lecture';

const db = getDb();
const GRADINGS: Grading[] = [1, 2, 3, 4];
// A page left open looks again at least this often (a timer's delay is also capped by the browser).
const LOOK_AGAIN_MS = 60 * 60_000;
const gradeLabel = (g: Grading) => t((['reviewAgain', 'reviewHard', 'reviewGood', 'reviewEasy'] as const)[g - 1]);

/** "in 10 minutes", "in 3 days": when an answer brings the word back. */
function until(ms: number): string {
  const rtf = new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'always' });
  const min = Math.max(1, Math.round(ms / 60_000));
  if (min < 60) return rtf.format(min, 'minute');
  const h = Math.round(min / 60);
  if (h < 24) return rtf.format(h, 'hour');
  return rtf.format(Math.round(h / 24), 'day');
}

/**
 * Review from the keyboard alone: Space (or Enter) shows the answer, 1-4 grade it. The
 * prompt is the sentence the word was met in.
 */
export function App() {
  // The queue is taken once per session; words graded "again" come back when they are due.
  const [started] = useState(() => Date.now());
  const [tick, setTick] = useState(0);
  const queue = useLiveQuery(() => dueEntries(db, Date.now()), [tick], null as GlossaryEntryRecord[] | null);
  const next = useLiveQuery(() => nextDue(db, Date.now()), [tick], null);
  useEffect(() => {
    if (next === null) return;
    // Take the queue again when the next word falls due, so it comes back with no reload.
    const id = setTimeout(() => setTick((n) => n + 1), Math.min(Math.max(0, next - Date.now()) + 250, LOOK_AGAIN_MS));
    return () => clearTimeout(id);
  }, [next, tick]);
  const [shown, setShown] = useState(false);
  // One answer per word: a key held down or a double click must not grade it twice.
  const grading = useRef(false);
  const [gradeError, setGradeError] = useState<string | null>(null);
  const [done, setDone] = useState(0);
  const [openError, setOpenError] = useState<string | null>(null);
  const entry = queue?.[0] ?? null;
  useEffect(() => setOpenError(null), [entry?.id]);
  const lecture = useLiveQuery(() => (entry?.examples[0]?.lectureId ? db.lectures.get(entry.examples[0].lectureId) : undefined), [entry?.id], undefined);
  const preview = useMemo(() => (entry ? previewDue(entry.card, Date.now()) : null), [entry]);

  const grade = async (g: Grading) => {
    if (!entry || !shown || grading.current) return;
    grading.current = true;
    try {
      await gradeEntry(db, entry.id, g);
      setGradeError(null);
      setDone((n) => n + 1);
    } catch (e) {
      setGradeError(e instanceof GlossaryError ? t(e.key) : String(e));
    } finally {
      grading.current = false;
      setShown(false);
      setTick((n) => n + 1);
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement).closest?.('input, textarea, select')) return;
      if ((e.key === ' ' || e.key === 'Enter') && !shown && entry) {
        e.preventDefault();
        setShown(true);
      } else if (/^[1-4]$/.test(e.key) && shown) {
        e.preventDefault();
        void grade(Number(e.key) as Grading);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    document.title = `${t('reviewTitle')} · MoocMate`;
  }, []);

  const example = entry?.examples[0];
  return (
    <main class="review">
      <header class="brand">
        <span class="logo" aria-hidden="true">M</span> MoocMate · {t('reviewTitle')}
        <a class="dash-link" href="/dashboard.html#/glossary">
          {t('navGlossary')}
        </a>
      </header>
      <p class="muted" role="status">
        {t('reviewProgress', done, queue?.length ?? 0)}
      </p>
      {queue === null && <p class="muted">{t('loading')}</p>}
      {queue && !entry && (
        <section class="review-card" aria-live="polite">
          <h1>{t('reviewNothingDue')}</h1>
          <p>{done > 0 ? tn('reviewSessionDone', done) : t('reviewComeBack')}</p>
        </section>
      )}
      {entry && (
        <section class="review-card" aria-live="polite" data-entry-id={entry.id} data-started={started}>
          <p class="prompt-label">{t('reviewPrompt')}</p>
          <blockquote class="sentence" dir="auto">
            <TermInSentence sentence={example?.sentence || entry.term} term={entry.term} />
          </blockquote>
          <h1 class="term" dir="auto">
            {entry.term}
          </h1>
          {!shown ? (
            <button type="button" class="primary" onClick={() => setShown(true)} autoFocus>
              {t('reviewShow')} <kbd>Space</kbd>
            </button>
          ) : (
            <>
              <div class="answer">
                <p class="meaning" dir="auto">
                  {entry.meaning || <span class="muted">{t('reviewNoMeaning')}</span>}
                </p>
                {entry.base !== entry.term.toLowerCase() && (
                  <p class="muted">
                    {t('glossaryBase')}: <span dir="auto">{entry.base}</span>
                  </p>
                )}
                {entry.notes && (
                  <p class="notes" dir="auto">
                    {entry.notes}
                  </p>
                )}
                {lecture && (
                  <p class="muted">
                    {/* Hear the sentence again where it was said. */}
                    <button type="button" class="link source" title={t('openLectureAt')} onClick={() => void openLectureAt(lecture.id, example?.time ?? 0).catch((e: Error) => setOpenError(e.message))}>
                      ▶ {lecture.title}
                      {example?.time != null ? ` · ${clockOf(example.time)}` : ''}
                    </button>
                  </p>
                )}
                {openError && (
                  <p class="notice error" role="alert">
                    {openError}
                  </p>
                )}
              </div>
              <div class="grades" role="group" aria-label={t('reviewHowWell')}>
                {GRADINGS.map((g) => (
                  <button key={g} type="button" class={`grade g${g}`} onClick={() => void grade(g)}>
                    <kbd>{g}</kbd> {gradeLabel(g)}
                    <span class="muted small">{preview ? until(preview[g] - Date.now()) : ''}</span>
                  </button>
                ))}
              </div>
            </>
          )}
        </section>
      )}
      {gradeError && (
        <p class="notice error" role="alert">
          {gradeError}
        </p>
      )}
      <p class="muted small keys">{t('reviewKeys')}</p>
    </main>
  );
}
