import { useMemo, useState } from 'preact/hooks';
import { getDb } from '../../src/db/schema';
import { TranscriptSearchBox, TranscriptSearchCount, useTranscriptSearch } from '../../src/ui/transcript-search';
import { cueAt } from '../../src/ui/format';
import { t } from '../../src/ui/i18n';
import { TranscriptList } from '../../src/ui/transcript-list';
import { TranscriptActions } from '../../src/ui/transcript-actions';
import { TrackPicker, TrackStatus } from '../../src/ui/track-picker';
import { switchValue, useTranscript } from '../../src/ui/lecture-data';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { useTabId, useTabLink } from './use-tab-link';
import { FlagsPanel, useFindings, useFlags } from '../../src/ui/flags-panel';
import { createFlag } from '../../src/flags/store';
import { languageName } from '../../src/language/names';
import { uiLocale } from '../../src/ui/i18n';
import { GlossaryMarked, GlossaryMeanings, useGlossaryMatcher } from '../../src/ui/glossary-marks';
import { WordPicker } from '../../src/ui/word-picker';
import { WordsToKnowPanel } from '../../src/ui/words-to-know-panel';
import { LectureSettingsPanel } from '../../src/ui/lecture-settings';

const NO_WORDS: ReadonlySet<string> = new Set();
import { useFirstLanguage } from '../../src/ui/settings';
import { TranslateLine, useLineTranslator } from '../../src/ui/translate-line';

const db = getDb();

export function App() {
  const tabId = useTabId();
  const [link, send] = useTabLink(tabId);
  const live = link.status === 'live' ? link : null;
  const lectureId = live?.active ?? null;
  const lecture = useLiveQuery(() => (lectureId ? db.lectures.get(lectureId) : undefined), [lectureId], undefined);
  const [learner] = useFirstLanguage();
  const [chosenTrack, setChosenTrack] = useState<string | null>(null);
  // The switch offers (and first opens) a track in the learner's first language.
  const transcript = useTranscript(db, lectureId, chosenTrack, learner);
  const { tracks, offered, track, cues, lectureCues } = transcript;
  const translate = useLineTranslator(track, learner);
  const [follow, setFollow] = useState(true);
  const matcher = useGlossaryMatcher(db);
  // Words to know leaves out what the glossary already has (by base form).
  const glossaryBases = useLiveQuery(async () => new Set((await db.glossary.orderBy('base').keys()).map(String)) as ReadonlySet<string>, [], NO_WORDS);
  const [picking, setPicking] = useState<number | null>(null);

  const { query, setQuery, needles, shown } = useTranscriptSearch(cues);
  const current = live && lectureId ? cueAt(shown, live.time) : -1;
  // Words to know come from the lecture's own language (its captions track, sorted first).
  const lectureTrack = tracks[0];
  const flags = useFlags(db, lectureId);
  // A translation is checked against the lecture's own track (whether its lines line up).
  const findings = useFindings(track, cues, lectureTrack?.id === track?.id ? null : lectureCues, learner);
  const flagged = useMemo(() => new Set(flags.filter((f) => f.trackId === track?.id && f.cueIndex !== null).map((f) => f.cueIndex!)), [flags, track]);
  const seekTo = (time: number) => lectureId && send({ type: 'seek', lectureId, time });
  // Once per render, not once per line: a long lecture has thousands of lines.
  const addWordLabel = t('glossaryAddFromLine');
  const flagLine = (i: number) => {
    const cue = shown[i];
    if (!cue || !lectureId || !track) return;
    void createFlag(db, { lectureId, trackId: track.id, language: track.language, cueIndex: cue.index, start: cue.start, end: cue.end, text: cue.text, kind: 'wrong-words' });
  };

  if (link.status === 'connecting') return <Shell><p class="empty">{t('panelConnecting')}</p></Shell>;
  if (!live || live.lectures.length === 0) {
    return (
      <Shell>
        <p class="empty">{t('panelNoVideo')}</p>
      </Shell>
    );
  }

  return (
    <Shell>
      <header class="lecture-head">
        {live.lectures.length > 1 ? (
          <label class="lecture-picker">
            <span>{t('lecture')}</span>
            <select value={lectureId ?? ''} onChange={(e) => send({ type: 'select', lectureId: (e.target as HTMLSelectElement).value })}>
              {live.lectures.map((l) => (
                <option key={l.lectureId} value={l.lectureId}>
                  {l.title}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <h1 class="lecture-title">{lecture?.title ?? live.lectures[0].title}</h1>
        )}
        <p class="muted">{live.lectures.find((l) => l.lectureId === lectureId)?.courseTitle}</p>
      </header>
      {tracks.length === 0 ? (
        <p class="empty">{t('panelCapturing')}</p>
      ) : (
        <>
          {lectureTrack && <WordsToKnowPanel track={lectureTrack} cues={lectureCues} exclude={glossaryBases} onPlay={seekTo} lectureId={lectureId ?? ''} pageUrl={lecture?.url ?? ''} startOpen={live.paused && live.time < 1} playing={!live.paused} />}
          <LectureSettingsPanel languages={tracks.map((tr) => tr.language)} />
          <div class="toolbar">
            <TrackPicker tracks={offered} value={switchValue(transcript, chosenTrack)} onChange={setChosenTrack} />
            <TranscriptSearchBox query={query} onQuery={setQuery} />
          </div>
          <TrackStatus track={track} quiet />
          <TranscriptSearchCount needles={needles} found={shown.length} />
          {current >= 0 && (
            <div class="line-actions">
              <button type="button" class="flag-line" onClick={() => flagLine(current)}>
                ⚑ {t('flagThisLine')}
              </button>
              {translate && <TranslateLine key={shown[current].index} text={shown[current].text} learner={learner} translate={translate} />}
            </div>
          )}
          <TranscriptList
            cues={shown}
            current={current}
            needles={needles}
            flagged={flagged}
            follow={follow && needles.length === 0}
            pickLabel={t('playFromHere')}
            onPick={(cue) => seekTo(cue.start)}
            renderText={(text) => <GlossaryMarked text={text} matcher={matcher} />}
            describedBy={(cue) => (picking !== cue.index && matcher?.find(cue.text).length ? `gloss-${cue.index}` : undefined)}
            lineDeps={[matcher, picking, lectureId, track?.id, lecture?.url, addWordLabel]}
            extra={(cue) => (
              <>
                {/* Not while picking words in this line: the list would jump under the learner's pointer. */}
                {picking !== cue.index && <GlossaryMeanings key="meanings" id={`gloss-${cue.index}`} text={cue.text} matcher={matcher} />}
                {picking === cue.index && lectureId && track ? (
                <WordPicker key="picker" cue={cue} lectureId={lectureId} trackId={track.id} pageUrl={lecture?.url ?? ''} onClose={() => setPicking(null)} />
              ) : (
                <button key="add" type="button" class="add-word" title={addWordLabel} aria-label={addWordLabel} onClick={() => setPicking(cue.index)}>
                  +
                </button>
                )}
              </>
            )}
          />
          {/* Under the lines: what a learner uses now and then, so the first screen keeps room for the lines. */}
          <div class="transcript-foot">
            <label class="follow">
              <input type="checkbox" checked={follow} onChange={(e) => setFollow((e.target as HTMLInputElement).checked)} />
              {t('followPlayback')}
            </label>
            <TranscriptActions cues={cues} title={`${lecture?.title ?? ''} (${track?.language || track?.label || ''})`} />
          </div>
          {lectureId && (
            <FlagsPanel
              db={db}
              lectureId={lectureId}
              track={track}
              flags={flags}
              findings={findings}
              languageName={(code) => languageName(code, uiLocale())}
              cueText={(i) => cues.find((c) => c.index === i)?.text ?? ''}
              onPick={seekTo}
            />
          )}
        </>
      )}
    </Shell>
  );
}

function Shell({ children }: { children: preact.ComponentChildren }) {
  return (
    <main class="panel">
      <div class="brand">
        <span class="logo" aria-hidden="true">M</span> MoocMate
        <a class="dash-link" href="/dashboard.html" target="_blank" rel="noopener">
          {t('openDashboard')}
        </a>
      </div>
      {children}
    </main>
  );
}
