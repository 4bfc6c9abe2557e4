import { type Fraction, ZERO, compare, fraction, multiply, subtract } from '../fraction/fraction.js';

/** Moodle's default penalty: a third of the question per wrong try. */
export const DEFAULT_PENALTY: Fraction = { n: 1, d: 3 };

/** `raw − penalty × tries`, the mark of a try after `tries` earlier ones. */
export const penalised = (raw: Fraction, penalty: Fraction, tries: number): { penalty: Fraction; mark: Fraction } => {
  const taken = multiply(penalty, fraction(tries));
  return { penalty: taken, mark: subtract(raw, taken) };
};

export const atLeastZero = (x: Fraction): Fraction => (compare(x, ZERO) < 0 ? ZERO : x);
export const larger = (a: Fraction, b: Fraction): Fraction => (compare(a, b) >= 0 ? a : b);
