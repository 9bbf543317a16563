// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveMessages, type LocaleFile } from '../../../src/ui/messages-table';
import { setMessageTable } from '../../../src/ui/i18n';
import { getDb } from '../../../src/db/schema';
import { addWord } from '../../../src/glossary/store';

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as LocaleFile;
setMessageTable(resolveMessages(en, en));
const { App } = await import('../../../entrypoints/review/App');

const word = (term: string) => ({ term, sentence: `About ${term}.`, lectureId: null, trackId: null, cueIndex: null, time: null, pageUrl: '' });
const key = (k: string) => void dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
const card = () => document.querySelector('.review-card[data-entry-id]');
const heading = () => document.querySelector('.review-card h1')?.textContent;

beforeEach(async () => {
  await getDb().glossary.clear();
});
afterEach(() => {
  render(null, document.body);
  vi.useRealTimers();
});

// Generous time: the first render opens the database and loads the scheduler, slow on a busy machine.
describe('review page', { timeout: 20_000 }, () => {
  it('grades a word once when its key is pressed twice before the answer is stored', async () => {
    const { entryId } = await addWord(getDb(), word('stomata'), Date.now() - 1000);
    await act(() => render(<App />, document.body));
    await vi.waitFor(() => expect(card()).not.toBeNull(), { timeout: 15_000 });
    await act(() => {
      key(' ');
    });
    await act(() => {
      key('3');
      key('3');
    });
    await vi.waitFor(() => expect(`${heading()} | ${document.querySelector('[role="alert"]')?.textContent} | ${document.querySelector('.answer') ? 'shown' : 'hidden'}`).toBe(`${en.reviewNothingDue.message} | undefined | hidden`), { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 100));
    expect((await getDb().glossary.get(entryId))!.card.reps).toBe(1);
  });

  it('brings a word answered "Again" back when it falls due, with the page left open', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    await addWord(getDb(), word('stomata'), Date.now() - 1000);
    await act(() => render(<App />, document.body));
    await vi.waitFor(() => expect(card()).not.toBeNull(), { timeout: 15_000 });
    await act(() => {
      key(' ');
    });
    await act(() => {
      key('1');
    });
    await vi.waitFor(() => expect(heading()).toBe(en.reviewNothingDue.message), { timeout: 15_000 });
    const due = (await getDb().glossary.toArray())[0].due;
    expect(due - Date.now()).toBeGreaterThan(30_000); // "Again" brings it back in minutes, not now
    await act(async () => {
      await vi.advanceTimersByTimeAsync(due - Date.now() + 1000);
    });
    await vi.waitFor(() => expect(card()).not.toBeNull(), { timeout: 15_000 });
    expect(card()!.querySelector('.term')?.textContent).toBe('stomata');
  });

  it('says so when the word was deleted meanwhile (in another tab), and goes on', async () => {
    const { entryId } = await addWord(getDb(), word('stomata'), Date.now() - 1000);
    await act(() => render(<App />, document.body));
    await vi.waitFor(() => expect(card()).not.toBeNull(), { timeout: 15_000 });
    await act(() => {
      key(' ');
    });
    // Deleted past Dexie (as another tab's write would be, before this page hears of it).
    await new Promise<void>((resolve, reject) => {
      const tx = getDb().backendDB().transaction('glossary', 'readwrite');
      tx.objectStore('glossary').delete(entryId);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    await act(() => {
      key('3');
    });
    await vi.waitFor(() => expect(document.querySelector('[role="alert"]')?.textContent).toBe(en.glossaryNotThere.message));
    expect(heading()).toBe(en.reviewNothingDue.message);
  });
});
