// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LaterSite, SiteAdapter } from '../../../src/sites/types';

// The background's answer to site.load: the test decides what running the adapter's script does.
const sendMessage = vi.fn();
vi.mock('../../../src/messaging/client', () => ({ callBackground: (type: string, data: unknown) => sendMessage(type, data) }));

const { SiteList } = await import('../../../entrypoints/course-page/site-list');
const { shareCore, shareSite, sharedSite } = await import('../../../entrypoints/course-page/shared');

const adapter = (site: string) => ({ site, matches: () => true }) as unknown as SiteAdapter;
const generic = adapter('html5');
const edx = adapter('edx');
/** The later site's markup: a `.openassessment` block here. */
const later: LaterSite = { site: 'edx', present: (doc) => doc.querySelector('.openassessment') !== null };
const core = () => ({ ctx: { isInvalid: false, stop: () => undefined }, loop: {} }) as unknown as Parameters<typeof shareCore>[0];
/** What the adapter's script does when the background runs it, a moment after the ask. */
const runsScript = () =>
  sendMessage.mockImplementation(async () => {
    await new Promise((r) => setTimeout(r, 5));
    shareSite(edx);
    return { loaded: true };
  });

afterEach(() => {
  sendMessage.mockReset();
  shareCore(core()); // also drops shared adapters
  document.body.replaceChildren();
});

const withMarkup = () => {
  const block = document.createElement('div');
  block.className = 'openassessment';
  document.body.append(block);
};

describe('site adapters loaded only where their markup is', () => {
  it('a page without the markup never asks for the adapter', async () => {
    const list = new SiteList([later, generic]);
    await list.loadPresent();
    expect(list.current()).toEqual([generic]);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('markup at the start: the adapter is loaded before the first read, first in the list', async () => {
    withMarkup();
    runsScript();
    const ready = vi.fn();
    const list = new SiteList([later, generic]);
    list.onReady(ready);
    await list.loadPresent();
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith('site.load', { site: 'edx' });
    expect(list.current()).toEqual([edx, generic]);
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it('markup that comes later: one ask for many looks, and `ready` once the adapter is in', async () => {
    runsScript();
    const ready = vi.fn();
    const list = new SiteList([later, generic]);
    list.onReady(ready);
    await list.loadPresent();
    withMarkup();
    expect(list.current()).toEqual([generic]); // not yet: the generic adapter meanwhile
    expect(list.current()).toEqual([generic]);
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(list.current()).toEqual([edx, generic]);
    expect(sharedSite('edx')).toBe(edx);
  });

  it('a failed load (a stopped service worker) leaves the generic adapter and is tried again at the next look', async () => {
    withMarkup();
    sendMessage.mockRejectedValueOnce(new Error('No answer from MoocMate.'));
    const ready = vi.fn();
    const list = new SiteList([later, generic]);
    list.onReady(ready);
    await list.loadPresent();
    expect(ready).not.toHaveBeenCalled();
    runsScript();
    expect(list.current()).toEqual([generic]); // this look asks again
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(sendMessage).toHaveBeenCalledTimes(2);
    expect(list.current()).toEqual([edx, generic]);
  });

  it('a script that hands over nothing is a failed load, not a silent one', async () => {
    withMarkup();
    sendMessage.mockResolvedValue({ loaded: true });
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const list = new SiteList([later, generic]);
    await list.loadPresent();
    expect(list.current()).toEqual([generic]);
    expect(String(debug.mock.calls[0]?.[1])).toContain('The edx adapter did not start.');
    debug.mockRestore();
  });
});
