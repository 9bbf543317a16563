/**
 * WebVTT parser conformance against two third-party corpora (data only, see
 * tests/fixtures/conformance/SOURCES.md):
 *
 * - mozilla/vtt.js (2019): every MANIFEST.tsv row, whole-file parse compared
 *   with expected_parse_json. The -proc.json files describe the rendering
 *   (processing model), not parsing, and are not used.
 * - web-platform-tests webvtt/parsing/file-parsing (2021): each page's
 *   assertion block is run against our cues (see runWptBlock).
 *
 * Known failures are listed with a reason. A case fails the run if it fails
 * and is not listed, or if it is listed but now passes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVttDetailed, type VttCueDetailed, type VttDetailedResult, type VttRegion } from '../../../src/captions/formats/vtt';

const ROOT = join(__dirname, '../../fixtures/conformance');
const VTTJS = join(ROOT, 'vtt.js-tests');
const WPT = join(ROOT, 'wpt-webvtt');

// Node's utf8 decoding keeps a leading BOM, so the parser sees it (and the second of two BOMs).
const readText = (file: string): string => readFileSync(file, 'utf8');

// ---------------------------------------------------------------- vtt.js

/**
 * vtt.js expectations use the pre-2017 keyword names. These are output renames
 * only; input syntax is never mapped:
 * - align and lineAlign "center" were called "middle".
 * - positionAlign: vtt.js reported a computed value, not "auto": the explicit
 *   alignment, else derived from align (start/left -> start, end/right -> end,
 *   center -> middle). The current names line-left/center/line-right map to
 *   start/middle/end.
 * - a cue without a region has region "" and region objects have no `id`.
 * - pauseOnExit is always false for parsed cues.
 */
function vttJsRegion(r: VttRegion): Record<string, unknown> {
  const { id: _id, ...rest } = r;
  return rest;
}

function vttJsPositionAlign(c: VttCueDetailed): string {
  switch (c.positionAlign) {
    case 'line-left':
      return 'start';
    case 'line-right':
      return 'end';
    case 'center':
      return 'middle';
    case 'auto':
      if (c.align === 'start' || c.align === 'left') return 'start';
      if (c.align === 'end' || c.align === 'right') return 'end';
      return 'middle';
  }
}

function toVttJsShape(d: VttDetailedResult): unknown {
  return {
    cues: d.cues.map((c) => ({
      align: c.align === 'center' ? 'middle' : c.align,
      endTime: c.endTime,
      id: c.id,
      line: c.line,
      lineAlign: c.lineAlign === 'center' ? 'middle' : c.lineAlign,
      pauseOnExit: false,
      position: c.position,
      positionAlign: vttJsPositionAlign(c),
      region: c.region ? vttJsRegion(c.region) : '',
      size: c.size,
      snapToLines: c.snapToLines,
      startTime: c.startTime,
      text: c.text,
      vertical: c.vertical,
    })),
    regions: d.regions.map(vttJsRegion),
  };
}

const OLD_REGION = 'uses the pre-2017 "Region:" header syntax, which the current spec ignores (wpt regions-old.html checks that)';

/** vtt.js cases that fail because the spec changed since 2019 (case -> reason). */
const VTTJS_KNOWN_FAILURES: Record<string, string> = {
  'cue-settings/line/bad-line-align.vtt':
    "'line:42%,left': an invalid line alignment now voids the whole setting (wpt settings-line: 'line:100%,middle' gives auto)",
  'cue-settings/position/bad-position-align.vtt':
    "'position:42%,left': an invalid position alignment now voids the whole setting (wpt settings-position: 'position:1%,middle' gives auto)",
  'cue-settings/position/position-end-align.vtt':
    "'position:42%,end': position alignment keywords are now line-left/center/line-right, so the setting is ignored",
  'cue-settings/position/position-start-align.vtt':
    "'position:42%,start': position alignment keywords are now line-left/center/line-right, so the setting is ignored",
  'cue-times/min-top-digits.vtt':
    "'000:00.000': a first field that is not two digits is hours, so ':ss' must follow; invalid under the current timestamp rules",
  'cue-times/minimum-spots-over-sixty.vtt':
    "'120:00.000': a first field above 59 is hours, so ':ss' must follow; invalid under the current timestamp rules",
  'file-layout/header-no-new-line.vtt':
    "a timing line right after the WEBVTT line now ends the header and the cue is kept (wpt header-timings expects 1 cue)",
  'integration/id.vtt':
    "a '-->' id line is now a failed timing line and the next line starts a cue that is kept (wpt arrows.html expects that)",
  'cue-settings/region/region-arrows.vtt': OLD_REGION,
  'cue-settings/region/valid.vtt': OLD_REGION,
  'integration/regions.vtt': OLD_REGION,
  'regions/id/arrows.vtt': OLD_REGION,
  'regions/id/correct.vtt': OLD_REGION,
  'regions/lines/correct.vtt': OLD_REGION,
  'regions/lines/decimal-value.vtt': OLD_REGION,
  'regions/lines/incorrect-delimiter.vtt': OLD_REGION,
  'regions/lines/letter-in-value.vtt': OLD_REGION,
  'regions/lines/space-after-delimiter.vtt': OLD_REGION,
  'regions/lines/space-before-delimiter.vtt': OLD_REGION,
  'regions/no-line-break.vtt': OLD_REGION,
  'regions/no-space-after-delimiter.vtt': OLD_REGION,
  'regions/regionanchor/correct.vtt': OLD_REGION,
  'regions/regionanchor/incorrect-delimiter.vtt': OLD_REGION,
  'regions/regionanchor/letter-in-value.vtt': OLD_REGION,
  'regions/regionanchor/negative-percent.vtt': OLD_REGION,
  'regions/regionanchor/no-comma.vtt': OLD_REGION,
  'regions/regionanchor/no-percent.vtt': OLD_REGION,
  'regions/regionanchor/percent-at-front.vtt': OLD_REGION,
  'regions/regionanchor/percent-over.vtt': OLD_REGION,
  'regions/regionanchor/space-after-delimiter.vtt': OLD_REGION,
  'regions/regionanchor/space-before-delimiter.vtt': OLD_REGION,
  'regions/regionanchor/two-periods.vtt': OLD_REGION,
  'regions/scroll/bogus-value.vtt': OLD_REGION,
  'regions/scroll/correct.vtt': OLD_REGION,
  'regions/scroll/incorrect-delimiter.vtt': OLD_REGION,
  'regions/scroll/space-after-delimiter.vtt': OLD_REGION,
  'regions/scroll/space-before-delimiter.vtt': OLD_REGION,
  'regions/viewportanchor/correct.vtt': OLD_REGION,
  'regions/viewportanchor/incorrect-delimiter.vtt': OLD_REGION,
  'regions/viewportanchor/letter-in-value.vtt': OLD_REGION,
  'regions/viewportanchor/negative-percent.vtt': OLD_REGION,
  'regions/viewportanchor/no-comma.vtt': OLD_REGION,
  'regions/viewportanchor/no-percent.vtt': OLD_REGION,
  'regions/viewportanchor/percent-at-front.vtt': OLD_REGION,
  'regions/viewportanchor/percent-over.vtt': OLD_REGION,
  'regions/viewportanchor/space-after-delimiter.vtt': OLD_REGION,
  'regions/viewportanchor/space-before-delimiter.vtt': OLD_REGION,
  'regions/viewportanchor/two-periods.vtt': OLD_REGION,
  'regions/width/correct.vtt': OLD_REGION,
  'regions/width/incorrect-delimiter.vtt': OLD_REGION,
  'regions/width/letter-in-value.vtt': OLD_REGION,
  'regions/width/negative-percent.vtt': OLD_REGION,
  'regions/width/no-percentage.vtt': OLD_REGION,
  'regions/width/percent-over.vtt': OLD_REGION,
  'regions/width/percentage-at-front.vtt': OLD_REGION,
  'regions/width/space-after-delimiter.vtt': OLD_REGION,
  'regions/width/space-before-delimiter.vtt': OLD_REGION,
  'regions/width/two-periods.vtt': OLD_REGION,
};

interface VttJsCase {
  vtt: string;
  json: string;
}

const vttJsCases: VttJsCase[] = readText(join(VTTJS, 'MANIFEST.tsv'))
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const [vtt, json] = l.split('\t');
    return { vtt, json };
  });

function runVttJsCase(c: VttJsCase): boolean {
  const actual: unknown = JSON.parse(JSON.stringify(toVttJsShape(parseVttDetailed(readText(join(VTTJS, c.vtt))))));
  const expected: unknown = JSON.parse(readText(join(VTTJS, c.json)));
  return isDeepStrictEqual(actual, expected);
}

// ---------------------------------------------------------------- wpt

/** testharness.js same_value: like ===, but NaN equals NaN and 0 differs from -0. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a)) return Number.isNaN(b);
    if (a === 0 && b === 0) return Object.is(a, b);
  }
  return a === b;
}

interface WptOutcome {
  assertions: number;
  passed: number;
  error?: string;
  firstFailure?: string;
}

/** Cue objects shaped like the browser's VTTCue, sharing region objects by identity. */
function wptCues(d: VttDetailedResult): unknown[] {
  return d.cues.map((c) => ({
    id: c.id,
    startTime: c.startTime,
    endTime: c.endTime,
    text: c.text,
    align: c.align,
    line: c.line,
    lineAlign: c.lineAlign,
    position: c.position,
    positionAlign: c.positionAlign,
    size: c.size,
    snapToLines: c.snapToLines,
    vertical: c.vertical,
    region: c.region,
    pauseOnExit: false,
  }));
}

/**
 * Runs a page's assertion code against our cues. The blocks use loops and
 * arrays, so the literal assert_equals pairs cannot simply be pattern-matched;
 * instead the block runs in an empty vm context whose only globals are the
 * cues and recording stand-ins for the testharness asserts (a failed assert
 * is counted, not thrown, so the other assertions still count). The code is
 * upstream test data (BSD-3-Clause), only ever run here, never shipped.
 */
function runWptBlock(code: string, d: VttDetailedResult): WptOutcome {
  const outcome: WptOutcome = { assertions: 0, passed: 0 };
  const record = (ok: boolean, what: string): void => {
    outcome.assertions++;
    if (ok) outcome.passed++;
    else outcome.firstFailure ??= what;
  };
  const show = (v: unknown): string => (typeof v === 'object' && v !== null ? '[object]' : JSON.stringify(v) ?? String(v));
  const context = vm.createContext({
    cues: wptCues(d),
    // stylesheets.html checks that STYLE blocks do not leak into the page; this parser never touches a document.
    document: { styleSheets: { length: 0 } },
    assert_equals: (a: unknown, e: unknown, m?: unknown) => record(sameValue(a, e), `assert_equals(${show(a)}, ${show(e)}) ${String(m ?? '')}`),
    assert_not_equals: (a: unknown, e: unknown, m?: unknown) => record(!sameValue(a, e), `assert_not_equals ${String(m ?? '')}`),
    assert_true: (a: unknown, m?: unknown) => record(a === true, `assert_true(${show(a)}) ${String(m ?? '')}`),
    assert_false: (a: unknown, m?: unknown) => record(a === false, `assert_false(${show(a)}) ${String(m ?? '')}`),
  });
  try {
    vm.runInContext(code, context, { timeout: 2000 });
  } catch (e) {
    outcome.error = e instanceof Error ? e.message : String(e);
  }
  return outcome;
}

interface WptPage {
  name: string;
  vtt: string;
  /** Code to run with `cues` in scope. */
  code: string;
}

const START_MARK = 'var cues = video.textTracks[0].cues;';

function loadWptPages(): WptPage[] {
  const dir = join(WPT, 'tests');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readText(join(dir, file));
      const src = /\.src = '([^']+\.vtt)'/.exec(html);
      if (!src) throw new Error(`${file}: no track src`);
      const name = file.replace(/\.html$/, '');
      if (name === 'header-regions') {
        // Hand-written harness: its helpers, then what its onload handler asserts.
        const helpers = html.slice(html.indexOf('const regionDefaults'), html.indexOf('async_test('));
        if (helpers === '' || !html.includes('assert_equals(track.cues.length, 9);')) throw new Error('header-regions.html changed');
        return { name, vtt: join(dir, src[1]), code: `${helpers}\nassert_equals(cues.length, 9);\ncheckCueRegions(cues);` };
      }
      const start = html.indexOf(START_MARK);
      const end = html.indexOf('this.done();', start);
      if (start < 0 || end < 0) throw new Error(`${file}: assertion block not found`);
      return { name, vtt: join(dir, src[1]), code: html.slice(start + START_MARK.length, end) };
    });
}

/** wpt pages (name -> reason) expected to fail. */
const WPT_KNOWN_FAILURES: Record<string, string> = {};

// ---------------------------------------------------------------- suites

const summary: string[] = [];
afterAll(() => {
  for (const line of summary) console.log(line);
});

function checkAgainstList(name: string, pass: boolean, known: Record<string, string>, detail = ''): void {
  if (name in known) {
    expect(pass, `${name} is listed as a known failure (${known[name]}) but now passes: remove it from the list`).toBe(false);
  } else {
    expect(pass, `${name} fails ${detail}`).toBe(true);
  }
}

describe('vtt.js parsing expectations', () => {
  const results = new Map<string, boolean>();
  afterAll(() => {
    const passed = [...results.values()].filter(Boolean).length;
    const known = Object.keys(VTTJS_KNOWN_FAILURES).length;
    summary.push(`vtt.js: ${passed}/${results.size} pass (${known} known failures, all spec changes since 2019)`);
  });
  it.each(vttJsCases.map((c) => [c.vtt, c] as const))('%s', (name, c) => {
    const pass = runVttJsCase(c);
    results.set(name, pass);
    checkAgainstList(name, pass, VTTJS_KNOWN_FAILURES);
  });
  it('known-failure list names only real cases', () => {
    const names = new Set(vttJsCases.map((c) => c.vtt));
    expect(Object.keys(VTTJS_KNOWN_FAILURES).filter((n) => !names.has(n))).toEqual([]);
  });
});

describe('wpt webvtt/parsing/file-parsing', () => {
  const pages = loadWptPages();
  const results = new Map<string, WptOutcome>();
  afterAll(() => {
    const list = [...results.values()];
    const passedPages = list.filter((o) => !o.error && o.passed === o.assertions).length;
    const assertions = list.reduce((n, o) => n + o.assertions, 0);
    const passed = list.reduce((n, o) => n + o.passed, 0);
    summary.push(`wpt: ${passedPages}/${list.length} pages (${passed}/${assertions} assertions)`);
  });

  it('finds the 40 test pages', () => {
    expect(pages.length).toBe(40);
  });

  it.each(pages.map((p) => [p.name, p] as const))('%s', (name, page) => {
    const outcome = runWptBlock(page.code, parseVttDetailed(readText(page.vtt)));
    results.set(name, outcome);
    const pass = !outcome.error && outcome.assertions > 0 && outcome.passed === outcome.assertions;
    checkAgainstList(name, pass, WPT_KNOWN_FAILURES, `${outcome.error ?? ''} ${outcome.firstFailure ?? ''}`);
  });

  it('signature-invalid: every listed file is rejected', () => {
    const html = readText(join(WPT, 'signature-invalid.html'));
    const files = [...html.matchAll(/\['[^']+',\s*'([^']+\.vtt)'\]/g)].map((m) => m[1]);
    expect(files.length).toBe(11);
    const outcome: WptOutcome = { assertions: 0, passed: 0 };
    const accepted: string[] = [];
    for (const file of files) {
      const parsed = parseVttDetailed(readText(join(WPT, 'support', file)));
      outcome.assertions++;
      if (parsed.fatal !== undefined && parsed.cues.length === 0) outcome.passed++;
      else accepted.push(file);
    }
    results.set('signature-invalid', outcome);
    checkAgainstList('signature-invalid', accepted.length === 0, WPT_KNOWN_FAILURES, accepted.join(', '));
  });

  it('the runner notices wrong results (a parse with no cues fails every page that has cues)', () => {
    const empty = parseVttDetailed('WEBVTT\n');
    for (const name of ['settings-align', 'timings-negative', 'header-regions', 'regions-lines']) {
      const page = pages.find((p) => p.name === name);
      const outcome = runWptBlock(page?.code ?? '', empty);
      expect(outcome.error !== undefined || outcome.passed < outcome.assertions, name).toBe(true);
    }
    const wrongAlign = parseVttDetailed(readText(join(WPT, 'tests/support/settings-align.vtt')));
    wrongAlign.cues[0].align = 'start';
    const page = pages.find((p) => p.name === 'settings-align');
    expect(runWptBlock(page?.code ?? '', wrongAlign).passed).toBe(13);
  });

  it('known-failure list names only real pages', () => {
    const names = new Set([...pages.map((p) => p.name), 'signature-invalid']);
    expect(Object.keys(WPT_KNOWN_FAILURES).filter((n) => !names.has(n))).toEqual([]);
  });
});
