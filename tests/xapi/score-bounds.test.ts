// Fixes #13.11: a rounded xAPI score must stay within its own bounds.
import fc from 'fast-check';
import { type Fraction, scoreQuestion } from 'quizkit';
import { answer, startAttempt, submitAttempt, type Attempt } from 'quizkit/attempts';
import { QuizSchema } from 'quizkit/schema';
import { attemptStatements } from 'quizkit/xapi';
import { describe, expect, it } from 'vitest';
import { scaledDecimal } from '../../src/xapi/format.js';
import { lowestFraction } from '../../src/xapi/interactions.js';
import { authored, questionInput, responseTo } from '../helpers/arbitraries.js';
import { OPTIONS, START, verbName, xapiWarnings } from './checks.js';

/** A decimal number as the exact fraction it denotes (JSON numbers are decimals). */
function exact(value: number): { n: bigint; d: bigint } {
  const [mantissa, exponent = '0'] = String(value).split('e');
  const [whole, part = ''] = mantissa!.split('.');
  const places = part.length - Number(exponent);
  const n = BigInt(`${whole}${part}`.replace(/^(-?)0+(?=\d)/, '$1'));
  return places >= 0 ? { n, d: 10n ** BigInt(places) } : { n: n * 10n ** BigInt(-places), d: 1n };
}
/** Sign of a − b for a decimal a and an exact fraction b. */
const cmp = (a: number, b: Fraction): number => {
  const x = exact(a);
  const diff = x.n * BigInt(b.d) - BigInt(b.n) * x.d;
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
};

const GUESSING_QUIZ = QuizSchema.parse({
  id: 'quiz',
  title: 'Quiz',
  questions: [
    authored({
      type: 'single-choice',
      rule: { name: 'correction-for-guessing' },
      options: ['a', 'b', 'c', 'd'].map((id, index) => ({ id, text: id.toUpperCase(), ...(index === 0 ? { correct: true } : {}) })),
    }),
  ],
});

describe('issue #13.11: xAPI scaled score below its minimum', () => {
  it('scores a wrong correction-for-guessing answer −0.3333 (not −0.3334), within min ≤ raw ≤ max', () => {
    let attempt: Attempt = startAttempt(GUESSING_QUIZ, { seed: 's', now: START });
    attempt = answer(attempt, GUESSING_QUIZ, 'q', 'b', START + 1);
    const statements = attemptStatements(GUESSING_QUIZ, submitAttempt(attempt, GUESSING_QUIZ, START + 2), OPTIONS);
    const answered = statements.find((statement) => verbName(statement) === 'answered')!;
    expect(answered.result?.score).toEqual({ scaled: -0.3333, raw: -0.3333, min: -0.3333, max: 1 });
    expect(statements.map(xapiWarnings)).toEqual(statements.map(() => []));
  });

  it('floors a share that has room above its lowest value, and rounds toward zero only where flooring would pass it', () => {
    expect(scaledDecimal({ n: -1, d: 3 }, { n: -1, d: 3 }, 4)).toBe(-0.3333);
    expect(scaledDecimal({ n: -1, d: 3 }, { n: -1, d: 1 }, 4)).toBe(-0.3334);
    expect(scaledDecimal({ n: 2, d: 3 }, { n: -1, d: 3 }, 4)).toBe(0.6666);
    // Rounding toward zero at 4 places would give 0, which a pass mark of 0 would pass.
    expect(scaledDecimal({ n: -1, d: 30_000 }, { n: -1, d: 30_000 }, 4)).toBe(-0.00003);
  });
});

describe('scaledDecimal (property)', () => {
  // Shares in [−1, 1]: no rule takes more than the question's points away.
  const share = fc.integer({ min: 1, max: 2_000 }).chain((d) => fc.record({ n: fc.integer({ min: -d, max: d }), d: fc.constant(d) }));

  it('stays within [max(lowest, −1), 1], below the share, and keeps every threshold ≥ 0 of at most that many places', () => {
    fc.assert(
      fc.property(share, share, fc.integer({ min: 4, max: 8 }), fc.integer({ min: 0, max: 10_000 }), (a, b, decimals, t) => {
        // lowest ≤ x ≤ 1 with lowest ≤ 0, as for any question or quiz.
        const [x, lowest] = [a, b]
          .sort((p, q) => p.n * q.d - q.n * p.d)
          .reverse();
        const low = lowest!.n > 0 ? { n: 0, d: 1 } : lowest!;
        const value = scaledDecimal(x!, low, decimals);
        expect(cmp(value, low)).toBeGreaterThanOrEqual(0);
        expect(value).toBeGreaterThanOrEqual(-1);
        expect(value).toBeLessThanOrEqual(1);
        // Never overstates a positive share; a negative one moves at most toward 0.
        if (x!.n >= 0) expect(cmp(value, x!)).toBeLessThanOrEqual(0);
        else expect(value).toBeLessThan(0);
        const threshold = { n: t, d: 10_000 };
        expect(cmp(value, threshold) >= 0).toBe(x!.n * 10_000 >= t * x!.d);
      }),
      { seed: 1234, numRuns: 2_000 },
    );
  });

  it('gives every statement of random attempts at random quizzes min ≤ raw ≤ max, lowest ≤ scaled ≤ 1, and a valid statement', () => {
    fc.assert(
      fc.property(
        fc.array(questionInput, { minLength: 1, maxLength: 4 }).chain((inputs) =>
          fc.integer({ min: 0, max: 100 }).chain((passMark) => {
            const quiz = QuizSchema.parse({ id: 'quiz', title: 'Quiz', passMark, questions: inputs.map((input, index) => authored(input, `q${index}`)) });
            return fc.tuple(fc.constant(quiz), fc.tuple(...quiz.questions.map((question) => responseTo(question))));
          }),
        ),
        ([quiz, responses]) => {
          let attempt: Attempt = startAttempt(quiz, { seed: 's', now: START });
          quiz.questions.forEach((question, index) => {
            try {
              attempt = answer(attempt, quiz, question.id, responses[index], START + index + 1);
            } catch {
              // a response `answer` refuses is simply not recorded
            }
          });
          const submitted = submitAttempt(attempt, quiz, START + 10_000);
          for (const statement of attemptStatements(quiz, submitted, OPTIONS)) {
            expect(xapiWarnings(statement)).toEqual([]);
            const score = statement.result?.score;
            if (!score) continue;
            expect(-1 <= score.scaled! && score.scaled! <= 1).toBe(true);
            if (score.raw !== undefined) expect(score.min! <= score.raw && score.raw <= score.max!).toBe(true);
            if (verbName(statement) === 'answered') {
              const question = quiz.questions.find((q) => statement.object.id.endsWith(`/questions/${q.id}`))!;
              // The lowest share of the question's points; scaled never falls below it.
              expect(cmp(score.scaled!, lowestFraction(question))).toBeGreaterThanOrEqual(0);
              const result = scoreQuestion(question, responses[quiz.questions.indexOf(question)]);
              if (result.earned.n >= 0) expect(cmp(score.scaled!, { n: result.earned.n * result.possible.d, d: result.earned.d * result.possible.n })).toBeLessThanOrEqual(0);
            } else if (verbName(statement) === 'passed' || verbName(statement) === 'failed') {
              expect(cmp(score.scaled!, { n: submitted.result.passMark.n, d: submitted.result.passMark.d * 100 }) >= 0).toBe(submitted.result.passed);
            }
          }
        },
      ),
      { seed: 1234, numRuns: 150 },
    );
  });
});
