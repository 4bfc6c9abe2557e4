/**
 * Attempts and delivery: seeded presentation order, the key-free learner
 * view, answering and submitting under a time limit, review, several attempts,
 * and saving and resuming. Pure functions: the clock (epoch milliseconds) and
 * the seed are passed in. See `docs/delivery.md`.
 *
 * @packageDocumentation
 * @module quizkit/attempts
 */
export {
  DEFAULT_GRACE_SECONDS,
  answer,
  attemptResponses,
  rescoreAttempt,
  startAttempt,
  submitAttempt,
  timeRemaining,
  type RescoreOptions,
  type StartAttemptOptions,
  type SubmitOptions,
} from './attempt.js';
export { ATTEMPT_ERROR_CODES, AttemptError, isAttemptError, type AttemptErrorCode, type AttemptIssue } from './errors.js';
export { combineGrades, type CombinedGrade, type GradeMethod } from './grades.js';
export { hashQuiz } from './hash.js';
export { presentationOrder, type PresentationOrder } from './order.js';
export { reviewAttempt, type AttemptReview, type QuestionReview } from './review.js';
export {
  ATTEMPT_FORMAT_VERSION,
  ATTEMPT_MIGRATIONS,
  MAX_SAVED_ATTEMPT_LENGTH,
  migrateSavedAttempt,
  parseAttempt,
  safeParseAttempt,
  serializeAttempt,
  type AttemptMigration,
  type AttemptMigrations,
  type MigrateOptions,
  type ParseAttemptOptions,
  type SafeParseAttemptResult,
} from './serialize.js';
export type { Attempt, AttemptBase, EpochMillis, InProgressAttempt, RecordedAnswer, SubmittedAttempt } from './types.js';
export {
  learnerQuestionView,
  learnerView,
  type LearnerActorView,
  type LearnerItemView,
  type LearnerMatchingView,
  type LearnerMultipleChoiceView,
  type LearnerOptionView,
  type LearnerOrderingView,
  type LearnerQuestionView,
  type LearnerQuestionViewBase,
  type LearnerSingleChoiceView,
  type LearnerStatementView,
  type LearnerView,
} from './view.js';
