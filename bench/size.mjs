// Figure 1: size of the content scripts as shipped, raw and gzip (level 9). Each platform
// has its own script (the manifest's content_scripts); the learner's tools
// (entrypoints/course-tools) and the rare parts (entrypoints/course-extras) are scripts the
// page gets when first needed: the figure is the most one page ever evaluates, the largest
// site script plus both.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { ROOT } from './lib/paths.mjs';

export const CONTENT_SCRIPT = '.output/chrome-mv3/course.js';
export const TOOLS_SCRIPT = '.output/chrome-mv3/course-tools.js';
export const EXTRAS_SCRIPT = '.output/chrome-mv3/course-extras.js';
/** 30 KB = 30 x 1024 bytes. */
export const SIZE_TARGET_GZIP_BYTES = 30 * 1024;

const gzip = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;

function measure(path) {
  const b = readFileSync(join(ROOT, path));
  return { file: path.replace('.output/chrome-mv3/', ''), rawBytes: b.length, gzipBytes: gzip(b) };
}

export function benchSize() {
  for (const f of [CONTENT_SCRIPT, TOOLS_SCRIPT, EXTRAS_SCRIPT]) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first.`);
  }
  const dir = '.output/chrome-mv3';
  const manifest = JSON.parse(readFileSync(join(ROOT, dir, 'manifest.json'), 'utf8'));
  // The main-world YouTube bridge is tiny and runs beside youtube.js: counted with it.
  const all = [...new Set(manifest.content_scripts.flatMap((c) => c.js))].map((f) => measure(`${dir}/${f}`));
  const bridge = all.find((s) => s.file.endsWith('youtube-main.js'));
  const sites = all.filter((s) => s !== bridge).map((s) => (/(^|\/)youtube\.js$/.test(s.file) && bridge ? { ...s, rawBytes: s.rawBytes + bridge.rawBytes, gzipBytes: s.gzipBytes + bridge.gzipBytes } : s));
  const largest = sites.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  const tools = measure(TOOLS_SCRIPT);
  const extras = measure(EXTRAS_SCRIPT);
  const gz = largest.gzipBytes + tools.gzipBytes + extras.gzipBytes;
  return {
    file: `${largest.file} + ${tools.file} + ${extras.file}`,
    builtAt: statSync(join(ROOT, CONTENT_SCRIPT)).mtime.toISOString(),
    rawBytes: largest.rawBytes + tools.rawBytes + extras.rawBytes,
    gzipBytes: gz,
    atLoad: largest,
    tools,
    extras,
    target: { gzipBytes: SIZE_TARGET_GZIP_BYTES },
    pass: gz <= SIZE_TARGET_GZIP_BYTES,
    contentScripts: all,
  };
}
