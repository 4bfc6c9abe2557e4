import { type Fraction, ONE, ZERO, clamp, fraction, sum } from '../../fraction/fraction.js';
import type { DeepReadonly, MultipleChoiceQuestion } from '../../schema/types.js';
import { type Checked, IssueList, UNANSWERED, checkIdList, perQuestion } from '../../scoring/check.js';
import { type ListRead, isEntries, readList } from '../../scoring/read-response.js';
import type { Mutable, PartResult, RuleOutcome, Statistic } from '../../scoring/types.js';

type Question = DeepReadonly<MultipleChoiceQuestion>;
type Option = Question['options'][number];

const optionIds = perQuestion((question: Question) => new Set(question.options.map((option) => option.id)));
const correctCount = perQuestion((question: Question) => question.options.filter((option) => option.correct).length);

/** Reads a multiple-choice response once: a list of at most as many entries as options, counted before any is read. */
export const readMultipleChoice = (question: Question, response: unknown): ListRead => readList(response, question.options.length);

/**
 * Checks a multiple-choice response, as {@link readMultipleChoice} read it:
 * distinct known option ids. Nothing or an empty list is unanswered.
 * Answered, the value is the set of ids, in the learner's order.
 */
export function checkMultipleChoiceRead(question: Question, read: ListRead, path: readonly (string | number)[]): Checked<ReadonlySet<string>> {
  if (isEntries(read) ? read.length === 0 : read.kind === 'value' && (read.value === undefined || read.value === null)) return UNANSWERED;
  const issues = new IssueList(question.id, path);
  const list = checkIdList(read, optionIds(question), question.options.length, issues, 'option');
  return issues.result(new Set(list));
}

/** The answer key: every correct option. */
export function multipleChoiceKey(question: Question): readonly string[] {
  return question.options.filter((option) => option.correct).map((option) => option.id);
}

/**
 * What one option contributes under each rule, for k correct of n options.
 * Returns [earned, possible] for the option given whether it was chosen.
 */
const contributions: Record<Question['rule']['name'], (option: Option, chosen: boolean, k: number, n: number) => [Fraction, Fraction]> = {
  // Each option is one decision; the whole set must be right.
  'all-or-nothing': (option, chosen) => [chosen === option.correct ? ONE : ZERO, ONE],
  'weighted-credit': (option, chosen, k) => {
    const credit = option.credit ?? fraction(option.correct ? 1 : -1, k);
    return [chosen ? credit : ZERO, credit.n > 0 ? credit : ZERO];
  },
  'right-minus-wrong': (option, chosen, k) => [
    chosen ? fraction(option.correct ? 1 : -1, k) : ZERO,
    option.correct ? fraction(1, k) : ZERO,
  ],
  'every-decision-counts': (option, chosen, _k, n) => [chosen === option.correct ? fraction(1, n) : ZERO, fraction(1, n)],
  'correction-for-guessing': (option, chosen, _k, n) => [fraction(chosen === option.correct ? 1 : -1, n), fraction(1, n)],
};

/**
 * Scores a checked multiple-choice response. With k correct of n options, R
 * right and W wrong options chosen, and D = R + (n − k − W) right decisions:
 * - `all-or-nothing`: 1 if R = k and W = 0, else 0;
 * - `weighted-credit`: Σ credits of the chosen options, clamped to [0, 1] (Moodle);
 * - `right-minus-wrong`: max(0, R − W) / k (H5P);
 * - `every-decision-counts`: D / n (PrairieLearn EDC);
 * - `correction-for-guessing`: max(0, (D − (n − D)) / n).
 */
export function scoreMultipleChoice(question: Question, chosen: ReadonlySet<string>): RuleOutcome {
  const n = question.options.length;
  const k = correctCount(question);
  const contribute = contributions[question.rule.name];
  let right = 0;
  let wrong = 0;
  const parts = question.options.map((option) => {
    const picked = chosen.has(option.id);
    if (picked) option.correct ? right++ : wrong++;
    const [earned, possible] = contribute(option, picked, k, n);
    const part: Mutable<PartResult> = { id: option.id, kind: 'option', response: picked, correct: picked === option.correct, earned, possible };
    if (picked && option.feedback) part.feedback = option.feedback;
    return part;
  });
  const statistic: Statistic = {
    name: 'right-options-chosen',
    value: right,
    of: k,
    text: `${right} of ${k} correct option${k === 1 ? '' : 's'} chosen, ${wrong} wrong option${wrong === 1 ? '' : 's'} chosen`,
  };
  const total = question.rule.name === 'all-or-nothing'
    ? right === k && wrong === 0 ? ONE : ZERO
    : clamp(sum(parts.map((part) => part.earned)), ZERO, ONE);
  return { fraction: total, parts, statistic };
}
