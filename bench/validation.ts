/**
 * Quiz-file validation throughput: 50-question quizzes per second through
 * `safeParseQuiz`, valid and with a handful of authoring mistakes.
 */
import { safeParseQuiz } from '../dist/schema.js';
import { type Contender, fmt, interleave, sink, table } from './harness.js';
import { bigQuizInput } from './quiz.js';

/** The same quiz with five authoring mistakes spread through it. */
function withMistakes(count: number): unknown {
  const quiz = structuredClone(bigQuizInput(count)) as { questions: Record<string, unknown>[] };
  quiz.questions[3]!['id'] = 'bad id';
  quiz.questions[11]!['points'] = -1;
  delete quiz.questions[17]!['prompt'];
  (quiz.questions[26] as { correctOrder: string[] }).correctOrder.pop();
  quiz.questions[40]!['colour'] = 'red';
  return quiz;
}

export function runValidation({ rounds, targetMs }: { rounds: number; targetMs: number }): string {
  const valid = bigQuizInput(50);
  const invalid = withMistakes(50);
  const ok = safeParseQuiz(valid);
  const bad = safeParseQuiz(invalid);
  if (!ok.success) throw new Error(`the 50-question quiz is invalid: ${JSON.stringify(ok.issues[0])}`);
  if (bad.success) throw new Error('the quiz with mistakes passed validation');
  const contenders: Contender[] = [
    { name: 'valid 50-question quiz', units: 1, pass: () => void (sink.value += safeParseQuiz(valid).success ? 1 : 0) },
    {
      name: `50-question quiz with ${bad.issues.length} issues`,
      units: 1,
      pass: () => void (sink.value += safeParseQuiz(invalid).success ? 1 : 0),
    },
  ];
  const measured = interleave(contenders, rounds, targetMs);
  return table(
    ['safeParseQuiz', 'quizzes/s (median)', 'min', 'max', 'µs/quiz'],
    measured.map((m) => [m.name, fmt(m.median), fmt(Math.min(...m.rates)), fmt(Math.max(...m.rates)), fmt(1e6 / m.median)]),
  );
}
