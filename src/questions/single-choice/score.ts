import { type Fraction, ONE, ZERO, fraction } from '../../fraction/fraction.js';
import type { DeepReadonly, SingleChoiceQuestion } from '../../schema/types.js';
import { type Checked, IssueList, UNANSWERED, clip, describeValue } from '../../scoring/check.js';
import { type Plain, readValue } from '../../scoring/read-response.js';
import type { Mutable, PartResult, RuleOutcome } from '../../scoring/types.js';

type Question = DeepReadonly<SingleChoiceQuestion>;

/** Reads a single-choice response once: a primitive as it is, never inside an object (a Proxy or a getter runs no code). */
export const readSingleChoice = (_question: Question, response: unknown): Plain => readValue(response);

/** Checks a single-choice response, as {@link readSingleChoice} read it: one option id. */
export function checkSingleChoiceRead(question: Question, value: Plain, path: readonly (string | number)[]): Checked<string> {
  if (value === undefined || value === null) return UNANSWERED;
  const issues = new IssueList(question.id, path);
  if (typeof value !== 'string') {
    issues.add('invalid_shape', `Expected one option id as a string, found ${describeValue(value)}`);
    return issues.result('');
  }
  if (!question.options.some((option) => option.id === value)) {
    issues.add('unknown_choice', `"${clip(value)}" is not an option of this question`);
  }
  return issues.result(value);
}

/** The answer key: the fully correct option. */
export function singleChoiceKey(question: Question): string {
  return question.options.find((option) => option.correct)!.id;
}

/** The credit an option earns when chosen under `option-credit`. */
export function optionCredit(option: Question['options'][number]): Fraction {
  return option.credit ?? (option.correct ? ONE : ZERO);
}

/**
 * Scores a checked single-choice response.
 * - `option-credit`: the chosen option's credit (Moodle single-answer multichoice).
 * - `correction-for-guessing`: 1 if right, −1/(k−1) if wrong, for k options.
 */
export function scoreSingleChoice(question: Question, chosen: string): RuleOutcome {
  const k = question.options.length;
  const wrongCredit = fraction(-1, k - 1);
  const creditOf = (option: Question['options'][number]) =>
    question.rule.name === 'option-credit' ? optionCredit(option) : option.correct ? ONE : wrongCredit;
  const parts = question.options.map((option) => {
    const picked = option.id === chosen;
    const part: Mutable<PartResult> = {
      id: option.id,
      kind: 'option',
      response: picked,
      correct: picked === option.correct,
      earned: picked ? creditOf(option) : ZERO,
      possible: option.correct ? ONE : ZERO,
    };
    if (picked && option.feedback) part.feedback = option.feedback;
    return part;
  });
  const picked = question.options.find((option) => option.id === chosen)!;
  return { fraction: creditOf(picked), parts };
}
