import type { LintWarning } from './types.js';

/**
 * Formats a lint warning as one line for a terminal or an editor's problem
 * matcher: `file:line:column  rule  message (why; docs)`, two spaces between
 * fields. A warning without a file starts with its dotted path.
 *
 * @param warning The warning to format.
 *
 * @returns One line, without a newline at the end.
 *
 * @example
 * ```ts
 * import { formatLintWarning } from 'quizkit/node';
 * formatLintWarning({
 *   rule: 'two-item-ordering', path: ['quizzes', 0, 'questions', 0, 'items'], message: 'Ordering question "q1" has 2 items',
 *   why: 'Half of all blind guesses are right.', docs: 'docs/authoring.md#two-item-ordering', file: 'm.yaml', line: 9, column: 7,
 * });
 * //=> 'm.yaml:9:7  two-item-ordering  Ordering question "q1" has 2 items. Why: Half of all blind guesses are right. See docs/authoring.md#two-item-ordering'
 * ```
 */
export function formatLintWarning(warning: LintWarning): string {
  const where = warning.file !== undefined ? `${warning.file}:${warning.line ?? 1}:${warning.column ?? 1}` : warning.path.join('.') || '(root)';
  return `${where}  ${warning.rule}  ${warning.message}. Why: ${warning.why} See ${warning.docs}`;
}
