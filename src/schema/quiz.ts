import * as z from 'zod';
import { type Fraction, compare, parseFraction } from '../fraction/fraction.js';
import { MatchingQuestionSchema } from '../questions/matching/schema.js';
import { MultipleChoiceQuestionSchema } from '../questions/multiple-choice/schema.js';
import { OrderingQuestionSchema } from '../questions/ordering/schema.js';
import { SingleChoiceQuestionSchema } from '../questions/single-choice/schema.js';
import { BehaviourSchema } from './behaviour.js';
import { DECIMAL_OR_RATIO, IdSchema, text } from './common.js';
import type { QuestionType, RuleName } from './types.js';
import { issueParams } from './codes.js';
import { LIMITS } from './limits.js';
import { checkExactScores } from './exactness.js';
import { duplicateIds } from './refine.js';
import { directionField, languageField } from './scalars.js';

/**
 * Any question, told apart by its `type`.
 *
 * @example
 * ```ts
 * import { QuestionSchema } from 'quizkit/schema';
 * QuestionSchema.safeParse({ type: 'essay' }).success; //=> false
 * ```
 */
export const QuestionSchema = z.discriminatedUnion('type', [
  SingleChoiceQuestionSchema,
  MultipleChoiceQuestionSchema,
  OrderingQuestionSchema,
  MatchingQuestionSchema,
]);

/**
 * The scoring rules each question type accepts, read from the schemas (so a
 * rule added to a type's schema appears here).
 *
 * @example
 * ```ts
 * import { RULE_NAMES } from 'quizkit/schema';
 * RULE_NAMES.matching; //=> ['per-statement', 'all-or-nothing']
 * ```
 */
export const RULE_NAMES = Object.fromEntries(
  QuestionSchema.options.map((option) => [option.shape.type.value, option.shape.rule.unwrap().options.map((rule) => rule.shape.name.value)]),
) as unknown as { readonly [T in QuestionType]: readonly RuleName<T>[] };

/** The pass mark, in percent of the quiz's points (0–100), read exactly. */
const PassMarkSchema = z
  .union([z.number(), z.string().regex(DECIMAL_OR_RATIO, { message: 'Write the pass mark as a percentage such as 70 or 62.5' })])
  .describe('Percentage of the points needed to pass, 0-100 (default 50).')
  .transform((value, ctx): Fraction => {
    const parsed = parseFraction(value);
    if (!parsed || parsed.n < 0 || compare(parsed, { n: 100, d: 1 }) > 0) {
      ctx.addIssue({
        code: 'custom',
        params: issueParams('invalid_value'),
        message: `The pass mark is a percentage from 0 to 100 (found ${value})`,
      });
      return z.NEVER;
    }
    return parsed;
  });

/**
 * A quiz: an ordered list of questions and a pass mark.
 *
 * @example
 * ```ts
 * import { QuizSchema } from 'quizkit/schema';
 * const quiz = QuizSchema.parse({
 *   id: 'quiz', title: 'Check', passMark: 60,
 *   questions: [{
 *     id: 'q1', type: 'single-choice', prompt: 'Where?', explanation: 'Beijing.',
 *     source: { section: 's1', quote: 'Beijing' },
 *     options: [{ id: 'a', text: 'Beijing', correct: true }, { id: 'b', text: 'Seoul' }],
 *   }],
 * });
 * quiz.questions[0]?.points; //=> { n: 1, d: 1 }
 * ```
 */
export const QuizSchema = z
  .strictObject({
    id: IdSchema.describe('Quiz id, unique in the module.'),
    title: text(LIMITS.shortText, 'The quiz title.'),
    description: text(LIMITS.longText, 'What the quiz covers, shown before it starts.').optional(),
    language: languageField('quiz'),
    direction: directionField('quiz'),
    passMark: PassMarkSchema.default({ n: 50, d: 1 }),
    timeLimitSeconds: z
      .number()
      .int()
      .positive()
      .max(7 * 24 * 3600)
      .optional()
      .describe('Time allowed for an attempt, in seconds; no limit when absent.'),
    behaviour: BehaviourSchema.optional().describe('How questions are taken and marked (default deferred); a question may override it.'),
    questions: z
      .array(QuestionSchema)
      .min(1, { message: 'A quiz needs at least 1 question' })
      .max(LIMITS.questionsPerQuiz)
      .superRefine((questions, ctx) => duplicateIds(questions, ctx, 'question'))
      // Only over questions that parsed cleanly: a refused number leaves a hole the bound cannot read.
      .superRefine(checkExactScores, { when: (payload) => payload.issues.length === 0 }),
  })
  .describe('A quiz: questions and a pass mark.');
