// Builds modules of src/ for Node with Vite (SSR build, ES modules, unminified), so a bench
// runs our TypeScript as written, not a copy. Bare imports stay external (node_modules).
import { build } from 'vite';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.mjs';

/**
 * `entries`: output name → path from the repository root. Returns the imported modules by
 * name and the build time.
 */
export async function buildForNode({ outDir, entries, plugins = [] }) {
  const t0 = performance.now();
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    mode: 'production',
    plugins,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(ROOT, v)])),
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
  });
  const buildMs = performance.now() - t0;
  const names = Object.keys(entries);
  const loaded = await Promise.all(names.map((n) => import(pathToFileURL(join(outDir, `${n}.mjs`)).href)));
  return { modules: Object.fromEntries(names.map((n, i) => [n, loaded[i]])), buildMs };
}
