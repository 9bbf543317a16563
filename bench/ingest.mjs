// Figure 2: ingestTrack of a 2,000-cue track against a raw IndexedDB bulk write of the
// same final records, in Chromium, alternated in the same run. See bench/README.md.
import { median, round } from './lib/stats.mjs';

export const INGEST_TARGET_RATIO = 1.5;

export async function benchIngest({ context, pageUrl, cues = 2000, warmup = 3, rounds = 15 }) {
  const page = await context.newPage();
  try {
    await page.goto(pageUrl);
    await page.waitForFunction(() => 'moocBench' in window);
    const r = await page.evaluate((o) => window.moocBench.ingestBench(o), { cues, warmup, rounds });
    const m = Object.fromEntries(Object.entries(r.times).map(([k, v]) => [k, median(v)]));
    return {
      cues: r.cues,
      termEntries: r.termEntries,
      warmup,
      rounds,
      schema: r.schema,
      medianMs: { ingestTrack: round(m.ours, 2), ingestTrackWithoutTerms: round(m.oursNoTerms, 2), rawIdb: round(m.raw, 2), termsOnly: round(m.terms, 2) },
      ratio: round(m.ours / m.raw, 2),
      ratioWithoutTerms: round(m.oursNoTerms / m.raw, 2),
      target: INGEST_TARGET_RATIO,
      pass: m.ours / m.raw <= INGEST_TARGET_RATIO,
      timesMs: Object.fromEntries(Object.entries(r.times).map(([k, v]) => [k, v.map((x) => round(x, 2))])),
    };
  } finally {
    await page.close();
  }
}
