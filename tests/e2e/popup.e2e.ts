import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launchExtension, OTHER_HOST, readTracks, openExtensionPage, screenshot, startFixtureServer, tabIdOf, waitFor, type Extension, type Server } from './harness';

let ext: Extension;
let server: Server;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function popupFor(url: string) {
  const page = await ext.context.newPage();
  await page.goto(url);
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 360, height: 300 });
  await popup.goto(extensionUrl(ext, `popup.html?tab=${await tabIdOf(ext, page)}`));
  return { page, popup };
}

describe('popup', () => {
  it('says what MoocMate found on a lecture page and links to the transcript and dashboard', async () => {
    const probe = await openExtensionPage(ext);
    const { popup } = await popupFor(`${server.url}/demo/course/lecture-1.html`);
    await waitFor('tracks', async () => (await readTracks(probe)).length === 3);
    await popup.reload();
    await popup.getByText('Lecture 1: Photosynthesis').waitFor();
    await popup.getByText('3 caption tracks').waitFor();
    expect(await popup.getByRole('button', { name: 'Show transcript' }).isVisible()).toBe(true);
    expect(await popup.getByRole('link', { name: 'Open dashboard' }).getAttribute('href')).toBe('/dashboard.html');
    await screenshot(popup, 'popup-lecture');
  });

  it('offers to turn MoocMate on for a site it does not run on yet', async () => {
    const { popup, page } = await popupFor(`http://${OTHER_HOST}:${server.port}/demo/course/lecture-1.html`);
    await popup.getByText(`MoocMate is off on ${OTHER_HOST}.`).waitFor();
    expect(await popup.getByRole('button', { name: `Turn on MoocMate for ${OTHER_HOST}` }).isVisible()).toBe(true);
    // Nothing was captured there: MoocMate did not run on a site the learner did not allow.
    const probe = await openExtensionPage(ext);
    expect((await readTracks(probe)).filter((t) => String(t.url ?? '').includes(OTHER_HOST))).toEqual([]);
    await screenshot(popup, 'popup-site-off');
    await page.close();
  });

  it('reports a problem with a course page (no video) to the volunteer queue', async () => {
    const { popup, page } = await popupFor(`${server.url}/demo/course/index.html`);
    await popup.getByText('Report a problem with this page').click();
    await popup.getByRole('combobox', { name: 'Problem' }).selectOption('reading-order');
    await popup.getByRole('textbox', { name: /Note/ }).fill('The reading for week 1 comes after its videos.');
    await popup.getByRole('button', { name: 'Save the report' }).click();
    await popup.getByText(/^Saved\./).waitFor();
    const dash = await openExtensionPage(ext, 'dashboard.html#/flags');
    const item = dash.locator('.queue-item', { hasText: 'Reading in the wrong place' });
    await item.waitFor();
    expect(await item.textContent()).toContain('The reading for week 1 comes after its videos.');
    expect(await dash.locator('.queue-lecture h3', { hasText: await page.title() }).count()).toBe(1);
    await dash.close();
    await page.close();
  });

  it('says plainly when a page has no lecture video', async () => {
    const { popup } = await popupFor(`${server.url}/demo/course/index.html`);
    await popup.getByText('No lecture video with captions on this page.').waitFor();
    expect(await popup.getByRole('button', { name: 'Show transcript' }).count()).toBe(0);
  });
});
