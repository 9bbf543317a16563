// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import type { Cue } from '../../../src/captions/types';
import { setMessageTable } from '../../../src/ui/i18n';
import { resolveMessages } from '../../../src/ui/messages-table';
import { TranscriptList } from '../../../src/ui/transcript-list';

const en = resolveMessages(JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales/en/messages.json'), 'utf8')));
beforeAll(() => setMessageTable(en));
afterEach(cleanup);

const cues: Cue[] = ['Plants need light.', 'Leaves hold chlorophyll.', 'Water comes up the stem.'].map((text, index) => ({ index, start: index * 2, end: index * 2 + 2, text }));
const NO_NEEDLES: string[] = [];

// The side panel draws itself again four times a second while the lecture plays: only the
// lines whose own data (or what their drawing depends on) changed may be drawn again, and
// a line drawn earlier must still act with the latest callbacks.
describe('the transcript list draws a line again only when it changes', () => {
  it('the same lines again: none drawn; the playing line moves: the two lines it leaves and reaches', () => {
    const drawn = vi.fn((text: string) => text);
    const list = (current: number) => <TranscriptList cues={cues} current={current} needles={NO_NEEDLES} follow={false} onPick={() => undefined} pickLabel="Play from here" renderText={drawn} />;
    const { rerender, container } = render(list(0));
    expect(drawn).toHaveBeenCalledTimes(3);
    rerender(list(0));
    expect(drawn).toHaveBeenCalledTimes(3);
    rerender(list(1));
    expect(drawn.mock.calls.slice(3).map(([t]) => t)).toEqual(['Plants need light.', 'Leaves hold chlorophyll.']);
    expect(container.querySelector('.cue.current')?.textContent).toContain('Leaves hold chlorophyll.');
  });

  it('what the drawing depends on changes (the glossary): every line is drawn again', () => {
    let marked = 'a';
    const drawn = vi.fn((text: string) => `${marked}:${text}`);
    const list = (deps: unknown[]) => <TranscriptList cues={cues} current={-1} needles={NO_NEEDLES} follow={false} onPick={() => undefined} pickLabel="Play from here" renderText={drawn} lineDeps={deps} />;
    const { rerender, container } = render(list(['glossary 1']));
    marked = 'b';
    rerender(list(['glossary 1']));
    expect(container.textContent).toContain('a:Plants need light.');
    rerender(list(['glossary 2']));
    expect(drawn).toHaveBeenCalledTimes(6);
    expect(container.textContent).toContain('b:Plants need light.');
  });

  it('a click on a line not drawn again calls the latest onPick', () => {
    const first = vi.fn();
    const latest = vi.fn();
    const list = (onPick: (cue: Cue) => void) => <TranscriptList cues={cues} current={-1} needles={NO_NEEDLES} follow={false} onPick={onPick} pickLabel="Play from here" />;
    const { rerender, container } = render(list(first));
    rerender(list(latest));
    fireEvent.click(container.querySelectorAll('.cue-button')[2]);
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledWith(cues[2]);
  });

  it('a search and a flag show on their lines', () => {
    const list = (needles: string[], flagged: Set<number>) => <TranscriptList cues={cues} current={-1} needles={needles} flagged={flagged} follow={false} onPick={() => undefined} pickLabel="Play from here" />;
    const { rerender, container } = render(list(NO_NEEDLES, new Set()));
    rerender(list(['chlorophyll'], new Set([2])));
    expect(container.querySelector('mark')?.textContent?.toLowerCase()).toBe('chlorophyll');
    expect(container.querySelector('.cue.flagged')?.getAttribute('data-index')).toBe('2');
  });
});
