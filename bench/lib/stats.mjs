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
