import { ONE, ZERO, add, compare, divide, equals, fraction, multiply } from '../fraction/fraction.js';
import type { DeepReadonly, Question, Quiz } from '../schema/types.js';
import { FORBIDDEN_KEYS, clip, describeValue } from './check.js';
import { runScorer } from './registry.js';
import type { Responses } from './responses.js';
import type { Breakdown, QuestionResult, QuestionStatus, QuizResult, ResponseIssue } from './types.js';

type AnyQuestion = DeepReadonly<Question>;
type AnyQuiz = DeepReadonly<Quiz>;

const HUNDRED = fraction(100);

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
  question: AnyQuestion,
  response: unknown,
  path: readonly (string | number)[] = [question.id],
): QuestionResult {
  const { checked, outcome } = runScorer(question, response, path);
  const base = { questionId: question.id, type: question.type, rule: question.rule.name, possible: question.points };
  if (!outcome) {
    const status: QuestionStatus = checked.kind === 'invalid' ? 'invalid' : 'unanswered';
    return {
      ...base,
      status,
      fraction: ZERO,
      earned: ZERO,
      parts: [],
      feedback: [],
      issues: checked.kind === 'invalid' ? checked.issues : [],
    };
  }
  const status: QuestionStatus = equals(outcome.fraction, ONE) ? 'correct' : outcome.fraction.n > 0 ? 'partial' : 'incorrect';
  const general = question.feedback?.[status === 'correct' ? 'correct' : status === 'partial' ? 'partial' : 'incorrect'];
  return {
    ...base,
    status,
    fraction: outcome.fraction,
    earned: multiply(outcome.fraction, question.points),
    ...(outcome.statistic ? { statistic: outcome.statistic } : {}),
    parts: outcome.parts,
    feedback: [...(general ? [general] : []), ...outcome.parts.flatMap((part) => (part.feedback ? [part.feedback] : []))],
    issues: [],
  };
}

/**
 * Reads the responses object defensively: only own, non-forbidden keys.
 * Shared with `checkResponses`, so checking and scoring report the same issues.
 */
export function readResponses(quiz: AnyQuiz, responses: unknown): { lookup: (id: string) => unknown; issues: ResponseIssue[] } {
  const issues: ResponseIssue[] = [];
  if (responses === undefined || responses === null) return { lookup: () => undefined, issues };
  if (typeof responses !== 'object' || Array.isArray(responses)) {
    issues.push({ code: 'invalid_shape', path: [], message: `Expected an object from question ids to responses, found ${describeValue(responses)}` });
    return { lookup: () => undefined, issues };
  }
  const record = responses as Record<string, unknown>;
  const known = new Set(quiz.questions.map((question) => question.id));
  let reported = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key) || known.has(key)) continue;
    // Cap the report so a forged object with a million keys yields a short list.
    if (reported++ >= 20) break;
    issues.push(
      FORBIDDEN_KEYS.has(key)
        ? { code: 'forbidden_key', path: [key], message: `"${key}" is not allowed as a key` }
        : { code: 'unknown_question', path: [key], message: `"${clip(key)}" is not a question of quiz "${quiz.id}"` },
    );
  }
  return { lookup: (id) => (Object.hasOwn(record, id) ? record[id] : undefined), issues };
}

function addTo(groups: Map<string, { earned: typeof ZERO; possible: typeof ZERO; questionIds: string[] }>, key: string, result: QuestionResult) {
  const group = groups.get(key) ?? { earned: ZERO, possible: ZERO, questionIds: [] };
  groups.set(key, {
    earned: add(group.earned, result.earned),
    possible: add(group.possible, result.possible),
    questionIds: [...group.questionIds, result.questionId],
  });
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
export function scoreQuiz<Q extends AnyQuiz>(quiz: Q, responses: Responses<Q>): QuizResult {
  const { lookup, issues } = readResponses(quiz, responses);
  const byObjective = new Map<string, { earned: typeof ZERO; possible: typeof ZERO; questionIds: string[] }>();
  const bySection = new Map<string, { earned: typeof ZERO; possible: typeof ZERO; questionIds: string[] }>();
  let earned = ZERO;
  let possible = ZERO;
  const questions = quiz.questions.map((question) => {
    const result = scoreQuestion(question, lookup(question.id));
    earned = add(earned, result.earned);
    possible = add(possible, result.possible);
    // A question listing an objective twice still counts once towards it.
    for (const objective of new Set(question.objectives)) addTo(byObjective, objective, result);
    addTo(bySection, question.source.section, result);
    return result;
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
