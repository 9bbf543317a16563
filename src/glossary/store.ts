import { cut, keptTags, MAX_NOTE_TEXT } from '../db/limits';
import type { GlossaryEntryRecord, GlossaryExample, MoocMateDb } from '../db/schema';
import { baseOfTerm } from './forms';
import { newCard } from './review';
import { cleanSentence, cleanTerm } from './terms';

/*
 * Glossary writes that need the base form (adding a word, importing a file). They run in
 * the background, which alone carries the lemmatizer. Extension pages edit meanings, tags
 * and review state directly (same origin); every write is told to open course pages
 * (src/db/glossary-writes.ts).
 */

/** A word as the learner picks it: the term, plus where they met it (an example without its date). */
export interface NewWord extends Omit<GlossaryExample, 'addedAt'> {
  term: string;
  meaning?: string;
  notes?: string;
  tags?: string[];
}

export interface AddResult {
  entryId: string;
  term: string;
  /** false: the word (or another form of it) was there; the sentence became a new example. */
  created: boolean;
}

/** Examples kept per word: the first ones and the latest (older middle ones make way). */
const MAX_EXAMPLES = 20;

/**
 * Adds a word, or a new example to the entry with the same base form ("ran" joins "run").
 * The same sentence at the same moment is not added twice.
 */
export async function addWord(db: MoocMateDb, input: NewWord, now = Date.now()): Promise<AddResult> {
  const term = cleanTerm(input.term);
  const base = baseOfTerm(term);
  const example: GlossaryExample = {
    sentence: cleanSentence(input.sentence || term, term),
    lectureId: input.lectureId,
    trackId: input.trackId,
    cueIndex: input.cueIndex,
    time: input.time,
    pageUrl: input.pageUrl,
    addedAt: now,
  };
  return db.transaction('rw', [db.glossary, db.lectures], async () => {
    const existing = await db.glossary.where('base').equals(base).first();
    if (existing) {
      // A sentence with no lecture (read back from a CSV, met on a page) is the same as a kept one.
      const same = existing.examples.some((e) => e.sentence === example.sentence && (e.lectureId === example.lectureId || example.lectureId === null));
      const examples = same ? existing.examples : [...existing.examples, example];
      if (examples.length > MAX_EXAMPLES) examples.splice(1, examples.length - MAX_EXAMPLES);
      await db.glossary.put({
        ...existing,
        examples,
        meaning: existing.meaning || cut(input.meaning?.trim() ?? '', MAX_NOTE_TEXT),
        notes: existing.notes || cut(input.notes?.trim() ?? '', MAX_NOTE_TEXT),
        tags: keptTags([...existing.tags, ...(input.tags ?? [])]),
        updatedAt: now,
      });
      return { entryId: existing.id, term: existing.term, created: false };
    }
    const lecture = input.lectureId ? await db.lectures.get(input.lectureId) : undefined;
    const card = newCard(now);
    const entry: GlossaryEntryRecord = {
      id: crypto.randomUUID(),
      term,
      base,
      meaning: cut(input.meaning?.trim() ?? '', MAX_NOTE_TEXT),
      notes: cut(input.notes?.trim() ?? '', MAX_NOTE_TEXT),
      tags: keptTags(input.tags ?? []),
      courseId: lecture?.courseId ?? null,
      lectureId: input.lectureId,
      examples: [example],
      card,
      due: card.due,
      createdAt: now,
      updatedAt: now,
    };
    await db.glossary.add(entry);
    return { entryId: entry.id, term, created: true };
  });
}

/** Adds many words at once (a CSV import the learner accepted): all in one transaction. */
export async function addWords(db: MoocMateDb, inputs: NewWord[], now = Date.now()): Promise<{ added: number; merged: number }> {
  // Every term is checked before anything is written.
  for (const i of inputs) cleanTerm(i.term);
  let added = 0;
  let merged = 0;
  await db.transaction('rw', [db.glossary, db.lectures], async () => {
    for (const input of inputs) {
      const r = await addWord(db, input, now);
      if (r.created) added++;
      else merged++;
    }
  });
  return { added, merged };
}
