import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onStartReviewCommand } from '../../../src/glossary/background';

describe('the start-review shortcut', () => {
  beforeEach(() => fakeBrowser.reset());
  it('opens the review page in a new tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await onStartReviewCommand();
    expect(create).toHaveBeenCalledOnce();
    expect(create.mock.calls[0][0].url).toMatch(/^chrome-extension:\/\/[^/]+\/review\.html$/);
  });
});
