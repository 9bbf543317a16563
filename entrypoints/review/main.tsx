import { mountPage } from '../../src/ui/mount-page';
import '../../src/ui/styles.css';
import { App } from './App';

void mountPage(App);
