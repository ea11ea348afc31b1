// FSRS (ts-fsrs) for practice: one card per member and question; right → Good, wrong → Again.
import { type Card, createEmptyCard, fsrs, generatorParameters, Rating, type ReviewLog } from 'ts-fsrs';

// No fuzz: the same history always gives the same schedule, which keeps tests and support questions simple.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

export type { Card, ReviewLog };

/** The card after answering, and the review log; a missing card is a new one. */
export function reviewCard(
  card: Card | undefined,
  correct: boolean,
  now: Date,
): { card: Card; log: ReviewLog } {
  return scheduler.next(card ?? createEmptyCard(now), now, correct ? Rating.Good : Rating.Again);
}

/** What practice should ask next: the most overdue due card, else the first new question. */
export function pickPractice(
  due: readonly { questionId: string; due: Date }[],
  fresh: readonly string[],
  now: Date,
): { questionId: string; review: boolean } | undefined {
  const overdue = due.filter((c) => c.due <= now).sort((a, b) => a.due.getTime() - b.due.getTime());
  if (overdue[0]) return { questionId: overdue[0].questionId, review: true };
  if (fresh[0]) return { questionId: fresh[0], review: false };
  return undefined;
}
