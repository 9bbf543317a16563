// Vite builds of our TypeScript for the benches, so they run it as written, not a copy.
import { build } from 'vite';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.mjs';

/** What every bench build shares: no config file, the repository as root, quiet, production. */
export const viteBase = () => ({ configFile: false, root: ROOT, logLevel: 'warn', publicDir: false, mode: 'production' });

/**
 * Modules of src/ for Node (SSR build, ES modules, unminified; bare imports stay external,
 * from node_modules). `entries`: output name → path from the repository root. Returns the imported modules by
 * name and the build time.
 */
export async function buildForNode({ outDir, entries, plugins = [] }) {
  const t0 = performance.now();
  await build({
    ...viteBase(),
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
