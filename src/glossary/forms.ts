import { baseForm, surfaceForms } from '../language/lemma';
import type { GlossaryEntryRecord } from '../db/schema';
import { tokenize, type CompactEntry } from './match';

/*
 * Background only (it imports the lemmatizer and its word lists).
 */

/**
 * The key one entry per base form is kept under: "Took in" -> "take in". Words written
 * apart are joined by one space; characters written together (光合作用) stay together.
 */
export function baseOfTerm(term: string): string {
  const tokens = tokenize(term);
  return tokens.map((t, i) => (i > 0 && t.start > tokens[i - 1].end ? ' ' : '') + baseForm(t.norm)).join('');
}

/** An entry with each of its words expanded into every form it may take in a caption. */
export function compactEntry(entry: Pick<GlossaryEntryRecord, 'id' | 'term' | 'meaning'>): CompactEntry {
  return { id: entry.id, term: entry.term, meaning: entry.meaning, forms: tokenize(entry.term).map((t) => surfaceForms(t.norm)) };
}
