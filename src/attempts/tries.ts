// Questions taken under a behaviour that checks tries (Moodle's immediate
// feedback, interactive with multiple tries, adaptive, immediate CBM): the
// tries are facts of the attempt, and the question's mark follows from them
// by `scoreTries`, exactly as `quizkit/behaviours` states each formula.
import { scoreTries } from '../behaviours/score-tries.js';
import type { BehaviourResult, Certainty, Try } from '../behaviours/types.js';
import { type Fraction, ONE, ZERO, compare } from '../fraction/fraction.js';
import type { Behaviour, ReadonlyQuestion, ReadonlyQuiz } from '../schema/types.js';
import { checkedResponse } from '../scoring/registry.js';
import { quizResultOf, scoreQuestion } from '../scoring/score.js';
import type { QuestionResult, QuestionStatus, QuizResult, Statistic } from '../scoring/types.js';
import { AttemptError } from './errors.js';
import { assertMonotonic, assertSameQuiz, assertTime } from './guards.js';
import type { Attempt, AttemptBase, EpochMillis, InProgressAttempt, RecordedTry } from './types.js';

const DEFERRED: Behaviour = { name: 'deferred' };

/** The behaviour a question is taken under: its own, else its quiz's, else `deferred`. */
export const behaviourOf = (quiz: ReadonlyQuiz, question: ReadonlyQuestion): Behaviour =>
  (question.behaviour ?? quiz.behaviour ?? DEFERRED) as Behaviour;

/** Whether a behaviour marks tries one at a time (all but the deferred ones, which mark the final answer). */
export const checksTries = (behaviour: Behaviour): boolean => behaviour.name !== 'deferred' && behaviour.name !== 'deferred-cbm';

/** Two recorded responses are the same answer (a matching's statements in any order). */
function sameResponse(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b) || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return JSON.stringify(a) === JSON.stringify(b);
  const keys = Object.keys(a).sort();
  return JSON.stringify(keys) === JSON.stringify(Object.keys(b).sort()) && keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

const asTries = (tries: readonly RecordedTry[] | undefined): Try[] =>
  (tries ?? []).map((tried) => (tried.certainty === undefined ? { response: tried.response } : { response: tried.response, certainty: tried.certainty }));

/**
 * The question's mark under its behaviour when the attempt is finished: its
 * tries, and the answer given after the last of them (if any, and if the
 * question was still open), which Moodle grades as a last try when the
 * attempt ends. Undefined for a `deferred` question, which its rule marks.
 */
function finalMark(quiz: ReadonlyQuiz, question: ReadonlyQuestion, attempt: Pick<AttemptBase, 'answers' | 'tries'>): BehaviourResult | undefined {
  const behaviour = behaviourOf(quiz, question);
  if (behaviour.name === 'deferred') return undefined;
  const tries = asTries(attempt.tries?.[question.id]);
  const pending = Object.hasOwn(attempt.answers, question.id) ? attempt.answers[question.id]!.response : undefined;
  const open = tries.length === 0 || !scoreTries(question, tries, { behaviour }).finished;
  if (pending !== undefined && open && (tries.length === 0 || !sameResponse(tries.at(-1)!.response, pending))) tries.push({ response: pending });
  return scoreTries(question, tries, { behaviour, finished: true });
}

const statusOf = (fraction: Fraction): QuestionStatus => (compare(fraction, ONE) >= 0 ? 'correct' : compare(fraction, ZERO) > 0 ? 'partial' : 'incorrect');

/** A question's result with its behaviour's mark in place of the rule's, and the tries that explain it. */
function markedQuestion(rule: QuestionResult, marked: BehaviourResult): QuestionResult {
  if (marked.tries.length === 0) return rule; // never answered: the rule's "unanswered", 0 points
  const base = marked.last ?? rule;
  const cbm = marked.accuracy !== undefined;
  // Under CBM the quiz total stays the accuracy (the rule's fraction), as Moodle reports the CBM mark beside it.
  const fraction = cbm ? marked.accuracy! : marked.fraction;
  return {
    ...base,
    fraction,
    earned: cbm ? base.earned : marked.earned,
    possible: marked.possible,
    status: base.status === 'invalid' ? 'invalid' : statusOf(fraction),
    behaviour: {
      name: marked.behaviour,
      tries: marked.tries,
      ...(marked.accuracy !== undefined ? { accuracy: marked.accuracy } : {}),
      ...(marked.certainty !== undefined ? { certainty: marked.certainty } : {}),
    },
  };
}

/**
 * The result of a finished attempt: the rule's result for each `deferred`
 * question, the behaviour's mark (with its tries) for every other, and the
 * totals over those marks.
 */
export function markedResult(quiz: ReadonlyQuiz, attempt: Pick<AttemptBase, 'answers' | 'tries'>, ruleResult: QuizResult): QuizResult {
  if (!quiz.behaviour && quiz.questions.every((question) => question.behaviour === undefined)) return ruleResult;
  const questions = quiz.questions.map((question, index) => {
    const marked = finalMark(quiz, question, attempt);
    return marked ? markedQuestion(ruleResult.questions[index]!, marked) : ruleResult.questions[index]!;
  });
  return quizResultOf(quiz, questions, ruleResult.issues);
}

/**
 * The options of {@link checkAnswer}.
 *
 * @example
 * ```ts
 * import type { CheckOptions } from 'quizkit/attempts';
 * const options: CheckOptions = { certainty: 3 };
 * ```
 */
export interface CheckOptions {
  /** How certain the learner is, 1 to 3, under a CBM behaviour (default 1, as Moodle's). */
  readonly certainty?: Certainty;
}

/**
 * What one checked try came to, for the learner: this try's status and
 * feedback, the question's mark so far, the tries left, and (interactive) the
 * hint for the next try. It never holds the right answer.
 *
 * @example
 * ```ts
 * import type { CheckOutcome } from 'quizkit/attempts';
 * const show = (outcome: CheckOutcome) => (outcome.finished ? `Done: ${outcome.status}` : `Try again (${outcome.triesLeft} left)`);
 * ```
 */
export interface CheckOutcome {
  /** The question checked. */
  readonly questionId: string;
  /** The behaviour it is taken under. */
  readonly behaviour: Behaviour['name'];
  /** Which try this was, from 1. */
  readonly tryNumber: number;
  /** This try's response by the question's rule: correct, partial or incorrect. */
  readonly status: QuestionStatus;
  /** The question's mark after this try, as a fraction of its points (the behaviour's, penalties applied). */
  readonly fraction: Fraction;
  /** `fraction × points`. */
  readonly earned: Fraction;
  /** The question's points. */
  readonly possible: Fraction;
  /** Whether the question takes no more tries. */
  readonly finished: boolean;
  /** Tries still allowed (`Infinity` under `adaptive`; 0 once finished). */
  readonly triesLeft: number;
  /** The feedback that applies to this try's response. */
  readonly feedback: readonly string[];
  /** Under `interactive`, after a wrong try with tries left: the hint for the next one. */
  readonly hint?: { readonly text: string; readonly clearWrong?: boolean | undefined; readonly showNumberCorrect?: boolean | undefined };
  /** With a hint that shows it: how many parts of the response are right (the rule's statistic). */
  readonly numberCorrect?: Statistic;
}

/**
 * Checks one try at a question taken under a behaviour that checks tries
 * (`immediate`, `interactive`, `adaptive`, `immediate-cbm`): records it as a
 * fact of the attempt (and as the question's current answer), and says what
 * it came to. The mark follows Moodle's behaviours exactly (`scoreTries`): a
 * wrong try under `interactive` costs `penalty` on the try that ends the
 * question, `adaptive` keeps the best try less its penalties, `immediate`
 * marks the first try only.
 *
 * Refused with an {@link AttemptError}, leaving the attempt as it was, for
 * everything {@link answer} refuses, and when: the response is empty
 * (`invalid_response`: there is nothing to check); the question is taken
 * under a deferred behaviour (`not_checkable`: it is marked once, at the
 * end); or the question takes no more tries (`question_finished`).
 *
 * @param attempt - The attempt.
 * @param quiz - The quiz it was started on.
 * @param questionId - The question checked.
 * @param response - The learner's response, untrusted: it is checked here.
 * @param now - The current time.
 * @param options - The certainty, under CBM.
 * @returns The attempt with the try recorded, and the try's outcome.
 *
 * @example
 * ```ts
 * import { checkAnswer, startAttempt } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = { ...northKoreaChina.quizzes[1], behaviour: { name: 'interactive', tries: 3 } } as const;
 * let attempt = startAttempt(quiz, { seed: 's', now: 0 });
 * const first = checkAnswer(attempt, quiz, 'parade-hinted', 'rift', 1_000);
 * [first.outcome.status, first.outcome.triesLeft]; //=> ['incorrect', 2]
 * const second = checkAnswer(first.attempt, quiz, 'parade-hinted', 'potential-alignment', 2_000);
 * // Right on the second try, penalty 1/3 (Moodle's default): 2/3 of the point.
 * [second.outcome.finished, second.outcome.fraction]; //=> [true, { n: 2, d: 3 }]
 * ```
 */
export function checkAnswer(
  attempt: Attempt,
  quiz: ReadonlyQuiz,
  questionId: string,
  response: unknown,
  now: EpochMillis,
  options: CheckOptions = {},
): { readonly attempt: InProgressAttempt; readonly outcome: CheckOutcome } {
  assertTime(now, 'now');
  if (attempt.status === 'submitted') throw new AttemptError('already_submitted', 'This attempt has been submitted; it takes no more answers');
  assertSameQuiz(attempt, quiz);
  const question = quiz.questions.find((q) => q.id === questionId);
  if (!question) throw new AttemptError('unknown_question', `"${String(questionId).slice(0, 64)}" is not a question of quiz "${quiz.id}"`);
  const behaviour = behaviourOf(quiz, question);
  if (!checksTries(behaviour)) {
    throw new AttemptError('not_checkable', `Question "${question.id}" is taken under the ${behaviour.name} behaviour: it is marked once, when the attempt is submitted`);
  }
  assertMonotonic(attempt, now);
  if (attempt.deadline !== undefined && now > attempt.deadline) {
    throw new AttemptError('time_expired', `The time limit ended at ${new Date(attempt.deadline).toISOString()}; answers are no longer accepted`);
  }
  const before = attempt.tries?.[question.id] ?? [];
  if (before.length > 0 && scoreTries(question, asTries(before), { behaviour }).finished) {
    throw new AttemptError('question_finished', `Question "${question.id}" takes no more tries`);
  }
  const checked = checkedResponse(question, response, [question.id]);
  if (checked.kind === 'invalid') throw new AttemptError('invalid_response', checked.issues[0]?.message ?? 'Invalid response', checked.issues);
  if (checked.kind === 'unanswered') {
    throw new AttemptError('invalid_response', 'There is nothing to check: answer the question first', [
      { code: 'invalid_response', path: [question.id], questionId: question.id, message: 'Expected a response to check' },
    ]);
  }
  const certainty = options.certainty === 2 || options.certainty === 3 ? options.certainty : undefined;
  const tried: RecordedTry = { response: checked.value, at: now, ...(certainty !== undefined ? { certainty } : {}) };
  const tries = [...before, tried];
  const marked = scoreTries(question, asTries(tries), { behaviour });
  const raw = scoreQuestion(question, checked.value);
  const keptAnswers = Object.entries(attempt.answers).filter(([id]) => id !== question.id);
  const next: InProgressAttempt = {
    ...attempt,
    answers: Object.fromEntries([...keptAnswers, [question.id, { response: checked.value, at: now }] as const]),
    tries: Object.fromEntries([...Object.entries(attempt.tries ?? {}).filter(([id]) => id !== question.id), [question.id, tries] as const]),
  };
  const hints = behaviour.name === 'interactive' ? (behaviour.hints ?? []) : [];
  const hint = !marked.finished && raw.status !== 'correct' ? hints[tries.length - 1] : undefined;
  const outcome: CheckOutcome = {
    questionId: question.id,
    behaviour: behaviour.name,
    tryNumber: tries.length,
    status: raw.status,
    fraction: marked.fraction,
    earned: marked.earned,
    possible: marked.possible,
    finished: marked.finished,
    triesLeft: marked.triesLeft,
    feedback: raw.feedback,
    ...(hint !== undefined ? { hint } : {}),
    ...(hint?.showNumberCorrect && raw.statistic !== undefined ? { numberCorrect: raw.statistic } : {}),
  };
  return { attempt: next, outcome };
}

/**
 * Where each question taken under a checking behaviour stands, for the
 * learner view: tries made, tries left, whether it is finished.
 */
export function checkStates(quiz: ReadonlyQuiz, attempt: Pick<AttemptBase, 'tries'>): Record<string, { readonly tries: number; readonly triesLeft: number; readonly finished: boolean }> {
  const states: [string, { tries: number; triesLeft: number; finished: boolean }][] = [];
  for (const question of quiz.questions) {
    const behaviour = behaviourOf(quiz, question);
    if (!checksTries(behaviour)) continue;
    const tries = asTries(attempt.tries?.[question.id]);
    const marked = scoreTries(question, tries, { behaviour });
    states.push([question.id, { tries: tries.length, triesLeft: marked.triesLeft, finished: tries.length > 0 && marked.finished }]);
  }
  return Object.fromEntries(states);
}
