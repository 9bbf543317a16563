import { browser } from 'wxt/browser';
import { createRouter } from '../../src/messaging/router';
import { onCaptureTrack } from '../../src/captions/on-capture';
import { openLectureAt, takePendingSeek } from '../../src/captions/open-at';
import { enableSite, forgetRemovedSites } from '../../src/sites/enable';
import { loadExtras, loadSite, loadTools, wakeToolsOnSettings } from '../../src/sites/page-tools';
import { flagCreate, onFlagCommand } from '../../src/flags/background';
import { ADD_WORD_COMMAND, START_REVIEW_COMMAND, onStartReviewCommand, createGlossaryMenu, glossaryAdd, glossaryChanged, glossaryImport, glossaryMatcher, onAddWordCommand, onGlossaryMenu, watchGlossary, watchGlossaryMenuLanguage } from '../../src/glossary/background';
import { lectureCaptions } from '../../src/lecture/background';
import { dutyConfirm, dutyDelete, dutyDone, dutyResync, dutySave, dutySeen, dutySnooze, installDutyReminders } from '../../src/duties/background';
import { pageStrings } from '../../src/ui/page-strings';
import { openSidePanelFor } from '../../src/ui/open-side-panel';

export default defineBackground(() => {
  const route = createRouter({
    'capture.track': onCaptureTrack,
    'tools.load': loadTools,
    'extras.load': loadExtras,
    'site.load': loadSite,
    'lecture.pendingSeek': takePendingSeek,
    'lecture.openAt': openLectureAt,
    'site.enable': enableSite,
    'flag.create': flagCreate,
    'glossary.add': glossaryAdd,
    'glossary.matcher': glossaryMatcher,
    'glossary.changed': glossaryChanged,
    'glossary.import': glossaryImport,
    'lecture.captions': lectureCaptions,
    'duty.seen': dutySeen,
    'duty.save': dutySave,
    'duty.done': dutyDone,
    'duty.confirm': dutyConfirm,
    'duty.snooze': dutySnooze,
    'duty.delete': dutyDelete,
    'duty.resync': dutyResync,
    'i18n.strings': pageStrings,
  });
  installDutyReminders();
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'flag-caption') void onFlagCommand();
    if (command === ADD_WORD_COMMAND) void onAddWordCommand();
    if (command === START_REVIEW_COMMAND) void onStartReviewCommand();
    if (command === 'open-side-panel') openSidePanelFor(browser as never, tab).catch(() => undefined);
  });
  browser.runtime.onInstalled.addListener(() => void createGlossaryMenu().catch(() => undefined));
  watchGlossaryMenuLanguage();
  browser.contextMenus?.onClicked.addListener((info, tab) => void onGlossaryMenu(info, tab));
  watchGlossary();
  wakeToolsOnSettings();
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.permissions.onRemoved.addListener(({ origins }) => void forgetRemovedSites(origins));

  // Chrome: the toolbar button opens the popup; the popup opens the side panel.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
