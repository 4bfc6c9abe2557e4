import type { Fraction } from '../fraction/fraction.js';
import type { QuestionResult } from '../scoring/types.js';
import type { Behaviour } from '../schema/types.js';

/**
 * How sure the learner is of an answer, under certainty-based marking:
 * 1 low (below 67 %), 2 medium (above 67 %), 3 high (above 80 %), as Moodle's
 * `question_cbm` LOW, MED and HIGH.
 *
 * @example
 * ```ts
 * import type { Certainty } from 'quizkit/behaviours';
 * const sure: Certainty = 3;
 * ```
 */
export type Certainty = 1 | 2 | 3;

/**
 * One try at a question: the response submitted and, under a CBM behaviour,
 * the certainty given with it.
 *
 * @example
 * ```ts
 * import type { Try } from 'quizkit/behaviours';
 * const tries: Try[] = [{ response: 'kim-xi' }, { response: 'foreign-ministers' }];
 * ```
 */
export interface Try {
  /** The response, untrusted: it is checked and scored as `scoreQuestion` does. */
  readonly response: unknown;
  /** The certainty given with it (CBM behaviours only; 1 when left out, as Moodle's default). */
  readonly certainty?: Certainty;
}

/**
 * What one try was worth under the behaviour.
 *
 * @example
 * ```ts
 * import type { TryMark } from 'quizkit/behaviours';
 * const second: TryMark = { raw: { n: 1, d: 1 }, penalty: { n: 1, d: 3 }, mark: { n: 2, d: 3 }, counted: true, ignored: false };
 * ```
 */
export interface TryMark {
  /** The fraction the response earns by the question's rule alone. */
  readonly raw: Fraction;
  /** What the behaviour takes off for the tries before it (0 when none). */
  readonly penalty: Fraction;
  /** The question's fraction if this try ends it (adaptive: the best so far). */
  readonly mark: Fraction;
  /** Whether this try's mark is the question's mark. */
  readonly counted: boolean;
  /**
   * Whether the try was not marked: made after the question had finished,
   * or (adaptive) the same response as the try before, which Moodle does not
   * count as a new try.
   */
  readonly ignored: boolean;
}

/**
 * A question marked under its behaviour: the tries, which one counted and
 * why, and the mark.
 *
 * @example
 * ```ts
 * import type { BehaviourResult } from 'quizkit/behaviours';
 * const summary = (marked: BehaviourResult) => `${marked.tries.length} tries, counted: ${marked.tries.findIndex((t) => t.counted) + 1}`;
 * ```
 */
export interface BehaviourResult {
  readonly questionId: string;
  /** The behaviour the question was marked under. */
  readonly behaviour: Behaviour['name'];
  /**
   * The question's mark as a fraction of its points. Under CBM it runs from
   * −6 (wrong at certainty 3) to 3 (right at certainty 3), as Moodle's CBM
   * marks do; everywhere else from 0 to 1 (or below 0 where the rule allows).
   */
  readonly fraction: Fraction;
  /** `fraction × points`. */
  readonly earned: Fraction;
  /** The question's points. */
  readonly possible: Fraction;
  /** Under CBM: the fraction of the counted try before certainty scaled it (Moodle's "accuracy"). */
  readonly accuracy?: Fraction;
  /** Under CBM: the certainty of the counted try. */
  readonly certainty?: Certainty;
  /** Every try, in order. */
  readonly tries: readonly TryMark[];
  /** Whether the question takes no more tries (right, tries used up, or the attempt finished). */
  readonly finished: boolean;
  /** Tries still allowed; `Infinity` under `adaptive`, 0 once finished. */
  readonly triesLeft: number;
  /** The full result of the last marked try (parts, statistic, feedback), as `scoreQuestion` gives it. */
  readonly last: QuestionResult | undefined;
}

/**
 * The options of `scoreTries`.
 *
 * @example
 * ```ts
 * import type { ScoreTriesOptions } from 'quizkit/behaviours';
 * const options: ScoreTriesOptions = { behaviour: { name: 'adaptive', penalty: { n: 1, d: 10 } }, finished: true };
 * ```
 */
export interface ScoreTriesOptions {
  /** The quiz's behaviour, used when the question has none of its own (`deferred` when neither has one). */
  readonly behaviour?: Behaviour;
  /**
   * Whether the attempt has finished (submitted): an interactive question
   * still open is then marked on its last try, penalised for every try
   * submitted, as Moodle's `process_finish` does.
   */
  readonly finished?: boolean;
}
