import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { GlossaryEntryRecord, MoocMateDb, ReviewCard } from '../db/schema';
import { GlossaryError } from './terms';

/*
 * Spaced repetition with FSRS (ts-fsrs). Extension pages only: the content script never
 * schedules anything.
 */

const scheduler = fsrs({ enable_fuzz: false });

export type Grading = 1 | 2 | 3 | 4;
export const GRADES: Record<Grading, Grade> = { 1: Rating.Again, 2: Rating.Hard, 3: Rating.Good, 4: Rating.Easy };

export function newCard(now: number): ReviewCard {
  return fromFsrs(createEmptyCard(new Date(now)));
}

function fromFsrs(c: Card): ReviewCard {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as ReviewCard['state'],
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}

function toFsrs(c: ReviewCard): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    ...(c.lastReview !== null ? { last_review: new Date(c.lastReview) } : {}),
  };
}

/** The card after the learner's answer (1 again, 2 hard, 3 good, 4 easy). */
export function gradeCard(card: ReviewCard, grading: Grading, now: number): ReviewCard {
  let fsrsCard: Card;
  try {
    fsrsCard = scheduler.next(toFsrs(card), new Date(now), GRADES[grading]).card;
  } catch {
    // A state the scheduler refuses (a backup from a device whose clock ran ahead, an edited
    // file): the word starts again as new rather than never being reviewable.
    fsrsCard = scheduler.next(createEmptyCard(new Date(now)), new Date(now), GRADES[grading]).card;
  }
  return fromFsrs(fsrsCard);
}

/** When each answer would bring the word back (for the buttons' hints). */
export function previewDue(card: ReviewCard, now: number): Record<Grading, number> {
  const out = {} as Record<Grading, number>;
  for (const g of [1, 2, 3, 4] as Grading[]) out[g] = gradeCard(card, g, now).due;
  return out;
}

export async function gradeEntry(db: MoocMateDb, id: string, grading: Grading, now = Date.now()): Promise<GlossaryEntryRecord> {
  return db.transaction('rw', db.glossary, async () => {
    const entry = await db.glossary.get(id);
    if (!entry) throw new GlossaryError('glossaryNotThere', 'This word is not in the glossary any more.');
    const card = gradeCard(entry.card, grading, now);
    const next = { ...entry, card, due: card.due, updatedAt: now };
    await db.glossary.put(next);
    return next;
  });
}

/** Words due now, soonest first. */
export function dueEntries(db: MoocMateDb, now = Date.now(), limit = 200): Promise<GlossaryEntryRecord[]> {
  return db.glossary.where('due').belowOrEqual(now).limit(limit).toArray();
}

/** When the next word falls due after `now` (ms), or null when none will. */
export async function nextDue(db: MoocMateDb, now = Date.now()): Promise<number | null> {
  return (await db.glossary.where('due').above(now).first())?.due ?? null;
}

export function countDue(db: MoocMateDb, now = Date.now()): Promise<number> {
  return db.glossary.where('due').belowOrEqual(now).count();
}
