import type { Question, QuestionType } from '../schema/types.js';

/**
 * A single-choice response: the chosen option's id.
 *
 * @example
 * ```ts
 * import type { SingleChoiceResponse } from 'quizkit';
 * const answer: SingleChoiceResponse = 'beijing';
 * ```
 */
export type SingleChoiceResponse<Id extends string = string> = Id;

/**
 * A multiple-choice response: the chosen option ids, in any order.
 *
 * @example
 * ```ts
 * import type { MultipleChoiceResponse } from 'quizkit';
 * const answer: MultipleChoiceResponse = ['kim', 'putin'];
 * ```
 */
export type MultipleChoiceResponse<Id extends string = string> = readonly Id[];

/**
 * An ordering response: every item id once, in the learner's order.
 *
 * @example
 * ```ts
 * import type { OrderingResponse } from 'quizkit';
 * const answer: OrderingResponse = ['summit', 'meeting'];
 * ```
 */
export type OrderingResponse<Id extends string = string> = readonly Id[];

/**
 * A matching response: statement id → actor id, or `null` for an explicit
 * "none of these" (where the question allows it). A missing statement is unanswered.
 *
 * @example
 * ```ts
 * import type { MatchingResponse } from 'quizkit';
 * const answer: MatchingResponse = { s1: 'choe', s2: 'wang' };
 * ```
 */
export type MatchingResponse<StatementId extends string = string, ActorId extends string = string> = {
  readonly [S in StatementId]?: ActorId | null;
};

/** The ids in a list of `{ id }` objects, as a union of literals when the list is `as const`. */
type IdsOf<L> = L extends readonly { readonly id: infer I extends string }[] ? I : string;

/**
 * The response type a question takes. With a question typed `as const`, option,
 * item, statement and actor ids are checked at compile time.
 *
 * @example
 * ```ts
 * import type { ResponseFor, OrderingQuestion } from 'quizkit';
 * const answer: ResponseFor<OrderingQuestion> = ['a', 'b'];
 * ```
 */
export type ResponseFor<Q extends { readonly type: QuestionType }> = Q extends { readonly type: 'single-choice'; readonly options: infer O }
  ? SingleChoiceResponse<IdsOf<O>>
  : Q extends { readonly type: 'multiple-choice'; readonly options: infer O }
    ? MultipleChoiceResponse<IdsOf<O>>
    : Q extends { readonly type: 'ordering'; readonly items: infer I }
      ? OrderingResponse<IdsOf<I>>
      : Q extends { readonly type: 'matching'; readonly statements: infer S; readonly actors: infer A }
        ? MatchingResponse<IdsOf<S>, IdsOf<A>>
        : never;

/**
 * A learner's responses to a quiz, keyed by question id. For a quiz typed
 * `as const` (as the built-in modules are), a misspelled question id or a
 * wrong response shape is a compile error.
 *
 * @example
 * ```ts
 * import type { Responses, Quiz } from 'quizkit';
 * const answers: Responses<Quiz> = { q1: 'beijing', q2: ['kim', 'xi'] };
 * ```
 */
export type Responses<Q extends { readonly questions: readonly { readonly id: string; readonly type: QuestionType }[] }> = {
  readonly [K in Q['questions'][number] as K['id']]?: ResponseFor<K>;
};

/**
 * Any response to any question: an option id, a list of ids, or a statement → actor record.
 *
 * @example
 * ```ts
 * import type { AnyResponse } from 'quizkit';
 * const responses: AnyResponse[] = ['beijing', ['kim', 'xi'], { s1: 'choe' }];
 * ```
 */
export type AnyResponse = ResponseFor<Question>;
