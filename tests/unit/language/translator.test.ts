import { describe, expect, it, vi } from 'vitest';
import { onDeviceTranslator, translatorApi } from '../../../src/language/translator';

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
    expect(create).toHaveBeenCalledWith({ sourceLanguage: 'pt-BR', targetLanguage: 'es' });
    expect(translate).toHaveBeenCalledTimes(2);
  });
});
