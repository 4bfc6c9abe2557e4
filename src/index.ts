/**
 * The scoring engine any frontend or server can import: exact, explainable
 * scores for single-choice, multiple-choice, ordering and matching questions,
 * and whole quizzes. Pure functions, no zod at run time, no I/O.
 *
 * @packageDocumentation
 * @module quizkit
 */
export { scoreQuestion, scoreQuiz } from './scoring/score.js';
export { compileQuiz, type QuizPlan, type QuizScore } from './scoring/compile/plan.js';
export { checkResponse, checkResponses } from './scoring/check-response.js';
export { correctResponse, correctResponses } from './scoring/answer-key.js';
export { fractionToNumber, formatFraction, type Fraction } from './fraction/fraction.js';
export { RESPONSE_ISSUE_CODES } from './scoring/types.js';
export type {
  BehaviourMarks,
  Breakdown,
  PartResult,
  QuestionResult,
  QuestionStatus,
  QuizResult,
  ResponseIssue,
  ResponseIssueCode,
  Statistic,
} from './scoring/types.js';
export type {
  AnyResponse,
  MatchingResponse,
  MultipleChoiceResponse,
  OrderingResponse,
  ResponseFor,
  Responses,
  SingleChoiceResponse,
} from './scoring/responses.js';
export { QuizValidationError, isQuizValidationError, type QuizIssue } from './errors/quiz-validation-error.js';
export type * from './schema/types.js';
