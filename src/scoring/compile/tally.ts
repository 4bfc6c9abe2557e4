import { lcmBig } from '../../fraction/big.js';
import type { Fraction } from '../../fraction/fraction.js';

/**
 * What `compileQuiz` needs from a question type: its fraction of credit as an
 * integer numerator over one fixed denominator, computed from the same
 * read-once copy the check and the explanation use, allocating nothing.
 */
export interface CompiledQuestion<Read> {
  /** A positive safe integer; every fraction of credit the question can earn is `numerator / denominator`. */
  readonly denominator: number;
  /**
   * The numerator over `denominator` of what the copy earns (in
   * `[-denominator, denominator]`), or {@link INVALID} / {@link UNANSWERED}.
   * Decides validity exactly as the question's check does.
   */
  tally(read: Read): number;
}

/** A tally that is not a numerator: the response is malformed (the explanation says why). */
export const INVALID = Number.POSITIVE_INFINITY;
/** A tally that is not a numerator: nothing was given. */
export const UNANSWERED = Number.NEGATIVE_INFINITY;

/**
 * Fractions on their least common denominator: the integer numerators, or
 * `undefined` when the denominator or a numerator is not a safe integer (the
 * plan then scores that quiz through fractions, exactly, as `scoreQuiz` does).
 */
export function onCommonDenominator(values: readonly Fraction[]): { denominator: number; numerators: number[] } | undefined {
  const common = lcmBig(values.map((value) => BigInt(value.d)));
  const numerators = values.map((value) => Number((BigInt(value.n) * common) / BigInt(value.d)));
  if (common > BigInt(Number.MAX_SAFE_INTEGER) || !numerators.every(Number.isSafeInteger)) return undefined;
  return { denominator: Number(common), numerators };
}

/**
 * Marks ids seen in one response without allocating: an id is "seen" when its
 * stamp equals the current round, so starting a new response is one increment
 * (a double counts 2^53 rounds, so stamps never wrap).
 */
export class Stamps {
  private readonly stamps: Float64Array;
  private round = 0;
  constructor(size: number) {
    this.stamps = new Float64Array(size);
  }
  /** Starts a new response. */
  next(): void {
    this.round++;
  }
  /** Marks `index`; false when it was already marked in this response. */
  mark(index: number): boolean {
    if (this.stamps[index] === this.round) return false;
    this.stamps[index] = this.round;
    return true;
  }
}

/** The position of each id in `ids`. */
export const indexOf = (ids: readonly string[]): ReadonlyMap<string, number> => new Map(ids.map((id, index) => [id, index]));
