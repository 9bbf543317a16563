// Figure 3: searchTranscripts over a library of 1,000 lectures x 1,000 cues (1,000,000
// cues) in Chromium's IndexedDB: populate it, then time a deterministic query mix.
//
// Populating a million cues takes many minutes in Chromium here (~2,000 cues/s: its
// IndexedDB writes the ~10 million `terms` index entries one by one), so the
// populated browser profile is kept in out/bench-cache/search-LxC/ and reused while nothing it
// depends on changed (see cacheKey). The populate figures then come from the run that
// built it, and the report says so. BENCH_SEARCH_FRESH=1 always populates anew.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../scripts/serve.mjs';
import { launch, chromiumPath } from './lib/browser.mjs';
import { ROOT } from './lib/paths.mjs';
import { median, percentile, max, round } from './lib/stats.mjs';

export const SEARCH_TARGET_P95_MS = 50;
/** Bump when populating changes in a way the hashed files do not show. */
const POPULATE_FORMAT = 1;
/** The library lives in the origin http://127.0.0.1:PORT, so a cached profile needs the same port. */
const DEFAULT_PORT = 47615;
const WARMUP_QUERIES = ['warm', '"warm up" the', 'of and'];

function chromiumVersion() {
  try {
    return execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * What the stored library depends on besides MoocMateDb's schema (which the bench page
 * compares itself, see attachLibrary): the text, the populate code, terms() and ids.
 */
export function cacheKey({ lectures, cuesPerLecture, port }) {
  const h = createHash('sha256');
  h.update(JSON.stringify({ POPULATE_FORMAT, lectures, cuesPerLecture, port, chromium: chromiumVersion() }));
  for (const f of ['bench/pages/corpus.ts', 'bench/pages/library.ts', 'src/captions/terms.ts', 'src/captions/ids.ts', 'node_modules/dexie/package.json']) {
    h.update(f);
    h.update(readFileSync(join(ROOT, f)));
  }
  return h.digest('hex').slice(0, 16);
}

async function serverOnFixedPort(port) {
  try {
    return { server: await startServer({ root: ROOT, port }), fixed: true };
  } catch (err) {
    if (err?.code !== 'EADDRINUSE') throw err;
    return { server: await startServer({ root: ROOT }), fixed: false };
  }
}

async function openBenchPage(context, url) {
  const page = await context.newPage();
  await page.goto(`${url}/out/bench-page/index.html`);
  await page.waitForFunction(() => 'moocBench' in window);
  return page;
}

/** Fills the library, lectures in chunks (progress shows). Returns the populate figures. */
async function populate(page, { lectures, cuesPerLecture, batch, chunkLectures, log }) {
  const t0 = Date.now();
  await page.evaluate(([l, c]) => window.moocBench.populateStart(l, c), [lectures, cuesPerLecture]);
  for (let from = 0; from < lectures; from += chunkLectures) {
    const to = Math.min(lectures, from + chunkLectures);
    await page.evaluate(([a, b, n]) => window.moocBench.populateRange(a, b, n), [from, to, batch]);
    const s = (Date.now() - t0) / 1000;
    log(`  populate: ${to}/${lectures} lectures written, ${Math.round((to * cuesPerLecture) / s).toLocaleString('en')} cues/s, ${s.toFixed(0)} s`);
  }
  const f = await page.evaluate(() => window.moocBench.populateFinish());
  const ms = Date.now() - t0;
  if (f.lectures !== lectures || f.cues !== lectures * cuesPerLecture) throw new Error(`populated ${f.lectures} lectures / ${f.cues} cues`);
  return {
    populate: {
      ms,
      cuesPerSecond: Math.round(f.cues / (ms / 1000)),
      generateAndTermsMs: round(f.genMs, 0),
      putAndCommitWaitMs: round(f.writeMs, 0),
      batchCues: batch,
      method: `raw IndexedDB puts of the final records into MoocMateDb's database, transactions of ~${batch} cues, terms index filled as they go in`,
    },
    cues: f.cues,
    lectures: f.lectures,
    indexEntries: f.indexEntries,
    schema: f.schema,
    df: f.df,
  };
}

export async function benchSearch({
  lectures = Number(process.env.BENCH_SEARCH_LECTURES ?? 1000),
  cuesPerLecture = 1000,
  // Under the 1 MB write batch of Chromium's LevelDB scopes, so a commit needs no undo log.
  batch = 500,
  chunkLectures = 50,
  queryBudgetMs = 150_000,
  ingestRounds = Number(process.env.BENCH_SEARCH_INGEST_ROUNDS ?? 2),
  fresh = process.env.BENCH_SEARCH_FRESH === '1',
  log = () => {},
} = {}) {
  const port = Number(process.env.BENCH_SEARCH_PORT ?? DEFAULT_PORT);
  const { server, fixed } = await serverOnFixedPort(port);
  const key = cacheKey({ lectures, cuesPerLecture, port });
  // One cache per library size, so a quick small run keeps the big library.
  const CACHE_DIR = join(ROOT, `out/bench-cache/search-${lectures}x${cuesPerLecture}`);
  const cacheName = CACHE_DIR.slice(ROOT.length + 1);
  const metaFile = join(CACHE_DIR, 'meta.json');
  let profile = join(CACHE_DIR, 'profile');
  let temporary = false;
  let meta = null;
  if (!fixed) {
    log(`  port ${port} is busy: populating in a throw-away profile (no cache)`);
    profile = mkdtempSync(join(tmpdir(), 'moocmate-bench-search-'));
    temporary = true;
  } else if (!fresh && existsSync(metaFile)) {
    try {
      meta = JSON.parse(readFileSync(metaFile, 'utf8'));
      if (meta.key !== key || !existsSync(profile)) {
        log('  the cached library is out of date: populating again');
        meta = null;
      }
    } catch {
      meta = null;
    }
  }
  try {
    let opened = meta ? await openLibrary({ serverUrl: server.url, profile, meta }) : null;
    if (opened?.stale) {
      log(`  the cached library does not open as MoocMateDb's current schema: populating again`);
      opened = null;
    } else if (opened?.leftoversRemoved) {
      log(`  removed ${opened.leftoversRemoved} lecture(s) an interrupted run had left in the cached library`);
    }
    if (opened?.upgradedFrom) {
      // MoocMateDb's upgrade ran on the cached library: remember the new schema.
      log(`  MoocMateDb upgraded the cached library in ${(opened.upgradeMs / 1000).toFixed(1)} s`);
      meta.upgrades = [...(meta.upgrades ?? []), { at: new Date().toISOString(), from: opened.upgradedFrom, to: opened.schema, ms: Math.round(opened.upgradeMs) }];
      meta.schema = opened.schema;
      writeFileSync(metaFile, JSON.stringify(meta));
    }
    const reused = opened !== null;
    if (!opened) {
      if (!temporary) {
        rmSync(CACHE_DIR, { recursive: true, force: true });
        mkdirSync(profile, { recursive: true });
      }
      log(`  populating ${(lectures * cuesPerLecture).toLocaleString('en')} cues${temporary ? '' : ` (kept in ${cacheName} for later runs)`}`);
      const browser = await launch({ userDataDir: profile });
      try {
        const page = await openBenchPage(browser.context, server.url);
        const p = await populate(page, { lectures, cuesPerLecture, batch, chunkLectures, log });
        await page.evaluate(() => window.moocBench.closeLibrary(false));
        meta = { key, port, lectures, cuesPerLecture, builtAt: new Date().toISOString(), chromium: chromiumVersion(), ...p };
      } finally {
        // A clean shutdown leaves the database complete on disk; queries run in a new browser.
        await browser.close();
      }
      if (!temporary) writeFileSync(metaFile, JSON.stringify(meta));
      opened = await openLibrary({ serverUrl: server.url, profile, meta });
      if (opened.stale) throw new Error(`the library just populated does not match MoocMateDb's schema:\n have ${opened.have}\n want ${opened.want}`);
    } else {
      log(`  reusing the library populated ${meta.builtAt} (${cacheName}; BENCH_SEARCH_FRESH=1 populates anew)`);
    }
    try {
      return await queryMix({ page: opened.page, browser: opened.browser, meta, reused, queryBudgetMs, ingestRounds, log });
    } finally {
      await opened.browser.close();
    }
  } finally {
    await server.close();
    if (temporary) rmSync(profile, { recursive: true, force: true });
  }
}

/** A new browser on the populated profile with the library attached, or `stale` (browser closed). */
async function openLibrary({ serverUrl, profile, meta }) {
  const browser = await launch({ userDataDir: profile });
  try {
    const page = await openBenchPage(browser.context, serverUrl);
    const lib = await page.evaluate(
      ([l, c, p, df, schema]) => window.moocBench.attachLibrary(l, c, p, df, schema),
      [meta.lectures, meta.cuesPerLecture, meta.lectures, meta.df, meta.schema],
    );
    if (lib.stale) {
      await browser.close();
      return { stale: true, have: lib.have, want: lib.want };
    }
    if (lib.cues !== meta.cues || lib.lectures !== meta.lectures) {
      // A run stopped half-way (say, during the ingest rounds) can leave extra records.
      await browser.close();
      return { stale: true, have: `${lib.lectures} lectures / ${lib.cues} cues`, want: `${meta.lectures} / ${meta.cues}` };
    }
    return { stale: false, browser, page, schema: lib.schema, upgradedFrom: lib.upgradedFrom, upgradeMs: lib.upgradeMs, leftoversRemoved: lib.leftoversRemoved };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** Warm-up queries, then the mix, each timed on its own; then ingest into the full library. */
async function queryMix({ page, browser, meta, reused, queryBudgetMs, ingestRounds, log }) {
  await page.evaluate((qs) => window.moocBench.runQueries(qs.map((q) => ({ category: 'warm-up', q }))), WARMUP_QUERIES);
  const queries = await page.evaluate(() => window.moocBench.buildQueries());
  log(`  running ${queries.length} queries`);
  const t0 = Date.now();
  const results = [];
  for (let i = 0; i < queries.length; i += 10) {
    results.push(...(await page.evaluate((qs) => window.moocBench.runQueries(qs), queries.slice(i, i + 10))));
    if (Date.now() - t0 > queryBudgetMs && results.length < queries.length) {
      log(`  query budget of ${queryBudgetMs / 1000} s spent: stopping after ${results.length} of ${queries.length} queries`);
      break;
    }
  }
  const queryWallMs = Date.now() - t0;
  const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 10);
  const df = await page.evaluate((ws) => window.moocBench.wordStats(ws), [...new Set(slowest.flatMap((r) => splitWords(r.q)))]);
  let ingestIntoLibrary = null;
  if (ingestRounds > 0) {
    log(`  ingest of a 2,000-cue track into the full library, ${ingestRounds} rounds`);
    const t = await page.evaluate((n) => window.moocBench.ingestIntoLibrary(n), ingestRounds);
    const medians = (rows) => Object.fromEntries(Object.keys(rows[0]).map((k) => [k, round(median(rows.map((r) => r[k])), 1)]));
    ingestIntoLibrary = {
      rounds: ingestRounds,
      medianMs: { ingestTrack: round(median(t.ours), 1), rawIdb: round(median(t.raw), 1) },
      ratio: round(median(t.ours) / median(t.raw), 2),
      timesMs: { ours: t.ours.map((x) => round(x, 1)), raw: t.raw.map((x) => round(x, 1)) },
      // Medians per phase (bench/pages/phase-timer.ts), into this library and into an empty database.
      phasesMs: {
        ingestTrackIntoLibrary: medians(t.phases),
        rawIntoLibrary: medians(t.rawPhases),
        ingestTrackIntoEmpty: medians(t.empty),
        rawIntoEmpty: medians(t.emptyRaw),
      },
    };
  }
  await page.evaluate(() => window.moocBench.closeLibrary(false));
  if (browser.errors.length) throw new Error(`errors in the bench page: ${browser.errors.join('; ')}`);

  const all = results.map((r) => r.ms);
  const categories = {};
  const incomplete = {};
  for (const r of results) {
    (categories[r.category] ??= []).push(r.ms);
    if (r.incomplete) incomplete[r.category] = (incomplete[r.category] ?? 0) + 1;
  }
  const p95 = percentile(all, 95);
  return {
    lectures: meta.lectures,
    cues: meta.cues,
    indexEntries: meta.indexEntries,
    schema: meta.schema,
    populate: { ...meta.populate, reusedFromCache: reused, builtAt: meta.builtAt, schemaUpgrades: meta.upgrades ?? [] },
    queries: results.length,
    queriesPlanned: queries.length,
    queryWallMs,
    ms: { median: round(median(all), 1), p95: round(p95, 1), max: round(max(all), 1) },
    target: { p95Ms: SEARCH_TARGET_P95_MS },
    pass: p95 <= SEARCH_TARGET_P95_MS,
    categories: Object.fromEntries(
      Object.entries(categories).map(([k, v]) => [
        k,
        { n: v.length, median: round(median(v), 1), p95: round(percentile(v, 95), 1), max: round(max(v), 1), incomplete: incomplete[k] ?? 0 },
      ]),
    ),
    slowest: slowest.map((r) => ({
      category: r.category,
      q: r.q,
      ms: round(r.ms, 1),
      hits: r.hits,
      more: r.more,
      incomplete: r.incomplete,
      cuesWithWord: Object.fromEntries(splitWords(r.q).map((w) => [w, df[w] ?? null])),
    })),
    ingestIntoLibrary,
    // A search that says it stopped early may miss a hit; one that says it is complete may not.
    wrongResults: results.filter((r) => !r.ok && !r.incomplete).map((r) => ({ category: r.category, q: r.q, hits: r.hits })),
    incomplete: results.filter((r) => r.incomplete).length,
    missedWhenIncomplete: results.filter((r) => !r.ok && r.incomplete).map((r) => ({ category: r.category, q: r.q, hits: r.hits })),
    perQuery: results.map((r) => ({ category: r.category, q: r.q, ms: round(r.ms, 2), hits: r.hits, more: r.more, incomplete: r.incomplete })),
  };
}

const splitWords = (q) => q.toLowerCase().replace(/"/g, ' ').split(/\s+/).filter(Boolean);
