import { describe, expect, it } from 'vitest';
import { correctResponses, formatFraction, scoreQuestion, scoreQuiz } from 'quizkit';
import { type Quiz, parseQuiz } from 'quizkit/schema';
import {
  AttemptError,
  DEFAULT_GRACE_SECONDS,
  type Attempt,
  answer,
  hashQuiz,
  attemptResponses,
  isAttemptError,
  learnerView,
  parseAttempt,
  presentationOrder,
  rescoreAttempt,
  serializeAttempt,
  reviewAttempt,
  startAttempt,
  submitAttempt,
  timeRemaining,
} from 'quizkit/attempts';
import { T0, moduleInput, quiz } from './fixtures.js';

const DEADLINE = T0 + 600_000;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const entry of Object.values(value)) deepFreeze(entry);
    Object.freeze(value);
  }
  return value;
}

/** Runs `fn`, expecting an AttemptError; returns it. */
function refused(fn: () => unknown): AttemptError {
  try {
    fn();
  } catch (error) {
    if (isAttemptError(error)) return error;
    throw error;
  }
  throw new Error('expected an AttemptError');
}

const start = (seed = 's1') => startAttempt(quiz, { seed, now: T0 });
const key = correctResponses(quiz) as Record<string, unknown>;

describe('startAttempt', () => {
  it('records the quiz, its hash, the seed, the number and the deadline', () => {
    const attempt = startAttempt(quiz, { seed: 'abc', now: T0, attemptNumber: 3 });
    expect(attempt).toMatchObject({ quizId: 'weather-check', seed: 'abc', attemptNumber: 3, startedAt: T0, deadline: DEADLINE, answers: {}, status: 'in-progress' });
    expect(attempt.quizHash).toMatch(/^cyrb64:[0-9a-f]{16}$/);
  });

  it('draws a nanoid seed when none is given', () => {
    const a = startAttempt(quiz, { now: T0 });
    const b = startAttempt(quiz, { now: T0 });
    expect(a.seed).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(a.seed).not.toBe(b.seed);
  });

  it('has no deadline without a time limit', () => {
    const { timeLimitSeconds: _limit, ...untimed } = quiz;
    const attempt = startAttempt(untimed, { seed: 'x', now: T0 });
    expect('deadline' in attempt).toBe(false);
    expect(timeRemaining(attempt, T0 + 10 ** 9)).toBeUndefined();
  });

  it('throws RangeError for a bad clock, seed or attempt number', () => {
    expect(() => startAttempt(quiz, { now: Number.NaN })).toThrow(RangeError);
    expect(() => startAttempt(quiz, { now: 1.5 })).toThrow(RangeError);
    expect(() => startAttempt(quiz, { now: '2025-01-01' as unknown as number })).toThrow(RangeError);
    expect(() => startAttempt(quiz, { now: T0, seed: '' })).toThrow(RangeError);
    expect(() => startAttempt(quiz, { now: T0, attemptNumber: 0 })).toThrow(RangeError);
  });
});

describe('answer', () => {
  it('returns a new attempt and leaves the old one unchanged', () => {
    const before = deepFreeze(start());
    const snapshot = structuredClone(before);
    const after = answer(before, quiz, 'q-single', 'nimbostratus', T0 + 1_000);
    expect(before).toEqual(snapshot);
    expect(after).not.toBe(before);
    expect(after.answers).toEqual({ 'q-single': { response: 'nimbostratus', at: T0 + 1_000 } });
    const again = deepFreeze(after);
    const changed = answer(again, quiz, 'q-single', 'cumulus', T0 + 2_000);
    expect(again.answers['q-single']!.response).toBe('nimbostratus');
    expect(changed.answers['q-single']).toEqual({ response: 'cumulus', at: T0 + 2_000 });
  });

  it('copies the response, so later changes to the caller’s array do not leak in', () => {
    const order = ['condense', 'evaporate', 'precipitate', 'collect'];
    const attempt = answer(start(), quiz, 'q-order', order, T0 + 1);
    order.reverse();
    expect(attempt.answers['q-order']!.response).toEqual(['condense', 'evaporate', 'precipitate', 'collect']);
  });

  it('clears a question with null or an empty response', () => {
    let attempt: Attempt = answer(start(), quiz, 'q-multi', ['fog'], T0 + 1);
    attempt = answer(attempt, quiz, 'q-multi', null, T0 + 2);
    expect(attempt.answers).toEqual({});
    attempt = answer(attempt, quiz, 'q-match', { puffy: 'cumulus' }, T0 + 3);
    attempt = answer(attempt, quiz, 'q-match', {}, T0 + 4);
    expect(attempt.answers).toEqual({});
  });

  it('refuses, with typed errors, and changes nothing', () => {
    const attempt = deepFreeze(start());
    const cases: [string, () => unknown][] = [
      ['unknown_question', () => answer(attempt, quiz, 'q-nope', 'x', T0)],
      ['unknown_question', () => answer(attempt, quiz, '__proto__', 'x', T0)],
      ['invalid_response', () => answer(attempt, quiz, 'q-single', 'hail', T0)],
      ['invalid_response', () => answer(attempt, quiz, 'q-multi', 'cumulus', T0)],
      ['invalid_response', () => answer(attempt, quiz, 'q-order', ['collect', 'collect'], T0)],
      ['invalid_response', () => answer(attempt, quiz, 'q-match', { puffy: 'tornado' }, T0)],
      ['invalid_response', () => answer(attempt, quiz, 'q-match', JSON.parse('{"__proto__": "cumulus"}'), T0)],
      ['time_expired', () => answer(attempt, quiz, 'q-single', 'cumulus', DEADLINE + 1)],
      ['wrong_quiz', () => answer(attempt, { ...quiz, id: 'other' }, 'q-single', 'cumulus', T0)],
      ['quiz_changed', () => answer(attempt, { ...quiz, passMark: { n: 70, d: 1 } }, 'q-single', 'cumulus', T0)],
    ];
    for (const [code, fn] of cases) {
      const error = refused(fn);
      expect(error.code, code).toBe(code);
      expect(error).toBeInstanceOf(AttemptError);
      expect(error.name).toBe('AttemptError');
      expect(error.issues.length).toBeGreaterThan(0);
    }
    expect(attempt.answers).toEqual({});
    const invalid = refused(() => answer(attempt, quiz, 'q-single', 'hail', T0));
    expect(invalid.issues[0]).toMatchObject({ code: 'unknown_choice', questionId: 'q-single', path: ['q-single'] });
  });

  it('accepts an answer at the deadline itself', () => {
    expect(answer(start(), quiz, 'q-single', 'cumulus', DEADLINE).answers['q-single']?.at).toBe(DEADLINE);
  });

  it('refuses answers after submission', () => {
    const done = submitAttempt(start(), quiz, T0 + 5);
    expect(refused(() => answer(done, quiz, 'q-single', 'cumulus', T0 + 6)).code).toBe('already_submitted');
  });

  it('lists an incomplete ordering’s missing items sorted by id, never in authored (correct) order', () => {
    const attempt = start('missing');
    const question = quiz.questions[2]!;
    const authored = question.type === 'ordering' ? question.correctOrder : [];
    const first = authored[0]!;
    const error = refused(() => answer(attempt, quiz, 'q-order', [first], T0));
    const missing = authored.slice(1);
    expect(error.issues[0]?.code).toBe('incomplete_order');
    expect(error.issues[0]?.message).toBe(`Put every item in order; missing: ${[...missing].sort().join(', ')}`);
    expect(error.issues[0]?.message).not.toContain(missing.join(', '));
  });
});

describe('an untouched ordering question', () => {
  it('stays unanswered and earns nothing, though its shuffled order would earn partial credit', () => {
    // Find a seed whose starting order would earn something under pairwise-order.
    const ordering = quiz.questions[2]!;
    let seed = '';
    for (let i = 0; !seed; i++) {
      const order = presentationOrder(`p${i}`, quiz.id, ordering);
      if (order.type === 'ordering' && scoreQuestion(ordering, order.items).status === 'partial') seed = `p${i}`;
    }
    const attempt = answer(start(seed), quiz, 'q-single', 'nimbostratus', T0 + 1);
    const done = submitAttempt(attempt, quiz, T0 + 2);
    const result = done.result.questions.find((q) => q.questionId === 'q-order')!;
    expect(result.status).toBe('unanswered');
    expect(result.earned).toEqual({ n: 0, d: 1 });
  });

  it('counts once the learner submits the starting order as their answer', () => {
    const attempt = start('touch');
    const order = presentationOrder(attempt.seed, quiz.id, quiz.questions[2]!);
    const touched = answer(attempt, quiz, 'q-order', order.type === 'ordering' ? order.items : [], T0 + 1);
    expect(submitAttempt(touched, quiz, T0 + 2).result.questions[2]!.status).not.toBe('unanswered');
  });
});

describe('submitAttempt and the late policy', () => {
  const full = () => {
    let attempt: Attempt = start();
    for (const [id, response] of Object.entries(key)) attempt = answer(attempt, quiz, id, response, T0 + 1_000);
    return attempt;
  };

  it('scores the answers with scoreQuiz', () => {
    const done = submitAttempt(full(), quiz, T0 + 2_000);
    expect(done.status).toBe('submitted');
    expect(done.submittedAt).toBe(T0 + 2_000);
    expect(done.late).toBe(false);
    expect(done.result).toEqual(scoreQuiz(quiz, correctResponses(quiz)));
    expect(formatFraction(done.result.percent)).toBe('100');
  });

  it('is on time until deadline + grace, late after', () => {
    expect(DEFAULT_GRACE_SECONDS).toBe(30);
    expect(submitAttempt(full(), quiz, DEADLINE).late).toBe(false);
    expect(submitAttempt(full(), quiz, DEADLINE + 30_000).late).toBe(false);
    expect(submitAttempt(full(), quiz, DEADLINE + 30_001).late).toBe(true);
    expect(submitAttempt(full(), quiz, DEADLINE + 1, { graceSeconds: 0 }).late).toBe(true);
    expect(submitAttempt(full(), quiz, DEADLINE + 90_000, { graceSeconds: 120 }).late).toBe(false);
    expect(() => submitAttempt(full(), quiz, DEADLINE, { graceSeconds: -1 })).toThrow(RangeError);
  });

  it('counts only answers given in time, even when submitted late', () => {
    let attempt: Attempt = answer(start(), quiz, 'q-single', 'nimbostratus', T0 + 1);
    expect(() => (attempt = answer(attempt, quiz, 'q-multi', ['cumulus', 'nimbostratus'], DEADLINE + 5))).toThrow(AttemptError);
    const done = submitAttempt(attempt, quiz, DEADLINE + 3_600_000);
    expect(done.late).toBe(true);
    expect(done.result.earned).toEqual({ n: 1, d: 1 });
    expect(done.result.questions.map((q) => q.status)).toEqual(['correct', 'unanswered', 'unanswered', 'unanswered']);
  });

  it('is never late without a time limit', () => {
    const { timeLimitSeconds: _limit, ...untimed } = quiz;
    const attempt = startAttempt(untimed, { seed: 'x', now: T0 });
    expect(submitAttempt(attempt, untimed, T0 + 10 ** 10).late).toBe(false);
  });

  it('refuses a second submission and a changed quiz', () => {
    const done = submitAttempt(full(), quiz, T0 + 1_001);
    expect(refused(() => submitAttempt(done, quiz, T0 + 1_002)).code).toBe('already_submitted');
    expect(refused(() => submitAttempt(full(), { ...quiz, title: 'New' }, T0 + 1_002)).code).toBe('quiz_changed');
  });

  it('reports the time remaining', () => {
    const attempt = start();
    expect(timeRemaining(attempt, T0)).toBe(600_000);
    expect(timeRemaining(attempt, T0 + 60_000)).toBe(540_000);
    expect(timeRemaining(attempt, DEADLINE + 1)).toBe(0);
    expect(timeRemaining(submitAttempt(attempt, quiz, T0 + 1), T0 + 2)).toBe(0);
  });
});

describe('reviewAttempt', () => {
  it('is refused before submission', () => {
    expect(refused(() => reviewAttempt(quiz, start())).code).toBe('not_submitted');
  });

  it('shows response, correct response, status, feedback and explanation per question', () => {
    let attempt: Attempt = start('review');
    attempt = answer(attempt, quiz, 'q-single', 'cumulus', T0 + 1);
    attempt = answer(attempt, quiz, 'q-match', { puffy: 'cumulus', rainy: 'cirrus', funnel: null }, T0 + 2);
    const review = reviewAttempt(quiz, submitAttempt(attempt, quiz, T0 + 3));
    const [single, multi, order, match] = review.questions;
    expect(single).toMatchObject({
      questionId: 'q-single',
      status: 'incorrect',
      response: 'cumulus',
      answeredAt: T0 + 1,
      correctResponse: 'nimbostratus',
      feedback: ['SECRET-QFB-incorrect-1', 'SECRET-FB-cumulus'],
      explanation: 'SECRET-EXPLANATION-1 Nimbostratus is the rain cloud.',
      source: { section: 'clouds', quote: 'Rain falls mostly from nimbostratus.' },
    });
    expect(multi).toMatchObject({ status: 'unanswered', correctResponse: ['cumulus', 'nimbostratus'] });
    expect('response' in multi!).toBe(false);
    expect(order).toMatchObject({ status: 'unanswered', correctResponse: ['evaporate', 'condense', 'precipitate', 'collect'] });
    expect(match).toMatchObject({
      status: 'partial',
      correctResponse: { puffy: 'cumulus', rainy: 'nimbostratus', funnel: null },
      earned: { n: 1, d: 2 },
      feedback: ['SECRET-FB-rainy'],
    });
    // The question as it was shown, in the attempt's order.
    expect(single!.question).toEqual(learnerView(quiz, attempt).questions[0]);
    expect(review.result).toEqual(submitAttempt(attempt, quiz, T0 + 3).result);
  });

  it('is refused against a changed quiz', () => {
    const done = submitAttempt(start(), quiz, T0 + 1);
    expect(refused(() => reviewAttempt({ ...quiz, title: 'Changed' }, done)).code).toBe('quiz_changed');
  });
});

describe('a changed quiz', () => {
  // The same quiz with the single-choice key fixed: cumulus was right after all.
  const fixedInput = structuredClone(moduleInput.quizzes[0]) as unknown as Record<string, any>;
  fixedInput.questions[0].options = [
    { id: 'nimbostratus', text: 'Nimbostratus' },
    { id: 'cumulus', text: 'Cumulus', correct: true },
    { id: 'cirrus', text: 'Cirrus' },
  ];
  fixedInput.timeLimitSeconds = 1200;
  const fixed: Quiz = parseQuiz(fixedInput);

  it('is detected by its hash when resuming or submitting', () => {
    const attempt = answer(start(), quiz, 'q-single', 'cumulus', T0 + 1);
    expect(refused(() => answer(attempt, fixed, 'q-multi', ['fog'], T0 + 2)).code).toBe('quiz_changed');
    expect(refused(() => submitAttempt(attempt, fixed, T0 + 2)).code).toBe('quiz_changed');
  });

  it('re-scores a submitted attempt deliberately', () => {
    const done = submitAttempt(answer(start(), quiz, 'q-single', 'cumulus', T0 + 1), quiz, T0 + 2);
    expect(done.result.questions[0]!.status).toBe('incorrect');
    expect(() => rescoreAttempt(done, fixed, {} as never)).toThrow(TypeError);
    const rescored = rescoreAttempt(done, fixed, { acknowledgeQuizChange: true });
    expect(rescored.result.questions[0]!.status).toBe('correct');
    expect(rescored).toMatchObject({ submittedAt: done.submittedAt, late: done.late, answers: done.answers });
    expect(reviewAttempt(fixed, rescored).questions[0]!.correctResponse).toBe('cumulus');
    expect(refused(() => reviewAttempt(quiz, rescored)).code).toBe('quiz_changed');
    expect(done.result.questions[0]!.status).toBe('incorrect');
  });

  it('derives the deadline and late from the new time limit, and refuses one that would put answers after it', () => {
    const lateByOldLimit = submitAttempt(answer(start(), quiz, 'q-multi', ['fog'], T0 + 1), quiz, T0 + 900_000);
    expect([lateByOldLimit.late, lateByOldLimit.graceSeconds]).toEqual([true, DEFAULT_GRACE_SECONDS]);
    const rescored = rescoreAttempt(lateByOldLimit, fixed, { acknowledgeQuizChange: true });
    expect([rescored.deadline, rescored.late, rescored.graceSeconds]).toEqual([T0 + 1_200_000, false, DEFAULT_GRACE_SECONDS]);

    const answeredLate = answer(start(), quiz, 'q-multi', ['fog'], T0 + 500_000);
    const shorter = parseQuiz({ ...structuredClone(moduleInput.quizzes[0]), timeLimitSeconds: 60 });
    const error = refused(() => rescoreAttempt(answeredLate, shorter, { acknowledgeQuizChange: true }));
    expect(error.code).toBe('inconsistent_attempt');
    expect(error.issues[0]).toMatchObject({ path: ['answers', 'q-multi', 'at'] });
    expect(answeredLate.answers['q-multi']).toEqual({ response: ['fog'], at: T0 + 500_000 });
  });

  it('moves an in-progress attempt onto the new quiz, dropping answers that no longer fit', () => {
    let attempt: Attempt = answer(start(), quiz, 'q-single', 'stratus', T0 + 1);
    attempt = answer(attempt, quiz, 'q-multi', ['fog'], T0 + 1);
    const moved = rescoreAttempt(attempt, fixed, { acknowledgeQuizChange: true });
    expect(moved.status).toBe('in-progress');
    expect(Object.keys(moved.answers)).toEqual(['q-multi']);
    expect(moved.deadline).toBe(T0 + 1_200_000);
    expect(answer(moved, fixed, 'q-single', 'cumulus', T0 + 700_000).answers['q-single']?.response).toBe('cumulus');
    expect(refused(() => rescoreAttempt(attempt, { ...fixed, id: 'other' }, { acknowledgeQuizChange: true })).code).toBe('wrong_quiz');
  });
});

describe('attemptResponses', () => {
  it('gives the recorded responses for scoreQuiz', () => {
    const attempt = answer(start(), quiz, 'q-single', 'cirrus', T0 + 1);
    expect(attemptResponses(attempt)).toEqual({ 'q-single': 'cirrus' });
    expect(formatFraction(scoreQuiz(quiz, attemptResponses(attempt)).earned)).toBe('0.25');
  });
});

describe('issue #13.5: answer() stores what it checked', () => {
  it('stores the plain copy of a list with an own iterator, not what the iterator yields', () => {
    const attempt = startAttempt(quiz, { seed: 'iter', now: T0 });
    const sneaky = ['evaporate', 'condense', 'precipitate', 'collect'].reverse();
    Object.defineProperty(sneaky, Symbol.iterator, { value: function* () { yield* ['evaporate', 'condense', 'precipitate', 'collect']; } });
    const next = answer(attempt, quiz, 'q-order', sneaky, T0 + 1);
    expect(next.answers['q-order']?.response).toEqual(['collect', 'precipitate', 'condense', 'evaporate']);
    expect(Object.getOwnPropertySymbols(next.answers['q-order']?.response)).toEqual([]);
    // And the saved attempt reads back as the same answer.
    expect(parseAttempt(serializeAttempt(next), { quiz }).answers['q-order']?.response).toEqual(['collect', 'precipitate', 'condense', 'evaporate']);
  });

  it('reads a getter once and stores the value it checked', () => {
    const attempt = startAttempt(quiz, { seed: 'getter', now: T0 });
    let reads = 0;
    const response = {};
    Object.defineProperty(response, 'puffy', { enumerable: true, get: () => (reads++ === 0 ? 'cumulus' : 'cirrus') });
    const matching = quiz.questions.find((q) => q.type === 'matching')!;
    const stored = answer(attempt, quiz, matching.id, response, T0 + 1).answers[matching.id]?.response as Record<string, string>;
    expect(reads).toBe(1);
    expect(stored).toEqual({ puffy: 'cumulus' });
  });
});

describe('issue #12: the quiz hash of a frozen quiz is worked out once, of a mutable one on every call', () => {
  it('sees an in-place edit of a mutable quiz, and cannot see one of a frozen quiz because there is none', () => {
    const mutable = structuredClone(quiz) as { -readonly [K in keyof typeof quiz]: (typeof quiz)[K] } & { passMark: { n: number; d: number } };
    const before = hashQuiz(mutable);
    mutable.passMark = { n: 99, d: 1 };
    expect(hashQuiz(mutable)).not.toBe(before);
    expect(Object.isFrozen(quiz)).toBe(true);
    expect(hashQuiz(quiz)).toBe(hashQuiz(structuredClone(quiz)));
  });
});
