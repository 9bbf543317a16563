import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { francLanguage, primaryLanguage } from './codes';

/**
 * The languages franc-min can answer with (82: those with 8 million speakers or more), as
 * declared primary subtags. Read from franc-min's own tables, so an update of it stays true.
 * Apart from its own module: the tables are large, and only the checks that run franc need them.
 */
const KNOWN = new Set(
  [
    ...Object.values(data).flatMap((byScript) => Object.keys(byScript)),
    // A script of one language (Greek, Korean, …) names that language; the others are in data.
    ...Object.keys(expressions).filter((script) => !(script in data)),
  ].map(francLanguage),
);

/** True when franc-min knows the declared language: it can only ever name another one otherwise. */
export function francKnows(declared: string): boolean {
  return KNOWN.has(primaryLanguage(declared));
}
