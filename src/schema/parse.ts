import type * as z from 'zod';
import { type QuizIssue, QuizValidationError } from '../errors/quiz-validation-error.js';
import { toQuizIssues } from './issues.js';
import { ModuleSchema } from './module.js';
import { QuizSchema } from './quiz.js';
import { deepFreeze } from './freeze.js';
import { plainInput } from './plain-input.js';
import type { Module, Quiz } from './types.js';

/**
 * The result of a safe parse: the typed value, or every problem found.
 *
 * @example
 * ```ts
 * import { safeParseModule, type SafeParseResult, type Module } from 'quizkit/schema';
 * const result: SafeParseResult<Module> = safeParseModule({});
 * ```
 */
export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly [QuizIssue, ...QuizIssue[]] };

function safeParseWith<T>(schema: z.ZodType<T>, untrusted: unknown): SafeParseResult<T> {
  // zod reads what it is given many times and lets a throwing getter or Proxy through; it reads a plain copy instead.
  const input = plainInput(untrusted);
  const result = schema.safeParse(input);
  // Frozen all the way down: a parsed quiz cannot be edited in place, so what
  // was validated is what gets scored, and per-question caches stay true.
  return result.success
    ? { success: true, data: deepFreeze(result.data) as T }
    : { success: false, issues: toQuizIssues(result.error, input) };
}

/**
 * Validates a learning module, returning the typed module or every issue
 * (`{ code, path, message }`), never throwing. The module returned is deeply
 * frozen: editing it in place throws in strict mode.
 *
 * @example
 * ```ts
 * import { safeParseModule } from 'quizkit/schema';
 * const result = safeParseModule({ id: 'm' });
 * if (!result.success) result.issues[0].code; //=> 'missing_field'
 * ```
 */
export function safeParseModule(input: unknown): SafeParseResult<Module> {
  return safeParseWith(ModuleSchema, input);
}

/**
 * Validates a learning module and returns it typed, with defaults filled in,
 * and deeply frozen. Throws a `QuizValidationError` listing every issue.
 *
 * @example
 * ```ts
 * import { parseModule } from 'quizkit/schema';
 * parseModule({ id: 'bad id' }); // throws QuizValidationError
 * ```
 */
export function parseModule(input: unknown): Module {
  const result = safeParseModule(input);
  if (!result.success) throw new QuizValidationError(result.issues);
  return result.data;
}

/**
 * Validates a single quiz (without a module's reading, so sections and quotes
 * are not checked), never throwing. The quiz returned is deeply frozen.
 *
 * @example
 * ```ts
 * import { safeParseQuiz } from 'quizkit/schema';
 * safeParseQuiz({ id: 'q', title: 'Q', questions: [] }).success; //=> false
 * ```
 */
export function safeParseQuiz(input: unknown): SafeParseResult<Quiz> {
  return safeParseWith(QuizSchema, input);
}

/**
 * Validates a single quiz and returns it typed and deeply frozen; throws
 * `QuizValidationError`.
 *
 * @example
 * ```ts
 * import { parseQuiz } from 'quizkit/schema';
 * parseQuiz({ id: 'q', title: 'Q', questions: [] }); // throws QuizValidationError
 * ```
 */
export function parseQuiz(input: unknown): Quiz {
  const result = safeParseQuiz(input);
  if (!result.success) throw new QuizValidationError(result.issues);
  return result.data;
}
