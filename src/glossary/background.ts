import { browser, type Browser } from 'wxt/browser';
import { backgroundText } from '../ui/page-strings';
import { UI_LANGUAGE_KEY } from '../ui/messages-table';
import { getDb, type GlossaryEntryRecord } from '../db/schema';
import type { BackgroundProtocol, TabProtocol } from '../messaging/protocol';
import type { CompactEntry, MatcherData } from './match';
import { lexiconReady } from 'virtual:lexicon';
import { onGlossaryWrite } from '../db/glossary-writes';
import { throttled } from './changes';

// The lemmatizer's word lists (1.7 MB as code) are a data file loaded on the first glossary
// message, not code the service worker parses every time it starts (it restarts often;
// scripts/lexicon-plugin.ts).
const words = () => lexiconReady().then(() => import('./background-words'));

type Req<K extends keyof BackgroundProtocol> = BackgroundProtocol[K]['req'];
type Res<K extends keyof BackgroundProtocol> = BackgroundProtocol[K]['res'];

export const ADD_WORD_MENU = 'moocmate-add-word';
export const ADD_WORD_COMMAND = 'add-word';
export const START_REVIEW_COMMAND = 'start-review';

export async function glossaryAdd(req: Req<'glossary.add'>): Promise<Res<'glossary.add'>> {
  return (await words()).addWord(getDb(), req);
}

export async function glossaryImport(req: Req<'glossary.import'>): Promise<Res<'glossary.import'>> {
  return (await words()).addWords(getDb(), req.rows);
}

// The expanded forms of each term, kept between changes: expanding 10,000 terms takes a while.
const formsByTerm = new Map<string, string[][]>();
let version = 0;

/**
 * The forms also outlive the service worker, in storage.session (kept while the browser
 * runs, cleared when MoocMate is updated). The browser stops the worker after 30 s idle;
 * without this, the next side panel or caption popover waited while it loaded the word
 * lists and expanded every term again (200 words: about 190 ms, against 12 ms).
 */
const FORMS_KEY = 'glossaryForms';
let restored: Promise<void> | undefined;
const restoreForms = () =>
  (restored ??= browser.storage.session
    .get(FORMS_KEY)
    .then((got) => {
      const saved = (got as Record<string, unknown>)[FORMS_KEY];
      if (!saved || typeof saved !== 'object') return;
      for (const [term, forms] of Object.entries(saved)) if (Array.isArray(forms) && !formsByTerm.has(term)) formsByTerm.set(term, forms as string[][]);
    })
    .catch(() => undefined));

async function compact(entries: GlossaryEntryRecord[]): Promise<MatcherData> {
  await restoreForms();
  const terms = new Set(entries.map((e) => e.term));
  let changed = false;
  for (const t of formsByTerm.keys()) {
    if (terms.has(t)) continue;
    formsByTerm.delete(t);
    changed = true;
  }
  // Only terms never expanded need the lemmatizer and its word lists.
  const missing = entries.filter((e) => !formsByTerm.has(e.term));
  if (missing.length > 0) {
    const { compactEntry } = await words();
    for (const e of missing) formsByTerm.set(e.term, compactEntry(e).forms);
    changed = true;
  }
  if (changed) void browser.storage.session.set({ [FORMS_KEY]: Object.fromEntries(formsByTerm) }).catch(() => undefined);
  const out: CompactEntry[] = entries.map((e) => ({ id: e.id, term: e.term, meaning: e.meaning, forms: formsByTerm.get(e.term)! }));
  return { version, entries: out };
}

/** Read afresh every time (a page may ask right after an edit); only the forms are cached. */
export async function glossaryMatcher(): Promise<Res<'glossary.matcher'>> {
  return compact(await getDb().glossary.toArray());
}

/**
 * Any change to the glossary tells open tabs to fetch the matcher again: a write made here,
 * or one an extension page tells of (`glossary.changed`, src/glossary/changes.ts). Not a
 * live query: it would read the whole glossary at every start of the worker, and miss what
 * pages wrote while the browser had the worker stopped.
 */
const tellTabsSoon = throttled(() => void tellTabs({ version: ++version }));

export function watchGlossary(): void {
  onGlossaryWrite(tellTabsSoon);
}

export async function glossaryChanged(): Promise<Res<'glossary.changed'>> {
  tellTabsSoon();
  return { told: true };
}

async function tellTabs(req: TabProtocol['page.glossaryChanged']['req']): Promise<void> {
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    if (tab.id === undefined || !/^https?:/.test(tab.url ?? '')) continue;
    browser.tabs.sendMessage(tab.id, { moocmate: 'page.glossaryChanged', data: req }).catch(() => undefined);
  }
}

/** The right-click entry on selected text, made once per install or update. */
export async function createGlossaryMenu(): Promise<void> {
  const menus = browser.contextMenus;
  if (!menus) return;
  const title = (await backgroundText())('glossaryAddMenu');
  await menus.removeAll().catch(() => undefined);
  menus.create({ id: ADD_WORD_MENU, title, contexts: ['selection'] });
}

/** The menu entry follows the interface language the learner picks. */
export function watchGlossaryMenuLanguage(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(UI_LANGUAGE_KEY in changes) || !browser.contextMenus) return;
    void backgroundText().then((text) => browser.contextMenus.update(ADD_WORD_MENU, { title: text('glossaryAddMenu') }).catch(() => undefined));
  });
}

/**
 * The context menu on selected text: the page's frame adds it with its sentence and the
 * lecture moment. A page MoocMate does not run on still gets the word, with the selection
 * as its sentence.
 */
export async function onGlossaryMenu(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId !== ADD_WORD_MENU || !info.selectionText) return;
  const req: TabProtocol['page.addWord']['req'] = { selection: info.selectionText };
  if (tab?.id !== undefined) {
    const reply = (await browser.tabs.sendMessage(tab.id, { moocmate: 'page.addWord', data: req }, { frameId: info.frameId ?? 0 }).catch(() => null)) as { ok?: boolean } | null;
    if (reply?.ok) return;
  }
  await (await words()).addWord(getDb(), { term: info.selectionText, sentence: info.selectionText, lectureId: null, trackId: null, cueIndex: null, time: null, pageUrl: info.pageUrl ?? '' }).catch(() => undefined);
}

/** The browser shortcut (Alt+Shift+G): the tab's frames add their selection or open the caption popover. */
export async function onAddWordCommand(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, { moocmate: 'page.addWord', data: {} }).catch(() => undefined);
}

/** The browser's "Review my words" shortcut: the review page in a new tab. */
export async function onStartReviewCommand(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/review.html') });
}
