/**
 * Stands in for src/captions/terms.ts inside src/captions/store.ts only (bench/lib/build-page.mjs
 * redirects that one import). With a precomputed table set, `terms(text)` is a Map lookup, so
 * ingestTrack can be timed without its term computation; with none it is the real function.
 */
import { terms as realTerms } from '../../src/captions/terms';

export * from '../../src/captions/terms';

let table: Map<string, string[]> | null = null;

export function setPrecomputedTerms(next: Map<string, string[]> | null): void {
  table = next;
}

export function terms(text: string): string[] {
  return table?.get(text) ?? realTerms(text);
}
