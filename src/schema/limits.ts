/**
 * Upper bounds on quiz files. They keep a hostile or runaway file from costing
 * unbounded memory or time in the validator, the scorer and the renderers;
 * each is far above what a real quiz needs. A file over a limit is refused
 * with the issue code `limit_exceeded`.
 *
 * @example
 * ```ts
 * import { LIMITS } from 'quizkit/schema';
 * LIMITS.questionsPerQuiz; //=> 200
 * ```
 */
export const LIMITS = {
  /** Characters in any id. */
  idLength: 64,
  /** Characters in a title, option, item, actor or statement text. */
  shortText: 1_000,
  /** Characters in a prompt, explanation, feedback or quote. */
  longText: 5_000,
  /** Characters in one section of the reading. */
  sectionText: 50_000,
  /** Sections in a module's reading. */
  sectionsPerModule: 100,
  /** Learning objectives in a module. */
  objectivesPerModule: 30,
  /** Quizzes in a module. */
  quizzesPerModule: 20,
  /** Questions in a quiz. */
  questionsPerQuiz: 200,
  /** Objectives one question may serve. */
  objectivesPerQuestion: 10,
  /** Options in a single- or multiple-choice question. */
  optionsPerQuestion: 20,
  /** Items in an ordering question. */
  itemsPerOrdering: 50,
  /** Actors in a matching question. */
  actorsPerMatching: 30,
  /** Statements in a matching question. */
  statementsPerMatching: 50,
  /** Points one question may be worth. */
  pointsPerQuestion: 1_000,
} as const;
