// Figure 8: the background's wake-up. Chromium stops an extension's service worker after
// 30 s idle and starts it again for the next message: the popup's first question, a side
// panel, a lecture's capture, the tools' load. Each start parses the worker's whole script.
// Measured: the first answer after the worker was stopped, against an extension whose
// worker only answers (the baseline, in the same run, its rounds interleaved with ours).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launch } from './lib/browser.mjs';
import { databaseProbe } from './content-script.mjs';
import { median, pairedMedianDifference, round } from './lib/stats.mjs';

/** Time for the stopped worker to be gone before the next message wakes it. */
const STOPPED_MS = 700;

function writeEmptyWorker() {
  const dir = mkdtempSync(join(tmpdir(), 'moocmate-bench-wake-'));
  const manifest = { manifest_version: 3, name: 'Bench wake baseline', version: '1.0', background: { service_worker: 'worker.js' } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'worker.js'), 'chrome.runtime.onMessage.addListener((_m, _s, answer) => { answer({ ok: true, value: {} }); });\n');
  return dir;
}

/** An extension page (its manifest: none of its code runs) to send messages from, and a way to stop the worker. */
async function prober(browser) {
  const page = await databaseProbe(browser);
  const cdp = await browser.context.newCDPSession(page);
  const stop = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    for (const t of targetInfos) if (t.type === 'service_worker') await cdp.send('Target.closeTarget', { targetId: t.targetId });
  };
  const ask = (message) =>
    page.evaluate(async (m) => {
      const t0 = performance.now();
      const answer = await chrome.runtime.sendMessage(m);
      if (!answer?.ok) throw new Error(`no answer: ${JSON.stringify(answer)}`);
      return performance.now() - t0;
    }, message);
  return { page, stop, ask };
}

export async function benchWake({ rounds = Number(process.env.BENCH_WAKE_ROUNDS ?? 15), log = () => {} } = {}) {
  const baseDir = writeEmptyWorker();
  const ours = await launch({ withExtension: true });
  const base = await launch({ withExtension: true, extensionDir: baseDir });
  try {
    const o = await prober(ours);
    const b = await prober(base);
    const strings = { moocmate: 'i18n.strings', data: { keys: ['extName'] } };
    const word = { moocmate: 'glossary.add', data: { term: 'leaves', sentence: 'The leaves catch the light.', lectureId: null, trackId: null, cueIndex: null, time: null, pageUrl: '' } };
    await o.ask(strings);
    await b.ask(strings);
    const runs = { ours: [], base: [], oursWarm: [], baseWarm: [], word: [], marks: [] };
    for (let i = 0; i < rounds; i++) {
      // Which browser goes first turns each round.
      for (const [p, cold, warm] of i % 2 ? [[b, runs.base, runs.baseWarm], [o, runs.ours, runs.oursWarm]] : [[o, runs.ours, runs.oursWarm], [b, runs.base, runs.baseWarm]]) {
        await p.stop();
        await p.page.waitForTimeout(STOPPED_MS);
        cold.push(await p.ask(strings));
        warm.push(await p.ask(strings));
      }
      // The first word after a start: it loads the lemmatizer's word lists too.
      await o.stop();
      await o.page.waitForTimeout(STOPPED_MS);
      runs.word.push(await o.ask(word));
      log(`  round ${i + 1}/${rounds}: first answer ${round(runs.ours.at(-1), 0)} ms (baseline ${round(runs.base.at(-1), 0)} ms); first word ${round(runs.word.at(-1), 0)} ms`);
    }
    // A glossary of 200 words: the marks a side panel or popover asks for after a stop.
    const rows = Array.from({ length: 200 }, (_, i) => ({ ...word.data, term: `${['running', 'leaves', 'geese', 'studies'][i % 4]}${i}` }));
    await o.ask({ moocmate: 'glossary.import', data: { rows } });
    const matcher = { moocmate: 'glossary.matcher', data: {} };
    await o.ask(matcher);
    for (let i = 0; i < Math.min(rounds, 8); i++) {
      await o.stop();
      await o.page.waitForTimeout(STOPPED_MS);
      runs.marks.push(await o.ask(matcher));
    }
    const errors = [...ours.errors, ...base.errors];
    if (errors.length) throw new Error(`errors in the extension: ${errors.join('; ')}`);
    const paired = pairedMedianDifference(runs.ours, runs.base);
    return {
      rounds,
      workerScriptBytes: statSync(join(EXTENSION_DIR, 'background.js')).size,
      ms: {
        firstAnswer: round(median(runs.ours), 1),
        baselineFirstAnswer: round(median(runs.base), 1),
        warmAnswer: round(median(runs.oursWarm), 1),
        baselineWarmAnswer: round(median(runs.baseWarm), 1),
        firstWord: round(median(runs.word), 1),
        marksAfterStop200Words: round(median(runs.marks), 1),
      },
      ratio: round(median(runs.ours) / median(runs.base), 1),
      addedPaired: { medianMs: round(paired.median, 1), interval: paired.interval.map((x) => round(x, 1)) },
      runs: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((x) => round(x, 1))])),
    };
  } finally {
    await ours.close();
    await base.close();
    rmSync(baseDir, { recursive: true, force: true });
  }
}
