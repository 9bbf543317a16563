// Builds the bench page (bench/pages/bench-page.ts and what it imports from src/) with
// Vite into out/bench-page/, served by scripts/serve.mjs at /out/bench-page/index.html.
import { build } from 'vite';
import { writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { ROOT } from './paths.mjs';
import { viteBase } from './vite-build.mjs';

const OUT = join(ROOT, 'out/bench-page');
const STORE = resolve(ROOT, 'src/captions/store.ts');
const SHIM = resolve(ROOT, 'bench/pages/terms-shim.ts');

/** In src/captions/store.ts only, `./terms` becomes the bench shim (terms can be precomputed). */
const termsShim = {
  name: 'moocmate-bench-terms-shim',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer) return null;
    const from = importer.split('?')[0];
    if (resolve(from) === STORE && source === './terms') return SHIM;
    return null;
  },
};

export async function buildBenchPage() {
  const t0 = performance.now();
  await build({
    ...viteBase(),
    plugins: [termsShim],
    build: {
      outDir: OUT,
      emptyOutDir: true,
      target: 'esnext',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: {
        entry: join(ROOT, 'bench/pages/bench-page.ts'),
        formats: ['es'],
        fileName: () => 'bench-page.js',
      },
    },
  });
  writeFileSync(
    join(OUT, 'index.html'),
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>MoocMate bench</title>\n` +
      `<script type="module" src="./bench-page.js"></script></head><body><p>MoocMate bench page</p></body></html>\n`,
  );
  return { dir: OUT, ms: performance.now() - t0, dirname: dirname(OUT) };
}
