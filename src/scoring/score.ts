import { ONE, ZERO, add, compare, divide, equals, fraction, multiply } from '../fraction/fraction.js';
import type { ReadonlyQuestion, ReadonlyQuiz } from '../schema/types.js';
import { FORBIDDEN_KEYS, clip, describeValue, perQuestion } from './check.js';
import { UNREADABLE, notPlainObject, readOwnProperty, readValue } from './read-response.js';
import { runScorer } from './registry.js';
import type { Responses } from './responses.js';
import type { Breakdown, Mutable, QuestionResult, QuestionStatus, QuizResult, ResponseIssue } from './types.js';

type AnyQuiz = ReadonlyQuiz;

const HUNDRED = fraction(100);
const questionIds = perQuestion((quiz: AnyQuiz) => new Set(quiz.questions.map((question) => question.id)));

/**
 * Scores one question. Never throws on learner input: a malformed response
 * (unknown ids, duplicates, wrong shape, forbidden keys, oversized lists)
 * scores 0 with status `invalid` and the issues that explain why.
 *
 * @param question - A parsed question (from `parseModule`, `parseQuiz` or a built-in module).
 * @param response - The learner's response: untrusted, of any shape.
 * @param path - Where the response sits in a larger document, for issue paths.
 * @returns The result: status, exact fraction and points, parts, statistic and feedback.
 *
 * @example
 * ```ts
 * import { scoreQuestion } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const question = northKoreaChina.quizzes[0].questions[0];
 * scoreQuestion(question, 'nonsense').status; //=> 'invalid'
 * ```
 */
export function scoreQuestion(
  question: ReadonlyQuestion,
  response: unknown,
  path: readonly (string | number)[] = [question.id],
): QuestionResult {
  const { checked, outcome } = runScorer(question, response, path);
  // Results are written out in full, never spread from a shared base: on V8 a
  // spread plus extra keys costs ~500× more than a literal, and this is the hot path.
  if (!outcome) {
    return {
      questionId: question.id,
      type: question.type,
      rule: question.rule.name,
      status: checked.kind === 'invalid' ? 'invalid' : 'unanswered',
      fraction: ZERO,
      earned: ZERO,
      possible: question.points,
      parts: [],
      feedback: [],
      issues: checked.kind === 'invalid' ? checked.issues : [],
    };
  }
  const status: QuestionStatus = equals(outcome.fraction, ONE) ? 'correct' : outcome.fraction.n > 0 ? 'partial' : 'incorrect';
  const general = question.feedback?.[status];
  const feedback: string[] = general ? [general] : [];
  for (const part of outcome.parts) if (part.feedback) feedback.push(part.feedback);
  const result: Mutable<QuestionResult> = {
    questionId: question.id,
    type: question.type,
    rule: question.rule.name,
    status,
    fraction: outcome.fraction,
    earned: multiply(outcome.fraction, question.points),
    possible: question.points,
    parts: outcome.parts,
    feedback,
    issues: [],
  };
  if (outcome.statistic) result.statistic = outcome.statistic;
  return result;
}

/**
 * Reads the responses object defensively: a plain object only, own
 * non-forbidden keys only, each question's response read once through its
 * property descriptor (a getter that throws makes that response unreadable,
 * hence invalid). Shared with `checkResponses`, so checking and scoring report
 * the same issues.
 */
export function readResponses(quiz: AnyQuiz, responses: unknown): { lookup: (id: string) => unknown; issues: ResponseIssue[] } {
  const issues: ResponseIssue[] = [];
  const none = { lookup: () => undefined, issues };
  if (responses === undefined || responses === null) return none;
  const problem = typeof responses === 'object' ? notPlainObject(responses) : readValue(responses);
  if (problem !== undefined) {
    issues.push({ code: 'invalid_shape', path: [], message: `Expected an object from question ids to responses, found ${describeValue(problem)}` });
    return none;
  }
  const record = responses as Record<string, unknown>;
  const known = questionIds(quiz);
  // Cap the report so a forged object with a million keys yields a short list.
  const keys = unknownKeys(record, known, 20);
  if (keys === 'unreadable') {
    issues.push({ code: 'invalid_shape', path: [], message: `Expected an object from question ids to responses, found ${UNREADABLE.found}` });
    return none;
  }
  for (const key of keys) {
    issues.push(
      FORBIDDEN_KEYS.has(key)
        ? { code: 'forbidden_key', path: [key], message: `"${key}" is not allowed as a key` }
        : { code: 'unknown_question', path: [key], message: `"${clip(key)}" is not a question of quiz "${quiz.id}"` },
    );
  }
  return {
    lookup: (id) => {
      const read = readOwnProperty(record, id);
      return read === 'unreadable' ? UNREADABLE : read?.value;
    },
    issues,
  };
}

/** The first `max` own keys of `record` that are not question ids; `unreadable` when enumerating threw. */
function unknownKeys(record: object, known: ReadonlySet<string>, max: number): string[] | 'unreadable' {
  const found: string[] = [];
  try {
    for (const key in record) {
      if (!Object.hasOwn(record, key) || known.has(key)) continue;
      if (found.length === max) break;
      found.push(key);
    }
  } catch {
    return 'unreadable';
  }
  return found;
}

type Groups = Map<string, Mutable<Breakdown> & { questionIds: string[] }>;

/** Adds a question's points to its group, in place (groups are private until returned). */
function addTo(groups: Groups, key: string, result: QuestionResult): void {
  const group = groups.get(key);
  if (!group) {
    groups.set(key, { earned: result.earned, possible: result.possible, questionIds: [result.questionId] });
    return;
  }
  group.earned = add(group.earned, result.earned);
  group.possible = add(group.possible, result.possible);
  group.questionIds.push(result.questionId);
}

/**
 * Scores a whole quiz exactly: each question by its rule, the total as the
 * exact sum of the question scores, the percentage, the pass decision on exact
 * values, and breakdowns per objective and per reading section. Never throws
 * on learner input; unknown question ids are reported in `issues`.
 *
 * @param quiz - A parsed quiz.
 * @param responses - Responses keyed by question id; typed against the quiz when it is `as const`.
 * @returns The quiz result.
 *
 * @example
 * ```ts
 * import { scoreQuiz, correctResponses, formatFraction } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const result = scoreQuiz(quiz, correctResponses(quiz));
 * formatFraction(result.percent); //=> '100'
 * ```
 */
export function scoreQuiz<Q extends ReadonlyQuiz>(quiz: Q, responses: Responses<Q>): QuizResult {
  const { lookup, issues } = readResponses(quiz, responses);
  return quizResultOf(quiz, quiz.questions.map((question) => scoreQuestion(question, lookup(question.id))), issues);
}

/**
 * The whole-quiz result from each question's result, in quiz order: the
 * exact totals, the percentage, the pass decision and the breakdowns per
 * objective and section. `scoreQuiz` uses it, and so do attempts whose
 * questions are marked by a behaviour (their marks replace the rule's).
 *
 * @internal
 */
export function quizResultOf(quiz: ReadonlyQuiz, questions: QuestionResult[], issues: QuizResult['issues']): QuizResult {
  const byObjective: Groups = new Map();
  const bySection: Groups = new Map();
  let earned = ZERO;
  let possible = ZERO;
  quiz.questions.forEach((question, index) => {
    const result = questions[index]!;
    earned = add(earned, result.earned);
    possible = add(possible, result.possible);
    // A question listing an objective twice still counts once towards it.
    question.objectives.forEach((objective, at) => {
      if (question.objectives.indexOf(objective) === at) addTo(byObjective, objective, result);
    });
    addTo(bySection, question.source.section, result);
  });
  const percent = possible.n === 0 ? ZERO : multiply(divide(earned, possible), HUNDRED);
  return {
    quizId: quiz.id,
    earned,
    possible,
    percent,
    passMark: quiz.passMark,
    passed: compare(percent, quiz.passMark) >= 0,
    questions,
    byObjective: Object.fromEntries(byObjective) as Record<string, Breakdown>,
    bySection: Object.fromEntries(bySection) as Record<string, Breakdown>,
    issues,
  };
}
