import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const ID = '\0moocmate:webextension-polyfill';

/**
 * Build step: webextension-polyfill as an ES module. The package ships only a CommonJS/UMD
 * file, and the bundler's CommonJS interop copies every property of its export onto a
 * namespace object: in Chromium that reads every `chrome.*` namespace once at start-up.
 * Wrapped as ESM, only the namespaces we use are ever read: the content script's own CPU
 * time on a lecture page fell by about 2 ms of 18 (bench/README.md, figure 4).
 */
export function polyfillEsmPlugin(): Plugin {
  return {
    name: 'moocmate:polyfill-esm',
    enforce: 'pre',
    resolveId: (id) => (id === 'webextension-polyfill' ? ID : null),
    load(id) {
      if (id !== ID) return null;
      const file = createRequire(import.meta.url).resolve('webextension-polyfill');
      const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/m, '');
      // The UMD wrapper takes its CommonJS branch when `exports` exists.
      return `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`;
    },
  };
}
