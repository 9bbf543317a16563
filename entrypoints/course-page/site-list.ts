import type { LaterSite, SiteAdapter } from '../../src/sites/types';
import { callBackground } from '../../src/messaging/client';
import { sharedSite } from './shared';

const isLater = (s: SiteAdapter | LaterSite): s is LaterSite => 'present' in s;

/**
 * The adapters a content script reads the page with, when some load later (LaterSite): one
 * counts once its adapter is loaded; until then, each look at the list loads it when its
 * markup is on the page, and the `onReady` listener runs when it is in (the page is then
 * read again with it). Only course-page uses this, so the platforms' scripts, which
 * pass a plain list to startCourseScript, do not bundle it.
 */
export class SiteList {
  private readonly loading = new Map<LaterSite['site'], Promise<void>>();
  private ready: () => void = () => undefined;

  constructor(private readonly sites: readonly (SiteAdapter | LaterSite)[]) {}

  onReady(listener: () => void): void {
    this.ready = listener;
  }

  /** The adapters in use now, most specific first. */
  current(): SiteAdapter[] {
    const out: SiteAdapter[] = [];
    for (const s of this.sites) {
      if (!isLater(s)) out.push(s);
      else {
        const adapter = sharedSite(s.site);
        if (adapter) out.push(adapter);
        else if (s.present(document)) this.load(s).catch(() => undefined);
      }
    }
    return out;
  }

  /** True while a later site's adapter is not in: its markup may still come. */
  waiting(): boolean {
    return this.notLoaded().length > 0;
  }

  /** At start: the later sites whose markup is already there, loaded before the first read. */
  async loadPresent(): Promise<void> {
    const wanted = this.notLoaded().filter((s) => s.present(document));
    await Promise.all(wanted.map((s) => this.load(s).catch(() => undefined)));
  }

  private notLoaded(): LaterSite[] {
    return this.sites.filter((s): s is LaterSite => isLater(s) && !sharedSite(s.site));
  }

  /** One ask at a time per site, and `ready` once it is in; a failed load is tried again at the next look. */
  private load(site: LaterSite): Promise<void> {
    let ask = this.loading.get(site.site);
    if (!ask) {
      ask = callBackground('site.load', { site: site.site }).then(() => {
        if (!sharedSite(site.site)) throw new Error(`The ${site.site} adapter did not start.`);
        this.ready();
      });
      ask.catch((err: unknown) => {
        this.loading.delete(site.site);
        console.debug('[MoocMate] site adapter did not load:', err);
      });
      this.loading.set(site.site, ask);
    }
    return ask;
  }
}
