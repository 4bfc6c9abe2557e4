import { checkMatchingRead, matchingKey, readMatching, scoreMatching } from '../questions/matching/score.js';
import { checkMultipleChoiceRead, multipleChoiceKey, readMultipleChoice, scoreMultipleChoice } from '../questions/multiple-choice/score.js';
import { checkOrderingRead, orderingKey, readOrdering, scoreOrdering } from '../questions/ordering/score.js';
import { checkSingleChoiceRead, readSingleChoice, scoreSingleChoice, singleChoiceKey } from '../questions/single-choice/score.js';
import type { DeepReadonly, QuestionType } from '../schema/types.js';
import type { Checked } from './check.js';
import type { AnyResponse } from './responses.js';
import type { QuestionOf, RuleOutcome } from './types.js';

/**
 * What the engine needs from a question type: a reader that copies the
 * untrusted response once into plain data, a check of that copy, a scorer of
 * what the check accepted, and the key. (`compileQuiz`'s integer tallies,
 * which take the same copies, dispatch in `compile/compilers.ts`, so that
 * `scoreQuiz` alone does not bundle them.)
 */
interface QuestionScorer<Q, Read, R> {
  read(question: Q, response: unknown): Read;
  check(question: Q, read: Read, path: readonly (string | number)[]): Checked<R>;
  score(question: Q, response: R): RuleOutcome;
  key(question: Q): unknown;
}

type ScorerFor<T extends QuestionType> = QuestionScorer<DeepReadonly<QuestionOf<T>>, unknown, unknown>;

/** Pairs a reader, a check and a scorer of their outputs, then forgets the types in between. */
const scorer = <Q, Read, R>(entry: QuestionScorer<Q, Read, R>) => entry as unknown as QuestionScorer<Q, unknown, unknown>;

/**
 * The one place that dispatches on question type. A new type without a
 * scorer is a compile error here, never a silent 0.
 */
export const scorers = {
  'single-choice': scorer({ read: readSingleChoice, check: checkSingleChoiceRead, score: scoreSingleChoice, key: singleChoiceKey }),
  'multiple-choice': scorer({
    read: readMultipleChoice,
    check: checkMultipleChoiceRead,
    score: scoreMultipleChoice,
    key: multipleChoiceKey,
  }),
  ordering: scorer({ read: readOrdering, check: checkOrderingRead, score: scoreOrdering, key: orderingKey }),
  matching: scorer({ read: readMatching, check: checkMatchingRead, score: scoreMatching, key: matchingKey }),
} satisfies { [T in QuestionType]: ScorerFor<T> };

type AnyQuestion = DeepReadonly<QuestionOf<QuestionType>>;
type Path = readonly (string | number)[];

const scorerOf = (question: AnyQuestion) => scorers[question.type] as ScorerFor<QuestionType>;

/** Checks a response's shape against its question. */
export const checkWith = (question: AnyQuestion, response: unknown, path: Path): Checked<unknown> => {
  const { read, check } = scorerOf(question);
  return check(question, read(question, response), path);
};

/** Reads a response once into the plain copy its question type checks and scores. */
export const readWith = (question: AnyQuestion, response: unknown): unknown => scorerOf(question).read(question, response);

/** The reader of one question, looked up once (for a plan that reads many responses to it). */
export const readerOf = (question: AnyQuestion): ((response: unknown) => unknown) => {
  const { read } = scorerOf(question);
  return (response) => read(question, response);
};

/** Checks a copy made by {@link readWith}. */
export const checkReadWith = (question: AnyQuestion, read: unknown, path: Path): Checked<unknown> => scorerOf(question).check(question, read, path);

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

/** Runs a question's check on a copy made by {@link readWith}, then its scorer. */
export function runScorerOnRead(question: AnyQuestion, read: unknown, path: Path): { checked: Checked<unknown>; outcome?: RuleOutcome } {
  const { check, score } = scorerOf(question);
  const checked = check(question, read, path);
  return checked.kind === 'answered' ? { checked, outcome: score(question, checked.value) } : { checked };
}

/** The response that earns full credit. */
export const keyOf = (question: AnyQuestion): unknown => scorerOf(question).key(question);
