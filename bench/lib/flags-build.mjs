// Builds the real caption-check modules from src/ for Node with Vite (SSR build, ES modules)
// into out/bench-flags/, so the flags bench runs our TypeScript as written, not a copy.
//
// One change is made to the graph, for measurement only: inside src/, `franc-min` resolves to
// a thin probe that calls the real franc-min and, when `globalThis.__moocmateFrancProbe` is an
// array, appends { value, options, result } for every francAll call. The bench uses it to see
// which windows checkLanguage judged, with which options, and what franc answered. The probe
// is off (one property read per call) while timings are taken.
import { build } from 'vite';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.mjs';

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
  const t0 = performance.now();
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    mode: 'production',
    plugins: [francProbe],
    build: {
      ssr: true, // Node target: bare imports (franc-min, iso-639-3) stay external, from node_modules
      outDir: FLAGS_OUT,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, join(ROOT, v)])),
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
  const buildMs = performance.now() - t0;
  const load = (name) => import(pathToFileURL(join(FLAGS_OUT, `${name}.mjs`)).href);
  const [checks, languageCheck, detect, codes, formats, sjson] = await Promise.all(Object.keys(ENTRIES).map(load));
  return { checks, languageCheck, detect, codes, formats, sjson, buildMs };
}
