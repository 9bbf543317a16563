// The bench and the demo are plain .mjs files that neither tsc nor the e2e suite loads, so
// a broken merge in one of them went unseen until `npm run bench` was run by hand.
// `node --check` parses each file without running it.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');

function mjsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? mjsFiles(join(dir, e.name)) : e.name.endsWith('.mjs') ? [join(dir, e.name)] : [],
  );
}

describe('bench and scripts', () => {
  const files = [...mjsFiles('bench'), ...mjsFiles('scripts')];

  it('finds the files it checks', () => {
    expect(files).toContain(join('bench', 'run.mjs'));
    expect(files).toContain(join('scripts', 'demo.mjs'));
  });

  it.each(files)('%s parses', (file) => {
    expect(() => execFileSync(process.execPath, ['--check', join(root, file)], { stdio: 'pipe' })).not.toThrow();
  });

  it('would catch a file that does not parse', () => {
    expect(() => execFileSync(process.execPath, ['--input-type=module', '--check'], { input: 'if (x) {', stdio: 'pipe' })).toThrow();
  });
});
