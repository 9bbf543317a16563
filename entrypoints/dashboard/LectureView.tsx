import { useState } from 'preact/hooks';
import { getDb } from '../../src/db/schema';
import { cueAt } from '../../src/ui/format';
import { t } from '../../src/ui/i18n';
import { switchValue, useTranscript } from '../../src/ui/lecture-data';
import { TrackPicker, TrackStatus } from '../../src/ui/track-picker';
import { TranscriptActions } from '../../src/ui/transcript-actions';
import { TranscriptList } from '../../src/ui/transcript-list';
import { TranscriptSearchBox, TranscriptSearchCount, useTranscriptSearch } from '../../src/ui/transcript-search';
import { useLiveQuery } from '../../src/ui/use-live-query';
import { openLectureAt } from '../../src/ui/open-lecture';
import { FlagsPanel, useFindings, useFlags } from '../../src/ui/flags-panel';
import { languageName } from '../../src/language/names';
import { uiLocale } from '../../src/ui/i18n';
import { lectureHref } from './use-route';

const db = getDb();

/** One lecture's transcript, readable offline; a line opens the lecture at that moment. */
export function LectureView({ lectureId, trackId, time, onError }: { lectureId: string; trackId: string | null; time: number | null; onError: (msg: string) => void }) {
  const lecture = useLiveQuery(() => db.lectures.get(lectureId), [lectureId], undefined);
  const course = useLiveQuery(async () => (lecture ? db.courses.get(lecture.courseId) : undefined), [lecture?.courseId], undefined);
  const [chosen, setChosen] = useState<string | null>(trackId);
  const transcript = useTranscript(db, lectureId, chosen);
  const { tracks, track, cues, lectureCues } = transcript;
  const { query, setQuery, needles, shown } = useTranscriptSearch(cues);
  const open = (at: number) => openLectureAt(lectureId, at).catch((e: Error) => onError(e.message));
  const flags = useFlags(db, lectureId);
  // A translation is checked against the lecture's own track (whether its lines line up).
  const findings = useFindings(track, cues, tracks[0]?.id === track?.id ? null : lectureCues);
  const flagged = new Set(flags.filter((f) => f.trackId === track?.id && f.cueIndex !== null).map((f) => f.cueIndex!));

  if (!lecture) return <p class="empty">{t('lectureMissing')}</p>;
  return (
    <article class="lecture-view">
      <header>
        <p class="muted">{course?.title}</p>
        <h1>{lecture.title}</h1>
        <p>
          <a href={lecture.url} onClick={(e) => (e.preventDefault(), open(0))} class="button primary">
            {t('openLecture')}
          </a>{' '}
          <span class="muted small">{lecture.url}</span>
        </p>
      </header>
      <div class="toolbar">
        <TrackPicker
          tracks={tracks}
          value={switchValue(transcript, chosen)}
          onChange={(id) => {
            setChosen(id);
            history.replaceState(null, '', lectureHref(lectureId, id));
          }}
        />
        <TranscriptSearchBox query={query} onQuery={setQuery} />
      </div>
      <TrackStatus track={track} />
      <TranscriptSearchCount needles={needles} found={shown.length} />
      <TranscriptActions cues={cues} title={`${lecture.title} (${track?.language || track?.label || ''})`} />
      <FlagsPanel
        db={db}
        lectureId={lectureId}
        track={track}
        flags={flags}
        findings={findings}
        languageName={(code) => languageName(code, uiLocale())}
        cueText={(i) => cues.find((c) => c.index === i)?.text ?? ''}
        onPick={(at) => void open(at)}
      />
      <TranscriptList
        cues={shown}
        current={time === null ? -1 : cueAt(shown, time)}
        needles={needles}
        flagged={flagged}
        follow={time !== null && needles.length === 0}
        pickLabel={t('openLectureAt')}
        onPick={(cue) => open(cue.start)}
      />
    </article>
  );
}
