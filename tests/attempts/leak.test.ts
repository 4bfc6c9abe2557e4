// Fixes #12: the "ordering never starts in its correct order" rotation showed 5 of the 6 orders of a
// 3-item question over 300 attempts; the missing one was the key. Orders now ignore the key entirely.
import { describe, expect, it } from 'vitest';
import { parseQuiz } from 'quizkit/schema';
import { learnerView, startAttempt } from 'quizkit/attempts';

const quiz = parseQuiz({
  id: 'leak',
  title: 'Leak check',
  questions: [
    {
      id: 'order',
      type: 'ordering',
      prompt: 'Put them in order',
      explanation: 'E',
      source: { section: 's', quote: 'q' },
      // Authored in the correct order, as authors often do.
      items: [
        { id: 'a', text: 'First' },
        { id: 'b', text: 'Second' },
        { id: 'c', text: 'Third' },
      ],
      correctOrder: ['a', 'b', 'c'],
    },
    {
      id: 'pick',
      type: 'single-choice',
      prompt: 'Pick one',
      explanation: 'E',
      source: { section: 's', quote: 'q' },
      // The correct option authored first, as authors often do.
      options: [
        { id: 'right', text: 'Right', correct: true },
        { id: 'w1', text: 'Wrong 1' },
        { id: 'w2', text: 'Wrong 2' },
        { id: 'w3', text: 'Wrong 3' },
      ],
    },
  ],
});

const ATTEMPTS = 10_000;

/** What 10,000 started attempts (seeds `leak-0` … `leak-9999`) show a learner. */
function tally() {
  const orders = new Map<string, number>();
  const rightAt = [0, 0, 0, 0];
  const first300 = new Set<string>();
  for (let i = 0; i < ATTEMPTS; i++) {
    const view = learnerView(quiz, startAttempt(quiz, { seed: `leak-${i}`, now: 0 }));
    const [ordering, single] = view.questions;
    if (ordering?.type !== 'ordering' || single?.type !== 'single-choice') throw new Error('unexpected question types');
    const order = ordering.items.map((item) => item.id).join('');
    orders.set(order, (orders.get(order) ?? 0) + 1);
    if (i < 300) first300.add(order);
    rightAt[single.options.findIndex((option) => option.id === 'right')]! += 1;
  }
  return { orders, rightAt, first300 };
}

/**
 * Each count is Binomial(10,000, p). We allow ±5 standard deviations: for a
 * uniform shuffle the chance that one given count falls outside is
 * 5.7 × 10⁻⁷ (two-sided normal tail), so the chance that any of the 6 + 4
 * counts does is below 6 × 10⁻⁶. The seeds are fixed, so the outcome is the
 * same on every run; the figure is the chance that a correct shuffle would
 * have been unlucky with them. The old rotation is far outside: the correct
 * order 0 times (−45 σ) and its rotation about 3,333 times (+45 σ).
 */
function withinFiveSigma(count: number, p: number) {
  const mean = ATTEMPTS * p;
  const sigma = Math.sqrt(ATTEMPTS * p * (1 - p));
  return { count, within: Math.abs(count - mean) <= 5 * sigma };
}

describe('issue #12: started attempts reveal nothing about the key', () => {
  const { orders, rightAt, first300 } = tally();

  it('shows every permutation of a 3-item ordering, each within 5 σ of 10,000 / 6 (≈ 1,667 ± 186)', () => {
    expect([...orders.keys()].sort()).toEqual(['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
    for (const [order, count] of orders) expect(withinFiveSigma(count, 1 / 6), order).toEqual({ count, within: true });
  });

  it('shows the correct order too, already among the first 300 attempts (the finding saw 5 of 6)', () => {
    expect(first300.size).toBe(6);
  });

  it('puts the correct option of a single choice at each of 4 positions within 5 σ of 2,500 (± 217)', () => {
    for (const [position, count] of rightAt.entries()) expect(withinFiveSigma(count, 1 / 4), `position ${position}`).toEqual({ count, within: true });
  });
});
