import type { DeepReadonly, QuestionType, ReadonlyQuestion } from '../schema/types.js';
import type { QuestionOf } from '../scoring/types.js';
import { shuffleByKey } from './prng.js';

/**
 * The order in which a question's parts are shown in one attempt, as id lists:
 * `options` for single- and multiple-choice, `items` for ordering, and
 * `statements` and `actors` for matching.
 *
 * @example
 * ```ts
 * import type { PresentationOrder } from 'quizkit/attempts';
 * const order: PresentationOrder = { type: 'ordering', items: ['c', 'a', 'b'] };
 * ```
 */
export type PresentationOrder =
  | { readonly type: 'single-choice'; readonly options: readonly string[] }
  | { readonly type: 'multiple-choice'; readonly options: readonly string[] }
  | { readonly type: 'ordering'; readonly items: readonly string[] }
  | { readonly type: 'matching'; readonly statements: readonly string[]; readonly actors: readonly string[] };

type OrderOf<T extends QuestionType> = Extract<PresentationOrder, { type: T }>;
type Orderer<T extends QuestionType> = (question: DeepReadonly<QuestionOf<T>>, key: (list: string) => string) => OrderOf<T>;

const ids = (list: readonly { readonly id: string }[]) => list.map((entry) => entry.id);

/** The one place that dispatches on question type for presentation order. */
const orderers = {
  'single-choice': (question, key) => ({ type: 'single-choice', options: shuffleByKey(ids(question.options), key('options')) }),
  'multiple-choice': (question, key) => ({ type: 'multiple-choice', options: shuffleByKey(ids(question.options), key('options')) }),
  // Every order is equally likely, the correct one included: an order that
  // avoided the key would reveal it (the one order never shown). A starting
  // order the learner never touched is unanswered and earns nothing.
  ordering: (question, key) => ({ type: 'ordering', items: shuffleByKey(ids(question.items), key('items')) }),
  matching: (question, key) => ({
    type: 'matching',
    statements: shuffleByKey(ids(question.statements), key('statements')),
    actors: shuffleByKey(ids(question.actors), key('actors')),
  }),
} satisfies { [T in QuestionType]: Orderer<T> };

/**
 * The order in which an attempt shows a question's options, items,
 * statements and actors, derived from the attempt's seed, the quiz id and the
 * question id — so nothing about order is stored, and every machine shows the
 * same order for the same attempt.
 *
 * Each list is shuffled with Fisher–Yates driven by mulberry32, seeded by the
 * cyrb53 hash of `` `${seed}:${quizId}:${questionId}:${list}` `` where `list`
 * is `options`, `items`, `statements` or `actors` (see `docs/delivery.md`).
 * The order never depends on the answer key: every permutation is equally
 * likely, so seeing many attempts' orders reveals nothing about the key. An
 * ordering question may therefore start in its correct order; left untouched
 * it is unanswered and earns nothing.
 *
 * @param seed - The attempt's seed.
 * @param quizId - The quiz's id.
 * @param question - The question.
 * @returns The ids in presentation order.
 *
 * @example
 * ```ts
 * import { presentationOrder } from 'quizkit/attempts';
 * import { northKoreaChina } from 'quizkit/modules';
 * const quiz = northKoreaChina.quizzes[0];
 * const question = quiz.questions[5]; // 'order-summit-meeting-anniversary', an ordering question
 * question.correctOrder; //=> ['kim-xi-summit', 'ministers-meet', 'party-anniversary']
 * presentationOrder('seed-1', quiz.id, question); //=> { type: 'ordering', items: ['kim-xi-summit', 'party-anniversary', 'ministers-meet'] }
 * ```
 */
export function presentationOrder(seed: string, quizId: string, question: ReadonlyQuestion): PresentationOrder {
  const key = (list: string) => `${seed}:${quizId}:${question.id}:${list}`;
  const order = orderers[question.type] as Orderer<QuestionType>;
  return order(question as DeepReadonly<QuestionOf<QuestionType>>, key);
}
