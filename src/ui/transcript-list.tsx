import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Cue } from '../captions/types';
import { clock } from './format';
import { Highlighted } from './highlight';
import { t } from './i18n';

interface Props {
  cues: readonly Cue[];
  /** Index (in `cues`) of the line on screen now, or -1. */
  current: number;
  needles: readonly string[];
  /** Cue indexes (Cue.index) that have a flag. */
  flagged?: ReadonlySet<number>;
  /** Keep the current line in view. */
  follow: boolean;
  onPick: (cue: Cue) => void;
  /** Label of the action a click runs, for screen readers ("Play from here"). */
  pickLabel: string;
  /** How a line's text is drawn when no search is on (glossary words marked). */
  renderText?: (text: string) => preact.ComponentChildren;
  /** More controls for a line, beside its button (add a word). */
  extra?: (cue: Cue) => preact.ComponentChildren;
  /** The id of an element that describes a line (its glossary meanings), if any. */
  describedBy?: (cue: Cue) => string | undefined;
  /**
   * What `renderText`, `extra` and `describedBy` draw from (the glossary, the line being
   * picked from…): a line is drawn again only when its own data or one of these changes.
   */
  lineDeps?: readonly unknown[];
}

/** Keys that scroll a list (or move through its lines). */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

/** The lines of a transcript; the current one is marked and kept in view. */
export function TranscriptList({ cues, current, needles, flagged, follow, onPick, pickLabel, renderText, extra, describedBy, lineDeps = NO_DEPS }: Props) {
  const list = useRef<HTMLOListElement>(null);
  // The latest callbacks, read by each line when it draws or is clicked (lines that do not
  // change are not drawn again, so they must not keep the callbacks of an older render).
  const draw = useRef<LineDraw>({ onPick });
  // The learner moved through the list to read other lines: following waits until they come back.
  const [away, setAway] = useState(false);
  useEffect(() => setAway(false), [cues, follow]);
  useEffect(() => {
    const box = list.current;
    if (!box || !follow) return;
    // Only the learner's own input counts: the list also scrolls by itself (our following,
    // the browser keeping lines in place while their heights settle). A list that does not
    // scroll (the dashboard's: the page does) is never left.
    const leave = () => box.scrollHeight > box.clientHeight && setAway(true);
    const onKey = (e: KeyboardEvent) => SCROLL_KEYS.has(e.key) && leave();
    const onPointer = (e: PointerEvent) => e.target === box && leave(); // the list's own scroll bar
    const onFocus = (e: FocusEvent) => e.target instanceof Element && e.target.matches(':focus-visible') && leave(); // Tab through the lines
    const stop = new AbortController();
    const opts = { passive: true, signal: stop.signal };
    box.addEventListener('wheel', leave, opts);
    box.addEventListener('touchmove', leave, opts);
    box.addEventListener('keydown', onKey, opts);
    box.addEventListener('pointerdown', onPointer, opts);
    box.addEventListener('focusin', onFocus, opts);
    return () => stop.abort();
  }, [follow, cues.length > 0]);
  useEffect(() => {
    const box = list.current;
    if (!follow || away || current < 0 || !box) return;
    const row = box.querySelector<HTMLElement>(`[data-index="${cues[current]?.index}"]`);
    if (!row) return;
    if (box.scrollHeight > box.clientHeight) {
      // Only the list moves: scrolling the whole panel would pull the controls the learner
      // is using (search, language, words to know) out from under them every few seconds.
      const offset = row.getBoundingClientRect().top - box.getBoundingClientRect().top;
      box.scrollTo({ top: box.scrollTop + offset - (box.clientHeight - row.offsetHeight) / 2, behavior: 'smooth' });
    } else {
      // The list does not scroll (the dashboard's page does): move the page only when the line is out of sight.
      const r = row.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight) row.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  }, [current, follow, cues, away]);

  if (cues.length === 0) return <p class="empty">{t('transcriptNoLines')}</p>;
  const flaggedLabel = t('flagged'); // once, not once per line
  Object.assign(draw.current, { onPick: (cue: Cue) => (setAway(false), onPick(cue)), renderText, extra, describedBy });
  return (
    <div class="transcript-box">
      <ol class="transcript" ref={list}>
        {cues.map((cue, i) => (
          <Line
            key={cue.index}
            cue={cue}
            current={i === current}
            flagged={flagged?.has(cue.index) ?? false}
            needles={needles}
            pickLabel={pickLabel}
            flaggedLabel={flaggedLabel}
            deps={lineDeps}
            draw={draw.current}
          />
        ))}
      </ol>
      {/* Over the foot of the lines, not under them: its coming and going moves nothing else. */}
      {away && follow && (
        <button type="button" class="back-to-current" onClick={() => setAway(false)}>
          ↧ {t('transcriptBackToCurrent')}
        </button>
      )}
    </div>
  );
}

const NO_DEPS: readonly unknown[] = [];

interface LineDraw {
  onPick: (cue: Cue) => void;
  renderText?: Props['renderText'];
  extra?: Props['extra'];
  describedBy?: Props['describedBy'];
}

interface LineProps {
  cue: Cue;
  current: boolean;
  flagged: boolean;
  needles: readonly string[];
  pickLabel: string;
  flaggedLabel: string;
  deps: readonly unknown[];
  /** The list's latest callbacks: one object, brought up to date at each render of the list. */
  draw: LineDraw;
}

/**
 * One line. The side panel draws itself again four times a second while the lecture
 * plays; with thousands of lines, drawing each again took a quarter of a core (bench
 * README, figure 9). A line is drawn again only when something it shows changes.
 */
class Line extends Component<LineProps> {
  override shouldComponentUpdate(next: LineProps): boolean {
    const p = this.props;
    return (
      p.cue !== next.cue ||
      p.current !== next.current ||
      p.flagged !== next.flagged ||
      p.needles !== next.needles ||
      p.pickLabel !== next.pickLabel ||
      p.flaggedLabel !== next.flaggedLabel ||
      p.deps.length !== next.deps.length ||
      p.deps.some((d, i) => d !== next.deps[i])
    );
  }

  override render({ cue, current, flagged, needles, pickLabel, flaggedLabel, draw }: LineProps) {
    const { renderText, extra, describedBy } = draw;
    return (
      <li data-index={cue.index} class={`cue${current ? ' current' : ''}${flagged ? ' flagged' : ''}`} aria-current={current ? 'true' : undefined}>
        <button type="button" class="cue-button" onClick={() => this.props.draw.onPick(cue)} title={`${pickLabel} ${clock(cue.start)}`} aria-describedby={describedBy?.(cue)}>
          <time class="cue-time" dir="ltr">{clock(cue.start)}</time>
          <span class="cue-text">{renderText && needles.length === 0 ? renderText(cue.text) : <Highlighted text={cue.text} needles={needles} />}</span>
          {flagged && (
            <span class="flag-mark" role="img" aria-label={flaggedLabel} title={flaggedLabel}>
              ⚑
            </span>
          )}
        </button>
        {extra?.(cue)}
      </li>
    );
  }
}
