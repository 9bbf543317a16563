// Does figure 4's trace change its own figure? Loads the figure-4 page with the built
// extension and without, each load traced (as figure 4) or not, and reads the page
// renderer's main-thread CPU from the kernel (Linux's /proc/<pid>/task/<pid>/schedstat,
// in ns), which needs neither a trace nor DevTools. The four kinds of load are interleaved,
// in the other order every round (bench/README.md, "the trace's own cost").
//   node bench/trace-cost.mjs [loads]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { launch } from './lib/browser.mjs';
import { ROOT } from './lib/paths.mjs';
import { median, medianDifferenceInterval, pairedMedianDifference, round } from './lib/stats.mjs';
import { TRACE_CATEGORIES, mainThreadFigures, pageMainThread, readTrace } from './lib/trace.mjs';
import { BROWSER_ARGS, SETTLE_MS, databaseProbe, waitAsCaptureTakes, wipe } from './content-script.mjs';

const loads = Number(process.argv[2] ?? 30);

/** Renderer processes of the Chromium that uses `profile` (each has the profile on its command line). */
function renderers(profile) {
  const out = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer') && cmd.includes(`--user-data-dir=${profile}`)) out.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** CPU time the process's main thread (its first thread: Blink's main thread in a renderer) has run, in ms. */
function mainThreadCpuMs(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return 0;
  }
}

async function open(withExtension) {
  const profile = mkdtempSync(join(tmpdir(), 'moocmate-trace-cost-'));
  const browser = await launch({ withExtension, userDataDir: profile, args: BROWSER_ARGS });
  const probe = withExtension ? await databaseProbe(browser) : null;
  return { browser, profile, probe };
}

if (process.platform !== 'linux') throw new Error('trace-cost.mjs reads CPU time from Linux /proc');
const server = await startServer({ root: ROOT });
const url = `${server.url}/bench/pages/lecture-2000.html`;
const arms = [await open(true), await open(false)];
const took = [];

/** One load: the page renderer's main-thread CPU from just before the navigation to the end of the window. */
async function load(arm, traced) {
  await arm.probe?.evaluate(wipe);
  const earlier = new Set(renderers(arm.profile));
  const page = await arm.browser.context.newPage();
  try {
    const cdp = traced ? await arm.browser.context.newCDPSession(page) : null;
    // The tab's renderer is started by now; counting from here leaves out its start-up.
    const start = new Map(renderers(arm.profile).filter((p) => !earlier.has(p)).map((p) => [p, mainThreadCpuMs(p)]));
    await cdp?.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream' });
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    const ms = await waitAsCaptureTakes(t0, arm.probe ? { probe: arm.probe } : { waitMs: median(took) || 1500 });
    if (arm.probe) took.push(ms);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const fresh = renderers(arm.profile).filter((p) => !earlier.has(p));
    const kernelMs = fresh.reduce((n, p) => n + mainThreadCpuMs(p) - (start.get(p) ?? 0), 0);
    if (!cdp) return { kernelMs, traceMs: null };
    const events = await readTrace(cdp);
    const thread = pageMainThread(events, '/bench/pages/');
    if (!thread) throw new Error('the trace has no main thread for the bench page');
    return { kernelMs, traceMs: mainThreadFigures(events, thread).cpuMs };
  } finally {
    await page.close();
  }
}

const runs = { withPlain: [], nonePlain: [], withTraced: [], noneTraced: [], withTrace: [], noneTrace: [] };
try {
  for (let i = 0; i <= loads; i++) {
    const kinds = [
      ['with', arms[0], false],
      ['none', arms[1], false],
      ['with', arms[0], true],
      ['none', arms[1], true],
    ];
    for (const [name, arm, traced] of i % 2 ? kinds.reverse() : kinds) {
      const r = await load(arm, traced);
      if (i === 0) continue; // warm-up
      runs[`${name}${traced ? 'Traced' : 'Plain'}`].push(r.kernelMs);
      if (traced) runs[`${name}Trace`].push(r.traceMs);
    }
    process.stderr.write(`round ${i}/${loads}${i === 0 ? ' (warm-up)' : ''}\n`);
  }
  const row = (label, a, b) => {
    const [lo, hi] = medianDifferenceInterval(a, b);
    const p = pairedMedianDifference(a, b);
    console.log(
      `${label}: ${round(median(a), 1)} against ${round(median(b), 1)} ms; difference ${round(median(a) - median(b), 1)} ms (95%: ${round(lo, 1)} to ${round(hi, 1)}), paired ${round(p.median, 1)} ms (${round(p.interval[0], 1)} to ${round(p.interval[1], 1)})`,
    );
  };
  console.log(`${loads} loads of each kind, interleaved. The page's main-thread CPU, medians.`);
  row('added by MoocMate, loads without a trace (kernel)', runs.withPlain, runs.nonePlain);
  row('added by MoocMate, traced loads (kernel)', runs.withTraced, runs.noneTraced);
  row('added by MoocMate, traced loads (the trace: figure 4)', runs.withTrace, runs.noneTrace);
  row("the trace's cost, with MoocMate (kernel)", runs.withTraced, runs.withPlain);
  row("the trace's cost, without an extension (kernel)", runs.noneTraced, runs.nonePlain);
} finally {
  for (const arm of arms) {
    await arm.browser.close();
    rmSync(arm.profile, { recursive: true, force: true });
  }
  await server.close();
}
