import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const dir = join(import.meta.dirname, '../../../public/_locales');
const load = (loc: string): Messages => JSON.parse(readFileSync(join(dir, loc, 'messages.json'), 'utf8'));
const en = load('en');
const locales = readdirSync(dir).filter((l) => l !== 'en');

/** $NAME$ references in a message, and the placeholder contents ($1, $2) they stand for. */
function slots(m: Messages[string]): string[] {
  const used = [...m.message.matchAll(/\$([A-Z_]+)\$/gi)].map((x) => x[1].toLowerCase());
  return used.map((name) => `${name}=${m.placeholders?.[name]?.content ?? 'MISSING'}`).sort();
}

describe('interface translations', () => {
  it('there is at least one language besides English', () => {
    expect(locales.length).toBeGreaterThan(0);
  });
  for (const loc of locales) {
    it(`${loc} has exactly the keys English has, with the same placeholders`, () => {
      const other = load(loc);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(slots(other[key]), `${loc}.${key}`).toEqual(slots(en[key]));
        expect(other[key].message.trim(), `${loc}.${key} is empty`).not.toBe('');
      }
      expect(other.localeCode.message).toBe(loc.replace('_', '-'));
    });
  }
  it('every placeholder English declares is used, and every one used is declared', () => {
    for (const [key, m] of Object.entries(en)) {
      expect(slots(m).some((s) => s.endsWith('=MISSING')), key).toBe(false);
      expect(Object.keys(m.placeholders ?? {}).length, key).toBe(slots(m).length);
    }
  });
});
