import { checkMatching, matchingKey, scoreMatching } from '../questions/matching/score.js';
import { checkMultipleChoice, multipleChoiceKey, scoreMultipleChoice } from '../questions/multiple-choice/score.js';
import { checkOrdering, orderingKey, scoreOrdering } from '../questions/ordering/score.js';
import { checkSingleChoice, scoreSingleChoice, singleChoiceKey } from '../questions/single-choice/score.js';
import type { DeepReadonly, QuestionType } from '../schema/types.js';
import type { Checked } from './check.js';
import type { AnyResponse } from './responses.js';
import type { QuestionOf, RuleOutcome } from './types.js';

/** What the engine needs from a question type: a response check, a scorer of what the check accepted, and the key. */
interface QuestionScorer<Q, R> {
  check(question: Q, response: unknown, path: readonly (string | number)[]): Checked<R>;
  score(question: Q, response: R): RuleOutcome;
  key(question: Q): unknown;
}

type ScorerFor<T extends QuestionType> = QuestionScorer<DeepReadonly<QuestionOf<T>>, unknown>;

/** Pairs a check with the scorer of its output, then forgets the response type. */
const scorer = <Q, R>(pair: QuestionScorer<Q, R>) => pair as unknown as QuestionScorer<Q, unknown>;

/**
 * The one place that dispatches on question type. A new type without a
 * scorer is a compile error here, never a silent 0.
 */
export const scorers = {
  'single-choice': scorer({ check: checkSingleChoice, score: scoreSingleChoice, key: singleChoiceKey }),
  'multiple-choice': scorer({ check: checkMultipleChoice, score: scoreMultipleChoice, key: multipleChoiceKey }),
  ordering: scorer({ check: checkOrdering, score: scoreOrdering, key: orderingKey }),
  matching: scorer({ check: checkMatching, score: scoreMatching, key: matchingKey }),
} satisfies { [T in QuestionType]: ScorerFor<T> };

type AnyQuestion = DeepReadonly<QuestionOf<QuestionType>>;
type Path = readonly (string | number)[];

const scorerOf = (question: AnyQuestion) => scorers[question.type] as ScorerFor<QuestionType>;

/** Checks a response's shape against its question. */
export const checkWith = (question: AnyQuestion, response: unknown, path: Path): Checked<unknown> =>
  scorerOf(question).check(question, response, path);

/**
 * Checks a response and, when it is answered, gives it back as plain data in
 * the response's own shape (an id, a list of ids, a statement → actor record):
 * the one copy, read once from the untrusted value, that was checked and is
 * what scoring would score. Store this, never the caller's value.
 */
export function checkedResponse(question: AnyQuestion, response: unknown, path: Path): Checked<AnyResponse> {
  const checked = checkWith(question, response, path);
  if (checked.kind !== 'answered') return checked;
  const { value } = checked;
  // Sets and Maps keep insertion order, which is the learner's order.
  const plain = value instanceof Set ? [...value] : value instanceof Map ? Object.fromEntries(value) : value;
  return { kind: 'answered', value: plain as AnyResponse };
}

/** Runs a question's check, then its scorer. */
export function runScorer(question: AnyQuestion, response: unknown, path: Path): { checked: Checked<unknown>; outcome?: RuleOutcome } {
  const { check, score } = scorerOf(question);
  const checked = check(question, response, path);
  return checked.kind === 'answered' ? { checked, outcome: score(question, checked.value) } : { checked };
}

/** The response that earns full credit. */
export const keyOf = (question: AnyQuestion): unknown => scorerOf(question).key(question);
