import { type Fraction, sum } from '../fraction/fraction.js';
import type { DeepReadonly, QuestionType, ReadonlyQuestion, ReadonlyQuiz } from '../schema/types.js';
import type { AnyResponse } from '../scoring/responses.js';
import type { QuestionOf } from '../scoring/types.js';
import { assertSameQuiz } from './guards.js';
import { behaviourOf, checkStates, checksTries } from './tries.js';
import { presentationOrder, type PresentationOrder } from './order.js';
import type { Attempt, EpochMillis } from './types.js';
import type { AttemptError } from './errors.js';

/**
 * An option as the learner sees it: id and text only.
 *
 * @example
 * ```ts
 * import type { LearnerOptionView } from 'quizkit/attempts';
 * const option: LearnerOptionView = { id: 'beijing', text: 'Beijing' };
 * ```
 */
export interface LearnerOptionView {
  /** The option id, to send back as the response. */
  readonly id: string;
  /** The option text. */
  readonly text: string;
}

/**
 * An ordering item as the learner sees it: id and text only.
 *
 * @example
 * ```ts
 * import type { LearnerItemView } from 'quizkit/attempts';
 * const item: LearnerItemView = { id: 'summit', text: 'Kim-Xi summit' };
 * ```
 */
export interface LearnerItemView {
  /** The item id. */
  readonly id: string;
  /** The item text. */
  readonly text: string;
}

/**
 * A matching statement as the learner sees it: no actor, no weight, no feedback.
 *
 * @example
 * ```ts
 * import type { LearnerStatementView } from 'quizkit/attempts';
 * const statement: LearnerStatementView = { id: 's1', text: 'Ties are unwavering' };
 * ```
 */
export interface LearnerStatementView {
  /** The statement id. */
  readonly id: string;
  /** The statement text. */
  readonly text: string;
}

/**
 * A matching actor as the learner sees it.
 *
 * @example
 * ```ts
 * import type { LearnerActorView } from 'quizkit/attempts';
 * const actor: LearnerActorView = { id: 'wang', name: 'Wang Yi' };
 * ```
 */
export interface LearnerActorView {
  /** The actor id. */
  readonly id: string;
  /** The actor's name. */
  readonly name: string;
}

/**
 * What every question shows the learner.
 *
 * @example
 * ```ts
 * import { learnerQuestionView, type LearnerQuestionViewBase } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const question: LearnerQuestionViewBase = learnerQuestionView(quiz.questions[0], 'abc', quiz.id);
 * question.prompt; //=> 'The article opens with a meeting in Beijing. Who met there? (A wrong answer costs a third of a point; you may leave the question blank.)'
 * question.section; //=> 'beijing-meeting'
 * ```
 */
export interface LearnerQuestionViewBase {
  /** The question id, to answer it with. */
  readonly id: string;
  /** The question as the learner reads it. */
  readonly prompt: string;
  /** Points the question is worth. */
  readonly points: Fraction;
  /** The name of the scoring rule (it describes the scoring, not the answer). */
  readonly rule: string;
  /** The id of the reading section the question rests on, so a UI can link it (the quote is left out: it often gives the answer away). */
  readonly section: string;
  /**
   * Whether a wrong answer can cost points (the question can score below 0:
   * negative marking). Says nothing about which answers are wrong; a player
   * should tell the learner before they answer.
   */
  readonly canLoseMarks: boolean;
  /**
   * How the question is taken, when not `deferred`: the behaviour's name, the
   * tries allowed (`interactive`), the penalty per wrong try (`interactive`,
   * `adaptive`) and whether the learner gives a certainty (CBM). The hints are
   * not here: each comes with the outcome of the wrong try it follows.
   */
  readonly behaviour?: {
    readonly name: string;
    readonly tries?: number;
    readonly penalty?: Fraction;
    readonly certainty: boolean;
  };
}

/**
 * A single-choice question as the learner sees it; options in presentation order.
 *
 * @example
 * ```ts
 * import { learnerQuestionView, type LearnerSingleChoiceView } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const ids = (question: LearnerSingleChoiceView) => question.options.map((option) => option.id);
 * const view = learnerQuestionView(quiz.questions[0], 'abc', quiz.id);
 * if (view.type === 'single-choice') ids(view); //=> ['foreign-ministers', 'russia-and-north-korea', 'kim-and-xi', 'kim-xi-and-putin']
 * ```
 */
export interface LearnerSingleChoiceView extends LearnerQuestionViewBase {
  /** The question type. */
  readonly type: 'single-choice';
  /** The options, in this attempt's order. */
  readonly options: readonly LearnerOptionView[];
}

/**
 * A multiple-choice question as the learner sees it; options in presentation order.
 *
 * @example
 * ```ts
 * import { learnerQuestionView, type LearnerMultipleChoiceView } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const names = (question: LearnerMultipleChoiceView) => question.options.map((option) => option.text);
 * const view = learnerQuestionView(quiz.questions[2], 'abc', quiz.id); // 'parade-appearance'
 * if (view.type === 'multiple-choice') names(view); //=> ['Vladimir Putin', 'Xi Jinping', 'Choe Son Hui', 'Wang Yi', 'Kim Jong Un']
 * ```
 */
export interface LearnerMultipleChoiceView extends LearnerQuestionViewBase {
  /** The question type. */
  readonly type: 'multiple-choice';
  /** The options, in this attempt's order. */
  readonly options: readonly LearnerOptionView[];
}

/**
 * An ordering question as the learner sees it: the items in a shuffled order
 * (any order, the correct one included, is equally likely; an untouched
 * ordering is unanswered).
 *
 * @example
 * ```ts
 * import { learnerQuestionView, type LearnerOrderingView } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const startingOrder = (question: LearnerOrderingView) => question.items.map((item) => item.id);
 * const view = learnerQuestionView(quiz.questions[5], 'abc', quiz.id); // 'order-summit-meeting-anniversary'
 * if (view.type === 'ordering') startingOrder(view); //=> ['party-anniversary', 'ministers-meet', 'kim-xi-summit']
 * ```
 */
export interface LearnerOrderingView extends LearnerQuestionViewBase {
  /** The question type. */
  readonly type: 'ordering';
  /** The items, in this attempt's starting order. */
  readonly items: readonly LearnerItemView[];
}

/**
 * A matching question as the learner sees it: statements and actors, each in
 * presentation order, without the mapping.
 *
 * @example
 * ```ts
 * import { learnerQuestionView, type LearnerMatchingView } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const offersNone = (question: LearnerMatchingView) => question.allowNoMatch; // whether to offer "none of these"
 * const view = learnerQuestionView(quiz.questions[1], 'abc', quiz.id); // 'who-is-who'
 * if (view.type === 'matching') offersNone(view); //=> false
 * ```
 */
export interface LearnerMatchingView extends LearnerQuestionViewBase {
  /** The question type. */
  readonly type: 'matching';
  /** The statements to attribute, in this attempt's order. */
  readonly statements: readonly LearnerStatementView[];
  /** The actors to choose from, in this attempt's order. */
  readonly actors: readonly LearnerActorView[];
  /** Whether "none of these" (`null`) is an accepted answer for a statement. */
  readonly allowNoMatch: boolean;
}

/**
 * Any question as the learner sees it.
 *
 * @example
 * ```ts
 * import { learnerQuestionView, type LearnerQuestionView } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const question: LearnerQuestionView = learnerQuestionView(quiz.questions[5], 'abc', quiz.id);
 * if (question.type === 'ordering') question.items.length; //=> 3
 * ```
 */
export type LearnerQuestionView = LearnerSingleChoiceView | LearnerMultipleChoiceView | LearnerOrderingView | LearnerMatchingView;

/**
 * A quiz attempt as the learner sees it: everything needed to render and
 * answer it, and nothing that reveals the answer key — no correct flags,
 * credits, correct order, statement → actor mapping, feedback, explanation,
 * quote, seed or quiz hash. Safe to send to a browser in exam mode.
 *
 * @example
 * ```ts
 * import { learnerView, startAttempt, type LearnerView } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const view: LearnerView = learnerView(quiz, startAttempt(quiz, { seed: 'abc', now: 0 }));
 * view.questions.map((question) => question.prompt)[0]; //=> 'The article opens with a meeting in Beijing. Who met there? (A wrong answer costs a third of a point; you may leave the question blank.)'
 * view.responses; //=> {}
 * ```
 */
export interface LearnerView {
  /** The quiz id. */
  readonly quizId: string;
  /** The quiz title. */
  readonly title: string;
  /** What the quiz covers. */
  readonly description?: string;
  /** The language of the quiz's text (BCP 47), when the quiz states it. */
  readonly language?: string;
  /** The writing direction of the quiz's text, when the quiz states it. */
  readonly direction?: 'ltr' | 'rtl' | 'auto';
  /** The pass mark, in percent. */
  readonly passMark: Fraction;
  /** The points of all questions together. */
  readonly totalPoints: Fraction;
  /** The time allowed, in seconds; absent without a limit. */
  readonly timeLimitSeconds?: number;
  /** When answers stop being accepted; absent without a limit. */
  readonly deadline?: EpochMillis;
  /** When the attempt started. */
  readonly startedAt: EpochMillis;
  /** Which attempt this is, from 1. */
  readonly attemptNumber: number;
  /** Whether the attempt still takes answers. */
  readonly status: Attempt['status'];
  /** The questions, in quiz order, each with its parts in this attempt's order. */
  readonly questions: readonly LearnerQuestionView[];
  /**
   * For questions taken under a behaviour that checks tries (`immediate`,
   * `interactive`, `adaptive`, `immediate-cbm`): the tries made and left,
   * and whether the question is finished. Absent when no question checks.
   */
  readonly checks?: Readonly<Record<string, { readonly tries: number; readonly triesLeft: number; readonly finished: boolean }>>;
  /** The learner's own responses so far, by question id (for resuming). */
  readonly responses: Readonly<Record<string, AnyResponse>>;
}

type ViewOf<T extends QuestionType> = Extract<LearnerQuestionView, { type: T }>;
type Viewer<T extends QuestionType> = (
  question: DeepReadonly<QuestionOf<T>>,
  order: Extract<PresentationOrder, { type: T }>,
  base: LearnerQuestionViewBase,
) => ViewOf<T>;

/** Picks the parts named by `ids` out of `parts`, in the order of `ids`. */
function inOrder<P extends { readonly id: string }, V>(parts: readonly P[], ids: readonly string[], pick: (part: P) => V): V[] {
  const byId = new Map(parts.map((part) => [part.id, part]));
  return ids.map((id) => pick(byId.get(id)!));
}

// Each view is built field by field from an allow-list, never by spreading the
// question, so a key field added to the schema later stays out of the view.
const option = (o: { readonly id: string; readonly text: string }): LearnerOptionView => ({ id: o.id, text: o.text });

/** The one place that dispatches on question type for learner views. */
const viewers = {
  'single-choice': (question, order, base) => ({ ...base, type: 'single-choice', options: inOrder(question.options, order.options, option) }),
  'multiple-choice': (question, order, base) => ({ ...base, type: 'multiple-choice', options: inOrder(question.options, order.options, option) }),
  ordering: (question, order, base) => ({ ...base, type: 'ordering', items: inOrder(question.items, order.items, option) }),
  matching: (question, order, base) => ({
    ...base,
    type: 'matching',
    statements: inOrder(question.statements, order.statements, option),
    actors: inOrder(question.actors, order.actors, (a) => ({ id: a.id, name: a.name })),
    allowNoMatch: question.allowNoMatch,
  }),
} satisfies { [T in QuestionType]: Viewer<T> };

/** Whether some question of the quiz checks tries. */
const hasChecks = (quiz: ReadonlyQuiz) => quiz.questions.some((question) => checksTries(behaviourOf(quiz, question)));

/**
 * Whether some answer scores below 0. Only single choice can: under
 * `correction-for-guessing` a wrong option costs 1/(k − 1), and under
 * `option-credit` an option may carry negative credit. Every multiple-choice
 * rule clamps at 0, and ordering and matching never go below it.
 */
function canLoseMarks(question: ReadonlyQuestion): boolean {
  if (question.type !== 'single-choice') return false;
  return question.rule.name === 'correction-for-guessing' || question.options.some((option) => option.credit !== undefined && option.credit.n < 0);
}

/** The rules of a behaviour a learner may know (never its hints: they follow wrong tries). */
function behaviourView(behaviour: ReadonlyQuestion['behaviour']): Pick<LearnerQuestionViewBase, 'behaviour'> {
  if (behaviour === undefined || behaviour.name === 'deferred') return {};
  const tries = behaviour.name === 'interactive' ? (behaviour.tries ?? (behaviour.hints?.length ?? 0) + 1) : undefined;
  const penalty = behaviour.name === 'interactive' || behaviour.name === 'adaptive' ? (behaviour.penalty ?? { n: 1, d: 3 }) : undefined;
  return {
    behaviour: {
      name: behaviour.name,
      ...(tries !== undefined ? { tries } : {}),
      ...(penalty !== undefined ? { penalty } : {}),
      certainty: behaviour.name === 'deferred-cbm' || behaviour.name === 'immediate-cbm',
    },
  };
}

/**
 * One question as the learner sees it in an attempt with the given seed.
 *
 * @param question - The question.
 * @param seed - The attempt's seed.
 * @param quizId - The quiz's id.
 * @param behaviour - The behaviour it is taken under, when its quiz sets one (the question's own wins).
 * @returns The key-free view.
 *
 * @example
 * ```ts
 * import { learnerQuestionView } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const view = learnerQuestionView(quiz.questions[0], 'abc', quiz.id);
 * view.prompt; //=> 'The article opens with a meeting in Beijing. Who met there? (A wrong answer costs a third of a point; you may leave the question blank.)'
 * view.type === 'single-choice' && view.options.map((option) => option.id); //=> ['foreign-ministers', 'russia-and-north-korea', 'kim-and-xi', 'kim-xi-and-putin']
 * ```
 */
export function learnerQuestionView(question: ReadonlyQuestion, seed: string, quizId: string, behaviour?: ReadonlyQuestion['behaviour']): LearnerQuestionView {
  const base: LearnerQuestionViewBase = {
    id: question.id,
    prompt: question.prompt,
    points: question.points,
    rule: question.rule.name,
    section: question.source.section,
    canLoseMarks: canLoseMarks(question),
    ...behaviourView(behaviour ?? question.behaviour),
  };
  const view = viewers[question.type] as Viewer<QuestionType>;
  return view(question as DeepReadonly<QuestionOf<QuestionType>>, presentationOrder(seed, quizId, question) as never, base);
}

/**
 * What the learner sees of an attempt: prompts, options, items, statements and
 * actors in the attempt's presentation order, points, the time limit and
 * deadline, and the learner's own responses — never the answer key (see
 * {@link LearnerView}). This is the only part of a quiz to send to a browser
 * in exam mode. Refused with `wrong_quiz` or `quiz_changed` (an
 * {@link AttemptError}) when the quiz is not the one the attempt started on.
 *
 * @param quiz - The quiz the attempt is at.
 * @param attempt - The attempt.
 * @returns The learner view.
 *
 * @example
 * ```ts
 * import { startAttempt, learnerView } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const view = learnerView(quiz, startAttempt(quiz, { seed: 'abc', now: 0 }));
 * view.questions.length; //=> 9
 * JSON.stringify(view).includes('"correct"'); //=> false
 * ```
 */
export function learnerView(quiz: ReadonlyQuiz, attempt: Attempt): LearnerView {
  assertSameQuiz(attempt, quiz);
  return {
    quizId: quiz.id,
    title: quiz.title,
    ...(quiz.description !== undefined ? { description: quiz.description } : {}),
    ...(quiz.language !== undefined ? { language: quiz.language } : {}),
    ...(quiz.direction !== undefined ? { direction: quiz.direction } : {}),
    passMark: quiz.passMark,
    totalPoints: sum(quiz.questions.map((question) => question.points)),
    ...(quiz.timeLimitSeconds !== undefined ? { timeLimitSeconds: quiz.timeLimitSeconds } : {}),
    ...(attempt.deadline !== undefined ? { deadline: attempt.deadline } : {}),
    startedAt: attempt.startedAt,
    attemptNumber: attempt.attemptNumber,
    status: attempt.status,
    questions: quiz.questions.map((question) => learnerQuestionView(question, attempt.seed, quiz.id, question.behaviour ?? quiz.behaviour)),
    responses: Object.fromEntries(Object.entries(attempt.answers).map(([id, recorded]) => [id, recorded.response])),
    ...(hasChecks(quiz) ? { checks: checkStates(quiz, attempt) } : {}),
  };
}
