import { type Fraction, ZERO, add, divide, fraction, multiply, subtract, sum } from '../fraction/fraction.js';
import type { DeepReadonly, MatchingQuestion } from '../schema/types.js';
import type { QuestionResult } from '../scoring/types.js';
import { atLeastZero } from './penalties.js';

/**
 * Interactive with countback, as Moodle's `qtype_match_question::compute_final_grade`:
 * each statement right on the last try earns `max(0, 1 − (w + 1) × penalty)`,
 * where `w` is the (0-based) index of the last try it was wrong in (−1 when
 * never), and nothing when wrong on the last try. The question's fraction is
 * the mean over statements, weighted by their weights (Moodle has no
 * weights: with the default weight 1 it is Moodle's plain mean).
 */
export function countbackFraction(question: DeepReadonly<MatchingQuestion>, tries: readonly QuestionResult[], penalty: Fraction): Fraction {
  let total: Fraction = ZERO;
  for (const statement of question.statements) {
    let lastWrong = -1;
    tries.forEach((result, index) => {
      const right = result.parts.some((part) => part.id === statement.id && part.correct);
      if (!right) lastWrong = index;
    });
    const finallyRight = lastWrong < tries.length - 1;
    if (!finallyRight) continue;
    const earned = atLeastZero(subtract(fraction(1), multiply(fraction(lastWrong + 1), penalty)));
    total = add(total, multiply(earned, statement.weight ?? fraction(1)));
  }
  const weights = sum(question.statements.map((statement) => statement.weight ?? fraction(1)));
  return divide(total, weights);
}
