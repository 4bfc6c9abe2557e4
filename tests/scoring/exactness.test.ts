import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { checkResponse, checkResponses, correctResponses, scoreQuestion, scoreQuiz } from 'quizkit';
import { parseModuleSource } from 'quizkit/node';
import { RULE_NAMES, safeParseModule, safeParseQuiz, type Quiz } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE, items } from '../helpers/builders.js';

const MAX = Number.MAX_SAFE_INTEGER;
const PRIMES = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59];
/** Primes just under the billion that is the largest denominator an author may write. */
const BIG_PRIMES = [999_999_937, 999_999_929, 999_999_893, 999_999_883];

const quizOf = (questions: object[]) => ({
  id: 'quiz',
  title: 'Quiz',
  questions: questions.map((question, index) => ({ id: `q${index}`, ...BOILERPLATE, ...question })),
});

const single = (extra: object = {}) => ({
  type: 'single-choice',
  options: [
    { id: 'a', text: 'A', correct: true },
    { id: 'b', text: 'B' },
  ],
  ...extra,
});

const weighted = (credits: string[]) => ({
  type: 'multiple-choice',
  rule: { name: 'weighted-credit' },
  options: [...credits.map((credit, i) => ({ id: `o${i}`, text: `O${i}`, correct: true, credit })), { id: 'wrong', text: 'W' }],
});

const issuesOf = (input: unknown) => {
  const result = safeParseQuiz(input);
  return result.success ? [] : result.issues.map((issue) => [issue.code, issue.path]);
};

describe('issue #13.3: large denominators are refused at validation, never a throw after', () => {
  it('refuses credits 1/9007199254740991 and 1/9007199254740990 at each credit, without throwing', () => {
    const input = quizOf([weighted(['1/9007199254740991', '1/9007199254740990'])]);
    expect(() => safeParseQuiz(input)).not.toThrow();
    expect(issuesOf(input)).toEqual([
      ['invalid_number', ['questions', 0, 'options', 0, 'credit']],
      ['invalid_number', ['questions', 0, 'options', 1, 'credit']],
    ]);
  });

  it('sums credits with large coprime denominators without overflow (refused by the quiz bound, not a RangeError)', () => {
    const input = quizOf([weighted([`1/${BIG_PRIMES[0]}`, `1/${BIG_PRIMES[1]}`])]);
    expect(() => safeParseQuiz(input)).not.toThrow();
    const codes = issuesOf(input).map(([code]) => code);
    expect(codes).toContain('credit_out_of_range');
  });

  it('refuses points 1/7, 1/11, …, 1/59 at the question that pushes the common denominator too far', () => {
    const input = quizOf(PRIMES.map((p) => single({ points: `1/${p}` })));
    const result = safeParseQuiz(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    // 7·11·…·41 = 1.0e13 ≤ budget; with 43 it is 4.4e14 > (2^53−1) / (100 × ⌈Σ points⌉ = 100) = 9.0e13.
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([['limit_exceeded', ['questions', 10]]]);
    expect(result.issues[0]?.message).toMatch(/cannot be kept exact/);
  });

  it('accepts the first ten of those, and scores them exactly on every response', () => {
    const result = safeParseQuiz(quizOf(PRIMES.slice(0, 10).map((p) => single({ points: `1/${p}` }))));
    expect(result.success).toBe(true);
    if (!result.success) return;
    const quiz = result.data;
    const full = scoreQuiz(quiz, correctResponses(quiz));
    expect(full.earned).toEqual(full.possible);
    expect(full.percent).toEqual({ n: 100, d: 1 });
    const half = scoreQuiz(quiz, Object.fromEntries(quiz.questions.map((q, i) => [q.id, i % 2 ? 'a' : 'b'])) as never);
    expect(Number.isSafeInteger(half.percent.n) && Number.isSafeInteger(half.percent.d)).toBe(true);
  });

  it('reports the bound at file:line:column through quizkit/node', () => {
    const yaml = readFileSync(new URL('../fixtures/valid-module.yaml', import.meta.url), 'utf8').replace(
      '        points: 2\n',
      '        points: "1/9007199254740991"\n',
    );
    const result = parseModuleSource(yaml, { file: 'm.yaml' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const issue = result.issues.find((i) => i.code === 'invalid_number');
    expect(issue).toMatchObject({ file: 'm.yaml', path: ['quizzes', 0, 'questions', 1, 'points'], line: 53 });
    expect(issue?.column).toBeGreaterThan(0);
  });
});

// Numbers as a hostile author writes them: small and huge ratios, primes near the limits, decimals.
const prime = fc.constantFrom(...PRIMES, ...BIG_PRIMES, 9_007_199_254_740_881, MAX, MAX - 1);
// Mostly plausible, so that many quizzes are accepted and scored; often hostile, so that many are refused.
const positive = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 1000 }), weight: 6 },
  { arbitrary: fc.constantFrom(0.1, 0.001, 2.5, '0.000000001', '1/3', '2/7', '5/12'), weight: 4 },
  { arbitrary: prime.map((p) => `1/${p}`), weight: 1 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 50 }), prime).map(([n, p]) => `${n}/${p}`), weight: 1 },
  { arbitrary: fc.constantFrom(`${MAX}/${MAX - 1}`, `${MAX + 2}/3`, '1/0', '-1/3', '1e3', `1/${'9'.repeat(30)}`), weight: 1 },
);
const credit = fc.oneof(positive, fc.constantFrom('-1/3', -0.5, 0, 1, `-1/${BIG_PRIMES[2]}`));
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const questionInput = fc.oneof(
  fc.record({ points: positive, credit, rule: fc.constantFrom(...RULE_NAMES['single-choice']), n: fc.integer({ min: 2, max: 20 }) }).map(({ points, credit, rule, n }) => ({
    type: 'single-choice',
    points,
    rule: { name: rule },
    options: ids('o', n).map((id, i) => ({ id, text: id, ...(i === 0 ? { correct: true } : i === 1 ? { credit } : {}) })),
  })),
  fc
    .record({ points: positive, credits: fc.array(credit, { minLength: 2, maxLength: 6 }), rule: fc.constantFrom(...RULE_NAMES['multiple-choice']) })
    .map(({ points, credits, rule }) => ({
      type: 'multiple-choice',
      points,
      rule: { name: rule },
      options: credits.map((c, i) => ({ id: `o${i}`, text: `O${i}`, correct: i % 2 === 0, credit: c })),
    })),
  fc.record({ points: positive, n: fc.integer({ min: 2, max: 50 }), rule: fc.constantFrom(...RULE_NAMES.ordering) }).map(({ points, n, rule }) => ({
    type: 'ordering',
    points,
    rule: { name: rule },
    items: ids('i', n).map((id) => ({ id, text: id })),
    correctOrder: ids('i', n),
  })),
  fc.record({ points: positive, weights: fc.array(positive, { minLength: 1, maxLength: 8 }), rule: fc.constantFrom(...RULE_NAMES.matching) }).map(({ points, weights, rule }) => ({
    type: 'matching',
    points,
    rule: { name: rule },
    actors: [
      { id: 'x', name: 'X' },
      { id: 'y', name: 'Y' },
    ],
    statements: weights.map((weight, i) => ({ id: `s${i}`, text: `S${i}`, actor: i % 2 ? 'x' : 'y', weight })),
  })),
);

const malformed = fc.oneof(
  fc.anything({ maxDepth: 2, withTypedArray: true, withMap: true, withSparseArray: true, withNullPrototype: true }),
  fc.array(fc.constantFrom('o0', 'o1', 'i0', 'i1', 'i2', 'zz', 's0'), { maxLength: 60 }),
  fc.dictionary(fc.constantFrom('s0', 's1', 's2', '__proto__', 'zz'), fc.constantFrom('x', 'y', null, 'zz', 1)),
);

/** A response to a parsed question: the key, a shuffled or partial version of it, or anything at all. */
function responseTo(question: Quiz['questions'][number]): fc.Arbitrary<unknown> {
  switch (question.type) {
    case 'single-choice':
      return fc.oneof(fc.constantFrom(...question.options.map((o) => o.id)), malformed);
    case 'multiple-choice':
      return fc.oneof(fc.subarray(question.options.map((o) => o.id)), malformed);
    case 'ordering':
      return fc.oneof(fc.shuffledSubarray([...question.correctOrder], { minLength: question.items.length }), malformed);
    case 'matching':
      return fc.oneof(
        fc.tuple(...question.statements.map(() => fc.constantFrom('x', 'y', undefined))).map((given) =>
          Object.fromEntries(question.statements.flatMap((s, i) => (given[i] ? [[s.id, given[i]]] : []))),
        ),
        malformed,
      );
  }
}

describe('issue #13.3: for every quiz the schema accepts and every response, scoring never throws', () => {
  const quizzes = fc.array(questionInput, { minLength: 1, maxLength: 6 }).map((questions) => safeParseQuiz(quizOf(questions)));

  it('validation never throws, and an accepted quiz scores every response without a throw, in safe integers', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        quizzes.chain((parsed) =>
          parsed.success
            ? fc.tuple(fc.constant(parsed.data), fc.tuple(...parsed.data.questions.map(responseTo)))
            : fc.constant(undefined),
        ),
        (sample) => {
          if (!sample) return;
          accepted++;
          const [quiz, answers] = sample;
          const responses = Object.fromEntries(quiz.questions.map((q, i) => [q.id, answers[i]]));
          const result = scoreQuiz(quiz, responses as never);
          for (const value of [result.earned, result.possible, result.percent]) {
            expect(Number.isSafeInteger(value.n) && Number.isSafeInteger(value.d)).toBe(true);
          }
          quiz.questions.forEach((question, i) => {
            expect(scoreQuestion(question, answers[i]).issues).toEqual(checkResponse(question, answers[i]));
          });
          checkResponses(quiz, responses);
          scoreQuiz(quiz, correctResponses(quiz));
        },
      ),
      { seed: 1234, numRuns: 400 },
    );
    // The property must be about real quizzes, not only refusals.
    expect(accepted).toBeGreaterThan(50);
  });
});

describe('issue #13.3: safeParseQuiz and safeParseModule never throw on any input', () => {
  const numeric = fc.oneof(
    fc.constantFrom('1/0', '0/0', '-0', '1/-3', ' 1 / 3 ', '1e308', 'Infinity', 'NaN', `${MAX}`, `${MAX + 2}`, `1/${MAX}`, '9'.repeat(400), `1/${'9'.repeat(400)}`),
    fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 0n, max: 10n ** 20n })).map(([n, d]) => `${n}/${d}`),
    fc.double(),
  );
  const value = fc.oneof(numeric, fc.anything({ maxDepth: 3, withNullPrototype: true, withSparseArray: true }));

  it('over arbitrary values and adversarial numbers in every numeric field', () => {
    fc.assert(
      fc.property(value, questionInput, value, (anything, question, number) => {
        expect(() => safeParseQuiz(anything)).not.toThrow();
        expect(() => safeParseModule(anything)).not.toThrow();
        const withNumbers = quizOf([{ ...question, points: number }, single({ points: number, options: [{ id: 'a', text: 'A', correct: true, credit: number }, { id: 'b', text: 'B', credit: number }] })]);
        expect(() => safeParseQuiz({ ...withNumbers, passMark: number })).not.toThrow();
      }),
      { seed: 1234, numRuns: 500 },
    );
  });

  it('reports a throwing getter, a throwing Proxy, a revoked Proxy, a cycle and deep nesting as issues, never a throw', () => {
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } });
    const getter = Object.defineProperty({ title: 'Q', questions: [] }, 'id', { enumerable: true, get: () => { throw new Error('getter'); } });
    const cycle: Record<string, unknown> = { id: 'q', title: 'Q' };
    cycle.questions = [cycle];
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    for (const input of [revoked, trap, getter, cycle, { id: 'q', title: 'Q', questions: deep }, quizOf([{ ...single(), feedback: revoked }])]) {
      for (const parse of [safeParseQuiz, safeParseModule]) {
        const result = parse(input);
        expect(result.success).toBe(false);
      }
    }
    const result = safeParseQuiz(getter);
    expect(result.success ? [] : result.issues[0]).toMatchObject({ code: 'invalid_type', path: ['id'] });
    expect(result.success ? '' : result.issues[0]?.message).toMatch(/could not be read/);
  });

  it('reads a getter once and validates what it returned', () => {
    let reads = 0;
    const input = Object.defineProperty(quizOf([single()]), 'title', { enumerable: true, get: () => (reads++ === 0 ? 'Quiz' : 42) });
    const result = safeParseQuiz(input);
    expect(result.success && result.data.title).toBe('Quiz');
    expect(reads).toBe(1);
  });

  it('accepts an ordering of 50 items with every rule', () => {
    for (const name of RULE_NAMES.ordering) {
      const result = safeParseQuiz(quizOf([{ type: 'ordering', rule: { name }, items: items('ABCDEFGHIJ'), correctOrder: [...'ABCDEFGHIJ'] }]));
      expect(result.success).toBe(true);
    }
  });
});
