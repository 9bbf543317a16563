import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UI_LANGUAGES } from '../../../src/ui/messages-table';

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
  // One rule for key names: as the browser prints shortcuts (commands.getAll() gives
  // "Alt+Shift+F" in every language), never translated, so a message and the key shown
  // beside it in Settings match.
  const keyNames = (text: string) => (text.match(/\b(?:(?:Alt|Ctrl|Shift)\+)+\w+\b|\b(?:Tab|Enter|Space|Esc)\b/g) ?? []).sort();
  it('the key-name check sees a translated key name', () => {
    expect(keyNames('Intro o Espacio: usar el botón.')).not.toEqual(keyNames('Enter or Space: use the button.'));
    expect(keyNames('Alt+Mayús+F')).not.toEqual(keyNames('Alt+Shift+F'));
  });
  for (const loc of locales) {
    it(`${loc} names keys exactly as English does (Alt, Shift, Tab, Enter, Space)`, () => {
      const other = load(loc);
      for (const [key, m] of Object.entries(en)) {
        if (keyNames(m.message).length) expect(keyNames(other[key].message), `${loc}.${key}`).toEqual(keyNames(m.message));
      }
    });
  }
  it('every placeholder English declares is used, and every one used is declared', () => {
    for (const [key, m] of Object.entries(en)) {
      expect(slots(m).some((s) => s.endsWith('=MISSING')), key).toBe(false);
      expect(Object.keys(m.placeholders ?? {}).length, key).toBe(slots(m).length);
    }
  });
});

/** The locale folder names Chrome accepts in _locales (its list of supported locales). */
const CHROME_LOCALES = new Set(
  ('ar am bg bn ca cs da de el en en_AU en_GB en_US es es_419 et fa fi fil fr gu he hi hr hu id it ja kn ko lt lv ml mr ms nl no ' +
    'pl pt_BR pt_PT ro ru sk sl sr sv sw ta te th tr uk vi zh_CN zh_TW').split(' '),
);
const ROOT = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('locale names and keys used in code', () => {
  it('every _locales folder is a locale Chrome knows, and the interface offers exactly these', () => {
    const folders = readdirSync(dir);
    for (const f of folders) expect(CHROME_LOCALES.has(f), `${f} is not a Chrome locale code`).toBe(true);
    for (const l of UI_LANGUAGES) expect(CHROME_LOCALES.has(l), l).toBe(true);
  });

  it("every key the code names in t('…'), msg('…') or __MSG_…__ exists in English", () => {
    const missing: string[] = [];
    let seen = 0;
    const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'entrypoints')), join(ROOT, 'wxt.config.ts')];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:t|msg)\(\s*['"]([A-Za-z0-9_]+)['"]|__MSG_([A-Za-z0-9_]+)__/g)) {
        seen++;
        const key = m[1] ?? m[2];
        if (!(key in en)) missing.push(`${relative(ROOT, file)}: ${key}`);
      }
    }
    expect(seen).toBeGreaterThan(100); // the scan really reads the code
    expect(missing).toEqual([]);
  });
});
