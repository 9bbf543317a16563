import { browser } from 'wxt/browser';
import { createRouter } from '../../src/messaging/router';
import { captureTrack } from '../../src/captions/background';
import { openLectureAt, takePendingSeek } from '../../src/captions/open-at';
import { enableSite, forgetRemovedSites } from '../../src/sites/enable';
import { flagCreate, onFlagCommand } from '../../src/flags/background';
import { pageStrings } from '../../src/ui/page-strings';
import { openSidePanelFor } from '../../src/ui/open-side-panel';

export default defineBackground(() => {
  const route = createRouter({
    'capture.track': captureTrack,
    'lecture.pendingSeek': takePendingSeek,
    'lecture.openAt': openLectureAt,
    'site.enable': enableSite,
    'flag.create': flagCreate,
    'i18n.strings': pageStrings,
  });
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'flag-caption') void onFlagCommand();
    if (command === 'open-side-panel') openSidePanelFor(browser as never, tab).catch(() => undefined);
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.permissions.onRemoved.addListener(({ origins }) => void forgetRemovedSites(origins));

  // Chrome: the toolbar button opens the popup; the popup opens the side panel.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: object): Promise<void> } }).sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
});
