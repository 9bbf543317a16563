import { describe, expect, it } from 'vitest';
import { baseForm, surfaceForms } from '../../../src/language/lemma';

describe('baseForm', () => {
  it('takes inflected English words to their lemma', () => {
    expect(baseForm('ran')).toBe('run');
    expect(baseForm('Running')).toBe('run');
    expect(baseForm('runs')).toBe('run');
    // Words without -ing/-ed are read as nouns first.
    expect(baseForm('leaves')).toBe('leaf');
    expect(baseForm('studies')).toBe('study');
    expect(baseForm('took')).toBe('take');
  });
  it('gives common lecture words the base a learner knows', () => {
    expect(baseForm('does')).toBe('do'); // not the deer "doe"
    expect(baseForm('evening')).toBe('evening'); // not a form of "even"
    expect(baseForm('physics')).toBe('physics');
    expect(baseForm('data')).toBe('data');
    expect(surfaceForms('even')).not.toContain('evening');
    expect(surfaceForms('do')).toContain('does');
  });
  it('leaves other scripts as they are, lower-cased', () => {
    expect(baseForm('光合作用')).toBe('光合作用');
    expect(baseForm('Ñandú')).toBe('ñandú');
    expect(baseForm('التمثيل')).toBe('التمثيل');
  });
});

describe('surfaceForms', () => {
  it('lists regular and irregular forms that come back to the same base', () => {
    const run = surfaceForms('run');
    for (const f of ['run', 'runs', 'ran', 'running']) expect(run).toContain(f);
    expect(run).not.toContain('runed');
    const stop = surfaceForms('stopped');
    for (const f of ['stop', 'stops', 'stopped', 'stopping']) expect(stop).toContain(f);
    const study = surfaceForms('study');
    for (const f of ['studies', 'studied', 'studying']) expect(study).toContain(f);
    expect(surfaceForms('capture')).toEqual(expect.arrayContaining(['captures', 'captured', 'capturing']));
  });
});
