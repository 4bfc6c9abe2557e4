import { type Fraction, ONE, ZERO, compare, equals, multiply } from '../fraction/fraction.js';
import type { Behaviour, DeepReadonly, MatchingQuestion, Question } from '../schema/types.js';
import { scoreQuestion } from '../scoring/score.js';
import type { QuestionResult } from '../scoring/types.js';
import { cbmMark } from './cbm.js';
import { countbackFraction } from './countback.js';
import { DEFAULT_PENALTY, atLeastZero, larger, penalised } from './penalties.js';
import type { BehaviourResult, Certainty, ScoreTriesOptions, Try, TryMark } from './types.js';


type Marked = Omit<BehaviourResult, 'questionId' | 'behaviour' | 'earned' | 'possible' | 'last'>;

const DEFERRED: Behaviour = { name: 'deferred' };
const isRight = (result: QuestionResult) => equals(result.fraction, ONE);
const ignoredAfter = (results: readonly QuestionResult[], from: number): TryMark[] =>
  results.slice(from).map((result) => ({ raw: result.fraction, penalty: ZERO, mark: ZERO, counted: false, ignored: true }));

/**
 * Marks a question from the tries a learner made at it, under a behaviour
 * (Moodle's question behaviours; docs/scoring.md, "Behaviours", states each
 * formula with the Moodle method it equals). Each try is scored by the
 * question's rule (`scoreQuestion`), exactly; the behaviour then says which
 * try counts and what earlier tries cost:
 *
 * - `deferred`: the last try counts (the answer saved when the attempt ends);
 * - `immediate`: the first try counts; later ones are ignored;
 * - `interactive`: tries until one is right or `tries` are used; the try
 *   that ends the question counts, `max(0, raw − penalty × tries before)`;
 *   left open when the attempt finishes, the last try counts less a penalty
 *   for every try made. With `countback`, a matching question is marked per
 *   statement by the last try it was wrong in;
 * - `adaptive`: every try counts `max(best so far, raw − penalty × tries before)`;
 *   a try that repeats the one before is not a new try;
 * - `deferred-cbm` / `immediate-cbm`: the last / first try, its fraction `f`
 *   scaled by the certainty `c` given: `f × c` when `f > 0`, else 0, −2 or −6.
 *
 * Pure: the tries are not changed, and nothing is remembered between calls.
 *
 * @param question - A parsed question.
 * @param tries - The tries, in the order they were made (untrusted responses).
 * @param options - The quiz's behaviour (used when the question has none of its own; default deferred) and whether the attempt has finished.
 * @returns The mark, every try's share of it, and whether the question takes more tries.
 *
 * @example
 * ```ts
 * import { scoreTries } from 'quizkit/behaviours';
 * import { QuestionSchema } from 'quizkit/schema';
 * const question = QuestionSchema.parse({
 *   id: 'capital', type: 'single-choice', prompt: 'Capital of China?', points: 3, explanation: 'Beijing.',
 *   source: { section: 's', quote: 'Beijing' },
 *   options: [{ id: 'beijing', text: 'Beijing', correct: true }, { id: 'shanghai', text: 'Shanghai' }],
 * });
 * // Moodle's walkthrough: wrong, then right, at penalty 1/3, on a 3-point question: exactly 2 points.
 * const marked = scoreTries(question, [{ response: 'shanghai' }, { response: 'beijing' }], { behaviour: { name: 'interactive', tries: 3 } });
 * [marked.earned, marked.tries.map((t) => t.counted)]; //=> [{ n: 2, d: 1 }, [false, true]]
 * // Certainty-based marking: right at certainty 3 is worth 3 times the points; wrong at 3 costs 6 times.
 * scoreTries(question, [{ response: 'beijing', certainty: 3 }], { behaviour: { name: 'immediate-cbm' } }).fraction; //=> { n: 3, d: 1 }
 * scoreTries(question, [{ response: 'shanghai', certainty: 3 }], { behaviour: { name: 'immediate-cbm' } }).fraction; //=> { n: -6, d: 1 }
 * ```
 */
export function scoreTries(question: DeepReadonly<Question>, tries: readonly Try[], options: ScoreTriesOptions = {}): BehaviourResult {
  // A question's own behaviour overrides its quiz's (issue #15: "a quiz, overridable per question").
  const behaviour = (question.behaviour ?? options.behaviour ?? DEFERRED) as Behaviour;
  const results = tries.map((attempt) => scoreQuestion(question, attempt.response));
  const certainties = tries.map((attempt) => certaintyOf(attempt.certainty));
  const marked = mark(behaviour, question, results, certainties, options.finished === true);
  const counted = marked.tries.findIndex((t) => t.counted);
  return {
    questionId: question.id,
    behaviour: behaviour.name,
    ...marked,
    earned: multiply(marked.fraction, question.points),
    possible: question.points,
    last: counted >= 0 ? results[counted] : results.at(-1),
  };
}

/** A certainty as given, or 1 (Moodle's default) for anything else. */
const certaintyOf = (value: unknown): Certainty => (value === 2 || value === 3 ? value : 1);

function mark(behaviour: Behaviour, question: DeepReadonly<Question>, results: readonly QuestionResult[], certainties: readonly Certainty[], attemptFinished: boolean): Marked {
  switch (behaviour.name) {
    case 'deferred':
      return single(results, results.length - 1, attemptFinished);
    case 'immediate':
      return single(results, 0, true);
    case 'deferred-cbm':
      return cbm(results, certainties, results.length - 1, attemptFinished);
    case 'immediate-cbm':
      return cbm(results, certainties, 0, true);
    case 'adaptive':
      return adaptive(results, behaviour.penalty ?? DEFAULT_PENALTY, attemptFinished);
    case 'interactive': {
      const allowed = behaviour.tries ?? (behaviour.hints?.length ?? 0) + 1;
      const countback = behaviour.countback === true && question.type === 'matching' ? (question as DeepReadonly<MatchingQuestion>) : undefined;
      return interactive(results, allowed, behaviour.penalty ?? DEFAULT_PENALTY, attemptFinished, countback);
    }
  }
}

/** One try counts (the one at `index`); any after it under `immediate` is ignored. */
function single(results: readonly QuestionResult[], index: number, finishesOnTry: boolean): Marked {
  if (results.length === 0) return { fraction: ZERO, tries: [], finished: false, triesLeft: 1 };
  const tries = results.map((result, i): TryMark => ({ raw: result.fraction, penalty: ZERO, mark: result.fraction, counted: i === index, ignored: i > index }));
  return { fraction: results[index]!.fraction, tries, finished: finishesOnTry, triesLeft: finishesOnTry ? 0 : 1 };
}

function cbm(results: readonly QuestionResult[], certainties: readonly Certainty[], index: number, finishesOnTry: boolean): Marked {
  if (results.length === 0) return { fraction: ZERO, tries: [], finished: false, triesLeft: 1 };
  const base = single(results, index, finishesOnTry);
  const accuracy = results[index]!.fraction;
  const certainty = certainties[index]!;
  const scaled = cbmMark(accuracy, certainty);
  const tries = base.tries.map((t, i) => (i === index ? { ...t, mark: scaled } : t));
  return { ...base, fraction: scaled, tries, accuracy, certainty };
}

function adaptive(results: readonly QuestionResult[], penalty: Fraction, attemptFinished: boolean): Marked {
  let best: Fraction = ZERO;
  let graded = 0;
  let bestIndex = -1;
  const tries = results.map((result, i): TryMark => {
    // Moodle's process_submit discards a response identical to the last graded one: no new try, no penalty.
    if (i > 0 && sameResponse(result, results[i - 1]!)) return { raw: result.fraction, penalty: ZERO, mark: best, counted: false, ignored: true };
    const { penalty: taken, mark } = penalised(result.fraction, penalty, graded);
    graded++;
    if (bestIndex < 0 || compare(mark, best) > 0) bestIndex = i;
    best = larger(best, mark);
    return { raw: result.fraction, penalty: taken, mark: best, counted: false, ignored: false };
  });
  const marked = tries.map((t, i) => (i === bestIndex ? { ...t, counted: true } : t));
  const right = results.some(isRight);
  return { fraction: best, tries: marked, finished: attemptFinished || right, triesLeft: attemptFinished || right ? 0 : Infinity };
}

function interactive(
  results: readonly QuestionResult[],
  allowed: number,
  penalty: Fraction,
  attemptFinished: boolean,
  countback: DeepReadonly<MatchingQuestion> | undefined,
): Marked {
  const ends = results.findIndex((result, i) => isRight(result) || i === allowed - 1);
  const used = ends >= 0 ? ends + 1 : results.length;
  const ignored = ignoredAfter(results, used);
  const finished = ends >= 0 || attemptFinished;
  const tries = results.slice(0, used).map((result, i): TryMark => {
    // Ended by its own try, a question is penalised for the tries before it; left open when the
    // attempt finishes, Moodle's process_finish penalises every try submitted (totaltries − triesleft).
    const before = ends >= 0 ? i : i + 1;
    const { penalty: taken, mark } = penalised(result.fraction, penalty, before);
    return { raw: result.fraction, penalty: taken, mark: atLeastZero(mark), counted: finished && i === used - 1, ignored: false };
  });
  if (!finished || used === 0) return { fraction: ZERO, tries: [...tries, ...ignored], finished: used === 0 ? attemptFinished : false, triesLeft: finished ? 0 : allowed - used };
  let fraction = tries[used - 1]!.mark;
  if (countback) {
    fraction = countbackFraction(countback, results.slice(0, used), penalty);
    tries[used - 1] = { ...tries[used - 1]!, mark: fraction };
  }
  return { fraction, tries: [...tries, ...ignored], finished: true, triesLeft: 0 };
}

/** Whether two scored tries gave the same response (the parts the learner chose, in order). */
function sameResponse(a: QuestionResult, b: QuestionResult): boolean {
  if (a.status !== b.status || a.parts.length !== b.parts.length) return false;
  return a.parts.every((part, i) => part.id === b.parts[i]!.id && part.response === b.parts[i]!.response);
}
