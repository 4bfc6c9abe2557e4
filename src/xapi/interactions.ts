import { type Fraction, ZERO, compare } from '../fraction/fraction.js';
import type { DeepReadonly, QuestionType, ReadonlyModule, ReadonlyQuestion, ReadonlyQuiz } from '../schema/types.js';
import { checkWith, keyOf } from '../scoring/registry.js';
import { scoreQuestion } from '../scoring/score.js';
import type { QuestionOf } from '../scoring/types.js';
import type { XapiActivity, XapiActivityDefinition, XapiInteractionComponent, XapiInteractionType } from './types.js';

type AnyQuestion = ReadonlyQuestion;
type AnyQuiz = ReadonlyQuiz;

export const ACTIVITY_TYPES = {
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

/** What `checkResponse` hands a question type's scorer: the response, checked and normalised. */
interface CheckedValues {
  'single-choice': string;
  'multiple-choice': ReadonlySet<string>;
  ordering: readonly string[];
  matching: ReadonlyMap<string, string | null>;
}

type Components = Pick<XapiActivityDefinition, 'choices' | 'source' | 'target'>;

interface Interaction<T extends QuestionType> {
  readonly type: XapiInteractionType;
  components(question: DeepReadonly<QuestionOf<T>>, text: Text): Components;
  encode(question: DeepReadonly<QuestionOf<T>>, value: CheckedValues[T]): string;
  /** The lowest share of credit a response can earn (0 unless a rule can go negative). */
  lowest(question: DeepReadonly<QuestionOf<T>>): Fraction;
}

const ITEM = '[,]';
const PAIR = '[.]';

type Text = (value: string) => XapiInteractionComponent['description'];
const component = (id: string, value: string, text: Text): XapiInteractionComponent => ({ id, description: text(value) });

const nothingBelowZero = () => ZERO;

/**
 * The one place that dispatches on question type for xAPI. Choice sets and
 * matching pairs are written in authored order (options, statements), so the
 * same answer always gives the same string; an ordering keeps the learner's order.
 */
const interactions = {
  'single-choice': {
    type: 'choice',
    components: (question, text) => ({ choices: question.options.map((option) => component(option.id, option.text, text)) }),
    encode: (_question, chosen) => chosen,
    // Under `option-credit` an option may carry negative credit, and
    // `correction-for-guessing` takes 1/(k−1) for a wrong answer: score each option.
    lowest: (question) =>
      question.options.reduce<Fraction>((low, option) => {
        const { fraction } = scoreQuestion(question, option.id);
        return compare(fraction, low) < 0 ? fraction : low;
      }, ZERO),
  },
  'multiple-choice': {
    type: 'choice',
    components: (question, text) => ({ choices: question.options.map((option) => component(option.id, option.text, text)) }),
    encode: (question, chosen) =>
      question.options
        .filter((option) => chosen.has(option.id))
        .map((option) => option.id)
        .join(ITEM),
    // Every multiple-choice rule is clamped or floored at 0 (docs/scoring.md).
    lowest: nothingBelowZero,
  },
  ordering: {
    type: 'sequencing',
    components: (question, text) => ({ choices: question.items.map((item) => component(item.id, item.text, text)) }),
    encode: (_question, order) => order.join(ITEM),
    lowest: nothingBelowZero,
  },
  matching: {
    type: 'matching',
    components: (question, text) => ({
      source: question.statements.map((statement) => component(statement.id, statement.text, text)),
      target: question.actors.map((actor) => component(actor.id, actor.name, text)),
    }),
    // "None of these" (null) and an unanswered statement are both written as no pair.
    encode: (question, answers) =>
      question.statements
        .flatMap((statement) => {
          const actor = answers.get(statement.id);
          return actor ? [`${statement.id}${PAIR}${actor}`] : [];
        })
        .join(ITEM),
    lowest: nothingBelowZero,
  },
} satisfies { [T in QuestionType]: Interaction<T> };

const interactionOf = (question: AnyQuestion) => interactions[question.type] as unknown as Interaction<QuestionType>;

/**
 * A learner's response to a question in the xAPI 1.0.3 response-pattern
 * syntax, which SCORM 2004's `learner_response` shares: `choice` → option ids
 * joined by `[,]` in authored order (one id alone for single choice);
 * `sequencing` → item ids in the learner's order joined by `[,]`; `matching` →
 * `statement[.]actor` pairs joined by `[,]`, in authored statement order, with
 * no pair for a statement left unmatched or answered "none of these".
 * Ids need no escaping: the schema keeps them to letters, digits, `_` and `-`.
 *
 * @param question - The question.
 * @param response - The learner's response, untrusted.
 * @returns The pattern string, or `undefined` when the response is missing, counts as no answer, or is malformed.
 *
 * @example
 * ```ts
 * import { xapiResponse } from 'quizkit/xapi';
 * import { northKoreaChina } from 'quizkit/modules';
 * const [, whoIsWho, parade] = northKoreaChina.quizzes[0].questions;
 * xapiResponse(parade, ['putin', 'kim']); //=> 'kim[,]putin'
 * xapiResponse(whoIsWho, { 'chinese-president': 'xi', 'north-korean-leader': 'kim' }); //=> 'north-korean-leader[.]kim[,]chinese-president[.]xi'
 * xapiResponse(parade, ['nobody']); //=> undefined
 * ```
 */
export function xapiResponse(question: ReadonlyQuestion, response: unknown): string | undefined {
  const checked = checkWith(question, response, [question.id]);
  return checked.kind === 'answered' ? interactionOf(question).encode(question, checked.value as never) : undefined;
}

/** The lowest share of credit a response to the question can earn. */
export function lowestFraction(question: AnyQuestion): Fraction {
  return interactionOf(question).lowest(question);
}

/** Checked, normalised activity-id options shared by the builders. */
export interface ActivityIds {
  readonly base: string;
  readonly language: string;
}

export const quizIri = (ids: ActivityIds, quiz: AnyQuiz) => `${ids.base}/quizzes/${quiz.id}`;
export const questionIri = (ids: ActivityIds, quiz: AnyQuiz, question: AnyQuestion) => `${quizIri(ids, quiz)}/questions/${question.id}`;

/** The activity of a quiz: an assessment named by its title. */
export function quizActivity(ids: ActivityIds, quiz: AnyQuiz): XapiActivity {
  const text = (value: string) => ({ [ids.language]: value });
  return {
    objectType: 'Activity',
    id: quizIri(ids, quiz),
    definition: {
      type: ACTIVITY_TYPES.assessment,
      name: text(quiz.title),
      ...(quiz.description === undefined ? {} : { description: text(quiz.description) }),
    },
  };
}

/** The activity of a question: a `cmi.interaction` with its components and the full-credit pattern. */
export function questionActivity(ids: ActivityIds, quiz: AnyQuiz, question: AnyQuestion): XapiActivity {
  const text = (value: string) => ({ [ids.language]: value });
  const interaction = interactionOf(question);
  return {
    objectType: 'Activity',
    id: questionIri(ids, quiz, question),
    definition: {
      type: ACTIVITY_TYPES.interaction,
      name: text(question.prompt),
      description: text(question.prompt),
      interactionType: interaction.type,
      correctResponsesPattern: [xapiResponse(question, keyOf(question)) ?? ''],
      ...interaction.components(question, text),
    },
  };
}

/** Every activity of a module: each quiz, then its questions. */
export function moduleActivities(ids: ActivityIds, module: ReadonlyModule): XapiActivity[] {
  return module.quizzes.flatMap((quiz) => [quizActivity(ids, quiz), ...quiz.questions.map((question) => questionActivity(ids, quiz, question))]);
}
