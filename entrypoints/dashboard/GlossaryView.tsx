import { useMemo, useState } from 'preact/hooks';
import { keptTags, MAX_NOTE_TEXT } from '../../src/db/limits';
import { getDb, type GlossaryEntryRecord } from '../../src/db/schema';
import { allTags, groupGlossary, parseTags, type GlossaryFilter, type GlossarySort } from '../../src/glossary/list';
import { clockOf, CsvFileError, readCsv, toAnki, toCsv, type CsvReading, type Places } from '../../src/glossary/exchange';
import { countDue } from '../../src/glossary/review';
import { callBackground } from '../../src/messaging/client';
import { downloadText } from '../../src/ui/download';
import { t, tn, uiLocale } from '../../src/ui/i18n';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { TermInSentence } from '../../src/ui/glossary-marks';
import { useFirstLanguage } from '../../src/ui/settings';
import { trackLanguage, useOnDeviceTranslator } from '../../src/ui/translate-line';
import { TranslationTimeout } from '../../src/language/translator';
import type { Notice } from './BackupBar';
import { openLectureAt } from '../../src/ui/open-lecture';

const db = getDb();

/** The learner's glossary: by course and lecture, search, sort, tags, edits, bulk actions, files. */
export function GlossaryView({ onNotice }: { onNotice: (n: Notice) => void }) {
  const data = useLiveQuery(
    async () => {
      const [entries, lectures, courses, tracks] = await Promise.all([db.glossary.toArray(), db.lectures.toArray(), db.courses.toArray(), db.tracks.toArray()]);
      return {
        entries,
        places: { lectures: new Map(lectures.map((l) => [l.id, l])), courses: new Map(courses.map((c) => [c.id, c])) } satisfies Places,
        trackLanguages: new Map(tracks.map((tr) => [tr.id, trackLanguage(tr)])),
      };
    },
    [],
    null,
  );
  const due = useLiveQuery(() => countDue(db), [], 0);
  const [learner] = useFirstLanguage();
  const [filter, setFilter] = useState<GlossaryFilter>({ sort: 'newest' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<{ name: string; reading: CsvReading } | null>(null);
  const groups = useMemo(() => (data ? groupGlossary(data.entries, data.places.lectures, data.places.courses, filter) : []), [data, filter]);
  const visible = useMemo(() => groups.flatMap((g) => g.entries), [groups]);
  if (!data) return <p class="muted">{t('loading')}</p>;

  const stamp = new Date().toISOString().slice(0, 10);
  const chosen = () => data.entries.filter((e) => selected.has(e.id));
  const exportAnki = () => downloadText(`moocmate-glossary-anki-${stamp}.txt`, toAnki(selected.size ? chosen() : data.entries, data.places));
  const exportCsv = () => downloadText(`moocmate-glossary-${stamp}.csv`, toCsv(selected.size ? chosen() : data.entries, data.places), 'text/csv');
  const importRows = async (rows: CsvReading['good']) => {
    setPending(null);
    if (rows.length === 0) return;
    try {
      const r = await callBackground('glossary.import', { rows });
      onNotice({ kind: 'ok', text: t('csvImported', r.added, r.merged) });
    } catch (err) {
      onNotice({ kind: 'error', text: `${t('importRejected')} ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  const openCsv = async (file: File | undefined) => {
    if (!file) return;
    try {
      const reading = readCsv(await file.text());
      // Rows that fail are shown first; nothing is written until the learner says so.
      if (reading.bad.length) setPending({ name: file.name, reading });
      else await importRows(reading.good);
    } catch (err) {
      onNotice({ kind: 'error', text: `${t('importRejected')} ${err instanceof CsvFileError ? t(err.key) : String(err)}` });
    }
  };
  const bulkDelete = async () => {
    if (!selected.size || !confirm(tn('glossaryDeleteConfirm', selected.size))) return;
    await db.glossary.bulkDelete([...selected]);
    setSelected(new Set());
  };
  const bulkTag = async () => {
    const tags = parseTags(prompt(t('glossaryTagPrompt')) ?? '');
    if (!tags.length) return;
    const now = Date.now();
    await db.transaction('rw', db.glossary, async () => {
      for (const e of chosen()) await db.glossary.update(e.id, { tags: keptTags([...e.tags, ...tags]), updatedAt: now });
    });
  };
  const bulkDue = async () => {
    const now = Date.now();
    await db.transaction('rw', db.glossary, async () => {
      for (const e of chosen()) await db.glossary.update(e.id, { due: now, card: { ...e.card, due: now }, updatedAt: now });
    });
  };
  const toggleAll = () => setSelected(selected.size === visible.length ? new Set() : new Set(visible.map((e) => e.id)));
  const courseOptions = [...new Map(data.entries.filter((e) => e.courseId).map((e) => [e.courseId!, data.places.courses.get(e.courseId!)?.title ?? e.courseId!])).entries()];

  return (
    <section class="glossary-view">
      <header class="view-head">
        <h1>{t('navGlossary')}</h1>
        <p class="muted">{tn('glossaryCount', data.entries.length)}</p>
        <p>
          <span data-testid="glossary-due">{t('reviewDueCount', due)}</span>{' '}
          {due > 0 && (
            <a class="button primary" href="/review.html">
              {t('reviewStart')}
            </a>
          )}
        </p>
      </header>
      <div class="toolbar glossary-tools">
        <input type="search" aria-label={t('glossarySearch')} placeholder={t('glossarySearch')} value={filter.text ?? ''} onInput={(e) => setFilter({ ...filter, text: (e.target as HTMLInputElement).value })} />
        <label>
          {t('course')}{' '}
          <select value={filter.courseId ?? ''} onChange={(e) => setFilter({ ...filter, courseId: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">{t('glossaryAll')}</option>
            {courseOptions.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('glossaryTag')}{' '}
          <select value={filter.tag ?? ''} onChange={(e) => setFilter({ ...filter, tag: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="">{t('glossaryAll')}</option>
            {allTags(data.entries).map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('glossarySort')}{' '}
          <select value={filter.sort} onChange={(e) => setFilter({ ...filter, sort: (e.target as HTMLSelectElement).value as GlossarySort })}>
            <option value="newest">{t('glossarySortNewest')}</option>
            <option value="az">{t('glossarySortAz')}</option>
            <option value="due">{t('glossarySortDue')}</option>
          </select>
        </label>
      </div>
      <div class="toolbar glossary-files">
        <button type="button" onClick={exportAnki} disabled={!data.entries.length}>
          {t('glossaryExportAnki')}
        </button>
        <button type="button" onClick={exportCsv} disabled={!data.entries.length}>
          {t('glossaryExportCsv')}
        </button>
        <label class="button">
          {t('glossaryImportCsv')}
          <input type="file" accept=".csv,text/csv" class="visually-hidden" onChange={(e) => void openCsv((e.target as HTMLInputElement).files?.[0]).finally(() => ((e.target as HTMLInputElement).value = ''))} />
        </label>
      </div>
      {pending && (
        <div class="csv-problems" role="alert">
          <p>
            <strong>{t('csvProblemsTitle', pending.name)}</strong> {t('csvProblemsText', pending.reading.bad.length, pending.reading.good.length)}
          </p>
          <ul>
            {pending.reading.bad.map((b) => (
              <li key={b.row}>
                {t('csvRow', b.row)}: {t(b.key, b.detail)}
              </li>
            ))}
          </ul>
          <button type="button" class="primary" disabled={!pending.reading.good.length} onClick={() => void importRows(pending.reading.good)}>
            {t('csvImportGood', pending.reading.good.length)}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {data.entries.length === 0 ? (
        <p class="empty">{t('glossaryEmpty')}</p>
      ) : (
        <>
          <div class="toolbar bulk">
            <label>
              <input type="checkbox" checked={visible.length > 0 && selected.size === visible.length} onChange={toggleAll} /> {t('glossarySelectAll')}
            </label>
            <span class="muted">{t('glossarySelected', selected.size)}</span>
            <button type="button" disabled={!selected.size} onClick={() => void bulkTag()}>
              {t('glossaryBulkTag')}
            </button>
            <button type="button" disabled={!selected.size} onClick={() => void bulkDue()}>
              {t('glossaryBulkDue')}
            </button>
            <button type="button" class="danger" disabled={!selected.size} onClick={() => void bulkDelete()}>
              {t('glossaryBulkDelete')}
            </button>
          </div>
          {groups.map((g) => (
            <section key={g.key} class="glossary-group">
              <h2>{g.key ? `${g.course} › ${g.lecture}` : t('glossaryElsewhere')}</h2>
              <ul class="glossary-list">
                {g.entries.map((e) => (
                  <EntryRow
                    key={e.id}
                    entry={e}
                    learner={learner}
                    from={wordLanguage(e, data.trackLanguages)}
                    checked={selected.has(e.id)}
                    onCheck={(on) => {
                      const next = new Set(selected);
                      if (on) next.add(e.id);
                      else next.delete(e.id);
                      setSelected(next);
                    }}
                  />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

/** The language a word was met in: its first example's caption track, else English (the glossary's base forms are English). */
function wordLanguage(entry: GlossaryEntryRecord, trackLanguages: Map<string, string>): string {
  const trackId = entry.examples.find((x) => x.trackId)?.trackId;
  return (trackId && trackLanguages.get(trackId)) || 'en';
}

/**
 * "Translate into my language": the browser's on-device translation of the word into the
 * learner's first language becomes its meaning when it has none, else is offered beside
 * it. Absent where the browser cannot translate the pair.
 */
function TranslateWord({ entry, from, learner, onMeaning }: { entry: GlossaryEntryRecord; from: string; learner: string; onMeaning: (m: string) => void }) {
  const translate = useOnDeviceTranslator(from, learner);
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string }>({ kind: 'idle' });
  if (!translate) return null;
  const run = async () => {
    setState({ kind: 'busy' });
    try {
      const text = (await translate(entry.term)).trim();
      if (!entry.meaning) onMeaning(text);
      setState({ kind: 'done', text });
    } catch (err) {
      setState({ kind: 'error', text: err instanceof TranslationTimeout ? t('translationTimeout') : t('translationFailed', err instanceof Error ? err.message : String(err)) });
    }
  };
  return (
    <span class="translate-word">
      <button type="button" class="link" disabled={state.kind === 'busy'} onClick={() => void run()}>
        {t('glossaryTranslate')}
      </button>
      <span role="status">
        {state.kind === 'busy' && <span class="muted small">{t('translating')}</span>}
        {state.kind === 'done' && state.text !== entry.meaning && (
          <>
            <span lang={learner} dir="auto">
              {state.text}
            </span>{' '}
            <button type="button" class="link" onClick={() => onMeaning(state.text)}>
              {t('glossaryUseMeaning')}
            </button>
          </>
        )}
        {state.kind === 'error' && <span class="problem error small">{state.text}</span>}
      </span>
    </span>
  );
}

function EntryRow({ entry, from, learner, checked, onCheck }: { entry: GlossaryEntryRecord; from: string; learner: string; checked: boolean; onCheck: (on: boolean) => void }) {
  const save = (change: Partial<GlossaryEntryRecord>) => void db.glossary.update(entry.id, { ...change, updatedAt: Date.now() });
  const dueText = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(entry.due);
  return (
    <li class="glossary-entry" data-entry-id={entry.id}>
      <div class="entry-head">
        <input type="checkbox" checked={checked} aria-label={t('glossarySelectWord', entry.term)} onChange={(e) => onCheck((e.target as HTMLInputElement).checked)} />
        <strong class="entry-term" dir="auto">
          {entry.term}
        </strong>
        {entry.base !== entry.term.toLowerCase() && (
          <span class="muted" dir="auto">
            ({entry.base})
          </span>
        )}
        <span class="muted small entry-due">{t('glossaryNextReview', dueText)}</span>
        <button type="button" class="link danger" onClick={() => confirm(tn('glossaryDeleteConfirm', 1)) && void db.glossary.delete(entry.id)}>
          {t('glossaryDelete')}
        </button>
      </div>
      <div class="entry-fields">
        <label>
          {t('glossaryMeaning')}
          <input type="text" dir="auto" lang={entry.meaning ? learner : undefined} maxLength={MAX_NOTE_TEXT} value={entry.meaning} onChange={(e) => save({ meaning: (e.target as HTMLInputElement).value.trim() })} />
        </label>
        <TranslateWord entry={entry} from={from} learner={learner} onMeaning={(meaning) => save({ meaning })} />
        <label>
          {t('glossaryTags')}
          <input type="text" value={entry.tags.join(', ')} onChange={(e) => save({ tags: parseTags((e.target as HTMLInputElement).value) })} />
        </label>
        <label class="wide">
          {t('glossaryNotes')}
          <textarea rows={1} dir="auto" maxLength={MAX_NOTE_TEXT} value={entry.notes} onChange={(e) => save({ notes: (e.target as HTMLTextAreaElement).value.trim() })} />
        </label>
      </div>
      <ol class="examples">
        {entry.examples.map((x, i) => (
          <li key={i}>
            <span dir="auto">
              <TermInSentence sentence={x.sentence} term={entry.term} />
            </span>{' '}
            {x.lectureId && (
              <button type="button" class="link" onClick={() => void openLectureAt(x.lectureId!, x.time ?? 0)}>
                ▶ {x.time != null ? clockOf(x.time) : t('glossaryOpenLecture')}
              </button>
            )}
            {!x.lectureId && x.pageUrl && (
              <a href={x.pageUrl} target="_blank" rel="noopener noreferrer">
                {t('glossaryOpenPage')}
              </a>
            )}{' '}
            <span class="muted small">{new Date(x.addedAt).toLocaleDateString(uiLocale())}</span>
          </li>
        ))}
      </ol>
    </li>
  );
}
