import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** A learner setting in extension storage, shared live by every open MoocMate page. */
export function useSetting<T>(key: string, fallback: T, valid: (v: unknown) => v is T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    void browser.storage.local.get(key).then((got) => valid(got[key]) && setValue(got[key]));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes && valid(changes[key].newValue)) setValue(changes[key].newValue as T);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [key]);
  return [value, (v: T) => void browser.storage.local.set({ [key]: v })];
}
