import type { QuizIssue } from '../errors/quiz-validation-error.js';

/**
 * Formats one issue as a line for a terminal or an editor's problem matcher:
 * `file:line:column  code  message`, two spaces between fields. An issue
 * without a file (from `safeParseModule`) starts with its dotted path instead,
 * or `(root)` when the path is empty.
 *
 * @param issue The issue to format.
 *
 * @returns One line, without a newline at the end.
 *
 * @example
 * ```ts
 * import { formatIssue } from 'quizkit/node';
 * formatIssue({ code: 'missing_field', path: ['title'], message: 'Add the required field "title"', file: 'm.yaml', line: 1, column: 1 });
 * //=> 'm.yaml:1:1  missing_field  Add the required field "title"'
 * ```
 */
export function formatIssue(issue: QuizIssue): string {
  const where =
    issue.file !== undefined
      ? `${issue.file}:${issue.line ?? 1}:${issue.column ?? 1}`
      : issue.path.length > 0
        ? issue.path.join('.')
        : '(root)';
  return `${where}  ${issue.code}  ${issue.message}`;
}

/**
 * Formats issues with {@link formatIssue}, one per line.
 *
 * @param issues The issues to format, in the order given.
 *
 * @returns The lines joined with `\n`, without a newline at the end.
 *
 * @example
 * ```ts
 * import { formatIssues } from 'quizkit/node';
 * formatIssues([
 *   { code: 'unsafe_id', path: ['id'], message: 'Invalid id', file: 'm.yaml', line: 1, column: 5 },
 *   { code: 'missing_field', path: ['title'], message: 'Add the required field "title"', file: 'm.yaml', line: 1, column: 1 },
 * ]);
 * //=> 'm.yaml:1:5  unsafe_id  Invalid id\nm.yaml:1:1  missing_field  Add the required field "title"'
 * ```
 */
export function formatIssues(issues: readonly QuizIssue[]): string {
  return issues.map(formatIssue).join('\n');
}
