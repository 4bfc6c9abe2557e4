import { LIMITS } from '../schema/limits.js';
import { MAX_SEED_LENGTH } from './attempt.js';
import { MAX_EPOCH_MILLIS } from './guards.js';
import { SEAL_LENGTH } from './seal.js';

// The longest text serializeAttempt can write, worked out from LIMITS. A saved
// attempt holds facts only (no quiz text, no result), so its size depends on
// the number and size of answers, never on prompts or feedback. Each figure is
// the longest JSON of one field; `list(n, each)` is `[…]`/`{…}` with n entries
// and n − 1 commas.

const list = (count: number, each: number) => 2 + count * each + Math.max(0, count - 1);
/** An id in quotes: ids are letters, digits, `_` and `-`, which JSON never escapes. */
const QUOTED_ID = LIMITS.idLength + 2;
/** A time: at most MAX_EPOCH_MILLIS, 15 digits. */
const TIME = String(MAX_EPOCH_MILLIS).length;
/** The attempt number: at most Number.MAX_SAFE_INTEGER, 16 digits. */
const COUNT = String(Number.MAX_SAFE_INTEGER).length;
/** A non-negative finite number as JSON writes it: at most 23 characters (`1.7976931348623157e+308`). */
const NUMBER = String(Number.MAX_VALUE).length;
/** A string of n UTF-16 code units in quotes, every unit escaped the longest way (`\u0000`, six characters). */
const quotedText = (units: number) => 2 + 6 * units;

/** The longest response: an option id, a list of ids, or a statement → actor record. */
const RESPONSE = Math.max(
  QUOTED_ID, // single choice
  list(LIMITS.optionsPerQuestion, QUOTED_ID), // multiple choice
  list(LIMITS.itemsPerOrdering, QUOTED_ID), // ordering
  list(LIMITS.statementsPerMatching, QUOTED_ID + 1 + QUOTED_ID), // matching: "statement":"actor"
);
/** `"id":{"response":…,"at":…}` */
const ANSWER = QUOTED_ID + 1 + '{"response":,"at":}'.length + RESPONSE + TIME;
/** Every field but the answers, with its longest value (the status counted as the longer "in-progress"). */
const FIXED =
  '{"formatVersion":,"quizId":,"quizHash":,"seed":,"attemptNumber":,"startedAt":,"answers":,"status":,"submittedAt":,"graceSeconds":}'.length +
  2 + // formatVersion: one or two digits
  QUOTED_ID +
  '"cyrb64:0123456789abcdef"'.length +
  quotedText(MAX_SEED_LENGTH) +
  COUNT +
  TIME +
  '"in-progress"'.length +
  TIME +
  NUMBER;

/**
 * The longest saved attempt {@link serializeAttempt} can write, sealed or
 * not, in characters — and the longest {@link parseAttempt} reads by default.
 * A saved attempt holds facts only (no quiz text, no result), so the bound is
 * a function of `LIMITS`, not of the quiz's content:
 *
 * - per answer: the question id, its time (15 digits, see `MAX_EPOCH_MILLIS`)
 *   and the longest response, a matching question's
 *   `statementsPerMatching` (50) pairs of ids of `idLength` (64) characters:
 *   6,701 characters, so 6,802 per answer;
 * - `questionsPerQuiz` (200) answers: 1,360,601;
 * - the other fields at their longest (a 256-character seed with every
 *   character escaped as `\u0000`, a 16-digit attempt number, …): 1,843;
 * - the seal, when sealed: 53.
 *
 * Total: 1,362,497 characters (about 1.3 MB). `tests/attempts/size.test.ts`
 * serializes an attempt at every limit and checks it fits.
 *
 * @example
 * ```ts
 * import { LIMITS } from 'quizkit/schema';
 * import { MAX_SAVED_ATTEMPT_LENGTH } from 'quizkit/attempts';
 * MAX_SAVED_ATTEMPT_LENGTH; //=> 1362497
 * MAX_SAVED_ATTEMPT_LENGTH / LIMITS.questionsPerQuiz > 6_800; //=> true
 * ```
 */
export const MAX_SAVED_ATTEMPT_LENGTH: number = FIXED + list(LIMITS.questionsPerQuiz, ANSWER) + SEAL_LENGTH;
