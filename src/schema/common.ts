import * as z from 'zod';
import type { Fraction } from '../fraction/fraction.js';
import { BehaviourSchema } from './behaviour.js';
import { LIMITS } from './limits.js';
import { DECIMAL_OR_RATIO, exactNumber, text } from './scalars.js';

/**
 * The pattern every id must match. Ids travel into xAPI response patterns
 * (`a[,]b`, `a[.]b`, `a[:]b`), QTI identifiers, HTML ids and URLs, so they
 * are kept to letters, digits, `_` and `-`, starting with a letter or `_` (a
 * valid XML NCName too); `__proto__`, `constructor` and `prototype` are refused.
 *
 * @example
 * ```ts
 * import { SAFE_ID } from 'quizkit/schema';
 * SAFE_ID.test('north-korea-china'); //=> true
 * SAFE_ID.test('q1.a'); //=> false
 * SAFE_ID.test('1st'); //=> false
 * ```
 */
export const SAFE_ID = /^(?!(?:__proto__|constructor|prototype)$)[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A stable id: letters, digits, `_` and `-`, starting with a letter or `_`.
 *
 * @example
 * ```ts
 * import { IdSchema } from 'quizkit/schema';
 * IdSchema.safeParse('q-1').success; //=> true
 * IdSchema.safeParse('q 1').success; //=> false
 * ```
 */
export const IdSchema = z
  .string()
  .max(LIMITS.idLength)
  .regex(SAFE_ID, {
    message: 'Use letters, digits, "_" and "-" only, starting with a letter or "_" (and not __proto__, constructor or prototype)',
  })
  .describe('A stable id: letters, digits, "_" and "-", starting with a letter or "_".');

export { DECIMAL_OR_RATIO, text };

/**
 * Credit of an option: a decimal or a ratio string such as `"1/3"`, in
 * `[-1, 1]`, read exactly (`0.1` is one tenth), parsed to a {@link Fraction}.
 *
 * @example
 * ```ts
 * import { CreditSchema } from 'quizkit/schema';
 * CreditSchema.parse('1/3'); //=> { n: 1, d: 3 }
 * ```
 */
export const CreditSchema = exactNumber('credit', 'Credit in [-1, 1]: a decimal (0.5) or an exact ratio ("1/3").', {
  min: { n: -1, d: 1 },
  max: { n: 1, d: 1 },
  code: 'credit_out_of_range',
});

/**
 * Points a question is worth: a positive decimal or ratio, parsed exactly.
 *
 * @example
 * ```ts
 * import { PointsSchema } from 'quizkit/schema';
 * PointsSchema.parse(2.5); //=> { n: 5, d: 2 }
 * ```
 */
export const PointsSchema = exactNumber('points', 'Points the question is worth (default 1).', {
  min: { n: 0, d: 1 },
  max: { n: LIMITS.pointsPerQuestion, d: 1 },
  minExclusive: true,
  code: 'invalid_points',
});

/** Weight of a matching statement: a positive decimal or ratio, parsed exactly. */
export const WeightSchema = exactNumber('weight', 'Relative weight of this statement (default 1).', {
  min: { n: 0, d: 1 },
  max: { n: 1000, d: 1 },
  minExclusive: true,
  code: 'invalid_points',
});

/**
 * Where a question's answer is grounded: a section of the module's reading and
 * a verbatim quote from it (whitespace may differ). `ModuleSchema` checks
 * that the section exists (`unknown_section`) and holds the quote
 * (`quote_not_found`).
 *
 * @example
 * ```ts
 * import { SourceRefSchema } from 'quizkit/schema';
 * SourceRefSchema.parse({ section: 'beijing-meeting', quote: 'In a pivotal meeting held in Beijing' }).section; //=> 'beijing-meeting'
 * SourceRefSchema.safeParse({ section: 'beijing-meeting' }).success; //=> false
 * ```
 */
export const SourceRefSchema = z
  .strictObject({
    section: IdSchema.describe('Id of the reading section the question rests on.'),
    quote: text(LIMITS.longText, 'A verbatim quote from that section (whitespace may differ).'),
  })
  .describe('The passage of the reading that answers the question.');

/**
 * Lint settings of a module or a question: the `quizkit lint` rules to skip
 * there, by rule id. The ids are not checked here (the schema does not know
 * the rules, which live in `quizkit/node`); `quizkit lint` warns about an id
 * that names no rule.
 *
 * @example
 * ```ts
 * import { LintSettingsSchema } from 'quizkit/schema';
 * LintSettingsSchema.parse({ ignore: ['longest-key'] }).ignore; //=> ['longest-key']
 * ```
 */
export const LintSettingsSchema = z
  .strictObject({
    ignore: z
      .array(IdSchema.describe('A lint rule id, such as "longest-key".'))
      // One entry per rule is enough; 50 leaves room for rules yet to come.
      .max(50)
      .default([])
      .describe('Ids of the `quizkit lint` rules not to apply here (see docs/authoring.md#lint-rules).'),
  })
  .describe('Settings for `quizkit lint`.');

/** Fields every question type shares. */
export const questionBase = {
  id: IdSchema.describe('Question id, unique in the module.'),
  prompt: text(LIMITS.longText, 'The question as the learner reads it.'),
  points: PointsSchema.default({ n: 1, d: 1 }),
  explanation: text(LIMITS.longText, 'Why the answer is right; shown in review.'),
  source: SourceRefSchema,
  objectives: z
    .array(IdSchema)
    .max(LIMITS.objectivesPerQuestion)
    .default([])
    .describe('Ids of the learning objectives this question assesses.'),
  feedback: z
    .strictObject({
      correct: text(LIMITS.longText, 'Shown when the answer earns full credit.').optional(),
      partial: text(LIMITS.longText, 'Shown when the answer earns partial credit.').optional(),
      incorrect: text(LIMITS.longText, 'Shown when the answer earns no credit.').optional(),
    })
    .optional()
    .describe('Feedback for the question as a whole, by outcome.'),
  behaviour: BehaviourSchema.optional().describe("How this question is taken and marked; the quiz's behaviour when absent."),
  lint: LintSettingsSchema.optional().describe('Settings for `quizkit lint` on this question.'),
};

/** Feedback attached to one option, item or statement. */
export const partFeedback = text(LIMITS.longText, 'Feedback on this part, shown in review.').optional();

/** A rule with no parameters, selected by name. */
export const ruleOf = <const N extends string>(name: N, description: string) =>
  z.strictObject({ name: z.literal(name) }).describe(description);

