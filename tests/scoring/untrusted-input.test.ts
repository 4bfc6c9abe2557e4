import fc from 'fast-check';
import { RESPONSE_ISSUE_CODES, checkResponse, checkResponses, correctResponses, scoreQuestion, scoreQuiz, type QuestionResult } from 'quizkit';
import type { Question } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { frac, items, matching, multipleChoice, options, ordering, quiz, singleChoice } from '../helpers/builders.js';

const actors = [
  { id: 'kim', name: 'Kim' },
  { id: 'xi', name: 'Xi' },
];
const inputs = {
  sc: { id: 'sc', options: options('x..') },
  mc: { id: 'mc', rule: { name: 'every-decision-counts' }, options: options('xx..') },
  ord: { id: 'ord', rule: { name: 'exact-position' }, items: items('ABC'), correctOrder: ['A', 'B', 'C'] },
  m: {
    id: 'm',
    actors,
    statements: [
      { id: 's1', text: 'One', actor: 'kim' },
      { id: 's2', text: 'Two', actor: 'xi' },
    ],
  },
  n: { id: 'n', actors, allowNoMatch: true, statements: [{ id: 's1', text: 'One', actor: null }] },
} as const;

const sc = singleChoice(inputs.sc);
const mc = multipleChoice(inputs.mc);
const ord = ordering({ ...inputs.ord, items: [...inputs.ord.items], correctOrder: [...inputs.ord.correctOrder] });
const match = matching({ ...inputs.m, actors: [...actors], statements: [...inputs.m.statements] });
const noneOk = matching({ ...inputs.n, actors: [...actors], statements: [...inputs.n.statements] });

const questions: readonly Question[] = [sc, mc, ord, match, noneOk];
const theQuiz = quiz({
  questions: [
    { ...inputs.sc, type: 'single-choice' },
    { ...inputs.mc, type: 'multiple-choice' },
    { ...inputs.ord, type: 'ordering' },
    { ...inputs.m, type: 'matching' },
    { ...inputs.n, type: 'matching' },
  ],
});

const sparse = (length: number, at: Record<number, string>) => {
  const list: unknown[] = new Array(length);
  for (const [index, value] of Object.entries(at)) list[Number(index)] = value;
  return list;
};

const MILLION = 1_000_000;
const hugeObject = (size: number) => {
  const object: Record<string, string> = {};
  for (let i = 0; i < size; i++) object[`k${i}`] = 'kim';
  return object;
};

type Row = [label: string, question: Question, response: unknown, issues: [code: string, path: (string | number)[]][]];

// Every row is malformed input: it must come out `invalid` with exactly these issues, never as a wrong answer.
const rows: Row[] = [
  // single choice: one option id as a string
  ['a number', sc, 42, [['invalid_shape', ['sc']]]],
  ['NaN', sc, NaN, [['invalid_shape', ['sc']]]],
  ['Infinity', sc, Infinity, [['invalid_shape', ['sc']]]],
  ['true', sc, true, [['invalid_shape', ['sc']]]],
  ['false', sc, false, [['invalid_shape', ['sc']]]],
  ['an object', sc, { a: true }, [['invalid_shape', ['sc']]]],
  ['a list', sc, ['a'], [['invalid_shape', ['sc']]]],
  ['a nested list', sc, [['a']], [['invalid_shape', ['sc']]]],
  ['an unknown id', sc, 'zz', [['unknown_choice', ['sc']]]],
  ['an empty string', sc, '', [['unknown_choice', ['sc']]]],
  ['"__proto__"', sc, '__proto__', [['unknown_choice', ['sc']]]],
  ['"constructor"', sc, 'constructor', [['unknown_choice', ['sc']]]],
  ['"toString"', sc, 'toString', [['unknown_choice', ['sc']]]],
  ['a million-entry list', sc, new Array(MILLION).fill('a'), [['invalid_shape', ['sc']]]],
  // multiple choice: a list of distinct option ids
  ['a string', mc, 'a', [['invalid_shape', ['mc']]]],
  ['a number', mc, 1, [['invalid_shape', ['mc']]]],
  ['an object', mc, { 0: 'a', length: 1 }, [['invalid_shape', ['mc']]]],
  ['a nested list', mc, [['a'], 'b'], [['invalid_shape', ['mc', 0]]]],
  ['NaN in the list', mc, ['a', NaN], [['invalid_shape', ['mc', 1]]]],
  ['Infinity and a boolean in the list', mc, [Infinity, true], [['invalid_shape', ['mc', 0]], ['invalid_shape', ['mc', 1]]]],
  ['null in the list', mc, ['a', null], [['invalid_shape', ['mc', 1]]]],
  ['an unknown id', mc, ['a', 'zz'], [['unknown_choice', ['mc', 1]]]],
  ['"__proto__"', mc, ['__proto__'], [['unknown_choice', ['mc', 0]]]],
  ['a duplicate', mc, ['a', 'b', 'a'], [['duplicate_choice', ['mc', 2]]]],
  ['more ids than options', mc, ['a', 'b', 'c', 'd', 'a'], [['too_many', ['mc']]]],
  ['a million-entry list', mc, new Array(MILLION).fill('a'), [['too_many', ['mc']]]],
  ['a million distinct ids', mc, Array.from({ length: MILLION }, (_, i) => `x${i}`), [['too_many', ['mc']]]],
  // holes are not ids: `new Array(2)` must not pass as an answer that ticks nothing (EDC would give 2/4)
  ['a sparse list', mc, sparse(2, { 1: 'a' }), [['invalid_shape', ['mc', 0]]]],
  ['a list of holes', mc, new Array(2), [['invalid_shape', ['mc', 0]], ['invalid_shape', ['mc', 1]]]],
  // ordering: every item id exactly once
  ['a string', ord, 'ABC', [['invalid_shape', ['ord']]]],
  ['an object', ord, { A: 0, B: 1, C: 2 }, [['invalid_shape', ['ord']]]],
  ['too few items', ord, ['A', 'B'], [['incomplete_order', ['ord']]]],
  ['a duplicate', ord, ['A', 'A', 'B'], [['duplicate_choice', ['ord', 1]]]],
  ['an unknown id', ord, ['A', 'B', 'D'], [['unknown_choice', ['ord', 2]]]],
  ['numbers for ids', ord, [0, 1, 2], [['invalid_shape', ['ord', 0]], ['invalid_shape', ['ord', 1]], ['invalid_shape', ['ord', 2]]]],
  ['more items than exist', ord, ['A', 'B', 'C', 'A'], [['too_many', ['ord']]]],
  ['a million-entry list', ord, new Array(MILLION).fill('A'), [['too_many', ['ord']]]],
  ['a sparse list', ord, sparse(3, { 0: 'A', 2: 'C' }), [['invalid_shape', ['ord', 1]]]],
  // matching: an object from statement ids to actor ids (or null where allowed)
  ['a string', match, 'kim', [['invalid_shape', ['m']]]],
  ['a list', match, ['kim', 'xi'], [['invalid_shape', ['m']]]],
  ['an empty list', match, [], [['invalid_shape', ['m']]]],
  ['a number value', match, { s1: 42 }, [['invalid_shape', ['m', 's1']]]],
  ['NaN and Infinity values', match, { s1: NaN, s2: Infinity }, [['invalid_shape', ['m', 's1']], ['invalid_shape', ['m', 's2']]]],
  ['a boolean value', match, { s1: true }, [['invalid_shape', ['m', 's1']]]],
  ['a nested list value', match, { s1: [['kim']] }, [['invalid_shape', ['m', 's1']]]],
  ['an object value', match, { s1: { id: 'kim' } }, [['invalid_shape', ['m', 's1']]]],
  ['an unknown actor', match, { s1: 'zz' }, [['unknown_choice', ['m', 's1']]]],
  ['an unknown statement', match, { s1: 'kim', s9: 'xi' }, [['unknown_choice', ['m', 's9']]]],
  ['a JSON "__proto__" key', match, JSON.parse('{"__proto__": "x"}'), [['forbidden_key', ['m', '__proto__']]]],
  ['a JSON "__proto__" object', match, JSON.parse('{"s1": "kim", "__proto__": {"s2": "xi"}}'), [['forbidden_key', ['m', '__proto__']]]],
  ['a "constructor" key', match, { constructor: 'kim' }, [['forbidden_key', ['m', 'constructor']]]],
  ['a "prototype" key', match, { prototype: 'kim' }, [['forbidden_key', ['m', 'prototype']]]],
  ['null without allowNoMatch', match, { s1: null }, [['no_match_not_allowed', ['m', 's1']]]],
  ['more keys than statements', match, { s1: 'kim', s2: 'xi', s3: 'kim' }, [['too_many', ['m']]]],
  ['a huge object', match, hugeObject(100_000), [['too_many', ['m']]]],
  ['an actor id where null is allowed', noneOk, { s1: 'nobody' }, [['unknown_choice', ['n', 's1']]]],
];

describe('malformed responses are invalid, with typed issues, never wrong answers', () => {
  it.each(rows.map(([label, question, response, expected]) => [label, question.id, question, response, expected] as const))(
    '%s for %s',
    (_label, _id, question, response, expected) => {
      const result = scoreQuestion(question, response);
      expect(result.status).toBe('invalid');
      expect(result.fraction).toEqual(frac(0));
      expect(result.earned).toEqual(frac(0));
      expect(result.parts).toEqual([]);
      expect(result.feedback).toEqual([]);
      expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual(expected);
      for (const issue of result.issues) {
        expect(issue.questionId).toBe(question.id);
        expect(RESPONSE_ISSUE_CODES).toContain(issue.code);
        expect(issue.message).toEqual(expect.any(String));
        // Untrusted text is clipped before it goes into a message.
        expect(issue.message.length).toBeLessThan(200);
      }
      // checkResponse reports exactly what scoring reports.
      expect(checkResponse(question, response)).toEqual(result.issues);
    },
  );

  it('says what it found in the message', () => {
    expect(scoreQuestion(sc, NaN).issues[0]?.message).toBe('Expected one option id as a string, found NaN');
    expect(scoreQuestion(mc, [['a']]).issues[0]?.message).toBe('Expected option id as a string, found a list');
    expect(scoreQuestion(ord, ['A', 'B']).issues[0]?.message).toBe('Put every item in order; missing: C');
    expect(scoreQuestion(mc, new Array(MILLION)).issues[0]?.message).toBe('Expected at most 4 option ids, found 1000000');
  });

  it('clips a long untrusted id in messages', () => {
    const [issue] = scoreQuestion(sc, 'x'.repeat(10_000)).issues;
    expect(issue?.message).toBe(`"${'x'.repeat(40)}…" is not an option of this question`);
  });

  it('prefixes issue paths with the path it is given', () => {
    expect(scoreQuestion(mc, ['a', 'zz'], ['answers', 'mc']).issues[0]?.path).toEqual(['answers', 'mc', 1]);
    expect(checkResponse(mc, ['a', 'zz'], ['answers', 'mc'])[0]?.path).toEqual(['answers', 'mc', 1]);
  });

  it('does not pollute Object.prototype', () => {
    scoreQuestion(match, JSON.parse('{"__proto__": {"polluted": "yes"}}'));
    scoreQuiz(theQuiz, JSON.parse('{"__proto__": {"polluted": "yes"}}'));
    checkResponses(theQuiz, JSON.parse('{"__proto__": {"polluted": "yes"}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('has no issues for an acceptable response', () => {
    expect(checkResponse(mc, ['a', 'c'])).toEqual([]);
    expect(checkResponse(noneOk, { s1: null })).toEqual([]);
    expect(checkResponse(sc, undefined)).toEqual([]);
  });
});

/** What `checkResponses` must report: the quiz-level issues, then each question's, in quiz order. */
const issuesOf = (result: ReturnType<typeof scoreQuiz>) => [...result.issues, ...result.questions.flatMap((q: QuestionResult) => q.issues)];

describe('the responses object of a quiz', () => {
  it('reports unknown question ids in result.issues and scores the rest', () => {
    const result = scoreQuiz(theQuiz, { sc: 'a', nope: 'a' } as never);
    expect(result.issues).toEqual([{ code: 'unknown_question', path: ['nope'], message: '"nope" is not a question of quiz "quiz"' }]);
    expect(result.questions[0]?.status).toBe('correct');
    expect(result.earned).toEqual(frac(1));
  });

  it('reports __proto__, constructor and prototype keys as forbidden', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const result = scoreQuiz(theQuiz, JSON.parse(`{"${key}": "x", "sc": "a"}`));
      expect(result.issues).toEqual([{ code: 'forbidden_key', path: [key], message: `"${key}" is not allowed as a key` }]);
      expect(result.questions[0]?.status).toBe('correct');
    }
  });

  it('never reads an answer from the prototype chain', () => {
    // An object whose prototype is not Object.prototype is not plain: refused whole, nothing read from it.
    const inherited = Object.create({ sc: 'a' }) as Record<string, unknown>;
    const result = scoreQuiz(theQuiz, inherited as never);
    expect(result.questions[0]?.status).toBe('unanswered');
    expect(result.issues.map((issue) => issue.code)).toEqual(['invalid_shape']);
    // A JSON __proto__ holding an answer is an own key, reported, and not an answer either.
    const forged = scoreQuiz(theQuiz, JSON.parse('{"__proto__": {"sc": "a"}}'));
    expect(forged.questions[0]?.status).toBe('unanswered');
    expect(forged.issues.map((issue) => issue.code)).toEqual(['forbidden_key']);
  });

  it('reports a responses value that is not an object, and scores every question unanswered', () => {
    for (const responses of [42, 'sc', true, ['a'], NaN]) {
      const result = scoreQuiz(theQuiz, responses as never);
      expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_shape', []]]);
      expect(result.questions.every((q) => q.status === 'unanswered')).toBe(true);
      expect(result.earned).toEqual(frac(0));
    }
  });

  it('treats undefined and null as no responses at all', () => {
    for (const responses of [undefined, null]) {
      const result = scoreQuiz(theQuiz, responses as never);
      expect(result.issues).toEqual([]);
      expect(result.questions.every((q) => q.status === 'unanswered')).toBe(true);
    }
  });

  it('caps the report for a huge responses object at 20 issues', () => {
    const result = scoreQuiz(theQuiz, hugeObject(100_000) as never);
    expect(result.issues).toHaveLength(20);
    expect(result.issues[0]).toMatchObject({ code: 'unknown_question', path: ['k0'] });
  });

  it('keeps invalid responses out of the totals: an invalid question earns 0 and counts as possible', () => {
    const result = scoreQuiz(theQuiz, { sc: 'a', mc: ['a', 'a'] } as never);
    expect(result.questions[1]?.status).toBe('invalid');
    expect(result.earned).toEqual(frac(1));
    expect(result.possible).toEqual(frac(5));
  });
});

describe('checkResponses', () => {
  const inputs: unknown[] = [
    { sc: 'a', nope: 1 },
    JSON.parse('{"__proto__": "x", "constructor": 1, "prototype": 2}'),
    { sc: 42, mc: ['a', 'a'], ord: ['A'], m: { s1: null, s9: 'kim' }, n: { s1: 'zz' } },
    { mc: new Array(MILLION), m: hugeObject(1000) },
    { mc: sparse(3, { 2: 'a' }) },
    42,
    'text',
    [],
    hugeObject(100_000),
  ];

  it.each(inputs.map((input, index) => [index, input]))('returns exactly the issues scoring reports (input %i)', (_index, input) => {
    const checked = checkResponses(theQuiz, input);
    const expected = issuesOf(scoreQuiz(theQuiz, input as never));
    expect(expected.length).toBeGreaterThan(0);
    expect(checked).toEqual({ ok: false, issues: expected });
  });

  it('accepts valid responses and returns a plain copy of them', () => {
    const responses = { sc: 'b', mc: ['a'], ord: ['C', 'B', 'A'], m: { s1: 'xi' }, n: { s1: null } };
    const checked = checkResponses(theQuiz, responses);
    expect(checked).toEqual({ ok: true, responses });
    // A copy, so nothing the caller does to its object afterwards changes what was checked.
    if (checked.ok) expect(checked.responses).not.toBe(responses);
    if (checked.ok) expect(checked.responses.mc).not.toBe(responses.mc);
    expect(checkResponses(theQuiz, correctResponses(theQuiz)).ok).toBe(true);
  });

  it('accepts no responses, as scoring does', () => {
    expect(checkResponses(theQuiz, {})).toEqual({ ok: true, responses: {} });
    expect(checkResponses(theQuiz, undefined)).toEqual({ ok: true, responses: {} });
    expect(checkResponses(theQuiz, null)).toEqual({ ok: true, responses: {} });
  });
});

describe('any input at all', () => {
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
    maxDepth: 3,
  });
  // Plausible shapes with real and forged ids mixed in, so the checks get past the first gate.
  const id = fc.constantFrom('a', 'b', 'c', 'd', 'A', 'B', 'C', 's1', 's2', 'kim', 'xi', 'zz', '__proto__', 'constructor', '');
  const nearMiss = fc.oneof(
    id,
    fc.array(fc.oneof(id, anything), { maxLength: 6 }),
    fc.dictionary(id, fc.oneof(id, fc.constant(null), anything), { maxKeys: 4 }),
    anything,
  );
  const anyQuestion = fc.constantFrom(...questions);

  it('never throws, keeps 0 ≤ earned ≤ possible, and checkResponse agrees with scoring', () => {
    fc.assert(
      fc.property(anyQuestion, nearMiss, (question, response) => {
        const result = scoreQuestion(question, response);
        expect(['correct', 'partial', 'incorrect', 'unanswered', 'invalid']).toContain(result.status);
        expect(result.earned.n).toBeGreaterThanOrEqual(0);
        expect(result.earned.n * result.possible.d).toBeLessThanOrEqual(result.possible.n * result.earned.d);
        expect(result.issues.length > 0).toBe(result.status === 'invalid');
        expect(checkResponse(question, response)).toEqual(result.issues);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on a quiz responses object either, and checkResponses agrees with scoreQuiz', () => {
    const responses = fc.oneof(
      fc.dictionary(fc.constantFrom('sc', 'mc', 'ord', 'm', 'n', 'zz', '__proto__', 'constructor'), nearMiss, { maxKeys: 6 }),
      anything,
    );
    fc.assert(
      fc.property(responses, (input) => {
        const result = scoreQuiz(theQuiz, input as never);
        expect(result.earned.n).toBeGreaterThanOrEqual(0);
        const checked = checkResponses(theQuiz, input);
        const issues = issuesOf(result);
        expect(checked.ok).toBe(issues.length === 0);
        if (!checked.ok) expect(checked.issues).toEqual(issues);
      }),
      { numRuns: 1000 },
    );
  });
});
