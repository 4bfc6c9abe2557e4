import { readFileSync } from 'node:fs';
import { scoreQuestion, scoreQuiz, type Quiz } from 'quizkit';
import { answer, rescoreAttempt, startAttempt, submitAttempt } from 'quizkit/attempts';
import { parseModule, parseQuiz } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE, frac, items } from '../helpers/builders.js';

const input = {
  id: 'quiz',
  title: 'A quiz',
  questions: [
    { ...BOILERPLATE, id: 'ord', type: 'ordering', rule: { name: 'exact-position' }, items: items('ABC'), correctOrder: ['A', 'B', 'C'] },
    { ...BOILERPLATE, id: 'mc', type: 'multiple-choice', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B' }] },
  ],
};

describe('issue #13.7: a parsed quiz cannot be edited in place, and caches never go stale', () => {
  it('parseQuiz and parseModule return deeply frozen values; editing them throws (strict mode)', () => {
    const quiz = parseQuiz(input);
    expect(Object.isFrozen(quiz)).toBe(true);
    expect(Object.isFrozen(quiz.questions[0])).toBe(true);
    expect(Object.isFrozen(quiz.passMark)).toBe(true);
    const ord = quiz.questions[0] as { correctOrder: string[] };
    expect(() => (ord.correctOrder = ['C', 'B', 'A'])).toThrow(TypeError);
    expect(() => ord.correctOrder.reverse()).toThrow(TypeError);
    expect(() => (quiz.questions as unknown[]).push({})).toThrow(TypeError);
    expect(ord.correctOrder).toEqual(['A', 'B', 'C']);
  });

  it('a hand-built (unfrozen) quiz edited in place is scored with the new key, also on rescoreAttempt', () => {
    const quiz = structuredClone(parseQuiz(input)) as Quiz;
    const order = quiz.questions[0]!;
    expect(scoreQuestion(order, ['C', 'B', 'A']).fraction).toEqual(frac(1, 3));
    const done = submitAttempt(answer(startAttempt(quiz, { seed: 's', now: 0 }), quiz, 'ord', ['C', 'B', 'A'], 1), quiz, 2);
    expect(done.result.questions[0]?.status).toBe('partial');

    (order as { correctOrder: string[] }).correctOrder = ['C', 'B', 'A'];
    expect(scoreQuestion(order, ['C', 'B', 'A']).status).toBe('correct');
    const rescored = rescoreAttempt(done, quiz, { acknowledgeQuizChange: true });
    expect(rescored.result.questions[0]?.status).toBe('correct');

    // In place, not replaced: the same array, reversed back.
    (order as { correctOrder: string[] }).correctOrder.reverse();
    expect(scoreQuiz(quiz, { ord: ['C', 'B', 'A'] } as never).questions[0]?.fraction).toEqual(frac(1, 3));
    (quiz.questions[1] as { options: { correct: boolean }[] }).options[1]!.correct = true;
    expect(scoreQuestion(quiz.questions[1]!, ['a', 'b']).status).toBe('correct');
  });

  it('freezes a module too', () => {
    const module = parseModule(JSON.parse(readFileSync(new URL('../fixtures/valid-module.json', import.meta.url), 'utf8')));
    expect(Object.isFrozen(module)).toBe(true);
    expect(Object.isFrozen(module.quizzes[0]?.questions[0]?.points)).toBe(true);
    expect(() => (module.reading as unknown[]).pop()).toThrow(TypeError);
  });
});
