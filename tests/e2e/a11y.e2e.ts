import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { extensionUrl, launchExtension, openDemoLecture, openExtensionPage, startFixtureServer, tabIdOf, type Extension, type Server } from './harness';

let ext: Extension;
let server: Server;
let lecture: Page;
let tabId: number;
let lectureId: string;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
  const opened = await openDemoLecture(ext, server);
  lecture = opened.lecture;
  const probe = opened.probe;
  lectureId = String(opened.dump.lectures[0].id);
  tabId = await tabIdOf(ext, lecture);
  await probe.close();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Serious and critical axe violations, each as "rule: where" for a readable failure. */
async function violations(page: Page, include?: string): Promise<string[]> {
  // Legacy mode runs axe inside the page itself, with no helper page opened per run (much
  // faster on two cores); the page has no cross-origin frames that would need the other mode.
  let builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  expect(result.passes.length, 'axe checked something').toBeGreaterThan(0);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`));
}

/** Every extension page a learner can reach, each with something on it to wait for. */
const PAGES = () => [
  { name: 'popup', path: `popup.html?tab=${tabId}`, ready: '.found li, .first-run' },
  { name: 'side panel', path: `sidepanel.html?tab=${tabId}`, ready: '.transcript .cue' },
  { name: 'dashboard home', path: 'dashboard.html#/', ready: '.welcome' },
  { name: 'dashboard lecture', path: `dashboard.html#/lecture/${encodeURIComponent(lectureId)}`, ready: '.transcript .cue' },
  { name: 'dashboard search', path: 'dashboard.html#/search?q=water', ready: '.hit' },
  { name: 'dashboard flags', path: 'dashboard.html#/flags', ready: '.queue-intro, h1' },
  { name: 'dashboard settings', path: 'dashboard.html#/settings', ready: '.shortcuts tr' },
  { name: 'dashboard glossary', path: 'dashboard.html#/glossary', ready: '.glossary-view' },
  { name: 'dashboard duties', path: 'dashboard.html#/duties', ready: '.duties' },
  { name: 'review', path: 'review.html', ready: '.review [role="status"]' },
];

async function setUiLanguage(value: string) {
  const page = await openExtensionPage(ext, 'popup.html');
  await page.evaluate((v) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ uiLanguage: v }), value);
  await page.close();
}

describe('accessibility (axe-core): no serious or critical violations', () => {
  // One test per page (a loaded machine cannot run seven axe passes in one test's time).
  for (const [language, scheme] of [
    ['en', 'light'],
    ['ar', 'light'],
    ['en', 'dark'],
  ] as const) {
    for (const name of ['popup', 'side panel', 'dashboard home', 'dashboard lecture', 'dashboard search', 'dashboard flags', 'dashboard settings', 'dashboard glossary', 'dashboard duties', 'review']) {
      it(`${name}, interface ${language}, ${scheme} colours`, async () => {
        await setUiLanguage(language === 'en' ? 'browser' : language);
        const p = PAGES().find((x) => x.name === name)!;
        const page = await ext.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize(p.name === 'side panel' ? { width: 400, height: 760 } : { width: 1280, height: 800 });
        await page.goto(extensionUrl(ext, p.path));
        await page.locator(p.ready).first().waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
        expect(await violations(page)).toEqual([]);
        await page.close();
      });
    }
  }

  it("the controls MoocMate adds to a course page (the flag button's open shadow root), and its note", async () => {
    await setUiLanguage('browser');
    const host = '[data-moocmate="flag-ui"]';
    // A keyboard learner tabs to the video: MoocMate's tools load then, and the button appears.
    await lecture.focus('video');
    await lecture.locator(`${host} button`).waitFor();
    // The root is open, so axe walks into it; include only MoocMate's host, not the course page.
    expect(await lecture.evaluate((sel) => document.querySelector(sel)?.shadowRoot !== null, host)).toBe(true);
    expect(await violations(lecture, host)).toEqual([]);
    await lecture.locator(`${host} button`).focus();
    await lecture.keyboard.press('Enter');
    await lecture.locator(`${host} p[role="status"]`).filter({ hasText: /\S/ }).waitFor();
    expect(await violations(lecture, host)).toEqual([]);
    // The check can fail: a nameless button put inside that shadow root is caught.
    await lecture.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.append(document.createElement('button')), host);
    expect((await violations(lecture, host)).join('\n')).toMatch(/button-name/);
    await lecture.evaluate((sel) => document.querySelector(sel)!.shadowRoot!.lastElementChild!.remove(), host);
  });
});
