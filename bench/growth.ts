/**
 * How cost grows: scoring one ordering question as its item count n grows
 * (the subsequence rules should be O(n log n)), and validating a quiz as its
 * question count grows (should be linear).
 */
import { type DeepReadonly, type OrderingQuestion, scoreQuestion } from '../dist/index.js';
import { safeParseQuiz } from '../dist/schema.js';
// The rule alone is internal, so it comes from the source (run through tsx).
import { measureOrdering } from '../src/questions/ordering/measures.js';
import { type Contender, fmt, interleave, sink, table } from './harness.js';
import { mulberry32, shuffled } from './prng.js';
import { bigQuizInput } from './quiz.js';

const RULES = ['longest-ordered-subsequence', 'longest-consecutive-run', 'pairwise-order'] as const;

/**
 * A parsed ordering question of n items. Built directly, not through
 * `parseQuiz`, because the schema caps an ordering at `LIMITS.itemsPerOrdering`
 * items; the scorer itself has no cap, and this is what the growth shows.
 */
function orderingQuestion(n: number, rule: (typeof RULES)[number]): DeepReadonly<OrderingQuestion> {
  const ids = Array.from({ length: n }, (_, i) => `item-${i}`);
  return {
    id: `order-${n}`,
    type: 'ordering',
    prompt: 'Put these in order.',
    points: { n: 1, d: 1 },
    explanation: 'Generated.',
    source: { section: 's', quote: 'q' },
    objectives: [],
    items: ids.map((id) => ({ id, text: id })),
    correctOrder: ids,
    rule: { name: rule },
  };
}

export function runGrowth({ quick }: { quick: boolean }): string {
  const out: string[] = [];
  const sizes = [10, 100, 1_000, 10_000];
  const rounds = quick ? 3 : 5;
  const targetMs = quick ? 60 : 150;

  // Every (rule, n) pair, whole call and rule alone, interleaved round by round
  // so that load from other processes spreads over all sizes alike.
  const cases = RULES.flatMap((rule) =>
    sizes.map((n) => {
      const question = orderingQuestion(n, rule);
      // A random order: a long but far from complete ordered subsequence (about 2√n),
      // every item a few positions off; the hard case for the subsequence searches.
      const response = shuffled(mulberry32(n), question.correctOrder);
      const positions = response.map((id) => Number(id.slice('item-'.length)));
      return { rule, n, question, response, positions };
    }),
  );
  const failures = new Map<string, string>();
  for (const { rule, question, response } of cases) {
    try {
      scoreQuestion(question, response);
    } catch (error) {
      failures.set(rule, error instanceof Error ? error.message : String(error));
    }
  }
  const runnable = cases.filter(({ rule }) => !failures.has(rule));
  const contenders: Contender[] = runnable.flatMap(({ rule, n, question, response, positions }) => [
    { name: `${rule} ${n} whole`, units: 1, pass: () => void (sink.value += scoreQuestion(question, response).fraction.n) },
    { name: `${rule} ${n} rule`, units: 1, pass: () => void (sink.value += measureOrdering(rule, positions).fraction.n) },
  ]);
  const measured = interleave(contenders, rounds, targetMs);
  const rows = runnable.map(({ rule, n }, c) => {
    const whole = 1e6 / measured[2 * c]!.median;
    const measure = 1e6 / measured[2 * c + 1]!.median;
    const nlogn = n * Math.log2(n);
    return [rule, fmt(n), fmt(whole), fmt((whole * 1000) / nlogn), fmt(measure), fmt((measure * 1000) / nlogn)];
  });
  for (const [rule, failure] of failures) rows.push([rule, '', `fails: ${failure}`, '', '', '']);
  out.push(
    'Scoring one ordering question of n items (a seeded random order). `scoreQuestion` includes the response check and the',
    'per-item parts; "rule only" is `measureOrdering` on item positions. A flat ns/(n·log₂n) column means O(n log n).',
    '',
    table(['rule', 'n', 'scoreQuestion µs', 'ns/(n·log₂n)', 'rule only µs', 'ns/(n·log₂n) '], rows),
  );

  const quizSizes = [10, 25, 50, 100, 200];
  const quizzes = quizSizes.map((count) => {
    const input = bigQuizInput(count);
    const check = safeParseQuiz(input);
    if (!check.success) throw new Error(`generated quiz of ${count} questions is invalid: ${JSON.stringify(check.issues[0])}`);
    return { count, input };
  });
  const validation = interleave(
    quizzes.map(({ count, input }) => ({
      name: String(count),
      units: count,
      pass: () => void (sink.value += safeParseQuiz(input).success ? 1 : 0),
    })),
    rounds,
    targetMs,
  );
  out.push(
    '',
    'Validating a quiz (`safeParseQuiz`) as it grows: the 10 questions repeated with fresh ids (200 is `LIMITS.questionsPerQuiz`).',
    'A flat µs/question column means linear.',
    '',
    table(
      ['questions', 'µs per quiz', 'µs per question'],
      quizzes.map(({ count }, i) => [fmt(count), fmt((1e6 * count) / validation[i]!.median), fmt(1e6 / validation[i]!.median)]),
    ),
  );
  return out.join('\n');
}
