import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../../src/ui/i18n';
import { FirstLanguagePicker, UiLanguagePicker } from '../../src/ui/settings';

interface Command {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** Our own words for our commands, in the interface language the learner chose. */
const COMMAND_TEXT: Record<string, MessageKey> = {
  _execute_action: 'cmdOpenPopup',
  'flag-caption': 'cmdFlagCaption',
  'add-word': 'cmdAddWord',
  'start-review': 'cmdStartReview',
  'open-side-panel': 'cmdOpenSidePanel',
  _execute_sidebar_action: 'cmdOpenSidePanel',
};

const isFirefox = import.meta.env.FIREFOX;

/** Interface language, first language, and every keyboard shortcut with the learner's keys. */
export function SettingsView() {
  return (
    <section class="settings-view">
      <h1>{t('settingsTitle')}</h1>
      <div class="settings-fields">
        <UiLanguagePicker />
        <FirstLanguagePicker />
      </div>
      <Shortcuts />
    </section>
  );
}

function Shortcuts() {
  const [commands, setCommands] = useState<Command[] | null>(null);
  useEffect(() => {
    void (browser.commands?.getAll() ?? Promise.resolve([])).then(setCommands, () => setCommands([]));
  }, []);
  // Chrome opens its shortcut page for extensions; Firefox keeps it inside about:addons,
  // which an extension may not open, so Firefox gets the way there in words.
  const openSettings = () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  return (
    <section aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('shortcutsTitle')}</h2>
      <h3>{t('shortcutsBrowser')}</h3>
      <table class="shortcuts">
        <tbody>
          {(commands ?? []).map((c) => (
            <tr key={c.name} data-command={c.name}>
              <th scope="row">{COMMAND_TEXT[c.name ?? ''] ? t(COMMAND_TEXT[c.name ?? '']) : c.description || t('cmdUnknown')}</th>
              <td>{c.shortcut ? <kbd dir="ltr">{c.shortcut}</kbd> : <span class="muted">{t('shortcutsNotSet')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {isFirefox ? (
        <p>{t('shortcutsFirefox')}</p>
      ) : (
        <button type="button" onClick={openSettings}>
          {t('shortcutsChange')}
        </button>
      )}
      <h3>{t('shortcutsInPage')}</h3>
      <ul class="keys">
        <li>{t('keyFlagOnPage')}</li>
        <li>{t('keyWordOnPage')}</li>
        <li>{t('keyTab')}</li>
        <li>{t('keyEnter')}</li>
      </ul>
    </section>
  );
}
