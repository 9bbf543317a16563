import { browser } from 'wxt/browser';
import type { PageContext } from '../course-page/page-context';
import { callBackground } from '../../src/messaging/client';
import type { LectureCaptionTrack } from '../../src/messaging/protocol';
import { CaptionOverlay } from '../../src/lecture/overlay';
import { LinePlayer } from '../../src/lecture/line-player';
import { pairLines, type PairedLine } from '../../src/lecture/pairing';
import { chooseTracks, type TrackChoice } from '../../src/lecture/track-choice';
import { browserTranslator, TranslationCache } from '../../src/lecture/translate';
import { LECTURE_KEYS, LECTURE_SETTINGS_KEY, readLectureSettings, usesLectureTools, type LectureSettings } from '../../src/lecture/settings';
import type { CaptureLoop } from '../course-page/capture-loop';
import { msg, watchPageStrings } from './page-i18n';
import { measureBox } from './measure-box';
import type { PageMatcher } from '../../src/glossary/page-matcher';
import { FIRST_LANGUAGE_KEY, isLanguageTag } from '../../src/language/first-language';


/**
 * In the lecture: dual captions over the video, keys to move between lines, and playback
 * that waits for the reader (docs/lecture.md). Lines come from the tracks the background
 * stored for this lecture, read back once per capture.
 */
export function installLectureUi(ctx: PageContext, loop: CaptureLoop, glossary: PageMatcher): { key(code: string): boolean } {
  let settings: LectureSettings = readLectureSettings(undefined);
  const overlay = new CaptionOverlay(document, () => glossary.current());
  overlay.mount(document.documentElement);
  ctx.onInvalidated(() => overlay.remove());
  // The notes ("Slowed: dense line") speak the learner's interface language and direction.
  watchPageStrings(ctx, (lang, dir) => overlay.setUiLocale(lang, dir));

  let player: LinePlayer | null = null;
  let lectureId: string | null = null;
  let tracks: LectureCaptionTrack[] = [];
  let choice: TrackChoice | null = null;
  let lines: PairedLine[] = [];
  let translations: TranslationCache | null = null;
  /** One on-device translator per language pair, made once. */
  let translator: { pair: string; made: ReturnType<typeof browserTranslator> } | null = null;
  let shownLine = -1;
  /** Tracks MoocMate hid while the overlay shows, to give back exactly as the learner had them. */
  const hidden = new Set<TextTrack>();
  let note: ReturnType<typeof setTimeout> | undefined;

  /** The first language the learner set once (popup or settings), when they did. */
  let firstLanguage = '';
  const learnerLanguage = () => settings.language || firstLanguage || browser.i18n.getUILanguage();

  const render = (index: number, line: PairedLine | null) => {
    shownLine = index;
    if (!line) return overlay.show('', '');
    let bottom = line.bottom;
    if (!bottom && translations && line.top) {
      bottom = translations.get(line.top) ?? '';
      // Ask for this line and the next two: translations arrive before they are needed.
      for (const l of lines.slice(index, index + 3)) translations.want(l.top);
    }
    overlay.show(line.top, bottom);
  };

  // The glossary arrived or changed: mark the line on screen again.
  glossary.onChange(() => shownLine >= 0 && render(shownLine, lines[shownLine] ?? null));

  const say = (status: { kind: 'slowed' | 'paused'; wpm: number } | null) => {
    clearTimeout(note);
    overlay.setStatus(!status ? '' : status.kind === 'slowed' ? msg('overlaySlowed', String(status.wpm)) : msg('overlayPaused', String(status.wpm)));
  };
  /** A short note on the overlay (toggling, no captions yet). */
  const flash = (text: string) => {
    clearTimeout(note);
    overlay.setStatus(text);
    note = setTimeout(() => overlay.setStatus(''), 2500);
  };

  const showing = () => settings.overlay && player !== null && lines.length > 0 && document.fullscreenElement !== player.video;

  const syncPlatformCaptionsOff = () => {
    // A track the learner changed meanwhile keeps the learner's choice.
    for (const t of hidden) if (t.mode === 'hidden') t.mode = 'showing';
    hidden.clear();
  };
  /** Hides the player's own captions while the overlay shows; gives back exactly what the learner had. */
  const syncPlatformCaptions = () => {
    const video = player?.video;
    if (video && showing() && settings.hidePlatform) {
      for (const t of video.textTracks) {
        if (t.mode === 'showing') {
          t.mode = 'hidden';
          hidden.add(t);
        }
      }
    } else {
      syncPlatformCaptionsOff();
    }
  };

  const rebuild = () => {
    choice = chooseTracks(tracks, learnerLanguage());
    lines = choice ? pairLines(choice.lecture.cues, choice.translation?.cues ?? []) : [];
    translations = null;
    if (choice) overlay.setLanguages(choice.lecture.language, choice.translation?.language ?? choice.translateTo ?? '');
    if (choice?.translateTo) {
      const want = { lectureId, to: choice.translateTo };
      const pair = `${choice.lecture.language}>${choice.translateTo}`;
      if (translator?.pair !== pair) translator = { pair, made: browserTranslator(choice.lecture.language, choice.translateTo) };
      void translator.made.then((tr) => {
        if (!tr || want.lectureId !== lectureId || want.to !== choice?.translateTo) return;
        translations = new TranslationCache(tr, (text) => lines[shownLine]?.top === text && render(shownLine, lines[shownLine]));
        render(shownLine, lines[shownLine] ?? null);
      });
    }
    player?.setLines(lines);
    refresh();
  };

  const refresh = () => {
    overlay.setLook({ size: settings.overlaySize, lift: settings.overlayLift });
    overlay.setVisible(showing());
    syncPlatformCaptions();
    soon();
  };

  // Lines are read only once the learner uses something that needs them (the overlay,
  // reading-load playback, a key): a page where none is used costs the background nothing.
  let keysUsed = false;
  /** The lecture whose stored lines `tracks` holds, null when a capture made them stale. */
  let loadedFor: string | null = null;
  let asking = 0;
  const ensureLines = async () => {
    const id = lectureId;
    if (!id || loadedFor === id || !(usesLectureTools(settings) || keysUsed)) return;
    const ask = ++asking;
    try {
      const got = await callBackground('lecture.captions', { lectureId: id });
      if (ask !== asking || id !== lectureId) return;
      loadedFor = id;
      tracks = got.tracks;
      rebuild();
    } catch {
      // The worker may be restarting; the next capture asks again.
    }
  };

  const follow = () => {
    const active = loop.activeLecture();
    const video = active?.media ?? null;
    if (video !== player?.video) {
      syncPlatformCaptionsOff();
      player?.destroy();
      player = video ? new LinePlayer(video, { line: render, status: say }) : null;
      player?.setSettings(settings);
      player?.setLines(lines);
    }
    const id = active?.lectureId ?? null;
    if (id !== lectureId) {
      lectureId = id;
      loadedFor = null;
      tracks = [];
      lines = [];
      rebuild();
      void ensureLines();
    }
    refresh();
  };

  let refetch: ReturnType<typeof setTimeout> | undefined;
  loop.onChange((reason) => {
    if (reason === 'captured') {
      loadedFor = null;
      clearTimeout(refetch);
      refetch = setTimeout(() => void ensureLines(), 250);
    }
    follow();
  });

  const apply = (stored: unknown) => {
    const before = settings;
    settings = readLectureSettings(stored);
    player?.setSettings(settings);
    if (before.language !== settings.language) rebuild();
    refresh();
    void ensureLines();
  };
  const applyFirst = (stored: unknown) => {
    const next = isLanguageTag(stored) ? stored : '';
    if (next === firstLanguage) return;
    firstLanguage = next;
    if (!settings.language) rebuild();
    refresh();
  };
  void browser.storage.local.get([LECTURE_SETTINGS_KEY, FIRST_LANGUAGE_KEY]).then(
    (got) => {
      firstLanguage = isLanguageTag(got[FIRST_LANGUAGE_KEY]) ? (got[FIRST_LANGUAGE_KEY] as string) : '';
      apply(got[LECTURE_SETTINGS_KEY]);
    },
    () => undefined,
  );
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (FIRST_LANGUAGE_KEY in changes) applyFirst(changes[FIRST_LANGUAGE_KEY].newValue);
    if (LECTURE_SETTINGS_KEY in changes) apply(changes[LECTURE_SETTINGS_KEY].newValue);
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorage);
    player?.destroy();
    syncPlatformCaptionsOff();
  });

  // Keys: Alt+Shift+B / R / N move between lines, Alt+Shift+C turns the overlay on or off.
  const key = (code: string): boolean => {
    if (!player) return false;
    const step = code === LECTURE_KEYS.previous ? -1 : code === LECTURE_KEYS.repeat ? 0 : code === LECTURE_KEYS.next ? 1 : null;
    if (step !== null) {
      keysUsed = true;
      void ensureLines().then(() => player?.step(step) || flash(msg('overlayNoLines')));
      return true;
    }
    if (code !== LECTURE_KEYS.overlay) return false;
    const next = { ...settings, overlay: !settings.overlay };
    apply(next); // at once; storage tells the side panel
    void browser.storage.local.set({ [LECTURE_SETTINGS_KEY]: next });
    if (next.overlay && lines.length === 0) flash(msg('overlayNoLines'));
    return true;
  };

  // The overlay follows the video's box; in full screen it lives inside the full-screen element.
  // measureBox never reads layout itself, so a line change never forces one.
  let measuring = false;
  /** Asked again while a measure was on its way (full screen came meanwhile): measure once more. */
  let again = false;
  const mountPoint = () => {
    const video = player?.video;
    const fs = document.fullscreenElement;
    return fs && fs !== video && video && fs.contains(video) ? fs : document.documentElement;
  };
  const place = () => {
    again = false;
    const video = player?.video;
    overlay.mount(mountPoint());
    if (!video?.isConnected || !showing()) {
      measuring = false;
      return overlay.place(null);
    }
    void measureBox(video).then((box) => {
      measuring = false;
      if (player?.video === video) overlay.place(box);
      if (again) soon();
    });
  };
  const soon = () => {
    if (measuring) {
      // Into or out of the full-screen element at once; the box follows the next measure.
      overlay.mount(mountPoint());
      again = true;
      return;
    }
    measuring = true;
    place();
  };
  ctx.addEventListener(window, 'scroll', soon, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', soon);
  ctx.addEventListener(document, 'fullscreenchange', refresh);
  ctx.setInterval(() => showing() && soon(), 1000); // players resize without telling anyone
  follow();
  return { key };
}
