// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveMessages, type LocaleFile } from '../../../src/ui/messages-table';
import { setMessageTable } from '../../../src/ui/i18n';

// The search answers only when the test lets it, so the render right after a click can be read.
const answers: Array<() => void> = [];
vi.mock('../../../src/captions/search', async (real) => ({
  ...(await real<typeof import('../../../src/captions/search')>()),
  searchTranscripts: () => new Promise((resolve) => answers.push(() => resolve({ hits: [], more: false, incomplete: true }))),
}));

const { SearchView, shownQuery } = await import('../../../entrypoints/dashboard/SearchView');

/** Lets every pending search answer, and waits until the view shows it (it reads the database too). */
async function answerAll() {
  await act(async () => {
    answers.splice(0).forEach((f) => f());
  });
  // A fixed number of ticks was not enough on a busy machine (CI): the database reads after
  // the answer take as long as they take.
  await vi.waitFor(() => expect(document.querySelector('.search-results')?.getAttribute('aria-busy')).toBe('false'), { timeout: 5000 });
}

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as LocaleFile;
setMessageTable(resolveMessages(en, en));
afterEach(() => render(null, document.body));

describe('dashboard search: "Look at more lines"', () => {
  it('the render that asks for the wider search already says busy, so the old answer never passes for the new one', async () => {
    await act(() => render(<SearchView query={'"leaf light"'} onError={() => undefined} />, document.body));
    await answerAll();
    const section = () => document.querySelector('.search-results')!;
    expect([section().getAttribute('data-depth'), section().getAttribute('aria-busy')]).toEqual(['0', 'false']);

    // The section as each render of the view leaves it (what the browser, and a test
    // reading the page between renders, can see).
    const seen: string[] = [];
    const before = options.diffed;
    options.diffed = (vnode) => {
      before?.(vnode);
      if (vnode.type === SearchView) seen.push(`${section().getAttribute('data-depth')} ${section().getAttribute('aria-busy')}`);
    };
    try {
      await act(() => (document.querySelector('.search-further') as HTMLButtonElement).click());
    } finally {
      options.diffed = before;
    }
    // Depth 1 is asked for and not answered yet: busy from its first render, with the button off.
    expect(seen).toContain('1 true');
    expect(seen).not.toContain('1 false');
    expect([section().getAttribute('data-depth'), section().getAttribute('aria-busy')]).toEqual(['1', 'true']);
    expect((document.querySelector('.search-further') as HTMLButtonElement).disabled).toBe(true);

    await answerAll();
    expect([section().getAttribute('data-depth'), section().getAttribute('aria-busy')]).toEqual(['1', 'false']);
  });
});

describe('dashboard search: the heading', () => {
  it('shows a one-phrase query inside the language’s quotes only, and any other query as typed', async () => {
    expect(shownQuery('"carbon dioxide"')).toBe('carbon dioxide');
    expect(shownQuery('  " carbon dioxide "  ')).toBe('carbon dioxide');
    expect(shownQuery('"carbon dioxide" leaf')).toBe('"carbon dioxide" leaf');
    expect(shownQuery('"a" "b"')).toBe('"a" "b"');
    expect(shownQuery('leaf')).toBe('leaf');
    await act(() => render(<SearchView query={'"leaf light"'} onError={() => undefined} />, document.body));
    await answerAll();
    expect(document.querySelector('#results-title')!.textContent).toBe('Results for “leaf light”');
  });
});
