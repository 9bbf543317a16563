// Builds the real caption-check modules from src/ for Node (lib/vite-build.mjs) into
// out/bench-flags/, so the flags bench runs our TypeScript as written, not a copy.
//
// One change is made to the graph, for measurement only: inside src/, `franc-min` resolves to
// a thin probe that calls the real franc-min and, when `globalThis.__moocmateFrancProbe` is an
// array, appends { value, options, result } for every francAll call. The bench uses it to see
// which windows checkLanguage judged, with which options, and what franc answered. The probe
// is off (one property read per call) while timings are taken.
import { join, resolve, sep } from 'node:path';
import { ROOT } from './paths.mjs';
import { buildForNode } from './vite-build.mjs';

export const FLAGS_OUT = join(ROOT, 'out/bench-flags');
const SRC = resolve(ROOT, 'src') + sep;
const PROBE_ID = '\0moocmate-franc-probe';

const ENTRIES = {
  checks: 'src/flags/checks.ts',
  'language-check': 'src/flags/language-check.ts',
  detect: 'src/language/detect.ts',
  codes: 'src/language/codes.ts',
  formats: 'src/captions/formats/index.ts',
  sjson: 'src/captions/formats/sjson.ts',
};

const francProbe = {
  name: 'moocmate-bench-franc-probe',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source !== 'franc-min' || !importer) return null;
    return resolve(importer.split('?')[0]).startsWith(SRC) ? PROBE_ID : null;
  },
  load(id) {
    if (id !== PROBE_ID) return null;
    return [
      "import * as real from 'franc-min';",
      'export const franc = real.franc;',
      'export function francAll(value, options) {',
      '  const result = real.francAll(value, options);',
      '  const probe = globalThis.__moocmateFrancProbe;',
      '  if (probe) probe.push({ value, options: options ? { ...options } : options, result });',
      '  return result;',
      '}',
    ].join('\n');
  },
};

/** Builds the modules and imports them. Returns { checks, languageCheck, detect, codes, formats, sjson, buildMs }. */
export async function buildFlagModules() {
  const { modules: m, buildMs } = await buildForNode({ outDir: FLAGS_OUT, entries: ENTRIES, plugins: [francProbe] });
  return { checks: m.checks, languageCheck: m['language-check'], detect: m.detect, codes: m.codes, formats: m.formats, sjson: m.sjson, buildMs };
}
