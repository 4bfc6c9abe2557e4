import * as z from 'zod';
import { LIMITS } from './limits.js';
import { exactNumber, text } from './scalars.js';

/**
 * The penalty a wrong try costs under the `interactive` and `adaptive`
 * behaviours, as a fraction of the question's points: a decimal or ratio in
 * `[0, 1]`, read exactly (Moodle's default is `"1/3"`).
 *
 * @example
 * ```ts
 * import { PenaltySchema } from 'quizkit/schema';
 * PenaltySchema.parse('1/3'); //=> { n: 1, d: 3 }
 * PenaltySchema.safeParse(1.5).success; //=> false
 * ```
 */
export const PenaltySchema = exactNumber('penalty', 'Share of the points a wrong try costs, in [0, 1] (default 1/3, as in Moodle).', {
  min: { n: 0, d: 1 },
  max: { n: 1, d: 1 },
  code: 'invalid_value',
});

/** The most tries an interactive question may allow (Moodle allows one per hint, plus one). */
const MAX_TRIES = 10;

/**
 * A hint shown after a wrong try under the `interactive` behaviour, as
 * Moodle's hints are: its text, and optionally whether the wrong parts of the
 * response are cleared for the next try (`clearWrong`) and whether the learner
 * is told how many parts are right (`showNumberCorrect`).
 *
 * @example
 * ```ts
 * import { HintSchema } from 'quizkit/schema';
 * HintSchema.parse({ text: 'Reread the first section.', clearWrong: true }).clearWrong; //=> true
 * ```
 */
export const HintSchema = z
  .strictObject({
    text: text(LIMITS.longText, 'The hint, shown after a wrong try.'),
    clearWrong: z.boolean().optional().describe('Clear the wrong parts of the response for the next try.'),
    showNumberCorrect: z.boolean().optional().describe('Tell the learner how many parts of the response are right.'),
  })
  .describe('A hint shown between tries.');

const named = <const N extends string>(name: N, description: string) => z.literal(name).describe(description);

/**
 * How a question is taken and marked, as Moodle's question behaviours are:
 *
 * - `deferred` (the default): answer everything, submit once, then see the marks;
 * - `immediate`: one try per question, marked at once;
 * - `interactive`: up to `tries` tries (default one more than the hints),
 *   a hint after each wrong one; the try that ends the question counts, less
 *   `penalty` for each try before it; with `countback`, each part of a
 *   matching question is marked by the last try it was wrong in;
 * - `adaptive`: retry until right; each try counts less `penalty` for each
 *   try before it, and the best so far is kept;
 * - `deferred-cbm`, `immediate-cbm`: the learner also says how certain they
 *   are (1, 2 or 3), and the mark is scaled by certainty-based marking.
 *
 * docs/scoring.md ("Behaviours") gives each formula with the Moodle method it equals.
 *
 * @example
 * ```ts
 * import { BehaviourSchema } from 'quizkit/schema';
 * const practice = BehaviourSchema.parse({ name: 'interactive', penalty: '1/3', hints: [{ text: 'Look again.' }] });
 * practice.name === 'interactive' && practice.penalty; //=> { n: 1, d: 3 }
 * BehaviourSchema.safeParse({ name: 'adaptive', tries: 3 }).success; //=> false
 * ```
 */
export const BehaviourSchema = z
  .discriminatedUnion('name', [
    z.strictObject({ name: named('deferred', 'Submit once, marks after (the default).') }),
    z.strictObject({ name: named('immediate', 'One try per question, marked at once.') }),
    z.strictObject({ name: named('deferred-cbm', 'Deferred feedback with certainty-based marking.') }),
    z.strictObject({ name: named('immediate-cbm', 'Immediate feedback with certainty-based marking.') }),
    z.strictObject({
      name: named('adaptive', 'Retry until right; each try penalised, the best kept.'),
      penalty: PenaltySchema.optional(),
    }),
    z
      .strictObject({
        name: named('interactive', 'Several tries with hints between them; the try that ends the question counts.'),
        tries: z.number().int().min(1).max(MAX_TRIES).optional().describe('Tries allowed (default: one more than the hints).'),
        penalty: PenaltySchema.optional(),
        countback: z.boolean().optional().describe('Mark each part of a matching question by the last try it was wrong in (Moodle "interactive with countback").'),
        hints: z.array(HintSchema).max(MAX_TRIES - 1).optional().describe('Hints shown after the first, second, … wrong try.'),
      })
      .superRefine((behaviour, ctx) => {
        const hints = behaviour.hints?.length ?? 0;
        if (behaviour.tries !== undefined && hints > behaviour.tries - 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['hints'],
            message: `${hints} hints need at least ${hints + 1} tries (a hint is shown between two tries); raise tries or remove hints`,
          });
        }
      }),
  ])
  .describe('How the question is taken and marked (Moodle question behaviours).');
