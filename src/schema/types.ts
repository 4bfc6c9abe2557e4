import type * as z from 'zod';
import type { ChoiceOptionSchema } from '../questions/choice-options.js';
import type { ActorSchema, MatchingQuestionSchema, StatementSchema } from '../questions/matching/schema.js';
import type { MultipleChoiceQuestionSchema } from '../questions/multiple-choice/schema.js';
import type { OrderingItemSchema, OrderingQuestionSchema } from '../questions/ordering/schema.js';
import type { SingleChoiceQuestionSchema } from '../questions/single-choice/schema.js';
import type { ModuleSchema, ObjectiveSchema, SectionSchema } from './module.js';
import type { QuestionSchema, QuizSchema } from './quiz.js';

// Types are derived from the schemas, never written twice. `X` is the parsed
// form (defaults filled in); `XInput` is what an author may write.

/** A parsed learning module. @useDeclaredType */
export type Module = z.output<typeof ModuleSchema>;
/** A learning module as an author writes it (defaults optional). @useDeclaredType */
export type ModuleInput = z.input<typeof ModuleSchema>;
/** A parsed quiz. @useDeclaredType */
export type Quiz = z.output<typeof QuizSchema>;
/** A quiz as an author writes it. @useDeclaredType */
export type QuizInput = z.input<typeof QuizSchema>;
/** Any parsed question. @useDeclaredType */
export type Question = z.output<typeof QuestionSchema>;
/** Any question as an author writes it. @useDeclaredType */
export type QuestionInput = z.input<typeof QuestionSchema>;
/** The name of a question type: `'single-choice' | 'multiple-choice' | 'ordering' | 'matching'`. */
export type QuestionType = Question['type'];
/** A parsed single-choice question. @useDeclaredType */
export type SingleChoiceQuestion = z.output<typeof SingleChoiceQuestionSchema>;
/** A parsed multiple-choice question. @useDeclaredType */
export type MultipleChoiceQuestion = z.output<typeof MultipleChoiceQuestionSchema>;
/** A parsed ordering question. @useDeclaredType */
export type OrderingQuestion = z.output<typeof OrderingQuestionSchema>;
/** A parsed matching question. @useDeclaredType */
export type MatchingQuestion = z.output<typeof MatchingQuestionSchema>;
/** An option of a choice question. @useDeclaredType */
export type ChoiceOption = z.output<typeof ChoiceOptionSchema>;
/** An item of an ordering question. @useDeclaredType */
export type OrderingItem = z.output<typeof OrderingItemSchema>;
/** An actor of a matching question. @useDeclaredType */
export type Actor = z.output<typeof ActorSchema>;
/** A statement of a matching question. @useDeclaredType */
export type Statement = z.output<typeof StatementSchema>;
/** A section of a module's reading. @useDeclaredType */
export type Section = z.output<typeof SectionSchema>;
/** A learning objective. @useDeclaredType */
export type Objective = z.output<typeof ObjectiveSchema>;
/** The scoring rule of a question type, e.g. `RuleName<'ordering'>`. */
export type RuleName<T extends QuestionType = QuestionType> = Extract<Question, { type: T }>['rule']['name'];

/**
 * `T` with every property and array readonly, all the way down: the shape of
 * a module written `as const`, such as the built-in ones. Every scoring and
 * delivery function accepts it, so typed literal ids survive.
 *
 * @example
 * ```ts
 * import type { DeepReadonly, Quiz } from 'quizkit';
 * declare const quiz: DeepReadonly<Quiz>;
 * ```
 */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
