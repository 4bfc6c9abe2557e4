import { type Fraction, ZERO, compare, fraction, multiply } from '../fraction/fraction.js';
import type { Certainty } from './types.js';

// Moodle's question_cbm (question/engine/lib.php): $rightscore and $wrongscore by certainty.
const RIGHT: Readonly<Record<Certainty, number>> = { 1: 1, 2: 2, 3: 3 };
const WRONG: Readonly<Record<Certainty, number>> = { 1: 0, 2: -2, 3: -6 };

/**
 * Certainty-based marking, as Moodle's `question_cbm::adjust_fraction`: a
 * response that earns anything is worth its fraction times 1, 2 or 3; one
 * that earns nothing costs 0, 2 or 6. (Moodle's test is `fraction ≤
 * MARK_TOLERANCE`, a float guard; with exact fractions it is `fraction ≤ 0`.)
 */
export function cbmMark(accuracy: Fraction, certainty: Certainty): Fraction {
  return compare(accuracy, ZERO) > 0 ? multiply(accuracy, fraction(RIGHT[certainty])) : fraction(WRONG[certainty]);
}
