/**
 * Attempts and delivery: seeded presentation order, the key-free learner
 * view, answering and submitting under a time limit, review under an explicit
 * review policy, several attempts, and saving (optionally sealed with a
 * server key) and resuming. Pure functions: the clock (epoch milliseconds) and
 * the seed are passed in. See `docs/delivery.md`.
 *
 * @packageDocumentation
 * @module quizkit/attempts
 */
export {
  DEFAULT_GRACE_SECONDS,
  MAX_EXTRA_TIME_SECONDS,
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
export { checkAnswer, type CheckOptions, type CheckOutcome } from './tries.js';
export { ATTEMPT_ERROR_CODES, AttemptError, isAttemptError, type AttemptErrorCode, type AttemptIssue } from './errors.js';
export { combineGrades, type CombinedGrade, type GradeMethod } from './grades.js';
export { MAX_EPOCH_MILLIS } from './guards.js';
export { hashQuiz } from './hash.js';
export { presentationOrder, type PresentationOrder } from './order.js';
export {
  EXAM_REVIEW_POLICY,
  PRACTICE_REVIEW_POLICY,
  REVIEW_SHOW_ALL,
  reviewAttempt,
  reviewVisibility,
  type AttemptReview,
  type CompleteAttemptReview,
  type CompleteQuestionReview,
  type QuestionReview,
  type ReviewOptions,
  type ReviewPolicy,
  type ReviewShow,
  type ReviewState,
  type ReviewTiming,
  type ReviewedPartResult,
  type ReviewedQuestionResult,
  type ReviewedQuizResult,
} from './review.js';
export type { AttemptKey } from './seal.js';
export { MAX_SAVED_ATTEMPT_LENGTH } from './size.js';
export {
  ATTEMPT_FORMAT_VERSION,
  ATTEMPT_MIGRATIONS,
  migrateSavedAttempt,
  parseAttempt,
  safeParseAttempt,
  serializeAttempt,
  type AttemptMigration,
  type AttemptMigrations,
  type MigrateOptions,
  type ParseAttemptOptions,
  type SafeParseAttemptResult,
  type SerializeAttemptOptions,
} from './serialize.js';
export type { Attempt, AttemptBase, EpochMillis, InProgressAttempt, RecordedAnswer, RecordedTry, SubmittedAttempt } from './types.js';
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
