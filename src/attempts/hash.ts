import type { ReadonlyQuiz } from '../schema/types.js';
import { isDeepFrozen } from '../schema/freeze.js';
import { cyrb64Hex } from './prng.js';

/**
 * JSON with object keys sorted (by UTF-16 code units, as `Array.prototype.sort`
 * does), no whitespace, and keys whose value is `undefined` left out — the same
 * text for the same data, whatever order its keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify gives `undefined` for functions and undefined; treat them as null, as JSON does in arrays.
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** The prefix naming the hash algorithm, so a future change of algorithm is visible in saved data. */
const QUIZ_HASH_PREFIX = 'cyrb64:';

/**
 * A content hash of a quiz: `"cyrb64:"` followed by 16 hex digits, the 64-bit
 * cyrb53 hash (both lanes) of the quiz's canonical JSON (sorted keys, no
 * whitespace). Any change to the quiz — a prompt, an option, the key, the time
 * limit — changes the hash. It detects change; it is not a security feature:
 * anyone can compute it, and collisions can be constructed on purpose.
 *
 * @param quiz - A parsed quiz.
 * @returns The hash, e.g. `"cyrb64:3f1c…"`.
 *
 * @example
 * ```ts
 * import { hashQuiz } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * /^cyrb64:[0-9a-f]{16}$/.test(hashQuiz(quiz)); //=> true
 * hashQuiz(quiz) === hashQuiz(structuredClone(quiz)); //=> true
 * hashQuiz(quiz) === hashQuiz({ ...quiz, timeLimitSeconds: 600 }); //=> false
 * ```
 */
export function hashQuiz(quiz: ReadonlyQuiz): string {
  const cached = hashes.get(quiz);
  if (cached !== undefined) return cached;
  const hash = QUIZ_HASH_PREFIX + cyrb64Hex(canonicalJson(quiz));
  // Every answer and submission checks the hash; a frozen quiz (what parseQuiz
  // returns) cannot change, so its hash is worked out once. A mutable one is
  // hashed on every call, so an edit in place is always seen.
  if (isDeepFrozen(quiz)) hashes.set(quiz, hash);
  return hash;
}

const hashes = new WeakMap<object, string>();

/** What {@link hashQuiz} returns, for checking saved attempts. */
export const QUIZ_HASH_PATTERN = /^cyrb64:[0-9a-f]{16}$/;
