import { mountPage } from '../../src/ui/mount-page';
import '../../src/ui/styles.css';
import { App } from './App';
import { tellBackgroundOfGlossaryWrites } from '../../src/glossary/changes';

// This page writes the glossary: open course pages must hear of it.
tellBackgroundOfGlossaryWrites();
void mountPage(App);
