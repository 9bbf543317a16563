// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveMessages, type LocaleFile } from '../../../src/ui/messages-table';
import { setMessageTable } from '../../../src/ui/i18n';
import { getDb } from '../../../src/db/schema';
import { ingestTrack } from '../../../src/captions/store';
import { exportFlags, importFlags } from '../../../src/flags/exchange';
import { editFlag, flagCaptionAt } from '../../../src/flags/store';
import { FlagsView } from '../../../entrypoints/dashboard/FlagsView';
import { captured, freshDb } from '../helpers';

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')) as LocaleFile;
setMessageTable(resolveMessages(en, en));
afterEach(() => render(null, document.body));

async function learnerFile(reporterId: string, suggestion: string): Promise<string> {
  const db = freshDb();
  const { lectureId } = await ingestTrack(db, captured(), 1);
  const f = await flagCaptionAt(db, { lectureId, time: 2.5 }, 100);
  await editFlag(db, f.id, { suggestion }, 101);
  return JSON.stringify(await exportFlags(db, { reporterId }));
}

describe('dashboard queue: learners who disagree', () => {
  it('offers "Use this one" on each other suggestion, and marks the one going into the corrected captions', async () => {
    const db = getDb();
    await ingestTrack(db, captured(), 1);
    for (const [who, s] of [['a', 'This is called photosynthesis.'], ['b', 'This is called photosynthesis.'], ['c', 'This is cold photosynthesis.']]) {
      await importFlags(db, await learnerFile(who, s), { reporterId: 'v' });
    }
    await act(() => render(<FlagsView onNotice={() => undefined} />, document.body));
    const lines = () => [...document.querySelectorAll('.queue-item .suggestion')].map((p) => p.textContent ?? '');
    await vi.waitFor(() => expect(lines()).toHaveLength(2), { timeout: 5000 });
    // Nothing is confirmed yet: nothing is applied, each suggestion can be picked.
    expect(document.querySelectorAll('[data-testid="suggestion-applied"]')).toHaveLength(0);
    expect(document.querySelectorAll('[data-testid="use-suggestion"]')).toHaveLength(2);

    const few = [...document.querySelectorAll('.queue-item .suggestion')].find((p) => p.textContent?.includes('cold'))!;
    await act(() => (few.querySelector('[data-testid="use-suggestion"]') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(lines().find((l) => l.includes('cold'))).toContain('Goes into the corrected captions.'), { timeout: 5000 });
    expect(lines().find((l) => l.includes('called'))).toContain('Use this one');
    expect((await db.flags.toArray()).map((f) => f.status).sort()).toEqual(['confirmed', 'rejected', 'rejected']);
  });
});
