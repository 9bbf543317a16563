// Figure 1: size of the content script as shipped, raw and gzip (level 9).
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { ROOT } from './lib/paths.mjs';

export const CONTENT_SCRIPT = '.output/chrome-mv3/content-scripts/course.js';
/** 30 KB = 30 x 1024 bytes. */
export const SIZE_TARGET_GZIP_BYTES = 30 * 1024;

const gzip = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;

export function benchSize() {
  const file = join(ROOT, CONTENT_SCRIPT);
  if (!existsSync(file)) throw new Error(`${CONTENT_SCRIPT} is missing: run \`npm run build\` first.`);
  const buf = readFileSync(file);
  const gz = gzip(buf);
  // Every content script the build has, in case another one appears.
  const dir = join(ROOT, '.output/chrome-mv3/content-scripts');
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const b = readFileSync(join(dir, f));
      return { file: `content-scripts/${f}`, rawBytes: b.length, gzipBytes: gzip(b) };
    });
  return {
    file: CONTENT_SCRIPT,
    builtAt: statSync(file).mtime.toISOString(),
    rawBytes: buf.length,
    gzipBytes: gz,
    target: { gzipBytes: SIZE_TARGET_GZIP_BYTES },
    pass: gz <= SIZE_TARGET_GZIP_BYTES,
    contentScripts: all,
  };
}
