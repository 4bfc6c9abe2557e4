import fc from 'fast-check';
import { RULE_NAMES } from 'quizkit/schema';
import type { MatchingQuestion, MultipleChoiceQuestion, OrderingQuestion, Question, SingleChoiceQuestion } from 'quizkit/schema';
import { BOILERPLATE } from './builders.js';

/**
 * fast-check arbitraries for random *valid* questions of every type, written
 * the way an author writes them (decimals and "p/q" strings) so that the
 * schema's parsing is part of what is exercised, and for responses to them.
 */

// Every rule of every type, from the schemas: a new rule is covered without editing this file.
const SC_RULES = RULE_NAMES['single-choice'];
const MC_RULES = RULE_NAMES['multiple-choice'];
const ORDERING_RULES = RULE_NAMES.ordering;
const MATCHING_RULES = RULE_NAMES.matching;

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/** A permutation of `list`. */
export const permutation = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });

/** A ratio string "p/q" with q in 1..max and p in [lo·q, hi·q] (hi exclusive when `below`). */
const ratio = (lo: number, hi: number, { max = 12, below = false } = {}) =>
  fc.integer({ min: 1, max }).chain((q) =>
    fc.integer({ min: Math.ceil(lo * q), max: Math.floor(hi * q) - (below ? 1 : 0) }).map((p) => `${p}/${q}`),
  );

/** Points as authors write them: integers, decimals such as 0.1 and ratios such as "1/3". */
export const points = fc.oneof(
  fc.integer({ min: 1, max: 10 }),
  fc.constantFrom(0.1, 0.25, 0.5, 1.5, 2.5, 0.3),
  ratio(0, 5, { max: 9 }).filter((text) => !text.startsWith('0/')),
);

/** Credit strictly below 1 (for single-choice wrong options), as a decimal or a ratio. */
const creditBelowOne = fc.oneof(fc.constantFrom(0, 0.5, -0.5, 0.25, -1, 0.1, -0.3333333), ratio(-1, 1, { below: true }));
/** Any credit in [-1, 1]. */
const anyCredit = fc.oneof(creditBelowOne, fc.constant(1));

const feedback = fc.option(fc.constantFrom('Good.', 'Look again.'), { nil: undefined });
const withFeedback = <T extends object>(part: T, text: string | undefined) => (text === undefined ? part : { ...part, feedback: text });

export const singleChoiceInput = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc
    .record({
      correct: fc.integer({ min: 0, max: n - 1 }),
      credits: fc.array(fc.option(creditBelowOne, { nil: undefined }), { minLength: n, maxLength: n }),
      feedback: fc.array(feedback, { minLength: n, maxLength: n }),
      rule: fc.constantFrom(...SC_RULES),
      points,
    })
    .map(({ correct, credits, feedback, rule, points }) => ({
      type: 'single-choice' as const,
      points,
      rule: { name: rule },
      options: ids('o', n).map((id, i) =>
        withFeedback(
          { id, text: `Option ${i}`, ...(i === correct ? { correct: true } : credits[i] !== undefined ? { credit: credits[i] } : {}) },
          feedback[i],
        ),
      ),
    })),
);

export const multipleChoiceInput = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc
    .record({
      correct: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      forced: fc.integer({ min: 0, max: n - 1 }),
      rule: fc.constantFrom(...MC_RULES),
      // For weighted-credit: explicit credits as Moodle requires them (positive ones sum to 1).
      explicit: fc.boolean(),
      shares: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
      penalties: fc.array(fc.option(ratio(-1, 0), { nil: undefined }), { minLength: n, maxLength: n }),
      // For the other rules, credits are ignored: sprinkle some to prove it.
      noise: fc.array(fc.option(anyCredit, { nil: undefined }), { minLength: n, maxLength: n }),
      feedback: fc.array(feedback, { minLength: n, maxLength: n }),
      points,
    })
    .map(({ correct, forced, rule, explicit, shares, penalties, noise, feedback, points }) => {
      const isCorrect = correct.map((flag, i) => flag || i === forced);
      const total = shares.reduce((sum, share, i) => sum + (isCorrect[i] ? share : 0), 0);
      const creditOf = (i: number) => {
        if (rule !== 'weighted-credit') return noise[i];
        if (!explicit) return undefined;
        return isCorrect[i] ? `${shares[i]}/${total}` : penalties[i];
      };
      return {
        type: 'multiple-choice' as const,
        points,
        rule: { name: rule },
        options: ids('o', n).map((id, i) => {
          const credit = creditOf(i);
          return withFeedback(
            { id, text: `Option ${i}`, ...(isCorrect[i] ? { correct: true } : {}), ...(credit !== undefined ? { credit } : {}) },
            feedback[i],
          );
        }),
      };
    }),
);

export const orderingInput = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc
    .record({
      correctOrder: permutation(ids('i', n)),
      rule: fc.constantFrom(...ORDERING_RULES),
      feedback: fc.array(feedback, { minLength: n, maxLength: n }),
      points,
    })
    .map(({ correctOrder, rule, feedback, points }) => ({
      type: 'ordering' as const,
      points,
      rule: { name: rule },
      items: ids('i', n).map((id, i) => withFeedback({ id, text: `Item ${i}` }, feedback[i])),
      correctOrder,
    })),
);

const weight = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0.5, 0.25, 2.5), ratio(0, 4, { max: 6 }).filter((text) => !text.startsWith('0/')));

export const matchingInput = fc.record({ actors: fc.integer({ min: 2, max: 5 }), statements: fc.integer({ min: 1, max: 6 }) }).chain(({ actors, statements }) =>
  fc
    .record({
      allowNoMatch: fc.boolean(),
      owners: fc.array(fc.integer({ min: -1, max: actors - 1 }), { minLength: statements, maxLength: statements }),
      weights: fc.array(fc.option(weight, { nil: undefined }), { minLength: statements, maxLength: statements }),
      feedback: fc.array(feedback, { minLength: statements, maxLength: statements }),
      rule: fc.constantFrom(...MATCHING_RULES),
      points,
    })
    .map(({ allowNoMatch, owners, weights, feedback, rule, points }) => ({
      type: 'matching' as const,
      points,
      rule: { name: rule },
      allowNoMatch,
      actors: ids('a', actors).map((id, i) => ({ id, name: `Actor ${i}` })),
      statements: ids('s', statements).map((id, i) => {
        // Owner -1 is "none of these" where allowed, else the first actor.
        const owner = owners[i]!;
        const actor = owner >= 0 ? `a${owner}` : allowNoMatch ? null : 'a0';
        return withFeedback({ id, text: `Statement ${i}`, actor, ...(weights[i] !== undefined ? { weight: weights[i] } : {}) }, feedback[i]);
      }),
    })),
);

/** Any valid question, as authored (without id and boilerplate). */
export const questionInput = fc.oneof(singleChoiceInput, multipleChoiceInput, orderingInput, matchingInput);

/** Adds the fields no scoring property cares about. */
export const authored = (input: object, id = 'q') => ({ id, ...BOILERPLATE, ...input });

/** A response to a parsed question: sometimes empty or missing, mostly well-formed. */
export function responseTo(question: Question): fc.Arbitrary<unknown> {
  switch (question.type) {
    case 'single-choice':
      return fc.option(fc.constantFrom(...(question as SingleChoiceQuestion).options.map((o) => o.id)), { nil: undefined, freq: 6 });
    case 'multiple-choice':
      return fc.shuffledSubarray((question as MultipleChoiceQuestion).options.map((o) => o.id));
    case 'ordering': {
      const order = (question as OrderingQuestion).items.map((item) => item.id);
      return fc.option(permutation(order), { nil: undefined, freq: 8 });
    }
    case 'matching': {
      const q = question as MatchingQuestion;
      const answers = [...q.actors.map((actor) => actor.id), ...(q.allowNoMatch ? [null] : [])];
      return fc
        .subarray(q.statements.map((statement) => statement.id))
        .chain((chosen) => fc.tuple(...chosen.map(() => fc.constantFrom(...answers))).map((given) => Object.fromEntries(chosen.map((id, i) => [id, given[i]]))));
    }
  }
}
