import { afterEach, describe, expect, it, vi } from 'vitest';
import { onDeviceTranslator, TranslationTimeout, TRANSLATION_WAIT_MS, translatorApi } from '../../../src/language/translator';

function fakeScope(availability: string) {
  const translate = vi.fn(async (text: string) => `[es] ${text}`);
  const create = vi.fn(async () => ({ translate }));
  return { scope: { Translator: { availability: vi.fn(async () => availability), create } }, create, translate };
}

describe('on-device translation (feature detection)', () => {
  it('is absent where the browser has no Translator API', async () => {
    expect(translatorApi({})).toBeNull();
    expect(translatorApi({ Translator: { availability: 1 } })).toBeNull();
    expect(await onDeviceTranslator('en', 'es', {})).toBeNull();
  });

  it('is absent when the pair is unavailable, or the languages are the same', async () => {
    expect(await onDeviceTranslator('en', 'es', fakeScope('unavailable').scope)).toBeNull();
    expect(await onDeviceTranslator('en-US', 'en-GB', fakeScope('available').scope)).toBeNull();
    expect(await onDeviceTranslator('', 'es', fakeScope('available').scope)).toBeNull();
  });

  it('is absent when the API refuses the tags', async () => {
    const scope = { Translator: { availability: async () => Promise.reject(new RangeError('bad tag')), create: async () => ({}) } };
    expect(await onDeviceTranslator('xx-!!', 'es', scope)).toBeNull();
  });

  it('translates on this device when available, creating the translator once on first use', async () => {
    const { scope, create, translate } = fakeScope('downloadable');
    const fn = await onDeviceTranslator('pt_BR', 'es', scope);
    expect(fn).not.toBeNull();
    expect(create).not.toHaveBeenCalled();
    expect(await fn!('Olá')).toBe('[es] Olá');
    expect(await fn!('Tchau')).toBe('[es] Tchau');
    expect(create).toHaveBeenCalledOnce();
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ sourceLanguage: 'pt-BR', targetLanguage: 'es' }));
    expect(translate).toHaveBeenCalledTimes(2);
  });

  describe('a model that never comes', () => {
    afterEach(() => vi.useRealTimers());

    /** create() never settles, as when the browser cannot download its model; `progress` fires its download events. */
    function stuckScope() {
      const monitors: Array<() => void> = [];
      const create = vi.fn((o: { monitor?: (m: { addEventListener(t: string, f: () => void): void }) => void }) => {
        o.monitor?.({ addEventListener: (_t, f) => monitors.push(f) });
        return new Promise(() => {});
      });
      return { scope: { Translator: { availability: async () => 'downloadable', create } }, create, progress: () => monitors.forEach((f) => f()) };
    }

    it('gives up after a bounded wait, and the next try creates the translator again', async () => {
      vi.useFakeTimers();
      const { scope, create } = stuckScope();
      const fn = (await onDeviceTranslator('en', 'es', scope))!;
      const first = fn('Hello');
      const failed = expect(first).rejects.toBeInstanceOf(TranslationTimeout);
      await vi.advanceTimersByTimeAsync(TRANSLATION_WAIT_MS - 1);
      let settled = false;
      void first.catch(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await failed;
      void fn('Hello').catch(() => undefined);
      expect(create).toHaveBeenCalledTimes(2);
    });

    it('keeps waiting while the download makes progress', async () => {
      vi.useFakeTimers();
      const { scope, progress } = stuckScope();
      const fn = (await onDeviceTranslator('en', 'es', scope, 1000))!;
      let outcome: unknown = 'pending';
      fn('Hello').catch((e) => (outcome = e));
      await vi.advanceTimersByTimeAsync(900);
      progress();
      await vi.advanceTimersByTimeAsync(900);
      expect(outcome).toBe('pending');
      await vi.advanceTimersByTimeAsync(100);
      expect(outcome).toBeInstanceOf(TranslationTimeout);
    });
  });
});
