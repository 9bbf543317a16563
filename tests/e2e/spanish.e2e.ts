import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionUrl, launchExtension, openExtensionPage, readTracks, screenshot, startFixtureServer, tabIdOf, waitFor, type Extension, type Server } from './harness';

let ext: Extension;
let server: Server;

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension({ locale: 'es' });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('the interface in Spanish (browser language es)', () => {
  it('side panel and dashboard speak Spanish, language names too', async () => {
    const lecture = await ext.context.newPage();
    await lecture.goto(`${server.url}/demo/course/lecture-1.html`);
    const dash = await openExtensionPage(ext);
    await waitFor('tracks', async () => (await readTracks(dash)).length === 3);

    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 400, height: 760 });
    await panel.goto(extensionUrl(ext, `sidepanel.html?tab=${await tabIdOf(ext, lecture)}`));
    await panel.getByRole('searchbox', { name: 'Buscar en esta transcripción' }).waitFor();
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await panel.getByText('Seguir el video').count()).toBe(1);
    const options = await panel.getByRole('combobox', { name: 'Idioma' }).locator('option').allTextContents();
    expect(options.join('|')).toMatch(/inglés/);
    expect(options.join('|')).toMatch(/12 líneas/);
    await screenshot(panel, 'sidepanel-es');

    await dash.reload();
    await dash.getByRole('button', { name: 'Exportar copia' }).waitFor();
    await dash.getByRole('heading', { name: 'Tus clases, en palabras' }).waitFor();
    await screenshot(dash, 'dashboard-es');
  });
});
