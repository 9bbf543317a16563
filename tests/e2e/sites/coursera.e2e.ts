import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Dump, dumpDb, pageStatus, siteSuite, waitFor, wipeDb } from '../harness';

const suite = siteSuite();

const ORIGIN = 'https://www.coursera.org';
const COURSE = 'how-plants-grow';
const COURSE_TITLE = 'How Plants Grow: An Introduction to Plant Physiology';
const LECTURE_1 = `${ORIGIN}/learn/${COURSE}/lecture/Yq2bV/why-leaves-are-green`;
const LECTURE_2 = `${ORIGIN}/learn/${COURSE}/lecture/k7Pzd/light-and-dark-reactions`;
const FLAKY = `${ORIGIN}/learn/${COURSE}/lecture/Fl4ky/roots-and-water`;
const NO_TRACKS = `${ORIGIN}/learn/${COURSE}/lecture/Nw3Pl/stomata-and-gas-exchange`;
const VIDEO_1 = 'https://d3c33hcgiwev3.cloudfront.net/Yq2bVGcAEeW2rSIAC2yC6g.processed/full/540p/index.webm';
const VIDEO_2 = 'https://d3c33hcgiwev3.cloudfront.net/k7PzdqHTMkA4fEeW2rSIAC.processed/full/540p/index.webm';

type Row = Record<string, unknown>;

function cuesOf(db: Dump, track: Row | undefined): Row[] {
  expect(track, 'track').toBeDefined();
  return db.cues.filter((c) => c.trackId === track!.id).sort((a, b) => Number(a.index) - Number(b.index));
}

/** Count, first and last cue (text, start, end) of one track. */
function expectCues(db: Dump, track: Row | undefined, count: number, first: [string, number, number], last: [string, number, number]) {
  const cues = cuesOf(db, track);
  expect(cues).toHaveLength(count);
  expect(track!.cueCount).toBe(count);
  expect([cues[0].text, cues[0].start, cues[0].end]).toEqual(first);
  expect([cues[count - 1].text, cues[count - 1].start, cues[count - 1].end]).toEqual(last);
}

const lectureByKey = (db: Dump, key: string) => db.lectures.find((l) => l.key === key);
const trackOf = (db: Dump, lecture: Row | undefined, language: string) =>
  db.tracks.find((t) => t.lectureId === lecture?.id && t.language === language);

const requestsTo = (path: string) => suite.server.requests.filter((r) => r.path === path).length;

describe('Coursera', () => {
  it('reads the transcript before playback, then the signed caption tracks the player adds on play', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(LECTURE_1);

    // Before playback the player has no <track>: the interactive transcript is read.
    const before = await waitFor('the transcript panel', async () => {
      const d = await dumpDb(suite.probe);
      const t = d.tracks[0];
      const cues = t ? d.cues.filter((c) => c.trackId === t.id) : [];
      return d.tracks.length === 1 && t.source === 'transcript-panel' && cues.some((c) => Number(c.end) > 40) ? d : null;
    });
    expect(await page.locator('video track').count()).toBe(0);
    const panel = before.tracks[0];
    expect(panel).toMatchObject({ language: 'en', label: 'Coursera transcript', status: 'ok', cueCount: 3 });
    const panelCues = cuesOf(before, panel);
    expect([panelCues[0].text, panelCues[0].start, panelCues[0].end]).toEqual([
      'Welcome back. In this lecture we ask why most leaves are green. Sunlight looks white, but it is a mix of many colours. A leaf is full of a pigment called chlorophyll.',
      0,
      13,
    ]);
    expect([panelCues[1].start, panelCues[1].end]).toEqual([13, 27]);
    expect(panelCues[2].text).toBe('So the colour of a leaf tells us which light it does not use. Next time: what the plant does with the light it keeps.');
    expect(panelCues[2].start).toBe(27);
    expect(Number(panelCues[2].end)).toBeCloseTo(44.5, 0); // the video's duration
    expect((await pageStatus(suite.ext, suite.probe, page)).lectures[0]).toMatchObject({ capture: 'partial', note: 'notePanelOnly' });

    // Playback starts: the player inserts its tracks; they replace the transcript.
    await page.evaluate(() => document.querySelector('video')!.play());
    const db = await waitFor('the English and Spanish tracks', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 2 && d.tracks.every((t) => t.status === 'ok' && t.source !== 'transcript-panel') ? d : null;
    });
    expect(await page.locator('video track').count()).toBe(2);

    expect(db.courses).toHaveLength(1);
    expect(db.courses[0]).toMatchObject({ site: 'coursera', title: COURSE_TITLE, url: `${ORIGIN}/learn/${COURSE}` });
    expect(db.lectures).toHaveLength(1);
    const lecture = lectureByKey(db, `${COURSE}/lecture/Yq2bV`);
    expect(lecture).toMatchObject({ site: 'coursera', title: 'Why Leaves Are Green', url: LECTURE_1, videoSrc: VIDEO_1, courseId: db.courses[0].id });

    const en = trackOf(db, lecture, 'en');
    expect(en).toMatchObject({ kind: 'captions', label: 'English', source: 'text-track', status: 'ok' });
    expect(String(en!.url)).toMatch(/^https:\/\/www\.coursera\.org\/api\/subtitleAssetProxy\.v1\/GgGZN65HQkyBmTeuR2JMsw\?expiry=\d+&hmac=[^&]+&fileExtension=vtt$/);
    expectCues(db, en, 8, ['Welcome back. In this lecture we ask why most leaves are green.', 0.5, 4], [
      'Next time: what the plant does with the light it keeps.',
      32.2,
      36.5,
    ]);
    const es = trackOf(db, lecture, 'es');
    expect(es).toMatchObject({ kind: 'subtitles', label: 'Spanish', source: 'track-file', status: 'ok' });
    expectCues(db, es, 8, ['Bienvenidos de nuevo. Hoy preguntamos por qué casi todas las hojas son verdes.', 0.5, 4], [
      'La próxima vez: qué hace la planta con la luz que guarda.',
      32.2,
      36.5,
    ]);
    // The learner's caption choice is untouched: English on, Spanish off.
    expect(await page.evaluate(() => [...document.querySelector('video')!.textTracks].map((t) => t.mode))).toEqual(['showing', 'disabled']);
    const status = await pageStatus(suite.ext, suite.probe, page);
    expect(status.site).toBe('coursera');
    expect(status.lectures).toEqual([expect.objectContaining({ title: 'Why Leaves Are Green', courseTitle: COURSE_TITLE, trackCount: 2, capture: 'full' })]);
    await page.close();
  });

  it('captures the next item, loaded without a page reload, as its own lecture with nothing left over', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(LECTURE_1);
    await page.evaluate(() => document.querySelector('video')!.play());
    await waitFor('lecture 1', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 2 && d.tracks.every((t) => t.status === 'ok' && t.source !== 'transcript-panel');
    });
    await page.click('#next');
    await page.getByText('lecture k7Pzd playing with 2 tracks').waitFor();
    expect(page.url()).toBe(LECTURE_2);
    const db = await waitFor('lecture 2 as a second lecture', async () => {
      const d = await dumpDb(suite.probe);
      return d.lectures.length === 2 && d.tracks.length === 4 && d.tracks.every((t) => t.status === 'ok' && t.source !== 'transcript-panel') ? d : null;
    });
    expect(db.courses).toHaveLength(1);
    const first = lectureByKey(db, `${COURSE}/lecture/Yq2bV`);
    const second = lectureByKey(db, `${COURSE}/lecture/k7Pzd`);
    expect(second).toMatchObject({ title: 'Light and Dark Reactions', url: LECTURE_2, videoSrc: VIDEO_2, courseId: db.courses[0].id });
    expect(first).toMatchObject({ title: 'Why Leaves Are Green', url: LECTURE_1, videoSrc: VIDEO_1 });

    expectCues(db, trackOf(db, second, 'en'), 6, ['Photosynthesis happens in two stages.', 1, 5.2], [
      'That is the end of this week. See you in the quiz!',
      28.2,
      33.9,
    ]);
    expectCues(db, trackOf(db, second, 'fr'), 6, ['La photosynthèse se déroule en deux étapes.', 1, 5.2], [
      "C'est la fin de cette semaine. Rendez-vous au quiz !",
      28.2,
      33.9,
    ]);
    expect(trackOf(db, second, 'fr')).toMatchObject({ label: 'French', source: 'track-file' });
    // Lecture 1 keeps its own tracks, whole; neither lecture holds the other's words.
    expect(db.tracks.filter((t) => t.lectureId === first!.id).map((t) => `${t.language}:${t.cueCount}`).sort()).toEqual(['en:8', 'es:8']);
    const textsOf = (l: Row | undefined) => db.cues.filter((c) => c.lectureId === l!.id).map((c) => String(c.text));
    expect(textsOf(first).some((t) => /thylakoid|Calvin|photosynthèse/i.test(t))).toBe(false);
    expect(textsOf(second).some((t) => /chlorophyll|clorofila/i.test(t))).toBe(false);

    const status = await pageStatus(suite.ext, suite.probe, page);
    expect(status.lectures).toEqual([expect.objectContaining({ title: 'Light and Dark Reactions', trackCount: 2, capture: 'full' })]);
    await page.close();
  });

  it('falls back to the interactive transcript when the player gives no tracks (markup changed)', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(NO_TRACKS);
    await page.evaluate(() => document.querySelector('video')!.play());
    await page.getByText('playing, no tracks').waitFor();
    const db = await waitFor('the transcript, with the video duration known', async () => {
      const d = await dumpDb(suite.probe);
      const t = d.tracks[0];
      return d.tracks.length === 1 && d.cues.some((c) => c.trackId === t.id && Number(c.end) > 35) ? d : null;
    });
    expect(db.lectures[0]).toMatchObject({ key: `${COURSE}/lecture/Nw3Pl`, title: 'Stomata and Gas Exchange', url: NO_TRACKS });
    expect(db.courses[0]).toMatchObject({ title: COURSE_TITLE });
    const track = db.tracks[0];
    expect(track).toMatchObject({ source: 'transcript-panel', language: 'en', status: 'ok', cueCount: 4 });
    const cues = cuesOf(db, track);
    expect(cues.map((c) => [c.start, c.end === cues[cues.length - 1].end ? 'last' : c.end])).toEqual([
      [2, 11],
      [11, 19],
      [19, 30],
      [30, 'last'],
    ]);
    expect(cues[0].text).toBe('Look closely at the underside of a leaf. You will find thousands of tiny pores called stomata.');
    expect(cues[3].text).toBe('On a hot day they close to save water & the plant stops growing.');
    expect(Number(cues[3].end)).toBeCloseTo(38.9, 0); // the video's duration
    expect((await pageStatus(suite.ext, suite.probe, page)).lectures).toEqual([
      expect.objectContaining({ title: 'Stomata and Gas Exchange', trackCount: 1, capture: 'partial', note: 'notePanelOnly' }),
    ]);
    await page.close();
  });

  it('captures a signed caption URL that fails once, reports an expired one (403), and keeps the others whole', async () => {
    await wipeDb(suite.probe);
    const page = await suite.ext.context.newPage();
    await page.goto(FLAKY);
    await page.evaluate(() => document.querySelector('video')!.play());
    const db = await waitFor('three tracks', async () => {
      const d = await dumpDb(suite.probe);
      return d.tracks.length === 3 ? d : null;
    });
    const lecture = lectureByKey(db, `${COURSE}/lecture/Fl4ky`);
    expect(lecture).toMatchObject({ title: 'Roots and Water' });
    const en = trackOf(db, lecture, 'en');
    expect(en).toMatchObject({ status: 'ok', source: 'track-file' });
    expectCues(db, en, 5, ['Roots do two jobs: they hold the plant and they drink.', 0, 4.5], ['Evaporation from the leaves pulls the water up.', 20.3, 25]);
    expect(requestsTo('/api/subtitleAssetProxy.v1/UKEuZoMQRcChLmaDEMXAsA')).toBe(2); // 503, then the file

    const es = trackOf(db, lecture, 'es');
    expect(es).toMatchObject({ status: 'error', cueCount: 0, label: 'Spanish' });
    expect(String(es!.error)).toBe('Could not load the caption file (the server answered 403).');
    expect(db.cues.filter((c) => c.trackId === es!.id)).toHaveLength(0);

    const pt = trackOf(db, lecture, 'pt-BR');
    expect(pt).toMatchObject({ status: 'ok', label: 'Portuguese (Brazilian)' });
    expectCues(db, pt, 5, ['As raízes têm duas funções: sustentar a planta e beber.', 0, 4.5], ['A evaporação nas folhas puxa a água para cima.', 20.3, 25]);
    expect((await pageStatus(suite.ext, suite.probe, page)).lectures[0]).toMatchObject({ trackCount: 3, capture: 'full' });
    await page.close();
  });

  it('raised no errors in any page or in the extension', () => {
    expect(suite.ext.errors).toEqual([]);
  });
});
