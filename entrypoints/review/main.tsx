import { render } from 'preact';
import { applyDocumentLocale } from '../../src/ui/i18n';
import '../../src/ui/styles.css';
import { App } from './App';

applyDocumentLocale();
render(<App />, document.getElementById('app')!);
