import { checkResponse, checkResponses, scoreQuestion, scoreQuiz } from 'quizkit';
import { describe, expect, it } from 'vitest';
import { checkedResponse } from '../../src/scoring/registry.js';
import { frac, items, matching, multipleChoice, ordering, quiz, singleChoice } from '../helpers/builders.js';

const parade = multipleChoice({
  id: 'parade',
  options: [
    { id: 'kim', text: 'Kim', correct: true },
    { id: 'xi', text: 'Xi', correct: true },
    { id: 'putin', text: 'Putin', correct: true },
    { id: 'choe', text: 'Choe' },
  ],
});
const order = ordering({ id: 'ord', rule: { name: 'exact-position' }, items: items('ABC'), correctOrder: ['A', 'B', 'C'] });
const pick = singleChoice({ id: 'sc', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B' }] });
const match = matching({
  id: 'm',
  actors: [
    { id: 'kim', name: 'Kim' },
    { id: 'xi', name: 'Xi' },
  ],
  statements: [
    { id: 's1', text: 'One', actor: 'kim' },
    { id: 's2', text: 'Two', actor: 'xi' },
  ],
});
const theQuiz = quiz({
  questions: [
    { id: 'sc', type: 'single-choice', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B' }] },
    { id: 'ord', type: 'ordering', rule: { name: 'exact-position' }, items: items('ABC'), correctOrder: ['A', 'B', 'C'] },
  ],
});

/** A list whose own iterator tells a different story from its indices. */
function lyingIterator<T>(shown: T[], yielded: T[]): T[] {
  const list = [...shown];
  Object.defineProperty(list, Symbol.iterator, { value: function* () { yield* yielded; } });
  return list;
}

/** A value whose every read throws. */
function throwingProxy(): object {
  return new Proxy([], {
    get: () => { throw new Error('read'); },
    getOwnPropertyDescriptor: () => { throw new Error('read'); },
    ownKeys: () => { throw new Error('read'); },
    getPrototypeOf: () => { throw new Error('read'); },
  });
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

describe('issue #13.5: check and score read the response once, the same way', () => {
  it('scores what the indices say, not what an own Symbol.iterator yields', () => {
    const response = lyingIterator(['choe'], ['kim', 'xi', 'putin']);
    const result = scoreQuestion(parade, response);
    expect(result.status).toBe('incorrect');
    expect(result.fraction).toEqual(frac(0));
    expect(result.parts.filter((part) => part.response === true).map((part) => part.id)).toEqual(['choe']);
  });

  it('scores what the indices say, not what an own map returns', () => {
    const response = ['C', 'B', 'A'];
    Object.defineProperty(response, 'map', { value: () => [0, 1, 2] });
    const result = scoreQuestion(order, response);
    expect(result.fraction).toEqual(frac(1, 3));
    expect(result.parts.map((part) => part.id)).toEqual(['C', 'B', 'A']);
  });

  it('reads a getter once: the value it returns first is the answer, checked and scored', () => {
    let reads = 0;
    const response: string[] = [];
    Object.defineProperty(response, 0, { enumerable: true, get: () => (reads++ === 0 ? 'choe' : 'kim') });
    const result = scoreQuestion(parade, response);
    expect(reads).toBe(1);
    expect(result.status).toBe('incorrect');

    let matchReads = 0;
    const record = {};
    Object.defineProperty(record, 's1', { enumerable: true, get: () => (matchReads++ === 0 ? 'xi' : 'kim') });
    expect(scoreQuestion(match, record).parts[0]).toMatchObject({ id: 's1', correct: false, response: 'xi' });
    expect(matchReads).toBe(1);
  });

  it('reads the responses object of a quiz once per question', () => {
    let reads = 0;
    const responses = {};
    Object.defineProperty(responses, 'sc', { enumerable: true, get: () => (reads++ === 0 ? 'b' : 'a') });
    const result = scoreQuiz(theQuiz, responses as never);
    expect(result.questions[0]?.status).toBe('incorrect');
    expect(reads).toBe(1);
  });

  it('checkResponses returns the copy it checked, which scores as it was checked', () => {
    const response = lyingIterator(['C', 'B', 'A'], ['A', 'B', 'C']);
    const checked = checkResponses(theQuiz, { ord: response });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.responses).toEqual({ ord: ['C', 'B', 'A'] });
    expect(Object.getOwnPropertySymbols(checked.responses.ord)).toEqual([]);
    expect(scoreQuiz(theQuiz, checked.responses).questions[1]?.fraction).toEqual(frac(1, 3));
  });

  it('checkedResponse gives the attempts layer the plain copy that was checked, in the response\'s own shape', () => {
    const lying = lyingIterator(['choe', 'kim'], ['xi']);
    expect(checkedResponse(parade, lying, ['parade'])).toEqual({ kind: 'answered', value: ['choe', 'kim'] });
    let reads = 0;
    const record = { s2: 'xi' };
    Object.defineProperty(record, 's1', { enumerable: true, get: () => (reads++ === 0 ? 'kim' : 'xi') });
    const checked = checkedResponse(match, record, ['m']);
    expect(checked).toEqual({ kind: 'answered', value: { s2: 'xi', s1: 'kim' } });
    if (checked.kind === 'answered') expect(Object.getOwnPropertyDescriptor(checked.value, 's1')).toHaveProperty('value', 'kim');
    expect(reads).toBe(1);
    const ordered = checkedResponse(order, lyingIterator(['C', 'B', 'A'], []), ['ord']);
    expect(ordered).toEqual({ kind: 'answered', value: ['C', 'B', 'A'] });
    expect(checkedResponse(pick, 'b', ['sc'])).toEqual({ kind: 'answered', value: 'b' });
    expect(checkedResponse(pick, undefined, ['sc'])).toEqual({ kind: 'unanswered' });
    expect(checkedResponse(pick, revokedProxy(), ['sc']).kind).toBe('invalid');
  });

  it('never reads a hole from Array.prototype', () => {
    const response = new Array(3);
    response[0] = 'A';
    response[2] = 'C';
    Object.defineProperty(Array.prototype, 1, { value: 'B', configurable: true, writable: true });
    try {
      expect(scoreQuestion(order, response).issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_shape', ['ord', 1]]]);
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[1];
    }
  });

  const hostile: [string, () => unknown][] = [
    ['a throwing getter at an index', () => Object.defineProperty(['A', 'B', 'C'], 1, { get: () => { throw new Error('no'); } })],
    ['a throwing length', () => new Proxy(['A', 'B', 'C'], { get: (t, k) => { if (k === 'length') throw new Error('no'); return Reflect.get(t, k); } })],
    ['a Proxy whose every trap throws', throwingProxy],
    ['a revoked Proxy', revokedProxy],
  ];

  it.each(hostile)('%s is invalid for every question type, never a throw', (_label, make) => {
    for (const question of [parade, order, pick, match]) {
      const result = scoreQuestion(question, make());
      expect(result.status).toBe('invalid');
      expect(result.earned).toEqual(frac(0));
      expect(result.issues.map((issue) => issue.code)).toContain('invalid_shape');
      expect(checkResponse(question, make())).toEqual(result.issues);
    }
  });

  it('a throwing getter at an index is invalid at that index', () => {
    const list = Object.defineProperty(['A', 'B', 'C'], 1, { get: () => { throw new Error('no'); } });
    expect(scoreQuestion(order, list).issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_shape', ['ord', 1]]]);
  });

  it('a throwing getter on a matching statement is invalid at that statement', () => {
    const record = { s2: 'xi' };
    Object.defineProperty(record, 's1', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(scoreQuestion(match, record).issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_shape', ['m', 's1']]]);
  });

  it.each([
    ['a throwing Proxy', throwingProxy],
    ['a revoked Proxy', revokedProxy],
  ])('%s as the responses object of a quiz is invalid, never a throw', (_label, make) => {
    const result = scoreQuiz(theQuiz, make() as never);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_shape', []]]);
    expect(result.questions.every((question) => question.status === 'unanswered')).toBe(true);
    expect(checkResponses(theQuiz, make())).toEqual({ ok: false, issues: result.issues });
  });

  it('a throwing getter for one question makes that question invalid and scores the rest', () => {
    const responses = { sc: 'a' };
    Object.defineProperty(responses, 'ord', { enumerable: true, get: () => { throw new Error('no'); } });
    const result = scoreQuiz(theQuiz, responses as never);
    expect(result.questions.map((question) => question.status)).toEqual(['correct', 'invalid']);
    expect(result.earned).toEqual(frac(1));
  });
});

describe('issue #13.6: too_many and non-plain objects are refused before anything inside is read', () => {
  it('refuses a typed array at once, for every question type', () => {
    const huge = new Uint8Array(10_000_000);
    expect(scoreQuestion(match, huge).issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['invalid_shape', 'Expected an object from statement ids to actor ids, found a typed array'],
    ]);
    for (const question of [parade, order, pick]) expect(scoreQuestion(question, huge).issues.map((issue) => issue.code)).toEqual(['invalid_shape']);
    expect(scoreQuiz(theQuiz, huge as never).issues.map((issue) => issue.code)).toEqual(['invalid_shape']);
  });

  it.each([
    ['a Map', new Map([['s1', 'kim']])],
    ['a Set', new Set(['s1'])],
    ['a Date', new Date(0)],
    ['a class instance', new (class Answers { s1 = 'kim'; })()],
    ['an ArrayBuffer', new ArrayBuffer(8)],
  ])('refuses %s as a matching response', (_label, response) => {
    expect(scoreQuestion(match, response).issues.map((issue) => issue.code)).toEqual(['invalid_shape']);
  });

  it('accepts a null-prototype object as plain', () => {
    const record = Object.assign(Object.create(null) as object, { s1: 'kim', s2: 'xi' });
    expect(scoreQuestion(match, record).status).toBe('correct');
  });

  it('counts at most one key past the limit: a huge object is too_many without a value read', () => {
    let reads = 0;
    const record: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) record[`k${i}`] = 'kim';
    Object.defineProperty(record, 'k0', { enumerable: true, get: () => reads++ });
    const [issue] = scoreQuestion(match, record).issues;
    expect(issue).toMatchObject({ code: 'too_many', message: 'Expected at most 2 statements, found more than 2' });
    expect(reads).toBe(0);
  });
});

describe('issue #19: an incomplete ordering is checked in linear time, with the scorer\'s own cap', () => {
  const big = ordering({
    id: 'big',
    items: Array.from({ length: 50 }, (_, i) => ({ id: `i${i}`, text: `Item ${i}` })),
    correctOrder: Array.from({ length: 50 }, (_, i) => `i${i}`),
  });

  it('lists the missing items, sorted', () => {
    const given = Array.from({ length: 48 }, (_, i) => `i${i}`);
    expect(scoreQuestion(big, given).issues[0]?.message).toBe('Put every item in order; missing: i48, i49');
  });

  it('a list longer than the items is too_many without reading an entry', () => {
    const list = new Array(10_000).fill('i0');
    Object.defineProperty(list, 0, { get: () => { throw new Error('read'); } });
    expect(scoreQuestion(big, list).issues.map((issue) => [issue.code, issue.message])).toEqual([['too_many', 'Expected at most 50 item ids, found 10000']]);
  });
});
