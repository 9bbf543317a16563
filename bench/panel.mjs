// Figure 9: the side panel opened on a lecture in progress (the demo lecture, paused at
// 0:05: its words to know folded). Measured: when its whole transcript is on screen, and
// the panel page's main-thread task time in its first 1.5 s (CDP Performance.getMetrics).
// Baseline in the same run, the opens interleaved: the same panel for a tab with no video
// (the demo course's index), which loads the same scripts, reads the interface language
// and links to the tab, and then says there is no video.
import { launch } from './lib/browser.mjs';
import { countTracks, databaseProbe } from './content-script.mjs';
import { median, pairedMedianDifference, round } from './lib/stats.mjs';

const SETTLE_MS = 1500;

/** Opens the panel for `tabId` and returns when `selector` first showed and the task time after SETTLE_MS. */
async function openPanel(browser, tabId, selector) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 900 });
  await page.addInitScript((sel) => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector(sel)) return;
      window.__shownAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  await page.locator(selector).first().waitFor();
  await page.waitForTimeout(SETTLE_MS);
  const shownMs = await page.evaluate(() => window.__shownAt);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const taskMs = metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  await page.close();
  return { shownMs, taskMs };
}

export async function benchPanel({ serverUrl, rounds = Number(process.env.BENCH_PANEL_ROUNDS ?? 10), log = () => {} }) {
  const browser = await launch({ withExtension: true });
  try {
    const probe = await databaseProbe(browser);
    const lecture = await browser.context.newPage();
    await lecture.goto(`${serverUrl}/demo/course/lecture-1.html`);
    const index = await browser.context.newPage();
    await index.goto(`${serverUrl}/demo/course/index.html`);
    const tabOf = (page) => probe.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, page.url());
    // Captured (its three tracks stored), then paused at 0:05: a lecture in progress.
    const until = Date.now() + 30_000;
    while ((await probe.evaluate(countTracks)) < 3) {
      if (Date.now() > until) throw new Error('the demo lecture was not captured in 30 s');
      await probe.waitForTimeout(100);
    }
    await lecture.evaluate(() => {
      const v = document.querySelector('video');
      v.currentTime = 5;
    });
    const lectureTab = await tabOf(lecture);
    const indexTab = await tabOf(index);
    const runs = { lecture: [], empty: [] };
    await openPanel(browser, lectureTab, '.transcript .cue:nth-child(12)'); // warm-up
    for (let i = 0; i < rounds; i++) {
      const pair = i % 2 ? ['empty', 'lecture'] : ['lecture', 'empty'];
      for (const which of pair) {
        runs[which].push(which === 'lecture' ? await openPanel(browser, lectureTab, '.transcript .cue:nth-child(12)') : await openPanel(browser, indexTab, '.empty'));
      }
      log(`  open ${i + 1}/${rounds}: transcript at ${round(runs.lecture.at(-1).shownMs, 0)} ms, ${round(runs.lecture.at(-1).taskMs, 0)} ms of tasks; no video: ${round(runs.empty.at(-1).shownMs, 0)} ms, ${round(runs.empty.at(-1).taskMs, 0)} ms`);
    }
    if (browser.errors.length) throw new Error(`errors in the extension: ${browser.errors.join('; ')}`);
    const of = (k, f) => runs[k].map((r) => r[f]);
    const shownPaired = pairedMedianDifference(of('lecture', 'shownMs'), of('empty', 'shownMs'));
    const taskPaired = pairedMedianDifference(of('lecture', 'taskMs'), of('empty', 'taskMs'));
    return {
      rounds,
      settleMs: SETTLE_MS,
      ms: {
        transcriptShown: round(median(of('lecture', 'shownMs')), 0),
        noVideoShown: round(median(of('empty', 'shownMs')), 0),
        lectureTasks: round(median(of('lecture', 'taskMs')), 0),
        noVideoTasks: round(median(of('empty', 'taskMs')), 0),
      },
      ratio: { shown: round(median(of('lecture', 'shownMs')) / median(of('empty', 'shownMs')), 2), tasks: round(median(of('lecture', 'taskMs')) / median(of('empty', 'taskMs')), 2) },
      addedPaired: {
        shownMs: { median: round(shownPaired.median, 0), interval: shownPaired.interval.map((x) => round(x, 0)) },
        taskMs: { median: round(taskPaired.median, 0), interval: taskPaired.interval.map((x) => round(x, 0)) },
      },
      runs: { lecture: runs.lecture.map((r) => ({ shownMs: round(r.shownMs, 0), taskMs: round(r.taskMs, 0) })), empty: runs.empty.map((r) => ({ shownMs: round(r.shownMs, 0), taskMs: round(r.taskMs, 0) })) },
    };
  } finally {
    await browser.close();
  }
}
