import { useEffect, useState } from 'preact/hooks';
import { getDb, type DutyDeadline, type DutyRecord } from '../../src/db/schema';
import { callBackground } from '../../src/messaging/client';
import type { DutyInput } from '../../src/messaging/protocol';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { useSetting } from '../../src/ui/use-setting';
import { countKey, t, tn, type MessageKey } from '../../src/ui/i18n';
import { downloadText } from '../../src/ui/download';
import { bucketOf, DEFAULT_DUTY_SETTINGS, DUTY_SETTINGS_KEY, isDutySettings, needsReviewsAdvice, parseOffsets, reviewsOwed, sortDuties, type DutyBucket, type DutySettings } from '../../src/duties/schedule';
import { doubtText, formatMoment, fromLocalInput, timeLeft, toLocalInput } from '../../src/duties/labels';
import { deadlineDoubts, dutyDoubts } from '../../src/duties/doubts';
import { dutiesToIcs } from '../../src/duties/ics';
import { parseDeadline } from '../../src/duties/parse-date';
import type { Notice } from './BackupBar';
import '../../src/duties/duties.css';

const GROUPS: Array<[DutyBucket | 'check', MessageKey]> = [
  ['check', 'dutyGroupCheck'],
  ['today', 'dutyGroupToday'],
  ['week', 'dutyGroupWeek'],
  ['later', 'dutyGroupLater'],
  ['undated', 'dutyGroupUndated'],
  ['passed', 'dutyGroupPassed'],
  ['done', 'dutyGroupDone'],
];

/** A clock that moves every minute, so "in 3 hours" and the groups stay true on an open page. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(id);
  }, []);
  return now;
}

const groupOf = (d: DutyRecord, now: number): DutyBucket | 'check' =>
  d.status === 'open' && dutyDoubts(d).length > 0 ? 'check' : bucketOf(d, now);

/** The dashboard's "Peer reviews" tab: every duty, grouped by what needs the learner first. */
export function DutiesView({ onNotice }: { onNotice: (n: Notice) => void }) {
  const duties = useLiveQuery(() => getDb().duties.toArray(), [], [] as DutyRecord[]);
  const [settings] = useSetting<DutySettings>(DUTY_SETTINGS_KEY, DEFAULT_DUTY_SETTINGS, isDutySettings);
  const [editing, setEditing] = useState<DutyRecord | 'new' | null>(null);
  const now = useNow();
  const owed = reviewsOwed(duties, now);
  const fail = (err: unknown) => onNotice({ kind: 'error', text: t('dutyErrorSave', err instanceof Error ? err.message : String(err)) });

  const exportIcs = () => {
    const text = dutiesToIcs(duties, settings.offsetsHours, {
      submitTitle: (title) => t('dutyIcsSubmit', title),
      reviewTitle: (title) => t('dutyIcsReview', title),
      reviewsLine: (g, r) => t('dutyIcsReviewsLine', g, r),
      unconfirmed: t('dutyIcsUnconfirmed'),
    });
    if (!text) return onNotice({ kind: 'error', text: t('dutyIcsNone') });
    downloadText('moocmate-deadlines.ics', text, 'text/calendar');
    onNotice({ kind: 'ok', text: t('dutyIcsDone') });
  };

  const sorted = sortDuties(duties, now);
  return (
    <section class="duties" aria-labelledby="duties-title">
      <h1 id="duties-title">{t('dutiesTitle')}</h1>
      <p class="muted">{t('dutiesIntro')}</p>
      <div class="duty-actions">
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          {t('dutyAdd')}
        </button>
        <button type="button" onClick={exportIcs}>
          {t('dutyExportIcs')}
        </button>
      </div>
      {owed > 0 && (
        <p class="duty-owed" role="status">
          {tn('dutiesOwed', owed)}
        </p>
      )}
      {editing && <DutyForm duty={editing === 'new' ? null : editing} onDone={() => setEditing(null)} onError={fail} />}
      {duties.length === 0 && !editing && <p class="empty">{t('dutiesNone')}</p>}
      {GROUPS.map(([group, label]) => {
        const items = sorted.filter((d) => groupOf(d, now) === group);
        if (items.length === 0) return null;
        return (
          <div key={group} class={`duty-group group-${group}`}>
            <h2>{t(label)}</h2>
            <ul class="duty-list">
              {items.map((d) => (
                <DutyCard key={d.id} duty={d} now={now} settings={settings} onEdit={() => setEditing(d)} onError={fail} />
              ))}
            </ul>
          </div>
        );
      })}
      <DutySettingsForm />
    </section>
  );
}

function Deadline({ duty, kind, now, onEdit, onError }: { duty: DutyRecord; kind: 'submit' | 'review'; now: number; onEdit: () => void; onError: (e: unknown) => void }) {
  const field = kind === 'submit' ? 'submitDue' : 'reviewDue';
  const deadline = duty[field];
  if (!deadline) return null;
  const label = kind === 'submit' ? 'dutySubmitBy' : 'dutyReviewBy';
  // A step already done: its deadline no longer matters much.
  const met = kind === 'submit' ? duty.submitted : duty.reviewsRequired > 0 && duty.reviewsGiven >= duty.reviewsRequired;
  const doubts = deadlineDoubts(duty, field);
  // Only this date: the other one keeps its own doubts.
  const confirm = () => void callBackground('duty.confirm', { id: duty.id, kind: field }).catch(onError);
  return (
    <div class={`duty-deadline ${doubts.length > 0 ? 'doubt' : ''} ${met ? 'met' : ''}`}>
      <span>
        {deadline.at !== null ? t(label, formatMoment(deadline.at)) : t(label, '?')}
        {deadline.at !== null && !met && <span class="muted"> · {timeLeft(deadline.at, now)}</span>}
        {met && ' ✓'}
      </span>
      {doubts.length > 0 && (
        <div class="duty-doubt" role="note">
          <strong>{t('dutyCheckDate')}:</strong> {doubts.map(doubtText).join(' ')}
          {deadline.text && <div class="muted">{t('dutyPageSays', deadline.text)}</div>}
          <div class="duty-buttons">
            {deadline.at !== null && (
              <button type="button" onClick={confirm}>
                {t('dutyConfirm')}
              </button>
            )}
            <button type="button" onClick={onEdit}>
              {t('dutyFix')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function DutyCard({ duty: d, now, settings, onEdit, onError }: { duty: DutyRecord; now: number; settings: DutySettings; onEdit: () => void; onError: (e: unknown) => void }) {
  const call = (p: Promise<unknown>) => void p.catch(onError);
  const remove = () => {
    if (confirm(t('dutyDeleteConfirm'))) call(callBackground('duty.delete', { id: d.id }));
  };
  return (
    <li class={`duty status-${d.status}`} data-duty-id={d.id}>
      <div class="duty-head">
        <h3>{/^https?:\/\//.test(d.url) ? <a href={d.url} target="_blank" rel="noopener noreferrer">{d.title}</a> : d.title}</h3>
        {d.course && <span class="muted">{d.course}</span>}
      </div>
      <ul class="duty-facts">
        <li>{d.submitted ? `✓ ${t('dutySubmitted')}` : t('dutyNotSubmitted')}</li>
        {d.reviewsRequired > 0 && <li class={d.reviewsGiven < d.reviewsRequired ? 'owed' : ''}>{t('dutyReviewsGiven', d.reviewsGiven, d.reviewsRequired)}</li>}
        <li>{d.reviewsNeeded !== null && d.reviewsReceived !== null ? t('dutyReviewsReceived', d.reviewsReceived, d.reviewsNeeded) : t('dutyReviewsReceivedUnknown')}</li>
      </ul>
      <Deadline duty={d} kind="submit" now={now} onEdit={onEdit} onError={onError} />
      <Deadline duty={d} kind="review" now={now} onEdit={onEdit} onError={onError} />
      {d.snoozedUntil !== null && d.snoozedUntil > now && <p class="muted small">{t('dutySnoozed', formatMoment(d.snoozedUntil))}</p>}
      {needsReviewsAdvice(d, settings, now) && <Advice duty={d} now={now} />}
      <div class="duty-buttons">
        {d.status === 'open' ? (
          <button type="button" onClick={() => call(callBackground('duty.done', { id: d.id, done: true }))}>
            ✓ {t('dutyDone')}
          </button>
        ) : (
          <button type="button" onClick={() => call(callBackground('duty.done', { id: d.id, done: false }))}>
            {t('dutyReopen')}
          </button>
        )}
        {d.status === 'open' && (
          <button type="button" onClick={() => call(callBackground('duty.snooze', { id: d.id }))}>
            {t('dutySnooze')}
          </button>
        )}
        <button type="button" onClick={onEdit}>
          {t('dutyEdit')}
        </button>
        <button type="button" class="danger" onClick={remove}>
          {t('dutyDelete')}
        </button>
      </div>
    </li>
  );
}

/** "Still unreviewed": what helps, with a message ready to paste in the forum. */
function Advice({ duty: d, now }: { duty: DutyRecord; now: number }) {
  const [copied, setCopied] = useState(false);
  const due = d.reviewDue?.at ?? now;
  const link = d.submissionUrl || d.url;
  const missing = (d.reviewsNeeded ?? 0) - (d.reviewsReceived ?? 0);
  const message = t(countKey('dutyForumMessage', missing), d.title, missing, formatMoment(due), link);
  const copy = async () => {
    await navigator.clipboard.writeText(message).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div class="duty-advice" role="alert">
      <h4>{t('dutyAdviceTitle')}</h4>
      <p>{t('dutyAdviceText', d.reviewsReceived ?? 0, d.reviewsNeeded ?? 0, timeLeft(due, now))}</p>
      <label>
        {t('dutyAdviceMessageLabel')}
        <textarea readOnly rows={4} value={message} onFocus={(e) => (e.target as HTMLTextAreaElement).select()} />
      </label>
      <div class="duty-buttons">
        <button type="button" onClick={() => void copy()}>
          {t('dutyAdviceCopy')}
        </button>
        {copied && <span role="status">{t('dutyAdviceCopied')}</span>}
        {/^https?:\/\//.test(d.forumUrl) && (
          <a class="button" href={d.forumUrl} target="_blank" rel="noopener noreferrer">
            {t('dutyForumLink')}
          </a>
        )}
        {/^https?:\/\//.test(d.submissionUrl) && (
          <a class="button" href={d.submissionUrl} target="_blank" rel="noopener noreferrer">
            {t('dutySubmissionLink')}
          </a>
        )}
      </div>
    </div>
  );
}

function toInput(d: DutyRecord): DutyInput {
  const exact = (x: DutyDeadline | null) => (x?.at != null ? { at: x.at, text: x.text } : null);
  return {
    id: d.id,
    course: d.course,
    title: d.title,
    url: d.url,
    submissionUrl: d.submissionUrl,
    forumUrl: d.forumUrl,
    submitted: d.submitted,
    reviewsGiven: d.reviewsGiven,
    reviewsRequired: d.reviewsRequired,
    reviewsReceived: d.reviewsReceived,
    reviewsNeeded: d.reviewsNeeded,
    submitDue: exact(d.submitDue),
    reviewDue: exact(d.reviewDue),
  };
}

const countOk = (s: string, optional: boolean) => (optional && s.trim() === '') || (/^\d{1,4}$/.test(s.trim()) && Number(s) <= 1000);
const urlOk = (s: string) => s.trim() === '' || /^https?:\/\/\S+$/.test(s.trim());

/** One date field: a picker in the learner's zone, or text as the course page writes it. */
function DateField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const [pasted, setPasted] = useState('');
  const [read, setRead] = useState<DutyDeadline | null>(null);
  const readText = () => {
    const got = parseDeadline({ text: pasted, lang: navigator.language }, Date.now());
    setRead(got);
    if (got.at !== null) onChange(toLocalInput(got.at));
  };
  return (
    <fieldset class="duty-date">
      <legend>{label}</legend>
      <input type="datetime-local" aria-label={label} value={value} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />
      <label class="small">
        {t('dutyFieldPaste')}
        <span class="paste-row">
          <input type="text" value={pasted} onInput={(e) => setPasted((e.target as HTMLInputElement).value)} placeholder="Dec 3, 11:59 PM PST" />
          <button type="button" onClick={readText} disabled={!pasted.trim()}>
            {t('dutyPasteRead')}
          </button>
        </span>
      </label>
      {read && (
        <p class="small" role="status">
          {read.at !== null && t('dutyPasteResult', formatMoment(read.at))} {read.doubts.map(doubtText).join(' ')}
        </p>
      )}
    </fieldset>
  );
}

/** Add or edit a duty by hand (any platform). Dates saved here count as confirmed. */
function DutyForm({ duty, onDone, onError }: { duty: DutyRecord | null; onDone: () => void; onError: (e: unknown) => void }) {
  const start = duty ? toInput(duty) : null;
  const [f, setF] = useState({
    title: start?.title ?? '',
    course: start?.course ?? '',
    url: start?.url ?? '',
    submissionUrl: start?.submissionUrl ?? '',
    forumUrl: start?.forumUrl ?? '',
    submitted: start?.submitted ?? false,
    reviewsGiven: String(start?.reviewsGiven ?? 0),
    reviewsRequired: String(start?.reviewsRequired ?? 3),
    reviewsReceived: start?.reviewsReceived != null ? String(start.reviewsReceived) : '',
    reviewsNeeded: start?.reviewsNeeded != null ? String(start.reviewsNeeded) : '',
    submitDue: toLocalInput(start?.submitDue?.at ?? null),
    reviewDue: toLocalInput(start?.reviewDue?.at ?? null),
  });
  const [error, setError] = useState('');
  const field = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });

  const save = async (e: Event) => {
    e.preventDefault();
    if (!f.title.trim()) return setError(t('dutyErrorTitle'));
    if (![f.url, f.submissionUrl, f.forumUrl].every(urlOk)) return setError(t('dutyErrorUrl'));
    if (!countOk(f.reviewsGiven, false) || !countOk(f.reviewsRequired, false) || !countOk(f.reviewsReceived, true) || !countOk(f.reviewsNeeded, true)) {
      return setError(t('dutyErrorCount'));
    }
    const date = (v: string, old: DutyDeadline | null | undefined) => {
      if (!v) return { ok: true, value: null };
      const at = fromLocalInput(v);
      if (at === null) return { ok: false, value: null };
      // The page's words stay with a date the learner confirmed unchanged.
      return { ok: true, value: { at, text: old?.at === at ? old.text : formatMoment(at) } };
    };
    const sd = date(f.submitDue, duty?.submitDue);
    const rd = date(f.reviewDue, duty?.reviewDue);
    if (!sd.ok || !rd.ok) return setError(t('dutyErrorDate'));
    const opt = (s: string) => (s.trim() === '' ? null : Number(s));
    try {
      await callBackground('duty.save', {
        ...(duty ? { id: duty.id } : {}),
        title: f.title.trim(),
        course: f.course.trim(),
        url: f.url.trim(),
        submissionUrl: f.submissionUrl.trim(),
        forumUrl: f.forumUrl.trim(),
        submitted: f.submitted,
        reviewsGiven: Number(f.reviewsGiven),
        reviewsRequired: Number(f.reviewsRequired),
        reviewsReceived: opt(f.reviewsReceived),
        reviewsNeeded: opt(f.reviewsNeeded),
        submitDue: sd.value,
        reviewDue: rd.value,
      });
      onDone();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <form class="duty-form" onSubmit={(e) => void save(e)} aria-label={duty ? t('dutyEditTitle') : t('dutyAdd')}>
      <h2>{duty ? t('dutyEditTitle') : t('dutyAdd')}</h2>
      <label>
        {t('dutyFieldTitle')}
        <input type="text" value={f.title} onInput={field('title')} maxLength={500} />
      </label>
      <label>
        {t('dutyFieldCourse')}
        <input type="text" value={f.course} onInput={field('course')} maxLength={500} />
      </label>
      <label>
        {t('dutyFieldUrl')}
        <input type="url" value={f.url} onInput={field('url')} placeholder="https://" />
      </label>
      <label>
        {t('dutyFieldSubmissionUrl')}
        <input type="url" value={f.submissionUrl} onInput={field('submissionUrl')} placeholder="https://" />
      </label>
      <label>
        {t('dutyFieldForumUrl')}
        <input type="url" value={f.forumUrl} onInput={field('forumUrl')} placeholder="https://" />
      </label>
      <label class="check">
        <input type="checkbox" checked={f.submitted} onChange={(e) => setF({ ...f, submitted: (e.target as HTMLInputElement).checked })} />
        {t('dutyFieldSubmitted')}
      </label>
      <div class="duty-counts">
        <label>
          {t('dutyFieldGiven')}
          <input type="number" min={0} max={1000} value={f.reviewsGiven} onInput={field('reviewsGiven')} />
        </label>
        <label>
          {t('dutyFieldRequired')}
          <input type="number" min={0} max={1000} value={f.reviewsRequired} onInput={field('reviewsRequired')} />
        </label>
        <label>
          {t('dutyFieldReceived')}
          <input type="number" min={0} max={1000} value={f.reviewsReceived} onInput={field('reviewsReceived')} />
        </label>
        <label>
          {t('dutyFieldNeeded')}
          <input type="number" min={0} max={1000} value={f.reviewsNeeded} onInput={field('reviewsNeeded')} />
        </label>
      </div>
      <p class="muted small">{t('dutyBlankUnknown')}</p>
      <DateField label={t('dutyFieldSubmitDue')} value={f.submitDue} onChange={(v) => setF((x) => ({ ...x, submitDue: v }))} />
      <DateField label={t('dutyFieldReviewDue')} value={f.reviewDue} onChange={(v) => setF((x) => ({ ...x, reviewDue: v }))} />
      {error && (
        <p class="problem error" role="alert">
          {error}
        </p>
      )}
      <div class="duty-buttons">
        <button type="submit" class="primary">
          {t('dutySave')}
        </button>
        <button type="button" onClick={onDone}>
          {t('dutyCancel')}
        </button>
      </div>
    </form>
  );
}

/** Reminder offsets, advice days and snooze length, in extension storage (the background re-plans on change). */
function DutySettingsForm() {
  const [settings, save] = useSetting<DutySettings>(DUTY_SETTINGS_KEY, DEFAULT_DUTY_SETTINGS, isDutySettings);
  const [offsets, setOffsets] = useState(settings.offsetsHours.join(', '));
  const [advice, setAdvice] = useState(String(settings.adviceDays));
  const [snooze, setSnooze] = useState(String(settings.snoozeMinutes));
  const [state, setState] = useState<'' | 'saved' | 'bad'>('');
  useEffect(() => {
    setOffsets(settings.offsetsHours.join(', '));
    setAdvice(String(settings.adviceDays));
    setSnooze(String(settings.snoozeMinutes));
  }, [settings]);
  const submit = (e: Event) => {
    e.preventDefault();
    const hours = parseOffsets(offsets);
    const next = { offsetsHours: hours ?? [], adviceDays: Number(advice), snoozeMinutes: Number(snooze) };
    if (!hours || !isDutySettings(next)) return setState('bad');
    save(next);
    setState('saved');
  };
  return (
    <details class="duty-settings">
      <summary>{t('dutySettings')}</summary>
      <form onSubmit={submit}>
        <label>
          {t('dutySettingsOffsets')}
          <input type="text" value={offsets} onInput={(e) => (setOffsets((e.target as HTMLInputElement).value), setState(''))} />
        </label>
        <label>
          {t('dutySettingsAdvice')}
          <input type="number" min={0} max={60} value={advice} onInput={(e) => (setAdvice((e.target as HTMLInputElement).value), setState(''))} />
        </label>
        <label>
          {t('dutySettingsSnooze')}
          <input type="number" min={5} max={10080} value={snooze} onInput={(e) => (setSnooze((e.target as HTMLInputElement).value), setState(''))} />
        </label>
        <button type="submit">{t('dutySave')}</button>
        {state === 'bad' && (
          <p class="problem error" role="alert">
            {t('dutySettingsBad')}
          </p>
        )}
        {state === 'saved' && <p role="status">{t('dutySettingsSaved')}</p>}
      </form>
    </details>
  );
}
