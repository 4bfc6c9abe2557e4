import { ONE, ZERO, divide, sum } from '../../fraction/fraction.js';
import type { DeepReadonly, MatchingQuestion } from '../../schema/types.js';
import { type Checked, FORBIDDEN_KEYS, IssueList, UNANSWERED, clip, describeValue, perQuestion } from '../../scoring/check.js';
import { type RecordRead, isEntries, readRecord } from '../../scoring/read-response.js';
import type { Mutable, PartResult, RuleOutcome } from '../../scoring/types.js';

type Question = DeepReadonly<MatchingQuestion>;

const idSets = perQuestion((question: Question) => ({
  statements: new Set(question.statements.map((statement) => statement.id)),
  actors: new Set(question.actors.map((actor) => actor.id)),
}));

/** A checked matching response, read once: statement id → actor id or null (explicit "no match"), in the learner's order. */
export type MatchingAnswers = ReadonlyMap<string, string | null>;

/**
 * Reads a matching response once: a plain object of at most as many keys as
 * statements. Lists, typed arrays and other non-plain objects are refused at
 * once, and an object with more keys is `too_many` before any value is read.
 */
export const readMatching = (question: Question, response: unknown): RecordRead => readRecord(response, question.statements.length);

/**
 * Checks a matching response, as {@link readMatching} read it: statement ids
 * to actor ids (or `null` where the question allows "no match"). Statements
 * left out are unanswered; nothing, or an object with none answered, is an
 * unanswered question. Answered, the value is the copy read once.
 */
export function checkMatchingRead(question: Question, read: RecordRead, path: readonly (string | number)[]): Checked<MatchingAnswers> {
  if (!isEntries(read) && read.kind === 'value' && (read.value === undefined || read.value === null)) return UNANSWERED;
  const issues = new IssueList(question.id, path);
  if (!isEntries(read) && read.kind === 'value') {
    issues.add('invalid_shape', `Expected an object from statement ids to actor ids, found ${describeValue(read.value)}`);
    return issues.result(new Map());
  }
  if (!isEntries(read)) {
    issues.add('too_many', `Expected at most ${question.statements.length} statements, found ${read.found}`);
    return issues.result(new Map());
  }
  const { statements, actors } = idSets(question);
  const answers: [string, string | null][] = [];
  for (let index = 0; index < read.length; index += 2) {
    const key = read[index] as string;
    const value = read[index + 1];
    if (FORBIDDEN_KEYS.has(key)) {
      issues.add('forbidden_key', `"${key}" is not allowed as a key`, key);
    } else if (!statements.has(key)) {
      issues.add('unknown_choice', `"${clip(key)}" is not a statement of this question`, key);
    } else if (value === undefined) {
      continue;
    } else if (value === null) {
      if (question.allowNoMatch) answers.push([key, null]);
      else issues.add('no_match_not_allowed', `Statement "${key}" needs an actor; this question has no "none of these" answer`, key);
    } else if (typeof value !== 'string') {
      issues.add('invalid_shape', `Expected an actor id as a string, found ${describeValue(value)}`, key);
    } else if (!actors.has(value)) {
      issues.add('unknown_choice', `"${clip(value)}" is not an actor of this question`, key);
    } else {
      answers.push([key, value]);
    }
  }
  if (issues.issues.length === 0 && answers.length === 0) return UNANSWERED;
  return issues.result(new Map(answers));
}

/** The answer key: each statement's actor (or null for "none of these"). */
export function matchingKey(question: Question): Readonly<Record<string, string | null>> {
  return Object.fromEntries(question.statements.map((statement) => [statement.id, statement.actor]));
}

/**
 * Scores a checked matching response.
 * - `per-statement`: Σ weights of rightly matched statements / Σ weights
 *   (weights default to 1, giving right / statements as in Moodle);
 * - `all-or-nothing`: 1 only if every statement is matched rightly.
 * Unanswered statements count as wrong.
 */
export function scoreMatching(question: Question, answers: MatchingAnswers): RuleOutcome {
  let right = 0;
  const parts = question.statements.map((statement) => {
    const weight = statement.weight ?? ONE;
    const given = answers.get(statement.id);
    const correct = given === statement.actor;
    if (correct) right++;
    const part: Mutable<PartResult> = { id: statement.id, kind: 'statement', correct, earned: correct ? weight : ZERO, possible: weight };
    if (given !== undefined) part.response = given;
    if (!correct && statement.feedback) part.feedback = statement.feedback;
    return part;
  });
  const n = question.statements.length;
  const statistic = { name: 'statements-matched', value: right, of: n, text: `${right} of ${n} statement${n === 1 ? '' : 's'} matched correctly` };
  const fraction =
    question.rule.name === 'all-or-nothing'
      ? right === n ? ONE : ZERO
      : divide(sum(parts.map((part) => part.earned)), sum(parts.map((part) => part.possible)));
  return { fraction, parts, statistic };
}
