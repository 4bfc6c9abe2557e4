/**
 * How cost grows: scoring one ordering question as its item count n grows
 * (the subsequence rules should be O(n log n)), and validating a quiz as its
 * question count grows (should be linear).
 */
import { type DeepReadonly, type OrderingQuestion, type Quiz, compileQuiz, scoreQuestion, scoreQuiz } from '../dist/index.js';
import { parseQuiz, safeParseQuiz } from '../dist/schema.js';
// The rule alone is internal, so it comes from the source (run through tsx).
import { measureOrdering } from '../src/questions/ordering/measures.js';
import { type Contender, fmt, interleave, sink, table } from './harness.js';
import { mulberry32, shuffled } from './prng.js';
import { bigQuizInput, nearMissAttempts, quizInput } from './quiz.js';

const RULES = ['longest-ordered-subsequence', 'longest-consecutive-run', 'pairwise-order', 'exact-position'] as const;

/** Freezes a hand-built object deeply, as a parse does, so compileQuiz caches its plan. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A one-question quiz around `question`, frozen. */
const quizAround = (question: DeepReadonly<OrderingQuestion>): Quiz =>
  deepFreeze({ id: 'growth', title: 'Growth', passMark: { n: 50, d: 1 }, questions: [question] } as unknown as Quiz);

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
  const contenders: Contender[] = runnable.flatMap(({ rule, n, question, response, positions }) => {
    const plan = compileQuiz(quizAround(question));
    const answers = { [question.id]: response };
    // One item left out: the incomplete-order check (issue #19: it was O(n²)).
    const incomplete = response.slice(1);
    return [
      { name: `${rule} ${n} whole`, units: 1, pass: () => void (sink.value += scoreQuestion(question, response).fraction.n) },
      { name: `${rule} ${n} rule`, units: 1, pass: () => void (sink.value += measureOrdering(rule, positions).fraction.n) },
      { name: `${rule} ${n} plan`, units: 1, pass: () => void (sink.value += plan.score(answers).earned.n) },
      { name: `${rule} ${n} incomplete`, units: 1, pass: () => void (sink.value += scoreQuestion(question, incomplete).issues.length) },
    ];
  });
  const measured = interleave(contenders, rounds, targetMs);
  const rows = runnable.map(({ rule, n }, c) => {
    const [whole, measure, plan, incomplete] = [0, 1, 2, 3].map((k) => 1e6 / measured[4 * c + k]!.median) as [number, number, number, number];
    const nlogn = n * Math.log2(n);
    return [rule, fmt(n), fmt(whole), fmt((whole * 1000) / nlogn), fmt(measure), fmt((measure * 1000) / nlogn), fmt(plan), fmt((plan * 1000) / nlogn), fmt(incomplete), fmt((incomplete * 1000) / n)];
  });
  for (const [rule, failure] of failures) rows.push([rule, '', `fails: ${failure}`, '', '', '', '', '', '', '']);
  out.push(
    'Scoring one ordering question of n items (a seeded random order). `scoreQuestion` includes the response check and the',
    'per-item parts; "rule only" is `measureOrdering` on item positions; "plan" is `compileQuiz(…).score` (check and integer',
    'tally, no parts); "incomplete" is `scoreQuestion` on the order with its first item left out (an `incomplete_order` issue).',
    'A flat ns/(n·log₂n) column means O(n log n); a flat ns/n column means linear.',
    '',
    table(['rule', 'n', 'scoreQuestion µs', 'ns/(n·log₂n)', 'rule only µs', 'ns/(n·log₂n) ', 'plan µs', 'ns/(n·log₂n)  ', 'incomplete µs', 'ns/n'], rows),
  );

  // Whole quizzes of 10, 100 and 1,000 questions: the bench quiz's 10 questions repeated with fresh ids
  // (built directly and frozen: the schema caps a quiz at 200 questions; the scorer has no cap).
  const base = parseQuiz(quizInput());
  const scoring = [10, 100, 1_000].map((count) => {
    const quiz = deepFreeze({
      ...base,
      id: `quiz-${count}`,
      questions: Array.from({ length: count }, (_, i) => ({ ...base.questions[i % base.questions.length]!, id: `${base.questions[i % base.questions.length]!.id}-${i}` })),
    }) as Quiz;
    const attempts = nearMissAttempts(quiz, 50);
    const plan = compileQuiz(quiz);
    return { count, quiz, attempts, plan };
  });
  const quizScoring = interleave(
    scoring.flatMap(({ count, quiz, attempts, plan }) => [
      { name: `plan ${count}`, units: attempts.length, pass: () => { for (const attempt of attempts) sink.value += plan.score(attempt).earned.n; } },
      { name: `scoreQuiz ${count}`, units: attempts.length, pass: () => { for (const attempt of attempts) sink.value += scoreQuiz(quiz, attempt).earned.n; } },
    ]),
    rounds,
    targetMs,
  );
  out.push(
    '',
    'Scoring whole quizzes as they grow (50 seeded near-miss attempts each). A flat µs/question column means linear.',
    '',
    table(
      ['questions', 'plan µs/attempt', 'plan µs/question', 'scoreQuiz µs/attempt', 'scoreQuiz µs/question'],
      scoring.map(({ count }, i) => {
        const plan = 1e6 / quizScoring[2 * i]!.median;
        const whole = 1e6 / quizScoring[2 * i + 1]!.median;
        return [fmt(count), fmt(plan), fmt(plan / count), fmt(whole), fmt(whole / count)];
      }),
    ),
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
