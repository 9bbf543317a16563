// Figure 4's page loaded in several Chromiums side by side, their loads interleaved, to
// compare builds of the content script under the same machine load (bench/README.md).
//   node bench/compare.mjs [loads] <arm> <arm> …
// An arm is `built` (the build figure 4 uses), `minimal` (that build with bench/minimal-capture.js
// as the generic content script: a lower bound), `none` (no extension), or the folder of
// another build (say, an older commit's). With a `none` arm, each other arm's row gives the
// thread CPU it adds, with a 95% bootstrap interval, and the same taken within each round
// (paired). Each load waits until both tracks are stored; `none` waits as long as the
// other arms' loads took (median). The order of the arms
// turns round every round, and each arm's median is also printed by its place in the round.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { EXTENSION_DIR, launch } from './lib/browser.mjs';
import { ROOT } from './lib/paths.mjs';
import { median, medianDifferenceInterval, pairedMedianDifference, round } from './lib/stats.mjs';
import { mainThreadFigures, pageMainThread } from './lib/trace.mjs';
import { BROWSER_ARGS, databaseProbe, meterLoad, tracedLoad, wipe } from './content-script.mjs';

const args = process.argv.slice(2);
const loads = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 15;
if (args.length < 2) throw new Error('usage: node bench/compare.mjs [loads] <arm> <arm> … (built, minimal, none, or a build folder)');

/** The built extension with the minimal capture script in place of the generic one. */
function minimalBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'moocmate-bench-minimal-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  cpSync(join(ROOT, 'bench/minimal-capture.js'), join(dir, 'course.js'));
  return dir;
}

const temp = [];
const server = await startServer({ root: ROOT });
const arms = [];
try {
  for (const arm of args) {
    // "+metered": each load also has what figure 4's loads have besides the trace: the
    // DevTools Performance domain on, and a long-task observer in the page.
    const metered = arm.endsWith('+metered');
    const name = arm.replace(/\+metered$/, '');
    const none = name === 'none';
    const dir = name === 'built' ? EXTENSION_DIR : name === 'minimal' ? minimalBuild() : none ? undefined : name;
    if (name === 'minimal') temp.push(dir);
    const browser = await launch({ withExtension: !none, extensionDir: dir, args: BROWSER_ARGS });
    const probe = none ? null : await databaseProbe(browser);
    arms.push({ name: arm, metered, browser, probe, ours: [], cpu: [], longest: [], took: [], byPlace: [] });
  }
  const url = `${server.url}/bench/pages/lecture-2000.html`;
  for (let i = 0; i <= loads; i++) {
    // Each round in the other order, so no arm always goes first.
    const order = i % 2 ? [...arms].reverse() : arms;
    for (const [place, arm] of order.entries()) {
      await arm.probe?.evaluate(wipe);
      const waitMs = median(arms.filter((a) => a.probe).flatMap((a) => a.took)) || 1500;
      const prepare = arm.metered ? meterLoad : undefined;
      const { events, took } = await tracedLoad(arm.browser, url, arm.probe ? { probe: arm.probe, prepare } : { waitMs, prepare });
      if (i === 0) continue; // warm-up
      const f = mainThreadFigures(events, pageMainThread(events, '/bench/pages/'));
      arm.took.push(took);
      arm.ours.push(f.extensionScript.cpuMs);
      arm.cpu.push(f.cpuMs);
      arm.longest.push(f.extensionScript.maxCallCpuMs);
      (arm.byPlace[place] ??= []).push(f.cpuMs);
    }
    process.stderr.write(`round ${i}/${loads}${i === 0 ? ' (warm-up)' : ''}\n`);
  }
  const bases = arms.filter((a) => a.name.startsWith('none'));
  console.log(`${loads} loads per arm, interleaved. Medians of the page's main-thread CPU.`);
  for (const a of arms) {
    let row = `${a.name}: page ${round(median(a.cpu), 1)} ms`;
    if (a.probe) row += `, our script ${round(median(a.ours), 1)} ms (longest call ${round(median(a.longest), 1)})`;
    // Each arm against the `none` arm measured the same way (metered or not).
    const base = bases.find((b) => b.metered === a.metered) ?? bases[0];
    if (base && !a.name.startsWith('none')) {
      const [lo, hi] = medianDifferenceInterval(a.cpu, base.cpu);
      const p = pairedMedianDifference(a.cpu, base.cpu);
      row += `; added ${round(median(a.cpu) - median(base.cpu), 1)} ms (95%: ${round(lo, 1)} to ${round(hi, 1)}), paired by round ${round(p.median, 1)} ms (${round(p.interval[0], 1)} to ${round(p.interval[1], 1)})`;
    }
    console.log(row);
  }
  // Whether a load's place in its round changes the page's CPU: the order of the arms goes
  // back and forth, so each arm has as many loads in each place.
  for (const a of arms) console.log(`  ${a.name} by place in the round: ${a.byPlace.map((xs, p) => `${p + 1}. ${round(median(xs), 1)} ms`).join(', ')}`);
} finally {
  for (const a of arms) await a.browser.close();
  await server.close();
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
}
