import { describe, expect, it } from 'vitest';
import { medianDifferenceInterval, pairedMedianDifference } from '../../../bench/lib/stats.mjs';

// Loads whose level drifts from round to round (the machine's load), with the
// extension's loads a steady 12 ms above the loads without it in the same round.
const drift = Array.from({ length: 40 }, (_, i) => 150 + 40 * Math.sin(i / 4) + (i % 3));
const noise = (i: number) => ((i * 7919) % 11) - 5; // -5..5, the same in every run
const without = drift.map((x, i) => x + noise(i));
const withExt = drift.map((x, i) => x + 12 + noise(i + 3));

describe('pairedMedianDifference (bench figure 4)', () => {
  it('finds the steady difference that the drift hides from the unpaired interval', () => {
    const p = pairedMedianDifference(withExt, without);
    const [lo, hi] = medianDifferenceInterval(withExt, without);
    expect(p.median).toBeGreaterThanOrEqual(7);
    expect(p.median).toBeLessThanOrEqual(17);
    expect(p.interval[0]).toBeGreaterThan(5);
    expect(p.interval[1]).toBeLessThan(19);
    // Unpaired, the drift makes the interval more than twice as wide.
    expect(hi - lo).toBeGreaterThan(2 * (p.interval[1] - p.interval[0]));
  });

  it('gives no difference for the same loads, and refuses samples that are not pairs', () => {
    expect(pairedMedianDifference(without, without)).toEqual({ median: 0, interval: [0, 0] });
    expect(() => pairedMedianDifference([1, 2], [1])).toThrow(/equal/);
    expect(() => pairedMedianDifference([], [])).toThrow(/non-zero/);
  });
});
