export function sorted(xs) {
  return [...xs].sort((a, b) => a - b);
}

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1];
}

export const max = (xs) => (xs.length ? Math.max(...xs) : NaN);
export const min = (xs) => (xs.length ? Math.min(...xs) : NaN);

export function round(x, digits = 1) {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A small deterministic generator (mulberry32): the same numbers in every run. */
export function seededRandom(seed) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 95% bootstrap interval of median(a) − median(b): how far the difference of two noisy
 * medians can be trusted (each sample resampled with replacement, 2,000 times).
 */
export function medianDifferenceInterval(a, b, rounds = 2000) {
  const rand = seededRandom(a.length * 7919 + b.length);
  const pick = (xs) => Array.from(xs, () => xs[Math.floor(rand() * xs.length)]);
  const diffs = Array.from({ length: rounds }, () => median(pick(a)) - median(pick(b)));
  return [percentile(diffs, 2.5), percentile(diffs, 97.5)];
}

/**
 * Median of paired differences a[i] − b[i] and its 95% bootstrap interval, resampling the
 * pairs (2,000 times). For loads made side by side in one round: what the machine does
 * that round (its load drifts over minutes) falls on both loads of a pair and cancels,
 * where medianDifferenceInterval counts it as noise.
 */
export function pairedMedianDifference(a, b, rounds = 2000) {
  if (a.length !== b.length || a.length === 0) throw new Error(`paired samples need equal, non-zero lengths (${a.length} and ${b.length})`);
  const d = a.map((x, i) => x - b[i]);
  const rand = seededRandom(d.length * 104729);
  const meds = Array.from({ length: rounds }, () => median(Array.from(d, () => d[Math.floor(rand() * d.length)])));
  return { median: median(d), interval: [percentile(meds, 2.5), percentile(meds, 97.5)] };
}
