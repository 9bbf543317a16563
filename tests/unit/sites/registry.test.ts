import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adapters } from '../../../src/sites/registry';
import { COURSE_SCRIPTS, SITE_MATCHES } from '../../../src/sites/hosts';
import { SITE_SCRIPT_FILES } from '../../../src/sites/page-tools';

const ROOT = join(import.meta.dirname, '../../..');
const at = (...p: string[]) => join(ROOT, ...p);

describe('site adapters', () => {
  it('every adapter folder is registered, and the generic one comes last', () => {
    const folders = readdirSync(at('src/sites'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(adapters.map((a) => a.site).sort()).toEqual(folders);
    expect(adapters[adapters.length - 1].site).toBe('html5');
  });

  it('every adapter runs in exactly one content script (at once, or later), which has its hosts (html5 runs in all)', () => {
    const scripts = readdirSync(at('entrypoints'))
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => readFileSync(at('entrypoints', f), 'utf8').includes('startCourseScript('));
    // Each is a course page's script of the manifest, and each of those is one of them.
    expect(scripts.sort()).toEqual(Object.values(COURSE_SCRIPTS).map((f) => `${f.slice(1, -'.js'.length)}.ts`).sort());
    // `edxLater`: the adapter loads later, only on pages with its markup (src/sites/edx/later.ts).
    const passes = (file: string, site: string) => new RegExp(`startCourseScript\\((new SiteList\\()?\\[[^\\]]*\\b${site}(Adapter|Later)\\b`).test(readFileSync(at('entrypoints', file), 'utf8'));
    for (const { site } of adapters) {
      const using = scripts.filter((f) => passes(f, site));
      if (site === 'html5') expect(using.sort(), site).toEqual(scripts.sort());
      else expect(using.length, `${site}: ${using.join(', ')}`).toBe(1);
    }
    // A later site's script hands over that adapter, and the background knows its file.
    for (const [site, file] of Object.entries(SITE_SCRIPT_FILES)) {
      const entry = `${file.slice(1, -'.js'.length)}.ts`;
      expect(readFileSync(at('entrypoints', entry), 'utf8'), entry).toContain(`shareSite(${site}Adapter)`);
    }
    // Each platform's own script serves its hosts from SITE_MATCHES; course.ts the rest.
    expect(Object.keys(COURSE_SCRIPTS).sort()).toEqual(Object.keys(SITE_MATCHES).sort());
    for (const [site, file] of Object.entries(COURSE_SCRIPTS)) {
      expect(file, site).toBe(site === 'other' ? '/course.js' : `/${site}.js`);
    }
  });

  for (const adapter of adapters) {
    it(`${adapter.site} has its selectors file, saved pages with sources, a unit test and an e2e test`, () => {
      expect(existsSync(at('src/sites', adapter.site, 'selectors.ts')), 'selectors.ts').toBe(true);
      const pages = at('tests/fixtures/pages', adapter.site);
      expect(existsSync(join(pages, 'SOURCES.md')), 'fixture SOURCES.md').toBe(true);
      expect(readdirSync(pages).filter((f) => f.endsWith('.html')).length, 'fixture pages').toBeGreaterThan(0);
      expect(existsSync(at('tests/unit/sites', `${adapter.site}.test.ts`)), 'unit test').toBe(true);
      expect(existsSync(at('tests/e2e/sites', `${adapter.site}.e2e.ts`)), 'e2e test').toBe(true);
    });

    it(`${adapter.site} keeps every CSS selector in selectors.ts`, () => {
      const dir = at('src/sites', adapter.site);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'selectors.ts')) {
        const code = readFileSync(join(dir, file), 'utf8');
        // A string literal handed straight to a DOM query is a selector outside selectors.ts.
        const inline = code.match(/\b(querySelector(All)?|closest|matches)\(\s*['"`][^'"`]*['"`]/g) ?? [];
        expect(inline, `${adapter.site}/${file}`).toEqual([]);
      }
    });
  }
});
