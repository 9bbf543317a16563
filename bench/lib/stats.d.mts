// Types of stats.mjs, for the unit test of its paired difference.
export function median(xs: number[]): number;
export function percentile(xs: number[], p: number): number;
export function medianDifferenceInterval(a: number[], b: number[], rounds?: number): [number, number];
export function pairedMedianDifference(a: number[], b: number[], rounds?: number): { median: number; interval: [number, number] };
