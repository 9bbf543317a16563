// `npm run demo`: serves the bundled demo course on 127.0.0.1 and opens Chromium with
// MoocMate loaded on a demo lecture. With a display, the browser stays open for you to
// try; with no display (or --headless) it plays the lecture, prints what MoocMate
// captured, saves screenshots to out/demo/, and exits.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './serve.mjs';
import { launchChromium, readDb, ROOT } from './chromium.mjs';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const port = Number(process.env.PORT ?? 8777);
const shots = join(ROOT, 'out/demo');

const server = await startServer({ root: ROOT, port }).catch(() => startServer({ root: ROOT }));
const lectureUrl = `${server.url}/demo/course/lecture-1.html`;
console.log(`Demo course: ${server.url}/demo/course/`);
const browser = await launchChromium({ headless });
const { context, extensionId } = browser;
const extPage = (path) => `chrome-extension://${extensionId}/${path}`;

const lecture = await context.newPage();
await lecture.goto(lectureUrl);

if (!headless) {
  const dash = await context.newPage();
  await dash.goto(extPage('dashboard.html'));
  await lecture.bringToFront();
  console.log('Chromium is open with MoocMate loaded. Click the MoocMate button, then "Show transcript".');
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  context.on('close', stop);
  process.on('SIGINT', stop);
} else {
  mkdirSync(shots, { recursive: true });
  const probe = await context.newPage();
  await probe.goto(extPage('dashboard.html'));
  const captured = async () => (await readDb(probe, ['tracks'])).tracks.filter((t) => t.status === 'ok').length;
  const until = Date.now() + 30_000;
  while ((await captured()) < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));

  // Play a little, as a learner would, with the transcript beside it.
  await lecture.evaluate(async () => {
    const v = document.querySelector('video');
    v.muted = true;
    v.currentTime = 20;
    await v.play();
  });
  const tabId = await probe.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, lectureUrl);
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 760 });
  await panel.goto(extPage(`sidepanel.html?tab=${tabId}`));
  await panel.locator('.cue.current').waitFor({ timeout: 15_000 }).catch(() => undefined);
  await lecture.waitForTimeout(1500);
  // Pause inside a line, so the screenshots show a steady state.
  await lecture.evaluate(() => {
    const v = document.querySelector('video');
    v.currentTime = 22;
    v.pause();
  });
  await panel.locator('.cue.current').waitFor({ timeout: 10_000 }).catch(() => undefined);
  await panel.waitForTimeout(800); // the smooth scroll to the current line
  await lecture.screenshot({ path: join(shots, 'lecture.png') });
  await panel.screenshot({ path: join(shots, 'side-panel.png') });
  await probe.goto(extPage('dashboard.html#/search?q=chlorophyll'));
  await probe.locator('.hit').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await probe.screenshot({ path: join(shots, 'dashboard-search.png') });

  const db = await readDb(probe);
  console.log('\nWhat MoocMate captured:');
  for (const course of db.courses) {
    console.log(`Course: ${course.title}`);
    for (const l of db.lectures.filter((x) => x.courseId === course.id)) {
      console.log(`  Lecture: ${l.title}  (${l.url})`);
      for (const t of db.tracks.filter((x) => x.lectureId === l.id)) {
        const first = db.cues.find((c) => c.trackId === t.id && c.index === 0);
        console.log(`    ${t.label} [${t.language}] ${t.kind}: ${t.cueCount} lines, from ${t.source}, detected ${t.detectedLanguage}, ${t.status}`);
        if (first) console.log(`      first line: "${String(first.text).replace(/\n/g, ' ')}"`);
      }
    }
  }
  const current = await panel.locator('.cue.current .cue-text').textContent().catch(() => null);
  console.log(`\nSide panel, line playing now: ${current ?? '(none)'}`);
  console.log(`Screenshots: ${shots}/{lecture,side-panel,dashboard-search}.png`);
  await browser.close();
  await server.close();
}
