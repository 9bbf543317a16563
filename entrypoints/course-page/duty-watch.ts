import type { PageContext } from './page-context';
import { readPeerDutiesFrom } from '../../src/sites/pick';
import type { SiteAdapter } from '../../src/sites/types';
import { callBackground } from '../../src/messaging/client';
import { readDutyFromText } from '../../src/duties/page-text';
import type { TabProtocol } from '../../src/messaging/protocol';

/** The learner asked (popup): an adapter's reading when there is one, else the page's text. */
export async function readDutyNow(siteAdapters: () => readonly SiteAdapter[]): Promise<TabProtocol['page.readDuty']['res']> {
  const [reading] = readPeerDutiesFrom(siteAdapters(), location, document);
  const { dutyId, created } = await callBackground('duty.seen', reading ?? readDutyFromText(document, location));
  return { dutyId, created };
}

/** Pages fill in counts and dates by script: read again after the page has been quiet this long. */
const SETTLE_MS = 800;

/**
 * Watches the page for peer-graded assignments (the site adapters read them) and sends each
 * reading to the background once; a reading that changes (a review given, a new item in a
 * single-page app) is sent again. Parsing and storage happen in the background.
 */
export function watchDuties(ctx: PageContext, siteAdapters: () => readonly SiteAdapter[]): { again(): void } {
  const sent = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = () => {
    timer = undefined;
    for (const reading of readPeerDutiesFrom(siteAdapters(), location, document)) {
      const json = JSON.stringify(reading);
      if (sent.get(reading.key) === json) continue;
      sent.set(reading.key, json);
      // A dropped message is tried again on the next change.
      callBackground('duty.seen', reading).catch(() => sent.delete(reading.key));
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(read, SETTLE_MS);
  };
  soon();
  const observer = new MutationObserver(soon);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
  // A single-page app that moves to another page changes the page too: the observer sees it.
  return { again: soon };
}
