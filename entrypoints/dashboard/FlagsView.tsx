import { useMemo, useState } from 'preact/hooks';
import { getDb, type FlagKind, type FlagStatus } from '../../src/db/schema';
import { buildQueue, filterQueue, queueItems, type QueueFilter, type QueueItem, type QueueLecture } from '../../src/flags/queue';
import { correctedCaptions, lectureReportMarkdown, queueToCsv, queueToJson } from '../../src/flags/reports';
import { exportFlags, FlagFileError, importFlags } from '../../src/flags/exchange';
import { getReporterId } from '../../src/flags/reporter';
import { chooseSuggestion, setFlagStatus } from '../../src/flags/store';
import { loadCues } from '../../src/captions/store';
import { downloadText } from '../../src/ui/download';
import { clock, fileName } from '../../src/ui/format';
import { kindLabel } from '../../src/ui/flag-kinds';
import { t, tn, type MessageKey } from '../../src/ui/i18n';
import { useLiveQuery } from '../../src/ui/use-live-query';
import type { Notice } from './BackupBar';

const db = getDb();
const STATUSES: FlagStatus[] = ['new', 'confirmed', 'fixed', 'rejected'];
const STATUS_KEY: Record<FlagStatus, MessageKey> = { new: 'statusNew', confirmed: 'statusConfirmed', fixed: 'statusFixed', rejected: 'statusRejected' };

/** The volunteer's queue: every flag, merged by cue and kind, with filters, statuses and exports. */
export function FlagsView({ onNotice }: { onNotice: (n: Notice) => void }) {
  const data = useLiveQuery(
    async () => {
      const [flags, courses, lectures, tracks] = await Promise.all([db.flags.toArray(), db.courses.toArray(), db.lectures.toArray(), db.tracks.toArray()]);
      return { flags, lookup: { courses, lectures, tracks } };
    },
    [],
    null,
  );
  const [filter, setFilter] = useState<QueueFilter>({});
  const all = useMemo(() => (data ? buildQueue(data.flags, data.lookup) : []), [data]);
  const groups = useMemo(() => filterQueue(all, filter), [all, filter]);
  const items = useMemo(() => queueItems(groups), [groups]);
  const everything = useMemo(() => queueItems(all), [all]);
  const options = useMemo(
    () => ({
      courses: all.map((g) => [g.courseId, g.title] as const),
      languages: [...new Set(everything.map((i) => i.language).filter(Boolean))].sort(),
      kinds: [...new Set(everything.map((i) => i.kind))],
    }),
    [all, everything],
  );

  if (!data) return <p class="muted">{t('loading')}</p>;
  const set = (key: keyof QueueFilter, value: string) => setFilter((f) => ({ ...f, [key]: value || undefined }));

  const exportFile = async () => {
    const file = await exportFlags(db, { reporterId: await getReporterId() });
    downloadText(`moocmate-flags-${file.exportedAt.slice(0, 10)}.json`, JSON.stringify(file, null, 1), 'application/json');
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const s = await importFlags(db, await file.text(), { reporterId: await getReporterId() });
      onNotice({ kind: 'ok', text: t('flagsImported', s.added, s.updated, s.unchanged, s.unknownLectures) });
    } catch (err) {
      const text = err instanceof FlagFileError ? t(err.key as MessageKey, ...err.subs) : String(err);
      onNotice({ kind: 'error', text: `${t('importRejected')} ${text}` });
    }
  };

  return (
    <section class="flags-view" aria-labelledby="flags-title">
      <h1 id="flags-title">{t('queueTitle')}</h1>
      <p class="muted">{t('queueIntro')}</p>
      <div class="toolbar" role="group" aria-label={t('queueFilters')}>
        <Select label={t('course')} value={filter.courseId as string | undefined} onChange={(v) => set('courseId', v)} options={options.courses.map(([id, title]) => [id, title || '?'])} />
        <Select label={t('language')} value={filter.language as string | undefined} onChange={(v) => set('language', v)} options={options.languages.map((l) => [l, l])} />
        <Select label={t('flagKind')} value={filter.kind as string | undefined} onChange={(v) => set('kind', v)} options={options.kinds.map((k) => [k, kindLabel(k)])} />
        <Select label={t('status')} value={filter.status as string | undefined} onChange={(v) => set('status', v)} options={STATUSES.map((s) => [s, t(STATUS_KEY[s])])} />
      </div>
      <div class="actions" role="group" aria-label={t('queueExports')}>
        <button type="button" disabled={items.length === 0} onClick={() => downloadText('moocmate-queue.csv', `\ufeff${queueToCsv(items)}`, 'text/csv')}>CSV</button>
        <button type="button" disabled={items.length === 0} onClick={() => downloadText('moocmate-queue.json', queueToJson(items), 'application/json')}>JSON</button>
        <button type="button" onClick={() => void exportFile()}>{t('flagsExportFile')}</button>
        <label class="button">
          {t('flagsImportFile')}
          <input type="file" accept="application/json,.json" class="visually-hidden" data-testid="import-flags" onChange={(e) => {
            const input = e.target as HTMLInputElement;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }} />
        </label>
      </div>
      <p role="status" class="muted">{t('queueCount', items.length, data.flags.length)}</p>
      {groups.map((g) => (
        <section key={g.courseId} class="queue-course">
          <h2>{g.title || t('courseUnknown')}</h2>
          {g.lectures.map((l) => <QueueLectureView key={l.lectureId} lecture={l} courseTitle={g.title} onNotice={onNotice} />)}
        </section>
      ))}
    </section>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string | undefined; options: Array<readonly [string, string]>; onChange: (v: string) => void }) {
  return (
    <label class="track-picker">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{t('filterAll')}</option>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
}

function QueueLectureView({ lecture, courseTitle, onNotice }: { lecture: QueueLecture; courseTitle: string; onNotice: (n: Notice) => void }) {
  const items = lecture.cues.flatMap((c) => c.items);
  const trackIds = [...new Set(items.map((i) => i.trackId).filter((id): id is string => Boolean(id)))];
  const corrected = async (trackId: string, format: 'vtt' | 'srt') => {
    const [cues, flags, track] = await Promise.all([loadCues(db, trackId), db.flags.where('trackId').equals(trackId).toArray(), db.tracks.get(trackId)]);
    if (cues.length === 0) return onNotice({ kind: 'error', text: t('correctedNoCues') });
    downloadText(fileName(`${lecture.title} (${track?.language || track?.label || ''}) corrected`, format), correctedCaptions(cues, flags, format), format === 'vtt' ? 'text/vtt' : 'application/x-subrip');
  };
  return (
    <section class="queue-lecture">
      <h3>
        {lecture.known ? <a href={`#/lecture/${encodeURIComponent(lecture.lectureId)}`}>{lecture.title}</a> : lecture.title}
        {!lecture.known && <span class="muted small"> · {t('lectureNotHere')}</span>}
      </h3>
      <div class="actions">
        <button type="button" onClick={() => downloadText(fileName(`${lecture.title} report`, 'md'), lectureReportMarkdown({ title: lecture.title, url: lecture.url, courseTitle }, items), 'text/markdown')}>
          {t('markdownReport')}
        </button>
        {lecture.known &&
          trackIds.map((id) => {
            const label = items.find((i) => i.trackId === id)?.trackLabel || items.find((i) => i.trackId === id)?.language || '';
            return (
              <span key={id} class="corrected">
                {t('correctedCaptions', label)}{' '}
                <button type="button" onClick={() => void corrected(id, 'vtt')}>VTT</button>{' '}
                <button type="button" onClick={() => void corrected(id, 'srt')}>SRT</button>
              </span>
            );
          })}
      </div>
      <ul class="queue-items">
        {items.map((item) => <QueueItemView key={item.key} item={item} />)}
      </ul>
    </section>
  );
}

function QueueItemView({ item }: { item: QueueItem }) {
  const setStatus = (status: FlagStatus) => void Promise.all(item.flagIds.map((id) => setFlagStatus(db, id, status)));
  return (
    <li class={`queue-item status-${item.status}`} data-key={item.key}>
      <p>
        <span class="cue-time" dir="ltr">{clock(item.start)}</span> <strong>{kindLabel(item.kind as FlagKind)}</strong>{' '}
        <span class="badge">{tn('learnerCount', item.count)}</span> <span class="muted small">{item.language}</span>
      </p>
      <blockquote class="flag-text">{item.text || t('flagNoText')}</blockquote>
      {item.suggestions.map((s) => (
        <p key={s.text} class="suggestion">
          <span class="dir-arrow" aria-hidden="true">→</span> {s.text} {s.count > 1 && <span class="muted small">({tn('learnerCount', s.count)})</span>}{' '}
          {item.applied === s.text ? (
            <span class="small" data-testid="suggestion-applied">{t('suggestionApplied')}</span>
          ) : (
            // Only a choice when learners disagree; otherwise the status alone decides.
            item.suggestions.length > 1 && (
              <button type="button" class="small" data-testid="use-suggestion" onClick={() => void chooseSuggestion(db, item.flagIds, s.text)}>
                {t('suggestionUse')}
              </button>
            )
          )}
        </p>
      ))}
      {item.notes.map((n) => <p key={n} class="muted small">{n}</p>)}
      <label class="status-picker">
        {t('status')}{' '}
        <select value={item.status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value as FlagStatus)}>
          {STATUSES.map((s) => <option key={s} value={s}>{t(STATUS_KEY[s])}</option>)}
        </select>
      </label>
    </li>
  );
}
