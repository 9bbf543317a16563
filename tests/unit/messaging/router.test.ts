import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../../src/messaging/router';
import { page } from '../helpers';

function router(overrides: Partial<Handlers> = {}) {
  const handlers: Handlers = {
    'capture.track': vi.fn(async () => ({ lectureId: 'l', trackId: 't', cueCount: 1, status: 'ok' as const, unchanged: false })),
    'tools.load': vi.fn(async () => ({ loaded: true as const })),
    'extras.load': vi.fn(async () => ({ loaded: true as const })),
    'site.load': vi.fn(async () => ({ loaded: true as const })),
    'lecture.pendingSeek': vi.fn(async () => ({ seek: null })),
    'lecture.openAt': vi.fn(async () => ({ tabId: 1 })),
    'site.enable': vi.fn(async () => ({ enabled: true as const })),
    'flag.create': vi.fn(async () => ({ flagId: 'f', kind: 'wrong-words', cueIndex: 1, text: 'x' })),
    'glossary.add': vi.fn(async () => ({ entryId: 'g', term: 'x', created: true })),
    'glossary.matcher': vi.fn(async () => ({ version: 1, entries: [] })),
    'glossary.changed': vi.fn(async () => ({ told: true as const })),
    'glossary.import': vi.fn(async () => ({ added: 0, merged: 0 })),
    'lecture.captions': vi.fn(async () => ({ tracks: [] })),
    'duty.seen': vi.fn(async () => ({ dutyId: 'd', created: true, doubts: [] })),
    'duty.save': vi.fn(async () => ({ dutyId: 'd' })),
    'duty.done': vi.fn(async () => ({ dutyId: 'd' })),
    'duty.confirm': vi.fn(async () => ({ dutyId: 'd' })),
    'duty.snooze': vi.fn(async () => ({ dutyId: 'd', until: 1 })),
    'duty.delete': vi.fn(async () => ({ dutyId: 'd' })),
    'duty.resync': vi.fn(async () => ({ duties: 0 })),
    'i18n.strings': vi.fn(async () => ({ lang: 'en', dir: 'ltr' as const, strings: {} })),
    ...overrides,
  };
  return { route: createRouter(handlers), handlers };
}

const track = { kind: 'captions', label: 'English', language: 'en' };

describe('background router', () => {
  it('accepts a request for interface strings and refuses a key that is not a message name', async () => {
    const { route, handlers } = router();
    expect(await route({ moocmate: 'i18n.strings', data: { keys: ['flagCaption'] } }, {})).toMatchObject({ ok: true });
    const bad = await route({ moocmate: 'i18n.strings', data: { keys: ['<img src=x>'] } }, {});
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('keys.0') });
    expect(handlers['i18n.strings']).toHaveBeenCalledOnce();
  });

  it('passes valid messages to their handler', async () => {
    const { route, handlers } = router();
    const reply = await route({ moocmate: 'capture.track', data: { page: page(), track, cues: [{ start: 0, end: 1, text: 'hi' }] } }, {});
    expect(reply).toEqual({ ok: true, value: expect.objectContaining({ trackId: 't' }) });
    expect(handlers['capture.track']).toHaveBeenCalledOnce();
  });

  it('rejects invalid messages before any handler runs, naming the field', async () => {
    const { route, handlers } = router();
    const reply = await route({ moocmate: 'capture.track', data: { page: page(), track, cues: [{ start: -1, end: 1, text: 'x' }] } }, {});
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('cues.0.start') });
    const nan = await route({ moocmate: 'lecture.openAt', data: { lectureId: 'l', time: Number.NaN } }, {});
    expect(nan).toMatchObject({ ok: false });
    expect(handlers['capture.track']).not.toHaveBeenCalled();
    expect(handlers['lecture.openAt']).not.toHaveBeenCalled();
  });

  it('accepts only a plain site pattern for enabling a site', async () => {
    const { route, handlers } = router();
    expect(await route({ moocmate: 'site.enable', data: { pattern: 'https://uni.example/*', tabId: 3 } }, {})).toMatchObject({ ok: true });
    for (const pattern of ['<all_urls>', '*://*/*', 'https://*.example/*', 'file:///etc/*', 'https://uni.example/path/*']) {
      expect(await route({ moocmate: 'site.enable', data: { pattern, tabId: 3 } }, {}), pattern).toMatchObject({ ok: false });
    }
    expect(handlers['site.enable']).toHaveBeenCalledOnce();
  });

  it('loads only a known site adapter: the page never names a file', async () => {
    const { route, handlers } = router();
    expect(await route({ moocmate: 'site.load', data: { site: 'edx' } }, {})).toMatchObject({ ok: true });
    for (const site of ['coursera', '../background', '/course-tools.js', '']) {
      expect(await route({ moocmate: 'site.load', data: { site } }, {}), site).toMatchObject({ ok: false });
    }
    expect(handlers['site.load']).toHaveBeenCalledOnce();
  });

  it('answers unknown message types with an error and ignores foreign messages', async () => {
    const { route } = router();
    expect(await route({ moocmate: 'db.drop', data: {} }, {})).toMatchObject({ ok: false, error: expect.stringContaining('Unknown message') });
    expect(await route({ moocmate: 'toString', data: {} }, {})).toMatchObject({ ok: false });
    expect(await route('hello', {})).toBeUndefined();
    expect(await route({ other: 1 }, {})).toBeUndefined();
  });

  it('turns a handler error into a readable answer', async () => {
    const { route } = router({ 'lecture.openAt': async () => Promise.reject(new Error('This lecture is not in MoocMate any more.')) });
    expect(await route({ moocmate: 'lecture.openAt', data: { lectureId: 'l', time: 3 } }, {})).toEqual({
      ok: false,
      error: 'This lecture is not in MoocMate any more.',
    });
  });

  it('checks duty messages: counts, dates and links', async () => {
    const { route, handlers } = router();
    const good = { site: 'edx', key: 'k', course: 'C', title: 'T', url: 'https://x.example/', submitted: true, reviewsGiven: 1, reviewsRequired: 3, reviewsReceived: null, reviewsNeeded: null, submitDue: null, reviewDue: { text: 'Dec 3' } };
    expect(await route({ moocmate: 'duty.seen', data: good }, {})).toMatchObject({ ok: true });
    expect(await route({ moocmate: 'duty.seen', data: { ...good, reviewsGiven: -1 } }, {})).toMatchObject({ ok: false, error: expect.stringContaining('reviewsGiven') });
    expect(await route({ moocmate: 'duty.seen', data: { ...good, reviewDue: { text: 'x'.repeat(301) } } }, {})).toMatchObject({ ok: false });
    const input = { title: 'T', course: '', url: 'javascript:alert(1)', submissionUrl: '', forumUrl: '', submitted: false, reviewsGiven: 0, reviewsRequired: 1, reviewsReceived: null, reviewsNeeded: null, submitDue: null, reviewDue: null };
    expect(await route({ moocmate: 'duty.save', data: input }, {})).toMatchObject({ ok: false, error: expect.stringContaining('http') });
    expect(await route({ moocmate: 'duty.save', data: { ...input, url: '', title: '   ' } }, {})).toMatchObject({ ok: false, error: expect.stringContaining('title') });
    expect(handlers['duty.save']).not.toHaveBeenCalled();
  });
});

