import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { extensionUrl, launchExtension, openExtensionPage, readDb, readTracks, screenshot, seekToCaption, startFixtureServer, stopServiceWorker, tabIdOf, waitFor, type Extension, type Server } from './harness';

interface Entry {
  id: string;
  term: string;
  base: string;
  meaning: string;
  lectureId: string | null;
  due: number;
  card: { reps: number; state: number };
  examples: Array<{ sentence: string; time: number | null; cueIndex: number | null; lectureId: string | null; trackId: string | null }>;
}

let ext: Extension;
let server: Server;
let lecture: Page;
let panel: Page;
let probe: Page;

const glossary = async () => (await readDb(probe, ['glossary'])).glossary as unknown as Entry[];
const entryFor = (term: string) => waitFor(`"${term}" in the glossary`, async () => (await glossary()).find((e) => e.term === term));

const seekTo = (time: number) => seekToCaption(lecture, time);

/** Stops MoocMate's service worker, which was running. */
const stopWorker = async () => expect(await stopServiceWorker(ext, probe)).toBe(1);

/** Selects `text` inside the first element matching `selector` (a page element, or one in our shadow root). */
async function select(page: Page, selector: string, text: string, inShadow = false): Promise<void> {
  await page.evaluate(
    ({ selector, text, inShadow }) => {
      const roots: Array<Document | ShadowRoot> = inShadow ? [...document.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : [])) : [document];
      const el = roots.map((r) => r.querySelector(selector)).find(Boolean);
      if (!el) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(text);
        if (at >= 0) return void getSelection()!.setBaseAndExtent(n, at, n, at + text.length);
      }
      throw new Error(`"${text}" not in ${selector}`);
    },
    { selector, text, inShadow },
  );
}

beforeAll(async () => {
  server = await startFixtureServer();
  ext = await launchExtension();
  probe = await openExtensionPage(ext);
  lecture = await ext.context.newPage();
  await lecture.goto(`${server.url}/demo/course/lecture-1.html`);
  await waitFor('lecture captured', async () => (await readTracks(probe)).filter((t) => t.status === 'ok').length === 3);
  panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 420, height: 780 });
  await panel.goto(extensionUrl(ext, `sidepanel.html?tab=${await tabIdOf(ext, lecture)}`));
  await panel.locator('.transcript .cue').nth(11).waitFor();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('glossary', () => {
  it('a word picked in a caption line of the side panel is kept with its sentence and moment', async () => {
    const row = panel.locator('.cue', { hasText: 'tiny holes called stomata' });
    await row.getByRole('button', { name: 'Add a word from this line to your glossary' }).click();
    await row.getByRole('button', { name: 'stomata', exact: true }).click();
    await row.getByRole('textbox', { name: 'Meaning' }).fill('estomas');
    await row.getByRole('button', { name: 'Add to glossary' }).click();
    await row.getByText('Added to your glossary: stomata').waitFor();
    // The dashboard counts it in plain English: "1 word", not "1 words".
    const dash = await openExtensionPage(ext, 'dashboard.html#/glossary');
    await dash.locator('.glossary-entry').first().waitFor();
    expect(await dash.locator('.view-head .muted').first().textContent()).toBe('1 word');
    await dash.close();
    // A phrase: press its first and last words.
    await row.getByRole('button', { name: 'carbon', exact: true }).click();
    await row.getByRole('button', { name: 'dioxide', exact: true }).click();
    await row.getByRole('button', { name: 'Add to glossary' }).click();
    await row.getByText('Added to your glossary: carbon dioxide').waitFor();
    await row.getByRole('button', { name: 'Close' }).click();

    const tracks = await readTracks(probe);
    const en = tracks.find((t) => t.language === 'en')!;
    const stomata = await entryFor('stomata');
    expect(stomata).toMatchObject({ base: 'stoma', meaning: 'estomas', lectureId: en.lectureId });
    expect(stomata.examples).toEqual([
      expect.objectContaining({ sentence: 'They take in carbon dioxide from the air,\nthrough tiny holes called stomata.', time: 14.2, cueIndex: 4, lectureId: en.lectureId, trackId: en.id }),
    ]);
    expect((await entryFor('carbon dioxide')).examples[0].cueIndex).toBe(4);
  });

  it('marks glossary words, inflected forms too, wherever they appear again in the transcript', async () => {
    // "makes" from line 8; its base "make" is also in line 2 ("how do plants make their own food?").
    const row = panel.locator('.cue', { hasText: 'the plant makes glucose' });
    await row.getByRole('button', { name: 'Add a word from this line to your glossary' }).click();
    await row.getByRole('button', { name: 'makes', exact: true }).click();
    await row.getByRole('textbox', { name: 'Meaning' }).fill('hace');
    await row.getByRole('button', { name: 'Add to glossary' }).click();
    await row.getByText('Added to your glossary: makes').waitFor();
    await row.getByRole('button', { name: 'Close' }).click();
    expect((await entryFor('makes')).base).toBe('make');

    const marks = panel.locator('.transcript mark.gloss');
    await expect.poll(async () => (await marks.allTextContents()).sort()).toEqual(['carbon dioxide', 'carbon dioxide', 'make', 'makes', 'stomata', 'stomata'].sort());
    const make = panel.locator('.cue', { hasText: 'how do plants make' }).locator('mark.gloss');
    expect(await make.getAttribute('title')).toBe('makes: hace');
    expect(await make.getAttribute('aria-description')).toBe('makes: hace');
    // Keyboard focus on a line shows its words' meanings, which are also the line's description.
    const line = panel.locator('.cue', { hasText: 'oxygen goes out through the stomata' });
    const meanings = line.locator('.cue-gloss');
    expect(await meanings.isVisible()).toBe(false);
    await line.locator('.cue-button').focus();
    await meanings.waitFor({ state: 'visible' });
    expect(await meanings.textContent()).toBe('stomata: estomas');
    expect(await line.locator('.cue-button').getAttribute('aria-describedby')).toBe(await meanings.getAttribute('id'));
    await expect.poll(() => line.locator('.cue-button').evaluate((b) => b.matches(':focus'))).toBe(true);
    await screenshot(panel, 'glossary-sidepanel-highlights');
  });

  it('shows the caption on screen with glossary words marked, and adds a word selected in it', async () => {
    await seekTo(15);
    await lecture.keyboard.press('Alt+Shift+KeyG');
    const pop = lecture.locator('section.pop');
    await pop.locator('.line', { hasText: 'tiny holes called stomata' }).waitFor();
    const mark = pop.locator('mark.mm-gloss', { hasText: 'stomata' });
    await mark.waitFor();
    expect(await mark.getAttribute('tabindex')).toBe('0');
    expect(await mark.getAttribute('title')).toBe('stomata: estomas');
    expect(await pop.locator('mark.mm-gloss').allTextContents()).toEqual(['carbon dioxide', 'stomata']);
    await mark.focus();
    expect(await mark.evaluate((m) => getComputedStyle(m, '::after').content)).toBe('"stomata: estomas"');
    await screenshot(lecture, 'glossary-caption-popover');

    await select(lecture, 'section.pop .line', 'air', true);
    await lecture.keyboard.press('Alt+Shift+KeyG');
    await lecture.locator('.toast', { hasText: 'Added to your glossary: air' }).waitFor();
    const air = await entryFor('air');
    expect(air.examples[0].sentence).toBe('They take in carbon dioxide from the air,\nthrough tiny holes called stomata.');
    expect(air.examples[0].time).toBeCloseTo(15, 0);
    expect(air.lectureId).toBe((await entryFor('stomata')).lectureId);
    // A new word appears marked in the popover at once.
    await expect.poll(() => pop.locator('mark.mm-gloss').allTextContents()).toEqual(['carbon dioxide', 'air', 'stomata']);
    await pop.getByRole('button', { name: 'Close' }).click();
  });

  it('adds text selected on the course page with its sentence; a second form of a word becomes an example', async () => {
    await select(lecture, '.keywords', 'pigment');
    await lecture.keyboard.press('Alt+Shift+KeyG');
    const pigment = await entryFor('pigment');
    expect(pigment.examples[0]).toMatchObject({ sentence: 'pigment', time: null });
    expect(pigment.lectureId).not.toBeNull();

    await select(lecture, 'main > p:not(.meta)', 'make');
    await lecture.keyboard.press('Alt+Shift+KeyG');
    await lecture.locator('.toast', { hasText: 'Already in your glossary' }).waitFor();
    const makes = await entryFor('makes');
    expect(makes.examples.map((e) => e.sentence)).toEqual(['With this energy, the plant makes glucose, a simple sugar.', 'How do plants make their own food?']);
    expect((await glossary()).filter((e) => e.base === 'make')).toHaveLength(1);
  });

  it('stores hostile, right-to-left, CJK and emoji terms as text, and refuses a very long selection', async () => {
    await lecture.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'odd';
      p.textContent = 'Hostile: <img src=x onerror="window.__pwned=1">. Arabic: التمثيل الضوئي. Chinese: 光合作用. Emoji: 🌱 sprout.';
      document.querySelector('main')!.append(p);
    });
    const terms = ['<img src=x onerror="window.__pwned=1">', 'التمثيل الضوئي', '光合作用', '🌱 sprout'];
    for (const term of terms) {
      await select(lecture, '#odd', term);
      await lecture.keyboard.press('Alt+Shift+KeyG');
      await entryFor(term);
    }
    await lecture.evaluate(() => getSelection()!.selectAllChildren(document.querySelector('main')!));
    await lecture.keyboard.press('Alt+Shift+KeyG');
    await lecture.locator('.toast', { hasText: 'too long for the glossary' }).waitFor();

    const dash = await openExtensionPage(ext, 'dashboard.html#/glossary');
    for (const term of terms) {
      const shown = dash.locator('.entry-term', { hasText: term });
      expect(await shown.textContent()).toBe(term);
      expect(await shown.getAttribute('dir')).toBe('auto');
    }
    expect(await dash.locator('.glossary-view img').count()).toBe(0);
    expect(await dash.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await dash.close();
  });

  it('a review session from the keyboard schedules the word (FSRS), and the popup counts words due', async () => {
    const before = await glossary();
    const popup = await openExtensionPage(ext, `popup.html?tab=${await tabIdOf(ext, lecture)}`);
    await popup.getByText(`Words to review: ${before.length}`).waitFor();
    await screenshot(popup, 'glossary-popup-due');

    const review = await openExtensionPage(ext, 'review.html');
    await review.setViewportSize({ width: 900, height: 640 });
    await review.locator('.review-card .term').waitFor();
    const id = (await review.locator('.review-card').getAttribute('data-entry-id'))!;
    const word = before.find((e) => e.id === id)!;
    expect(await review.locator('.review-card .sentence').textContent()).toBe(word.examples[0].sentence);
    await review.keyboard.press('Space');
    await review.locator('.answer').waitFor();
    await screenshot(review, 'glossary-review');
    // The answer names the lecture and the moment: one click opens it there, to hear the sentence again.
    const { lectureId, time } = word.examples[0];
    expect(lectureId && time !== null).toBeTruthy();
    const [opened] = await Promise.all([ext.context.waitForEvent('page'), review.locator('.answer button.source').click()]);
    await expect.poll(() => opened.evaluate(() => document.querySelector('video')?.currentTime ?? -1), { timeout: 15_000 }).toBeCloseTo(time!, 1);
    await opened.close();
    await review.bringToFront();
    await review.keyboard.press('3');
    await review.getByText(`Reviewed: 1. Still due: ${before.length - 1}.`).waitFor();
    const after = await waitFor('the graded word rescheduled', async () => (await glossary()).find((e) => e.id === id && e.card.reps === 1));
    expect(after.due).toBeGreaterThan(word.due);
    expect(after.due).toBeGreaterThan(Date.now());
    await popup.getByText(`Words to review: ${before.length - 1}`).waitFor();
    await review.close();
    await popup.close();
  });

  it('exports Anki notes with headers and stable GUIDs, and CSV; a bad CSV lists its rows and writes nothing until accepted', async () => {
    const dash = await openExtensionPage(ext, 'dashboard.html#/glossary');
    await dash.setViewportSize({ width: 1200, height: 900 });
    await dash.locator('.glossary-entry').first().waitFor();
    await screenshot(dash, 'glossary-dashboard');
    const save = async (name: string) => {
      const [download] = await Promise.all([dash.waitForEvent('download'), dash.getByRole('button', { name }).click()]);
      return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
    };
    const words = await glossary();
    const first = await save('Export for Anki');
    expect(first.name).toMatch(/\.txt$/);
    const lines = first.text.trimEnd().split('\n');
    expect(lines.slice(0, 7)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#deck:MoocMate glossary', '#guid column:1', '#tags column:4', '#columns:GUID\tFront\tBack\tTags']);
    const notes = lines.slice(7).map((l) => l.split('\t'));
    expect(notes).toHaveLength(words.length);
    for (const n of notes) expect(n).toHaveLength(4);
    const stomata = words.find((w) => w.term === 'stomata')!;
    const note = notes.find((n) => n[0] === `moocmate-${stomata.id}`)!;
    expect(note[1]).toBe('They take in carbon dioxide from the air,<br>through tiny holes called <b>stomata</b>.<br><br><b>stomata</b>');
    expect(note[2]).toBe('estomas<br><i>stoma</i><br>MoocMate Demo University · Lecture 1: Photosynthesis · 0:14');
    const hostile = notes.find((n) => n[1].includes('onerror'))!;
    expect(hostile[1]).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');

    // Edit a word, export again: the same notes keep their GUIDs (Anki updates them).
    const meaning = dash.locator('.glossary-entry').filter({ has: dash.locator('.entry-term', { hasText: /^carbon dioxide$/ }) }).getByRole('textbox', { name: 'Meaning' });
    await meaning.fill('dióxido de carbono');
    await meaning.press('Tab');
    await waitFor('meaning saved', async () => (await glossary()).find((w) => w.term === 'carbon dioxide')?.meaning === 'dióxido de carbono');
    const second = await save('Export for Anki');
    const guids = (text: string) => new Map(text.trimEnd().split('\n').slice(7).map((l) => [l.split('\t')[0], l.split('\t')[1]]));
    expect([...guids(second.text).keys()].sort()).toEqual([...guids(first.text).keys()].sort());
    expect(second.text).toContain('dióxido de carbono');

    const csv = await save('Export CSV');
    expect(csv.text.split('\r\n')[0]).toBe('term,meaning,notes,tags,base,sentence,course,lecture,time,page,added');
    expect(csv.text).toContain('stomata,estomas,,,stoma,');

    const count = words.length;
    const bad = ['term,meaning,time', 'chlorophyll,clorofila,0:22', ',nothing,', 'glucose,glucosa,later', 'oxygen,oxígeno,'].join('\n');
    await dash.locator('input[type=file][accept*=csv]').setInputFiles({ name: 'words.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const problems = dash.locator('.csv-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual(['Row 3: the term is empty', 'Row 4: the time is not a time like 1:23: later']);
    await screenshot(dash, 'glossary-csv-problems');
    expect(await glossary()).toHaveLength(count);
    await problems.getByRole('button', { name: 'Import the 2 good rows' }).click();
    await waitFor('two words imported', async () => (await glossary()).length === count + 2);
    expect((await glossary()).map((w) => w.term)).toEqual(expect.arrayContaining(['chlorophyll', 'oxygen']));
    await dash.close();
  });

  it('the dashboard searches, tags and deletes words in bulk', async () => {
    const dash = await openExtensionPage(ext, 'dashboard.html#/glossary');
    await dash.locator('.glossary-entry').first().waitFor();
    const before = (await glossary()).length;
    await dash.getByRole('searchbox', { name: 'Search your words' }).fill('ESTOMAS');
    await expect.poll(() => dash.locator('.glossary-entry .entry-term').allTextContents()).toEqual(['stomata']);
    await dash.getByRole('checkbox', { name: 'Select all shown' }).check();
    dash.once('dialog', (d) => void d.accept('botany, week 1'));
    await dash.getByRole('button', { name: 'Add a tag' }).click();
    await waitFor('tags saved', async () => (await glossary()).find((w) => w.term === 'stomata' && (w as unknown as { tags: string[] }).tags.join('|') === 'botany|week 1'));
    await dash.getByRole('searchbox', { name: 'Search your words' }).fill('');
    await dash.getByRole('combobox', { name: 'Tag' }).selectOption('week 1');
    await expect.poll(() => dash.locator('.glossary-entry .entry-term').allTextContents()).toEqual(['stomata']);
    dash.once('dialog', (d) => void d.accept());
    await dash.getByRole('button', { name: 'Delete', exact: true }).first().click();
    await waitFor('stomata deleted', async () => (await glossary()).length === before - 1);
    expect((await glossary()).some((w) => w.term === 'stomata')).toBe(false);
    await dash.close();
  });

  it('a service worker started again loads the word lists when a word comes, and its script does not carry them', async () => {
    // The worker's script is what Chromium parses at every start: the 1.7 MB of word lists
    // are a data file beside it (scripts/lexicon-plugin.ts), not part of it.
    const files = await probe.evaluate(async () => ({
      worker: (await (await fetch('/background.js')).text()).length,
      lexicon: (await (await fetch('/lexicon.json')).text()).length,
    }));
    expect(files.worker).toBeLessThan(800_000);
    expect(files.lexicon).toBeGreaterThan(500_000);
    await stopWorker();
    // "roots" needs the lists: its base form is "root". The side panel's add wakes the worker.
    const row = panel.locator('.cue', { hasText: 'through their roots' });
    await row.getByRole('button', { name: 'Add a word from this line to your glossary' }).click();
    await row.getByRole('button', { name: 'roots', exact: true }).click();
    await row.getByRole('button', { name: 'Add to glossary' }).click();
    await row.getByText('Added to your glossary: roots').waitFor();
    expect((await entryFor('roots')).base).toBe('root');
  });

  it('a word deleted in the dashboard while the service worker is stopped is no longer marked on the lecture page', async () => {
    const marked = async () => {
      // With no selection, the add-word keys open the caption popover.
      await lecture.bringToFront();
      await lecture.evaluate(() => getSelection()?.removeAllRanges());
      await seekTo(15);
      await lecture.keyboard.press('Alt+Shift+KeyG');
      const pop = lecture.locator('section.pop');
      await pop.locator('.line', { hasText: 'tiny holes called stomata' }).waitFor();
      const words = await pop.locator('mark.mm-gloss').allTextContents();
      await pop.getByRole('button', { name: 'Close' }).click();
      return words;
    };
    expect(await marked()).toEqual(['carbon dioxide', 'air']);
    // The worker stops after 30 s without events; here at once. The dashboard writes the
    // database itself, so nothing wakes the worker.
    await stopWorker();
    const dash = await openExtensionPage(ext, 'dashboard.html#/glossary');
    const entry = dash.locator('.glossary-entry').filter({ has: dash.locator('.entry-term', { hasText: /^carbon dioxide$/ }) });
    dash.once('dialog', (d) => void d.accept());
    await entry.getByRole('button', { name: 'Delete', exact: true }).click();
    await waitFor('carbon dioxide deleted', async () => !(await glossary()).some((w) => w.term === 'carbon dioxide'));
    await expect.poll(marked, { timeout: 10_000 }).toEqual(['air']);
    await dash.close();
  });
});
