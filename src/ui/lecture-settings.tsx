import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLocale } from './i18n';
import { languageName } from '../language/names';
import { LECTURE_SETTINGS_KEY, readLectureSettings, WPM_RANGE, type LectureSettings } from '../lecture/settings';

/** The learner's lecture settings, live across every MoocMate page and course tab. */
export function useLectureSettings(): [LectureSettings, (change: Partial<LectureSettings>) => void] {
  const [settings, setSettings] = useState(() => readLectureSettings(undefined));
  useEffect(() => {
    void browser.storage.local.get(LECTURE_SETTINGS_KEY).then((got) => setSettings(readLectureSettings(got[LECTURE_SETTINGS_KEY])));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && LECTURE_SETTINGS_KEY in changes) setSettings(readLectureSettings(changes[LECTURE_SETTINGS_KEY].newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const update = (change: Partial<LectureSettings>) => {
    const next = { ...settings, ...change };
    setSettings(next);
    void browser.storage.local.set({ [LECTURE_SETTINGS_KEY]: next });
  };
  return [settings, update];
}

const KEYS: Array<[string, Parameters<typeof t>[0]]> = [
  ['Alt+Shift+B', 'keyPrevious'],
  ['Alt+Shift+R', 'keyRepeat'],
  ['Alt+Shift+N', 'keyNext'],
  ['Alt+Shift+C', 'keyOverlay'],
];

/** Dual captions, reading-load playback and the keys, in the side panel. */
export function LectureSettingsPanel({ languages }: { languages: string[] }) {
  const [s, update] = useLectureSettings();
  const browserLanguage = browser.i18n.getUILanguage();
  const choices = [...new Set([...languages.filter(Boolean), ...(s.language ? [s.language] : [])])];
  return (
    <details class="lecture-settings">
      <summary>{t('lectureSection')}</summary>
      <label class="check">
        <input type="checkbox" checked={s.overlay} onChange={(e) => update({ overlay: (e.target as HTMLInputElement).checked })} />
        {t('dualCaptions')}
      </label>
      <label class="field">
        <span>{t('myLanguage')}</span>
        <select value={s.language} onChange={(e) => update({ language: (e.target as HTMLSelectElement).value })}>
          <option value="">{t('languageOfBrowser', languageName(browserLanguage, uiLocale()) || browserLanguage)}</option>
          {choices.map((code) => (
            <option key={code} value={code}>
              {languageName(code, uiLocale()) || code}
            </option>
          ))}
        </select>
      </label>
      <Choice
        label={t('captionSize')}
        value={s.overlaySize}
        options={[
          ['small', t('sizeSmall')],
          ['medium', t('sizeMedium')],
          ['large', t('sizeLarge')],
        ]}
        onPick={(overlaySize) => update({ overlaySize })}
      />
      <label class="field">
        <span>{t('captionLift')}</span>
        <input type="range" min={0} max={50} step={5} value={s.overlayLift} onInput={(e) => update({ overlayLift: Number((e.target as HTMLInputElement).value) })} />
      </label>
      <label class="check">
        <input type="checkbox" checked={s.hidePlatform} onChange={(e) => update({ hidePlatform: (e.target as HTMLInputElement).checked })} />
        {t('hidePlatformCaptions')}
      </label>
      <Choice
        label={t('readingLoad')}
        value={s.readingLoad}
        options={[
          ['off', t('readingOff')],
          ['slow', t('readingSlow')],
          ['pause', t('readingPause')],
        ]}
        onPick={(readingLoad) => update({ readingLoad })}
      />
      <label class="field">
        <span>{t('wpmLimit')}</span>
        <input
          type="number"
          min={WPM_RANGE.min}
          max={WPM_RANGE.max}
          step={10}
          value={s.wpmLimit}
          onChange={(e) => {
            const v = Number((e.target as HTMLInputElement).value);
            if (v >= WPM_RANGE.min && v <= WPM_RANGE.max) update({ wpmLimit: v });
          }}
        />
      </label>
      <h3 class="keys-title">{t('keysHelp')}</h3>
      <dl class="keys">
        {KEYS.map(([key, label]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** A labelled choice among fixed values, each with its text. */
function Choice<V extends string>(props: { label: string; value: V; options: ReadonlyArray<readonly [V, string]>; onPick: (value: V) => void }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onPick((e.target as HTMLSelectElement).value as V)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
