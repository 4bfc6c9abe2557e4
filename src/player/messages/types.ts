import type { QuestionStatus } from '../../scoring/types.js';

/** What a statistic message is given: the engine's structured statistic, and how many wrong choices were made where that counts.  *
 * @example
 * ```ts
 * import { PLAYER_MESSAGES_EN, type StatisticInput } from 'quizkit/player';
 * const input: StatisticInput = { name: 'statements-matched', value: 3, of: 4 };
 * PLAYER_MESSAGES_EN.statistic(input); //=> '3 of 4 statements matched correctly'
 * ```
 */
export interface StatisticInput {
  /** What is counted, e.g. `right-options-chosen`, `statements-matched`, `inversions`. */
  readonly name: string;
  /** The count. */
  readonly value: number;
  /** Out of how many. */
  readonly of: number;
  /** Wrong options chosen (multiple choice), when known. */
  readonly wrong?: number;
}

/**
 * Every text the player shows or announces, in one typed table: a locale is
 * one object of this shape (see `PLAYER_MESSAGES_EN` and `PLAYER_MESSAGES_FR`).
 * Texts that depend on numbers are functions, so each language can say them
 * its own way (plurals, word order). Quiz content (prompts, options,
 * feedback) is the author's and is shown as written.
 *
 * @example
 * ```ts
 * import { PLAYER_MESSAGES_EN, type PlayerMessages } from 'quizkit/player';
 * const messages: PlayerMessages = { ...PLAYER_MESSAGES_EN, submit: 'Hand in' };
 * ```
 */
export interface PlayerMessages {
  /** The BCP 47 tag of this table's language; set as `lang` on the player's interface text. */
  readonly language: string;
  /** The writing direction of this table's language. */
  readonly direction: 'ltr' | 'rtl';
  /** A number as written in this language, from quizkit's exact decimal (`formatFraction`), e.g. `"0.5"` → `"0,5"`. */
  readonly number: (decimal: string) => string;
  /** `n` points, with the number already written by {@link PlayerMessages.number}. */
  readonly points: (amount: string, one: boolean) => string;
  readonly loading: string;
  readonly couldNotShow: string;
  readonly hints: { readonly 'single-choice': string; readonly 'multiple-choice': string; readonly ordering: string; readonly matching: string };
  readonly questionNumber: (index: number, total: number) => string;
  readonly questionCount: (count: number) => string;
  readonly meta: (questions: string, points: string, passMark: string, attempt: number, mode: 'practice' | 'exam') => string;
  readonly wrongAnswersCost: string;
  readonly clearChoice: string;
  readonly choiceCleared: string;
  readonly chooseActor: string;
  readonly noneOfThese: string;
  readonly moveUp: string;
  readonly moveDown: string;
  readonly moveUpLabel: (item: string) => string;
  readonly moveDownLabel: (item: string) => string;
  readonly dragHandle: (item: string) => string;
  readonly useThisOrder: string;
  readonly orderKept: string;
  readonly moved: (item: string, position: number, total: number) => string;
  readonly alreadyFirst: (item: string) => string;
  readonly alreadyLast: (item: string) => string;
  readonly lifted: (item: string, position: number, total: number) => string;
  readonly dropped: (item: string, position: number, total: number) => string;
  readonly dragCancelled: (item: string, position: number, total: number) => string;
  readonly answered: string;
  readonly notAnswered: string;
  readonly progress: (answered: number, total: number) => string;
  readonly saving: string;
  readonly saved: string;
  readonly unsaved: string;
  readonly refused: (reason: string) => string;
  readonly retryNow: string;
  readonly cannotSubmitUnsaved: (count: number) => string;
  readonly allSaved: string;
  readonly submit: string;
  readonly confirmHeading: string;
  readonly allAnswered: (total: number) => string;
  readonly someUnanswered: (unanswered: number, total: number) => string;
  readonly submitNow: string;
  readonly keepAnswering: string;
  readonly finalWarning: string;
  readonly timeLeft: (clock: string) => string;
  readonly minutesLeft: (minutes: number) => string;
  readonly secondsLeft: (seconds: number) => string;
  readonly timeUp: string;
  /** Announced after submission; `score` is absent while the review policy holds marks back. */
  readonly submitted: (score: { readonly earned: string; readonly possible: string; readonly percent: string; readonly passed: boolean } | undefined) => string;
  readonly timeRanOut: (questions: readonly number[]) => string;
  readonly resultHeading: string;
  readonly scoreLine: (earned: string, possible: string, percent: string, passed: boolean, passMark: string) => string;
  readonly marksHidden: (passMark: string) => string;
  readonly late: string;
  readonly reviewHeading: string;
  readonly status: Readonly<Record<QuestionStatus, string>>;
  readonly yourAnswer: string;
  readonly correctAnswer: string;
  readonly noAnswer: string;
  readonly noneOfTheseLower: string;
  readonly partWrong: string;
  readonly partRight: string;
  readonly partMissed: string;
  readonly feedback: string;
  readonly problems: string;
  readonly why: string;
  readonly statistic: (statistic: StatisticInput) => string;
  readonly startAgain: string;
  readonly attemptStarted: (attempt: number) => string;
  readonly quizzesNav: string;
  readonly reading: (title: string | undefined) => string;
  readonly readingLink: (heading: string) => string;
  readonly backToQuestion: (index: number) => string;
  readonly storageProblem: string;
  readonly otherTab: string;
  readonly useOtherTab: string;
  readonly keepThisTab: string;
  readonly resolveOtherTabFirst: string;
  readonly serverUnreachable: string;
  readonly quizChanged: string;
  readonly wrongQuiz: string;
  readonly unreadable: string;
  readonly examGone: string;
  /** Behaviours that check tries (issue #15). */
  readonly check: string;
  readonly nothingToCheck: string;
  /** The rules of a behaviour, stated before the learner answers; `penalty` already written as a number. */
  readonly behaviourRule: (behaviour: string, tries: number | undefined, penalty: string | undefined) => string;
  readonly certaintyQuestion: string;
  readonly certaintyLevels: readonly [string, string, string];
  readonly triesLeft: (left: number) => string;
  readonly questionDone: (earned: string, possible: string) => string;
  readonly hint: string;
  /** In the review: one try, its mark by the rule, the penalty taken off, and whether it counted. */
  readonly tryLine: (n: number, raw: string, penalty: string | undefined, counted: boolean) => string;
}
