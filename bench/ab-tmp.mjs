// TEMP: A/B our script's CPU on the 2,000-cue page for several builds, loads interleaved.
import { launchChromium } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve.mjs';
import { ROOT } from './lib/paths.mjs';
import { TRACE_CATEGORIES, mainThreadFigures, pageMainThread, readTrace } from './lib/trace.mjs';
import { median } from './lib/stats.mjs';
const dirs = process.argv.slice(3); const rounds = Number(process.argv[2]);
const server = await startServer({ root: ROOT });
const bs = [];
for (const d of dirs) bs.push(await launchChromium({ withExtension: true, extensionDir: d }));
const res = dirs.map(() => ({ ours: [], cpu: [] }));
for (let r = 0; r < rounds + 1; r++) for (let i = 0; i < bs.length; i++) {
  const page = await bs[i].context.newPage();
  const cdp = await bs[i].context.newCDPSession(page);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream' });
  await page.goto(`${server.url}/bench/pages/lecture-2000.html?r=${r}`, { waitUntil: 'load' });
  await new Promise((x) => setTimeout(x, 1500));
  const ev = await readTrace(cdp);
  const f = mainThreadFigures(ev, pageMainThread(ev, 'lecture-2000'));
  if (r > 0) { res[i].ours.push(f.extensionScript.cpuMs); res[i].cpu.push(f.cpuMs); }
  await page.close();
}
dirs.forEach((d, i) => console.log(d.padEnd(16), 'ours', median(res[i].ours).toFixed(1), 'thread', median(res[i].cpu).toFixed(1), ' ours all:', res[i].ours.map((x) => x.toFixed(1)).join(' ')));
for (const b of bs) await b.close(); await server.close();
