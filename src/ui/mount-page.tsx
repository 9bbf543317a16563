import { render, type FunctionComponent } from 'preact';
import { initI18n, onUiLanguageChange } from './i18n';

/**
 * Renders a MoocMate page once its interface language is loaded, and renders it again
 * (a fresh tree, so every t() runs anew) when the learner picks another language.
 */
export async function mountPage(App: FunctionComponent): Promise<void> {
  const root = document.getElementById('app')!;
  let generation = 0;
  let asked = 0;
  // Loads run one after another, so the last choice is the table that stays.
  let queue = Promise.resolve();
  const load = () => {
    const mine = ++asked;
    queue = queue
      .then(initI18n)
      .then(() => {
        if (mine === asked) render(<App key={`ui-${generation++}`} />, root);
      });
    return queue;
  };
  // Listening before the first read: a language picked while the page loads is not missed.
  onUiLanguageChange(() => void load());
  await load();
}
