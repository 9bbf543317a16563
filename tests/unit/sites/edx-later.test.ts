// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { edxAdapter } from '../../../src/sites/edx';
import { edxLater } from '../../../src/sites/edx/later';

const ROOT = join(import.meta.dirname, '../../..');
const PAGES = join(ROOT, 'tests/fixtures/pages');
const CORPUS = '/work/shared/corpus/openedx/xmodule-js-fixtures';
const LOC = new URL('https://courses.edx.org/courses/course-v1:MoocMateX+PLANT101+2026/courseware/a/b/1') as unknown as Location;

const parse = (file: string) => new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
const pagesOf = (site: string) => readdirSync(join(PAGES, site)).filter((f) => f.endsWith('.html')).map((f) => join(PAGES, site, f));
/** What the adapter itself would read on a page: a lecture, or a peer assessment. */
const adapterReads = (doc: Document) => edxAdapter.matches(LOC, doc) || (edxAdapter.peerDuties?.(doc, LOC).length ?? 0) > 0;

describe('Open edX markup: the generic script loads the edX adapter only where it has work', () => {
  it('finds the markup on every saved edX page and every edx-platform player fixture', () => {
    const files = [...pagesOf('edx'), ...readdirSync(CORPUS).filter((f) => f.startsWith('video') && f.endsWith('.html')).map((f) => join(CORPUS, f))];
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const doc = parse(file);
      // Never a page the adapter reads without the markup test saying so.
      if (adapterReads(doc)) expect(edxLater.present(doc), file).toBe(true);
    }
    // The saved pages: exactly where the adapter has work. The learning app's top frame has
    // none (its unit is an iframe, where the generic script runs again and finds the markup).
    const found = pagesOf('edx').filter((file) => {
      const doc = parse(file);
      expect(edxLater.present(doc), file).toBe(adapterReads(doc));
      return edxLater.present(doc);
    });
    expect(found.map((f) => f.split('/').pop())).not.toContain('learning-mfe.html');
    expect(found).toHaveLength(pagesOf('edx').length - 1);
  });

  it('does not find it on the other sites and generic pages, nor on a plain div.video', () => {
    for (const site of ['html5', 'coursera', 'udemy', 'khan']) {
      for (const file of pagesOf(site)) expect(edxLater.present(parse(file)), file).toBe(false);
    }
    const plain = new DOMParser().parseFromString('<div class="video"><video src="/a.webm"></video></div><section class="subtitles-x"></section>', 'text/html');
    expect(edxLater.present(plain)).toBe(false);
  });
});
