/**
 * What the player's interface needs from a mode. Practice mode implements it
 * in the browser with quizkit's attempts; exam mode with calls to the exam
 * server. The interface itself only ever sees learner views before
 * submission, and the result and review after it.
 */
import type { AttemptReview, CheckOutcome, LearnerView } from '../../attempts/index.js';

/** A response, as `learnerView(…).responses` holds them. */
export type AnyResponse = LearnerView['responses'][string];

/** A submitted attempt, as the learner may see it.  *
 * @example
 * ```ts
 * import type { Submitted } from 'quizkit/player';
 * const onResult = ({ result, late }: Submitted) => `${result.percent ? result.percent.n / result.percent.d : '?'}%${late ? ' (late)' : ''}`;
 * ```
 */
export interface Submitted {
  /** The score, as the review policy lets the learner see it (marks may be held back). */
  readonly result: AttemptReview['result'];
  /** Each question with the learner's and the correct response, feedback and explanation. */
  readonly review: AttemptReview;
  /** Whether it was submitted after the deadline and grace period. */
  readonly late: boolean;
}

/** An attempt opened in the player. */
export interface Session {
  /** The key-free learner view: questions in the attempt's order, and the responses so far. */
  readonly view: LearnerView;
  /** Present once the attempt is submitted. */
  readonly submitted?: Submitted;
  /** Something to tell the learner: why a saved attempt could not be resumed and a new one started. */
  readonly notice?: SessionNotice;
}

/** Why a new attempt started instead of the saved one (the player says it in the learner's language). */
export type SessionNotice = 'quiz_changed' | 'wrong_quiz' | 'unreadable' | 'exam_gone';

/** A reading section (practice mode only: the exam server does not send the reading). */
export interface ReadingSection {
  /** The section id that questions point at. */
  readonly id: string;
  /** Its heading. */
  readonly heading: string;
  /** Its text; paragraphs separated by blank lines. */
  readonly text: string;
}

/** The module around the quiz, where the mode knows it. */
export interface ModuleInfo {
  /** The module's title. */
  readonly title: string;
  /** Its quizzes, for the quiz picker. */
  readonly quizzes: readonly { readonly id: string; readonly title: string }[];
  /** The reading, in order. */
  readonly reading: readonly ReadingSection[];
  /** The source of the reading, e.g. an article title. */
  readonly sourceTitle?: string;
  /** The language of the module's text (BCP 47). */
  readonly language?: string;
  /** The writing direction of the module's text. */
  readonly direction?: 'ltr' | 'rtl' | 'auto';
}

/** A mode: practice (in the browser) or exam (on a server). */
export interface Backend {
  /** `practice` or `exam`. */
  readonly mode: 'practice' | 'exam';
  /** The quiz being taken. */
  readonly quizId: string;
  /** The module, in practice mode. */
  readonly module?: ModuleInfo;
  /** Resumes the saved attempt, or starts one. */
  open(): Promise<Session>;
  /**
   * Records one response (`null` clears it). Throws {@link SaveRefused} when
   * the refusal is final; any other error (the network) is retried.
   */
  answer(questionId: string, response: AnyResponse | null): Promise<void>;
  /**
   * Checks one try at a question taken under a behaviour that checks tries
   * (practice mode in the page; exam mode through the server's checks route). Throws
   * {@link SaveRefused} when the engine refuses it.
   */
  check?(questionId: string, response: AnyResponse, certainty?: 1 | 2 | 3): Promise<CheckOutcome>;
  /** Submits and scores the attempt. */
  submit(): Promise<Submitted>;
  /** Starts a new attempt (the next attempt number). */
  restart(): Promise<Session>;
  /**
   * Calls `onChange` when another tab or window of this browser saves the
   * same attempt (practice mode keeps it in `localStorage`, shared by all
   * tabs). Until {@link Backend.settleTabs} is called, this tab saves nothing,
   * so neither tab silently overwrites the other. Returns a function that stops watching.
   */
  watchOtherTabs?(onChange: () => void): () => void;
  /** After another tab changed the attempt: keep this tab's answers (`'this'`, saved over the other's) or load the other tab's (`'other'`). */
  settleTabs?(keep: 'this' | 'other'): Promise<Session>;
}

/**
 * A mode's refusal to save an answer that retrying cannot change (time is up,
 * the attempt is submitted, the answer is invalid: HTTP 409 or 422 from the
 * exam server), with the message to show the learner.
 */
export class SaveRefused extends Error {
  override readonly name = 'SaveRefused';
}

/** The key under which the player keeps state in `localStorage`. */
export const storageKey = (...parts: readonly string[]): string => ['quizkit-player', ...parts].join(':');
