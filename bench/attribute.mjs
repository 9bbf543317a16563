// Where the main-thread time the extension adds goes, task by task (bench/README.md,
// "Content script: the time outside our calls"). Loads the figure-4 page in a Chromium
// with the built extension and in one without, in turns, with a trace of each load, and
// sums each load's main-thread CPU by the kind of task: a task with a call into our
// script, else the code that posted it (the trace's src_file/src_func) and its first event.
// Prints the kinds whose mean differs most between the two.
//   node bench/attribute.mjs [loads] [--show <part of a kind>]
// --show lists each task of the matching kinds with its inner events over 0.3 ms.
import { startServer } from '../scripts/serve.mjs';
import { launch } from './lib/browser.mjs';
import { ROOT } from './lib/paths.mjs';
import { median, round } from './lib/stats.mjs';
import { extensionCalls, pageMainThread } from './lib/trace.mjs';
import { BROWSER_ARGS, databaseProbe, tracedLoad, wipe } from './content-script.mjs';

const CATEGORIES = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8,blink';
const OURS = 'a call into our script';

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? args.splice(showAt, 2)[1] : null;
const loads = Number(args[0] ?? 20);

/** The kind of one top-level task, from what ran inside it. */
function kindOf(task, thread, ours) {
  if (ours.some((c) => c.ts >= task.ts && c.ts < task.ts + task.dur)) return OURS;
  const a = task.args ?? {};
  const posted = a.src_func ? `${String(a.src_file ?? '').split('/').slice(-2).join('/')}:${a.src_func}` : '?';
  const first = thread.find((e) => e !== task && e.ts >= task.ts && e.ts < task.ts + task.dur && e.name !== task.name);
  return `${posted} | ${first?.name ?? '-'}`;
}

async function loadOnce(browser, url, { probe, waitMs }) {
  const { events, took: elapsed } = await tracedLoad(browser, url, { probe, waitMs, categories: CATEGORIES });
  const main = pageMainThread(events, new URL(url).pathname);
  if (!main) throw new Error('the trace has no main thread for the bench page');
  const thread = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((x, y) => x.ts - y.ts);
  const ours = extensionCalls(events, main);
  const kinds = new Map();
  for (const task of thread.filter((e) => e.name === 'ThreadControllerImpl::RunTask')) {
    const kind = kindOf(task, thread, ours);
    kinds.set(kind, (kinds.get(kind) ?? 0) + (task.tdur ?? 0) / 1000);
    if (show && kind.includes(show)) {
      const inner = thread.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && (e.tdur ?? e.dur ?? 0) > 300);
      const at = round((task.ts - thread[0].ts) / 1000, 0);
      console.log(`${probe ? 'with' : 'without'}, at ${at} ms, ${round(task.tdur / 1000, 1)} ms: ${inner.map((e) => `${e.name} ${round((e.tdur ?? e.dur) / 1000, 1)}`).join(', ')}`);
    }
  }
  return { elapsed, kinds };
}

const server = await startServer({ root: ROOT });
const withExt = await launch({ withExtension: true, args: BROWSER_ARGS });
const without = await launch({ withExtension: false, args: BROWSER_ARGS });
try {
  const url = `${server.url}/bench/pages/lecture-2000.html`;
  const probe = await databaseProbe(withExt);
  const runs = { ext: [], none: [] };
  for (let i = 0; i <= loads; i++) {
    await probe.evaluate(wipe);
    const a = await loadOnce(withExt, url, { probe });
    const b = await loadOnce(without, url, { waitMs: a.elapsed });
    if (i === 0) continue; // warm-up
    runs.ext.push(a.kinds);
    runs.none.push(b.kinds);
    process.stderr.write(`load ${i}/${loads}\n`);
  }
  const sum = (m, keep = () => true) => [...m].filter(([k]) => keep(k)).reduce((s, [, v]) => s + v, 0);
  const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const rows = [...new Set([...runs.ext, ...runs.none].flatMap((m) => [...m.keys()]))].map((kind) => ({
    kind,
    ext: median(runs.ext.map((m) => m.get(kind) ?? 0)),
    none: median(runs.none.map((m) => m.get(kind) ?? 0)),
    meanDiff: mean(runs.ext.map((m) => m.get(kind) ?? 0)) - mean(runs.none.map((m) => m.get(kind) ?? 0)),
  }));
  rows.sort((x, y) => Math.abs(y.meanDiff) - Math.abs(x.meanDiff));
  const total = (rs, keep) => round(median(rs.map((m) => sum(m, keep))), 1);
  console.log(`${loads} loads each. Main-thread CPU (median): with ${total(runs.ext)} ms, without ${total(runs.none)} ms`);
  console.log(`  in tasks without a call into our script: with ${total(runs.ext, (k) => k !== OURS)} ms, without ${total(runs.none, (k) => k !== OURS)} ms`);
  console.log('mean diff | with (median) | without (median) | kind');
  for (const r of rows.slice(0, 30)) console.log(`${String(round(r.meanDiff, 2)).padStart(9)} | ${String(round(r.ext, 2)).padStart(13)} | ${String(round(r.none, 2)).padStart(16)} | ${r.kind}`);
} finally {
  await withExt.close();
  await without.close();
  await server.close();
}
