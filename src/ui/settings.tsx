import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { COMMON_FIRST_LANGUAGES, defaultFirstLanguage, FIRST_LANGUAGE_KEY, isLanguageTag, storedFirstLanguage } from '../language/first-language';
import { t } from './i18n';
import { isUiLanguageChoice, UI_LANGUAGE_KEY, UI_LANGUAGE_NAMES, UI_LANGUAGES, type UiLanguageChoice } from './messages-table';
import { useSetting } from './use-setting';

/** A language named in itself ("es" → "español"), so a learner finds their own. */
export function autonym(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

const isFirst = (v: unknown): v is string => isLanguageTag(v);

/** The learner's first language, live: what they set, else the browser's language. */
export function useFirstLanguage(): [string, (tag: string) => void] {
  return useSetting(FIRST_LANGUAGE_KEY, defaultFirstLanguage(), isFirst);
}

export function useUiLanguage(): [UiLanguageChoice, (v: UiLanguageChoice) => void] {
  return useSetting<UiLanguageChoice>(UI_LANGUAGE_KEY, 'browser', isUiLanguageChoice);
}

/** "Browser language" or one of the 14 languages; every page switches when it changes. */
export function UiLanguagePicker() {
  const [value, setValue] = useUiLanguage();
  return (
    <label class="setting">
      <span>{t('uiLanguage')}</span>
      <select value={value} onChange={(e) => setValue((e.target as HTMLSelectElement).value as UiLanguageChoice)}>
        <option value="browser">{t('uiLanguageBrowser')}</option>
        {UI_LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l.replace('_', '-')}>
            {UI_LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function firstLanguageOptions(current: string): string[] {
  return [...new Set([...COMMON_FIRST_LANGUAGES, current])].sort((a, b) => autonym(a).localeCompare(autonym(b)));
}

function FirstLanguageSelect({ value, onChange }: { value: string; onChange: (tag: string) => void }) {
  return (
    <select value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      {firstLanguageOptions(value).map((tag) => (
        <option key={tag} value={tag} lang={tag}>
          {autonym(tag)}
        </option>
      ))}
    </select>
  );
}

export function FirstLanguagePicker() {
  const [value, setValue] = useFirstLanguage();
  return (
    <label class="setting">
      <span>{t('firstLanguage')}</span>
      <FirstLanguageSelect value={value} onChange={setValue} />
      <small class="muted">{t('firstLanguageHelp')}</small>
    </label>
  );
}

/** Asked once, in the popup, until the learner saves an answer. */
export function FirstRunPrompt() {
  const [state, setState] = useState<'loading' | 'ask' | 'saved' | 'known'>('loading');
  const [choice, setChoice] = useState(defaultFirstLanguage);
  useEffect(() => {
    void storedFirstLanguage()
      .catch(() => null)
      .then((stored) => setState(stored ? 'known' : 'ask'));
  }, []);
  if (state === 'loading' || state === 'known') return null;
  if (state === 'saved') return <p role="status" class="muted">{t('firstLanguageSaved')}</p>;
  return (
    <form
      class="first-run"
      onSubmit={(e) => {
        e.preventDefault();
        void browser.storage.local.set({ [FIRST_LANGUAGE_KEY]: choice }).then(() => setState('saved'));
      }}
    >
      <label class="setting">
        <span>{t('firstLanguageAsk')}</span>
        <FirstLanguageSelect value={choice} onChange={setChoice} />
      </label>
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}
