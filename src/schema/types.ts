import type * as z from 'zod';
import type { ChoiceOptionSchema } from '../questions/choice-options.js';
import type { ActorSchema, MatchingQuestionSchema, StatementSchema } from '../questions/matching/schema.js';
import type { MultipleChoiceQuestionSchema } from '../questions/multiple-choice/schema.js';
import type { OrderingItemSchema, OrderingQuestionSchema } from '../questions/ordering/schema.js';
import type { SingleChoiceQuestionSchema } from '../questions/single-choice/schema.js';
import type { BehaviourSchema } from './behaviour.js';
import type { ModuleSchema, ObjectiveSchema, SectionSchema } from './module.js';
import type { QuestionSchema, QuizSchema } from './quiz.js';

// Types are derived from the schemas, never written twice. `X` is the parsed
// form (defaults filled in); `XInput` is what an author may write.

/**
 * A parsed learning module: what `parseModule` and `loadModuleFile` return,
 * with every default filled in and every number an exact {@link Fraction}.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { Module } from 'quizkit';
 * import { loadModuleFile } from 'quizkit/node';
 * const module: Module = await loadModuleFile('quizzes/north-korea-china.yaml');
 * module.reading.length; //=> 6
 * ```
 */
export interface Module extends z.output<typeof ModuleSchema> {}

/**
 * A learning module as an author writes it: fields with defaults may be left
 * out, and numbers may be decimals or ratio strings such as `"1/3"`.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { ModuleInput } from 'quizkit';
 * import { parseModule } from 'quizkit/schema';
 * const input: ModuleInput = {
 *   id: 'capitals', title: 'Capitals',
 *   source: { title: 'A small atlas', attribution: 'After “A small atlas”.' },
 *   reading: [{ id: 'china', heading: 'China', text: 'The capital of China is Beijing.' }],
 *   quizzes: [{
 *     id: 'check', title: 'Check',
 *     questions: [{
 *       id: 'capital', type: 'single-choice', prompt: 'What is the capital of China?',
 *       explanation: 'The reading names Beijing.',
 *       source: { section: 'china', quote: 'The capital of China is Beijing.' },
 *       options: [{ id: 'beijing', text: 'Beijing', correct: true }, { id: 'shanghai', text: 'Shanghai' }],
 *     }],
 *   }],
 * };
 * parseModule(input).quizzes[0]?.passMark; //=> { n: 50, d: 1 }
 * ```
 */
export type ModuleInput = z.input<typeof ModuleSchema>;

/**
 * A parsed quiz: its questions in order, the pass mark in percent and the
 * optional time limit.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { Quiz } from 'quizkit';
 * import { loadModuleFile } from 'quizkit/node';
 * const module = await loadModuleFile('quizzes/north-korea-china.yaml');
 * const quiz: Quiz | undefined = module.quizzes[0];
 * quiz?.passMark; //=> { n: 70, d: 1 }
 * ```
 */
export interface Quiz extends z.output<typeof QuizSchema> {}

/**
 * A quiz as an author writes it: the pass mark may be a number or a string
 * such as `"62.5"`, and defaults may be left out.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { QuizInput } from 'quizkit';
 * import { parseQuiz } from 'quizkit/schema';
 * const input: QuizInput = {
 *   id: 'check', title: 'Check', passMark: '62.5',
 *   questions: [{
 *     id: 'capital', type: 'single-choice', prompt: 'What is the capital of China?',
 *     explanation: 'Beijing.', source: { section: 'china', quote: 'Beijing' },
 *     options: [{ id: 'beijing', text: 'Beijing', correct: true }, { id: 'shanghai', text: 'Shanghai' }],
 *   }],
 * };
 * parseQuiz(input).passMark; //=> { n: 125, d: 2 }
 * ```
 */
export type QuizInput = z.input<typeof QuizSchema>;

/**
 * Any parsed question: a union told apart by `type`, so a `switch` or an `if`
 * on `question.type` narrows it to one question type.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { Question } from 'quizkit';
 * import { QuestionSchema } from 'quizkit/schema';
 * const question: Question = QuestionSchema.parse({
 *   id: 'order', type: 'ordering', prompt: 'Put the events in order.',
 *   explanation: 'The summit came first.', source: { section: 'meeting', quote: 'shortly after' },
 *   items: [{ id: 'summit', text: 'Kim–Xi summit' }, { id: 'meeting', text: 'Ministers meet' }],
 *   correctOrder: ['summit', 'meeting'],
 * });
 * question.type === 'ordering' ? question.items.length : 0; //=> 2
 * ```
 */
// One named interface per type, so signatures link to them; the check below keeps
// the union equal to what the schema parses.
export type Question = SingleChoiceQuestion | MultipleChoiceQuestion | OrderingQuestion | MatchingQuestion;

/**
 * Any question as an author writes it (`points`, `objectives`, `rule` and
 * `correct` may be left out).
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { QuestionInput } from 'quizkit';
 * import { QuestionSchema } from 'quizkit/schema';
 * const input: QuestionInput = {
 *   id: 'capital', type: 'single-choice', prompt: 'What is the capital of China?',
 *   explanation: 'Beijing.', source: { section: 'china', quote: 'Beijing' },
 *   options: [{ id: 'beijing', text: 'Beijing', correct: true }, { id: 'shanghai', text: 'Shanghai' }],
 * };
 * QuestionSchema.parse(input).points; //=> { n: 1, d: 1 }
 * ```
 */
export type QuestionInput = z.input<typeof QuestionSchema>;

/**
 * The name of a question type: `'single-choice' | 'multiple-choice' | 'ordering' | 'matching'`.
 *
 * @example
 * ```ts
 * import type { QuestionType } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const types: QuestionType[] = northKoreaChina.quizzes[0].questions.map((question) => question.type);
 * types.slice(0, 3); //=> ['single-choice', 'matching', 'multiple-choice']
 * ```
 */
export type QuestionType = Question['type'];

/**
 * A parsed single-choice question: options of which exactly one is correct.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { SingleChoiceQuestion } from 'quizkit';
 * import { SingleChoiceQuestionSchema } from 'quizkit/schema';
 * const question: SingleChoiceQuestion = SingleChoiceQuestionSchema.parse({
 *   id: 'capital', type: 'single-choice', prompt: 'What is the capital of China?',
 *   explanation: 'Beijing.', source: { section: 'china', quote: 'Beijing' },
 *   options: [{ id: 'beijing', text: 'Beijing', correct: true }, { id: 'shanghai', text: 'Shanghai' }],
 * });
 * question.options.find((option) => option.correct)?.id; //=> 'beijing'
 * ```
 */
export interface SingleChoiceQuestion extends z.output<typeof SingleChoiceQuestionSchema> {}

/**
 * A parsed multiple-choice question: any number of options may be correct.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { MultipleChoiceQuestion } from 'quizkit';
 * import { MultipleChoiceQuestionSchema } from 'quizkit/schema';
 * const question: MultipleChoiceQuestion = MultipleChoiceQuestionSchema.parse({
 *   id: 'parade', type: 'multiple-choice', prompt: 'Who appeared at the parade?',
 *   explanation: 'Kim, Xi and Putin.', source: { section: 'united-front', quote: 'joint appearance' },
 *   options: [{ id: 'kim', text: 'Kim Jong Un', correct: true }, { id: 'xi', text: 'Xi Jinping', correct: true }, { id: 'wang', text: 'Wang Yi' }],
 * });
 * question.rule; //=> { name: 'all-or-nothing' }
 * ```
 */
export interface MultipleChoiceQuestion extends z.output<typeof MultipleChoiceQuestionSchema> {}

/**
 * A parsed ordering question: items and the one correct order of their ids.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { OrderingQuestion } from 'quizkit';
 * import { OrderingQuestionSchema } from 'quizkit/schema';
 * const question: OrderingQuestion = OrderingQuestionSchema.parse({
 *   id: 'order', type: 'ordering', prompt: 'Put the events in order.',
 *   explanation: 'The summit came first.', source: { section: 'meeting', quote: 'shortly after' },
 *   items: [{ id: 'meeting', text: 'Ministers meet' }, { id: 'summit', text: 'Kim–Xi summit' }],
 *   correctOrder: ['summit', 'meeting'],
 *   rule: { name: 'exact-position' },
 * });
 * question.rule.name; //=> 'exact-position'
 * ```
 */
export interface OrderingQuestion extends z.output<typeof OrderingQuestionSchema> {}

/**
 * A parsed matching question: statements, each attributed to one actor (or,
 * with `allowNoMatch`, to none), and the actors to choose from.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { MatchingQuestion } from 'quizkit';
 * import { MatchingQuestionSchema } from 'quizkit/schema';
 * const question: MatchingQuestion = MatchingQuestionSchema.parse({
 *   id: 'who-said', type: 'matching', prompt: 'Who said what?',
 *   explanation: 'Choe spoke of ties; Wang of communication.', source: { section: 'commitments', quote: 'echoed' },
 *   actors: [{ id: 'choe', name: 'Choe Son Hui' }, { id: 'wang', name: 'Wang Yi' }],
 *   statements: [{ id: 'ties', text: 'Unwavering dedication to ties', actor: 'choe' }],
 * });
 * question.allowNoMatch; //=> false
 * ```
 */
export interface MatchingQuestion extends z.output<typeof MatchingQuestionSchema> {}

/**
 * A parsed option of a single- or multiple-choice question.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { ChoiceOption } from 'quizkit';
 * import { ChoiceOptionSchema } from 'quizkit/schema';
 * const option: ChoiceOption = ChoiceOptionSchema.parse({ id: 'pyongyang', text: 'Pyongyang', credit: '1/3' });
 * [option.correct, option.credit]; //=> [false, { n: 1, d: 3 }]
 * ```
 */
export type ChoiceOption = z.output<typeof ChoiceOptionSchema>;

/**
 * A parsed item of an ordering question.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { OrderingItem } from 'quizkit';
 * import { OrderingItemSchema } from 'quizkit/schema';
 * const item: OrderingItem = OrderingItemSchema.parse({ id: 'summit', text: ' Kim–Xi summit ' });
 * item.text; //=> 'Kim–Xi summit'
 * ```
 */
export type OrderingItem = z.output<typeof OrderingItemSchema>;

/**
 * A parsed actor of a matching question.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { Actor } from 'quizkit';
 * import { ActorSchema } from 'quizkit/schema';
 * const actor: Actor = ActorSchema.parse({ id: 'wang', name: 'Wang Yi' });
 * actor.name; //=> 'Wang Yi'
 * ```
 */
export type Actor = z.output<typeof ActorSchema>;

/**
 * A parsed statement of a matching question.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { Statement } from 'quizkit';
 * import { StatementSchema } from 'quizkit/schema';
 * const statement: Statement = StatementSchema.parse({ id: 'ties', text: 'Unwavering dedication to ties', actor: 'choe', weight: 2 });
 * statement.weight; //=> { n: 2, d: 1 }
 * ```
 */
export type Statement = z.output<typeof StatementSchema>;

/**
 * A parsed section of a module's reading.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { Section } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const headings = (reading: readonly Section[]) => reading.map((section) => section.heading);
 * headings(northKoreaChina.reading)[0]; //=> 'A Strategic Meeting in Beijing'
 * ```
 */
export type Section = z.output<typeof SectionSchema>;

/**
 * A parsed learning objective.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { Objective } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const ids = (objectives: readonly Objective[]) => objectives.map((objective) => objective.id);
 * ids(northKoreaChina.objectives).length; //=> 6
 * ```
 */
export type Objective = z.output<typeof ObjectiveSchema>;

/**
 * A parsed question behaviour (see `BehaviourSchema`): how a question is
 * taken and marked, with its penalty as an exact fraction.
 *
 * @useDeclaredType
 *
 * @example
 * ```ts
 * import type { Behaviour } from 'quizkit';
 * const practice: Behaviour = { name: 'interactive', penalty: { n: 1, d: 3 }, hints: [{ text: 'Look again.' }] };
 * practice.name; //=> 'interactive'
 * ```
 */
export type Behaviour = z.output<typeof BehaviourSchema>;

/**
 * The name of a scoring rule, of one question type (`RuleName<'ordering'>`)
 * or of any (`RuleName`).
 *
 * @example
 * ```ts
 * import type { RuleName } from 'quizkit';
 * const rule: RuleName<'ordering'> = 'pairwise-order';
 * const rules: RuleName<'matching'>[] = ['per-statement', 'all-or-nothing'];
 * ```
 */
export type RuleName<T extends QuestionType = QuestionType> = Extract<Question, { type: T }>['rule']['name'];

/**
 * `T` with every property and array readonly, all the way down: the shape of
 * a module written `as const`, such as the built-in ones. Every scoring and
 * delivery function accepts it, so typed literal ids survive.
 *
 * @example
 * ```ts
 * import type { DeepReadonly, Quiz } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz: DeepReadonly<Quiz> = northKoreaChina.quizzes[1];
 * quiz.questions.length; //=> 9
 * ```
 */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer E)[]
    ? readonly DeepReadonly<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

/**
 * A quiz as every scoring and delivery function reads it: a parsed {@link Quiz}
 * or one written `as const` (a built-in module's), readonly all the way down.
 * It is `DeepReadonly<Quiz>` under a name, so signatures link here instead of
 * spelling the whole shape out.
 *
 * @example
 * ```ts
 * import type { ReadonlyQuiz } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz: ReadonlyQuiz = northKoreaChina.quizzes[1];
 * quiz.questions.length; //=> 9
 * ```
 */
export interface ReadonlyQuiz extends DeepReadonly<Quiz> {}

/**
 * A module as every delivery function reads it: a parsed {@link Module} or a
 * built-in one written `as const`. It is `DeepReadonly<Module>` under a name.
 *
 * @example
 * ```ts
 * import type { ReadonlyModule } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const module: ReadonlyModule = northKoreaChina;
 * module.quizzes.length; //=> 2
 * ```
 */
export interface ReadonlyModule extends DeepReadonly<Module> {}

/**
 * A {@link SingleChoiceQuestion}, readonly all the way down.
 *
 * @example
 * ```ts
 * import type { ReadonlySingleChoiceQuestion } from 'quizkit';
 * const optionIds = (question: ReadonlySingleChoiceQuestion) => question.options.map((option) => option.id);
 * ```
 */
export interface ReadonlySingleChoiceQuestion extends DeepReadonly<SingleChoiceQuestion> {}

/**
 * A {@link MultipleChoiceQuestion}, readonly all the way down.
 *
 * @example
 * ```ts
 * import type { ReadonlyMultipleChoiceQuestion } from 'quizkit';
 * const rightOnes = (question: ReadonlyMultipleChoiceQuestion) => question.options.filter((option) => option.correct);
 * ```
 */
export interface ReadonlyMultipleChoiceQuestion extends DeepReadonly<MultipleChoiceQuestion> {}

/**
 * An {@link OrderingQuestion}, readonly all the way down.
 *
 * @example
 * ```ts
 * import type { ReadonlyOrderingQuestion } from 'quizkit';
 * const firstItem = (question: ReadonlyOrderingQuestion) => question.correctOrder[0];
 * ```
 */
export interface ReadonlyOrderingQuestion extends DeepReadonly<OrderingQuestion> {}

/**
 * A {@link MatchingQuestion}, readonly all the way down.
 *
 * @example
 * ```ts
 * import type { ReadonlyMatchingQuestion } from 'quizkit';
 * const actorNames = (question: ReadonlyMatchingQuestion) => question.actors.map((actor) => actor.name);
 * ```
 */
export interface ReadonlyMatchingQuestion extends DeepReadonly<MatchingQuestion> {}

/**
 * A question as every scoring and delivery function reads it: a parsed
 * {@link Question} or one written `as const`, readonly all the way down. It is
 * `DeepReadonly<Question>` under a name, one readonly interface per question type.
 *
 * @example
 * ```ts
 * import type { ReadonlyQuestion } from 'quizkit';
 * import { northKoreaChina } from 'quizkit/modules';
 * const question: ReadonlyQuestion = northKoreaChina.quizzes[0].questions[0];
 * question.type; //=> 'single-choice'
 * ```
 */
export type ReadonlyQuestion =
  | ReadonlySingleChoiceQuestion
  | ReadonlyMultipleChoiceQuestion
  | ReadonlyOrderingQuestion
  | ReadonlyMatchingQuestion;

// `Question` is written as a union of named interfaces; it must stay exactly what
// `QuestionSchema` parses. Either direction failing is a compile error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
type QuestionMatchesSchema = Holds<Same<Question, z.output<typeof QuestionSchema>>>;
