import { describe, expect, it } from 'vitest';
import { pickPractice, reviewCard } from '../../src/core/spaced-repetition.ts';

const now = new Date('2026-11-23T12:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('FSRS practice', () => {
  it('asks due reviews first, most overdue first, then new questions', () => {
    const due = [
      { questionId: 'late', due: minutes(-5) },
      { questionId: 'later', due: minutes(-60) },
      { questionId: 'future', due: minutes(30) },
    ];
    expect(pickPractice(due, ['new-1'], now)).toEqual({ questionId: 'later', review: true });
    expect(pickPractice(due.slice(2), ['new-1'], now)).toEqual({ questionId: 'new-1', review: false });
    expect(pickPractice(due.slice(2), [], now)).toBeUndefined();
  });

  it('brings a wrong answer back much sooner than a right one', () => {
    const right = reviewCard(undefined, true, now).card;
    const wrong = reviewCard(undefined, false, now).card;
    expect(wrong.due.getTime()).toBeLessThan(right.due.getTime());
    const twiceRight = reviewCard(right, true, right.due).card;
    expect(twiceRight.due.getTime() - right.due.getTime()).toBeGreaterThan(
      right.due.getTime() - now.getTime(),
    );
  });
});
