import { describe, expect, it, vi } from 'vitest';
import type { GlossaryMatcher } from '../../../src/glossary/match';
import { rememberingFinds } from '../../../src/ui/glossary-marks';

describe('a page’s glossary matcher', () => {
  it('finds each text’s words once, however often a line asks', () => {
    const hit = { entryId: 'g1', term: 'stomata', meaning: 'tiny holes', start: 0, end: 7 };
    const inner: GlossaryMatcher = { find: vi.fn((text: string) => (text.startsWith('stomata') ? [hit] : [])) };
    const m = rememberingFinds(inner);
    for (let i = 0; i < 3; i++) {
      expect(m.find('stomata let air in')).toEqual([hit]);
      expect(m.find('roots take water')).toEqual([]);
    }
    expect(inner.find).toHaveBeenCalledTimes(2);
  });
});
