/**
 * The quiz-file model: zod schemas for learning modules, quizzes and every
 * question type, the parsers that turn authored data into typed values with
 * `{ code, path, message }` issues, and the JSON Schema for editors.
 *
 * @packageDocumentation
 * @module quizkit/schema
 */
export { IdSchema, CreditSchema, LintSettingsSchema, PointsSchema, SourceRefSchema, SAFE_ID } from './common.js';
export { BehaviourSchema, HintSchema, PenaltySchema } from './behaviour.js';
export { QUIZ_ISSUE_CODES, type QuizIssueCode } from './codes.js';
export { LIMITS } from './limits.js';
export { ModuleSchema, ModuleSourceSchema, SectionSchema, ObjectiveSchema } from './module.js';
export { QuizSchema, QuestionSchema, RULE_NAMES } from './quiz.js';
export { ChoiceOptionSchema } from '../questions/choice-options.js';
export { SingleChoiceQuestionSchema, SingleChoiceRuleSchema } from '../questions/single-choice/schema.js';
export { MultipleChoiceQuestionSchema, MultipleChoiceRuleSchema } from '../questions/multiple-choice/schema.js';
export { OrderingQuestionSchema, OrderingItemSchema, OrderingRuleSchema } from '../questions/ordering/schema.js';
export { MatchingQuestionSchema, ActorSchema, StatementSchema, MatchingRuleSchema } from '../questions/matching/schema.js';
export { parseModule, safeParseModule, parseQuiz, safeParseQuiz, type SafeParseResult } from './parse.js';
export { toModuleJsonSchema } from './json-schema.js';
export { QuizValidationError, isQuizValidationError, type QuizIssue } from '../errors/quiz-validation-error.js';
export type * from './types.js';
