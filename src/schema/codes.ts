/**
 * Every code a quiz-file problem can carry. Structural codes come from the
 * shape of the file; the others from rules that span several fields.
 *
 * @example
 * ```ts
 * import { QUIZ_ISSUE_CODES } from 'quizkit/schema';
 * QUIZ_ISSUE_CODES.includes('duplicate_id'); //=> true
 * ```
 */
export const QUIZ_ISSUE_CODES = [
  // structure
  'invalid_syntax',
  'invalid_type',
  'missing_field',
  'unknown_field',
  'invalid_value',
  'unknown_question_type',
  'unknown_rule',
  'too_small',
  'limit_exceeded',
  'invalid_format',
  'unsafe_id',
  'invalid_number',
  // across fields
  'duplicate_id',
  'credit_out_of_range',
  'invalid_points',
  'correct_option_count',
  'no_correct_option',
  'ordering_not_permutation',
  'unknown_actor',
  'no_match_not_allowed',
  'unknown_section',
  'unknown_objective',
  'quote_not_found',
] as const;

/**
 * The code of a quiz-file problem.
 *
 * @example
 * ```ts
 * import type { QuizIssueCode } from 'quizkit/schema';
 * const code: QuizIssueCode = 'unknown_actor';
 * ```
 */
export type QuizIssueCode = (typeof QUIZ_ISSUE_CODES)[number];

/** Tags a zod custom issue with our code, read back by `toQuizIssues`. */
export const issueParams = (code: QuizIssueCode) => ({ quizkitCode: code });
