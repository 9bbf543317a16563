import { useEffect, useState } from 'preact/hooks';
import type { CueRecord, FlagKind, FlagRecord, MoocMateDb, TrackRecord } from '../db/schema';
import { checkCues, DEFAULT_CHECKS, type Finding } from '../flags/checks';
import { useSetting } from './use-setting';
import { checkLanguage, checkTranslation } from '../flags/language-check';
import { createFlag, editFlag, withdrawFlag } from '../flags/store';
import { clock } from './format';
import { t, type MessageKey } from './i18n';
import { useLiveQuery } from './use-live-query';
import { CAPTION_KINDS, kindLabel } from './flag-kinds';

const RULE_KEY: Record<Finding['rule'], MessageKey> = {
  'reading-speed': 'ruleReadingSpeed',
  'line-length': 'ruleLineLength',
  'too-many-lines': 'ruleTooManyLines',
  'too-short': 'ruleTooShort',
  'too-long': 'ruleTooLong',
  overlap: 'ruleOverlap',
  empty: 'ruleEmpty',
  repeated: 'ruleRepeated',
  language: 'ruleLanguage',
  'translation-mismatch': 'ruleTranslationMismatch',
};

/** A finding in words: the rule and its numbers. */
export function findingText(f: Finding, languageName: (code: string) => string): string {
  const detail = f.rule === 'language' ? languageName(f.detail ?? '') : (f.detail ?? '');
  return t(RULE_KEY[f.rule], String(f.value), String(f.limit), detail);
}

const FINDING_KIND: Partial<Record<Finding['rule'], FlagKind>> = {
  language: 'wrong-language',
  'translation-mismatch': 'wrong-lesson',
  overlap: 'sync-early',
};

export function useFlags(db: MoocMateDb, lectureId: string | null): FlagRecord[] {
  return useLiveQuery(async () => (lectureId ? db.flags.where('lectureId').equals(lectureId).sortBy('start') : []), [lectureId], []);
}

const validCps = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 5 && v <= 60;

/** The learner's reading speed limit for the checks, in characters per second. */
export const useReadingLimit = () => useSetting('maxCharsPerSecond', DEFAULT_CHECKS.maxCharsPerSecond, validCps);

/** All automatic checks for one track (the translation check needs the lecture's original). */
export function useFindings(track: TrackRecord | undefined, cues: CueRecord[], original: CueRecord[] | null, learner?: string): Finding[] {
  const [maxCharsPerSecond] = useReadingLimit();
  // Worked out once the lines are on screen: on a long lecture the checks take about
  // 100 ms (franc over the whole transcript), and the lines come first. Until then, and
  // for other lines than the ones checked, there are no findings.
  const [done, setDone] = useState<{ cues: CueRecord[]; found: Finding[] } | null>(null);
  useEffect(() => {
    if (!track || cues.length === 0) return;
    const later = setTimeout(() => {
      // A translation into the learner's own language is expected to read as that language.
      const translation = original !== null && original !== cues;
      const found = [...checkLanguage(cues, track.language, translation ? learner : undefined), ...checkCues(cues, { ...DEFAULT_CHECKS, maxCharsPerSecond })];
      const mismatch = translation ? checkTranslation(original, cues) : null;
      setDone({ cues, found: mismatch ? [mismatch, ...found] : found });
    }, 0);
    return () => clearTimeout(later);
  }, [track, cues, original, maxCharsPerSecond, learner]);
  return done?.cues === cues ? done.found : NO_FINDINGS;
}

const NO_FINDINGS: Finding[] = [];

function ReadingLimit() {
  const [limit, setLimit] = useReadingLimit();
  return (
    <label class="reading-limit">
      {t('readingLimit')}{' '}
      <input
        type="number"
        min={5}
        max={60}
        step={1}
        value={limit}
        onChange={(e) => {
          const n = Number((e.target as HTMLInputElement).value);
          if (validCps(n)) setLimit(n);
        }}
      />
    </label>
  );
}

interface Props {
  db: MoocMateDb;
  lectureId: string;
  track: TrackRecord | undefined;
  flags: FlagRecord[];
  findings: Finding[];
  languageName: (code: string) => string;
  /** The caption text of a cue of this track, for flags made from findings. */
  cueText: (cueIndex: number) => string;
  onPick?: (time: number) => void;
}

/** The learner's flags on this lecture (edit, withdraw) and the automatic findings (flag in one click). */
export function FlagsPanel({ db, lectureId, track, flags, findings, languageName, cueText, onPick }: Props) {
  const [checksOpen, setChecksOpen] = useState(false);
  const flaggedRules = new Set(flags.filter((f) => f.origin === 'check').map((f) => `${f.rule}#${f.cueIndex}`));
  const acceptFinding = (f: Finding) =>
    void createFlag(db, {
      lectureId,
      trackId: track?.id ?? null,
      language: track?.language ?? '',
      cueIndex: f.cueIndex >= 0 ? f.cueIndex : null,
      start: f.start,
      end: f.end,
      text: f.cueIndex >= 0 ? cueText(f.cueIndex) : '',
      kind: FINDING_KIND[f.rule] ?? 'other',
      origin: 'check',
      rule: f.rule,
      note: findingText(f, languageName),
    });
  return (
    <div class="flags-panel">
      <details open={flags.length > 0}>
        <summary>{t('flagsTitle', flags.length)}</summary>
        {flags.length === 0 ? <p class="muted">{t('flagsNone')}</p> : (
          <ul class="flag-list">
            {flags.map((f) => <FlagItem key={f.id} db={db} flag={f} onPick={onPick} />)}
          </ul>
        )}
      </details>
      {/* The findings only while open: a long lecture may have hundreds, and the side panel
          draws itself again four times a second while the lecture plays. */}
      <details onToggle={(e) => setChecksOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('checksTitle', findings.length)}</summary>
        <ReadingLimit />
        {!checksOpen ? null : findings.length === 0 ? <p class="muted">{t('checksNone')}</p> : (
          <ul class="finding-list">
            {findings.map((f, i) => (
              <li key={`${f.rule}-${f.cueIndex}-${i}`} class="finding" data-rule={f.rule}>
                <button type="button" class="link" onClick={() => onPick?.(f.start)}><bdi dir="ltr">{clock(f.start)}</bdi></button>
                <span>{findingText(f, languageName)}</span>
                {flaggedRules.has(`${f.rule}#${f.cueIndex >= 0 ? f.cueIndex : null}`) ? (
                  <span class="muted small">{t('findingFlagged')}</span>
                ) : (
                  <button type="button" onClick={() => acceptFinding(f)}>{t('flagFinding')}</button>
                )}
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}

function FlagItem({ db, flag, onPick }: { db: MoocMateDb; flag: FlagRecord; onPick?: (time: number) => void }) {
  const [editing, setEditing] = useState(false);
  const [kind, setKind] = useState(flag.kind);
  const [suggestion, setSuggestion] = useState(flag.suggestion ?? '');
  const [note, setNote] = useState(flag.note ?? '');
  const save = async () => {
    await editFlag(db, flag.id, { kind, suggestion: suggestion || undefined, note: note || undefined });
    setEditing(false);
  };
  return (
    <li class="flag" data-flag-id={flag.id}>
      <p>
        <button type="button" class="link" onClick={() => onPick?.(flag.start)}><bdi dir="ltr">{clock(flag.start)}</bdi></button>{' '}
        <strong>{kindLabel(flag.kind)}</strong>: <span class="flag-text">{flag.text || t('flagNoText')}</span>
      </p>
      {flag.suggestion && !editing && <p class="muted"><span class="dir-arrow" aria-hidden="true">→</span> {flag.suggestion}</p>}
      {flag.note && !editing && <p class="muted small">{flag.note}</p>}
      {editing && (
        <>
          <label>
            {t('flagKind')}{' '}
            <select value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as FlagKind)}>
              {[...new Set([...CAPTION_KINDS, flag.kind])].map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
            </select>
          </label>
          <label>
            {t('flagSuggestion')}
            <input type="text" value={suggestion} onInput={(e) => setSuggestion((e.target as HTMLInputElement).value)} />
          </label>
          <label>
            {t('flagNote')}
            <input type="text" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
          </label>
        </>
      )}
      <div class="actions">
        {editing ? (
          <button type="button" class="primary" onClick={() => void save()}>{t('save')}</button>
        ) : (
          <button type="button" onClick={() => setEditing(true)}>{t('flagEdit')}</button>
        )}
        {flag.reporter === 'me' && (
          <button type="button" class="danger" onClick={() => void withdrawFlag(db, flag.id)}>{t('flagWithdraw')}</button>
        )}
      </div>
    </li>
  );
}
