import { render, type FunctionComponent } from 'preact';
import { initI18n, onUiLanguageChange } from './i18n';

/**
 * Renders a MoocMate page once its interface language is loaded, and renders it again
 * (a fresh tree, so every t() runs anew) when the learner picks another language.
 */
export async function mountPage(App: FunctionComponent): Promise<void> {
  const root = document.getElementById('app')!;
  let generation = 0;
  const draw = () => render(<App key={`ui-${generation++}`} />, root);
  await initI18n();
  draw();
  onUiLanguageChange(() => void initI18n().then(draw));
}
