import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb, type GlossaryEntryRecord } from '../../../src/db/schema';

const entry = (id: string, term: string, meaning = '') => ({ id, term, base: term, meaning, due: 0, tags: [] }) as unknown as GlossaryEntryRecord;

/** The background's glossary module as a service worker that has just started. */
async function freshWorker(expand: 'allowed' | 'forbidden') {
  vi.resetModules();
  if (expand === 'forbidden') {
    vi.doMock('../../../src/glossary/background-words', () => ({
      compactEntry: () => {
        throw new Error('expanded a term again');
      },
    }));
  } else vi.doUnmock('../../../src/glossary/background-words');
  return import('../../../src/glossary/background');
}

beforeEach(async () => {
  fakeBrowser.reset();
  await getDb().glossary.clear();
});

describe("the glossary's forms outlive the service worker", () => {
  it('a worker started again gives the same forms without expanding the terms again', async () => {
    await getDb().glossary.bulkPut([entry('a', 'runs', 'corre'), entry('b', 'leaves')]);
    const first = await (await freshWorker('allowed')).glossaryMatcher();
    expect(first.entries.find((e) => e.term === 'runs')!.forms[0]).toEqual(expect.arrayContaining(['run', 'ran', 'running']));
    await vi.waitFor(async () => expect(Object.keys(((await fakeBrowser.storage.session.get('glossaryForms')).glossaryForms ?? {}) as object)).toHaveLength(2));

    const again = await (await freshWorker('forbidden')).glossaryMatcher();
    expect(again.entries).toEqual(first.entries);
  });

  it('a new term is expanded, a deleted one leaves the saved forms', async () => {
    await getDb().glossary.bulkPut([entry('a', 'runs'), entry('b', 'leaves')]);
    const worker = await freshWorker('allowed');
    await worker.glossaryMatcher();
    await getDb().glossary.delete('b');
    await getDb().glossary.put(entry('c', 'geese'));
    const got = await worker.glossaryMatcher();
    expect(got.entries.map((e) => e.term).sort()).toEqual(['geese', 'runs']);
    expect(got.entries.find((e) => e.term === 'geese')!.forms[0]).toContain('goose');
    const saved = async () => Object.keys(((await fakeBrowser.storage.session.get('glossaryForms')).glossaryForms ?? {}) as object).sort();
    await vi.waitFor(async () => expect(await saved()).toEqual(['geese', 'runs']));
  });

  it('saved forms that are not lists are ignored, and the terms expanded', async () => {
    await fakeBrowser.storage.session.set({ glossaryForms: { runs: 'not a list' } });
    await getDb().glossary.put(entry('a', 'runs'));
    const got = await (await freshWorker('allowed')).glossaryMatcher();
    expect(got.entries[0].forms[0]).toContain('ran');
  });
});
