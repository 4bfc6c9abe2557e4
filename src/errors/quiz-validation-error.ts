/**
 * One problem found in a quiz or module: a stable `code`, the `path` to the
 * offending value, and a message that says how to fix it. File loaders add
 * `file`, `line` and `column`.
 *
 * @example
 * ```ts
 * import type { QuizIssue } from 'quizkit';
 * const issue: QuizIssue = {
 *   code: 'unknown_actor',
 *   path: ['quizzes', 0, 'questions', 3, 'statements', 1, 'actor'],
 *   message: 'Statement "s2" names actor "putin", which is not one of: kim, xi',
 * };
 * ```
 */
export interface QuizIssue {
  /** A stable machine-readable code; see `QUIZ_ISSUE_CODES` in `quizkit/schema`. */
  readonly code: string;
  /** Keys and indexes from the root of the document to the problem. */
  readonly path: readonly (string | number)[];
  /** What is wrong and how to fix it. */
  readonly message: string;
  /** The file the problem is in, when loaded from a file. */
  readonly file?: string;
  /** 1-based line, when loaded from a file. */
  readonly line?: number;
  /** 1-based column, when loaded from a file. */
  readonly column?: number;
}

/**
 * Thrown by the throwing parsers (`parseModule`, `parseQuiz`, `loadModuleFile`)
 * with every problem found, not only the first.
 *
 * @example
 * ```ts
 * import { parseModule } from 'quizkit/schema';
 * import { isQuizValidationError } from 'quizkit';
 * try {
 *   parseModule({});
 * } catch (error) {
 *   if (isQuizValidationError(error)) console.log(error.issues.length > 0); //=> true
 * }
 * ```
 */
export class QuizValidationError extends Error {
  override readonly name = 'QuizValidationError';
  /** Every problem found, at least one. */
  readonly issues: readonly [QuizIssue, ...QuizIssue[]];

  constructor(issues: readonly [QuizIssue, ...QuizIssue[]]) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${formatIssueLocation(first)}${first.message}${more}`);
    this.issues = issues;
    Error.captureStackTrace?.(this, QuizValidationError);
  }
}

/**
 * True when `error` is a {@link QuizValidationError}, even one from another
 * copy of quizkit (where `instanceof` would fail).
 *
 * @example
 * ```ts
 * import { isQuizValidationError } from 'quizkit';
 * isQuizValidationError(new Error('x')); //=> false
 * ```
 */
export function isQuizValidationError(error: unknown): error is QuizValidationError {
  return (
    error instanceof QuizValidationError ||
    (error instanceof Error && error.name === 'QuizValidationError' && Array.isArray((error as { issues?: unknown }).issues))
  );
}

/** `file:line:column  ` or the dotted path, as a prefix for messages. */
function formatIssueLocation(issue: QuizIssue): string {
  if (issue.file) return `${issue.file}:${issue.line ?? 1}:${issue.column ?? 1}  `;
  return issue.path.length ? `${issue.path.join('.')}: ` : '';
}
