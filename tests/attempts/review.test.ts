import { describe, expect, it } from 'vitest';
import { correctResponses } from 'quizkit';
import {
  type Attempt,
  EXAM_REVIEW_POLICY,
  PRACTICE_REVIEW_POLICY,
  REVIEW_SHOW_ALL,
  type ReviewPolicy,
  type ReviewShow,
  type ReviewTiming,
  type SubmittedAttempt,
  answer,
  reviewAttempt,
  reviewVisibility,
  startAttempt,
  submitAttempt,
} from 'quizkit/attempts';
import { T0, quiz } from './fixtures.js';

const key = correctResponses(quiz) as Record<string, unknown>;

/** An attempt with an incorrect, two partial and one partly matched answer: feedback, statistics and flags all present. */
function takeIt(seed = 'review'): SubmittedAttempt {
  let attempt: Attempt = startAttempt(quiz, { seed, now: T0 });
  attempt = answer(attempt, quiz, 'q-single', 'cumulus', T0 + 1);
  attempt = answer(attempt, quiz, 'q-multi', ['cumulus', 'fog'], T0 + 2);
  attempt = answer(attempt, quiz, 'q-order', ['condense', 'evaporate', 'precipitate', 'collect'], T0 + 3);
  attempt = answer(attempt, quiz, 'q-match', { puffy: 'cumulus', rainy: 'cirrus', funnel: null }, T0 + 4);
  return submitAttempt(attempt, quiz, T0 + 5);
}

/** A review's JSON without its `show` field (which names the flags, and so the hidden fields' names). */
const reviewJson = ({ show: _show, ...review }: ReturnType<typeof reviewAttempt>) => JSON.stringify(review);

const FLAGS = ['marks', 'feedback', 'explanation', 'correctResponse'] as const;
const everyShow: ReviewShow[] = Array.from({ length: 16 }, (_, bits) =>
  Object.fromEntries(FLAGS.map((flag, index) => [flag, (bits & (1 << index)) !== 0])) as unknown as ReviewShow,
);

/** What must not appear anywhere in a review's JSON when a flag is off. */
const hiddenBy: Record<(typeof FLAGS)[number], (string | RegExp)[]> = {
  marks: ['"earned"', '"possible"', '"percent"', '"passed"', '"status"', '"fraction"', '"statistic"', '"byObjective"', '"bySection"', '"issues"'],
  feedback: ['"feedback"', 'SECRET-FB', 'SECRET-QFB'],
  explanation: ['"explanation"', 'SECRET-EXPLANATION', '"quote"', ...quiz.questions.map((q) => q.source.quote)],
  correctResponse: [
    '"correctResponse"',
    '"correct"',
    '"statistic"',
    JSON.stringify(key['q-multi']),
    JSON.stringify(key['q-order']),
    JSON.stringify(key['q-match']),
  ],
};

describe('reviewVisibility', () => {
  const at = (timing: ReviewTiming, state: Parameters<typeof reviewVisibility>[1]) =>
    reviewVisibility({ marks: timing, feedback: timing, explanation: timing, correctResponse: timing }, state).marks;

  it('decides each timing from attempts used and the closing time', () => {
    const table: [ReviewTiming, Parameters<typeof reviewVisibility>[1], boolean][] = [
      ['after-each-attempt', { attemptsUsed: 1, now: 0 }, true],
      ['never', { attemptsUsed: 5, maxAttempts: 1, closesAt: 0, now: 10 }, false],
      ['after-last-attempt', { attemptsUsed: 1, now: 0 }, false],
      ['after-last-attempt', { attemptsUsed: 1, maxAttempts: 2, now: 0 }, false],
      ['after-last-attempt', { attemptsUsed: 2, maxAttempts: 2, now: 0 }, true],
      ['after-last-attempt', { attemptsUsed: 3, maxAttempts: 2, now: 0 }, true],
      ['after-last-attempt', { attemptsUsed: 1, closesAt: 100, now: 99 }, false],
      ['after-last-attempt', { attemptsUsed: 1, closesAt: 100, now: 100 }, true],
      ['after-close', { attemptsUsed: 2, maxAttempts: 2, now: 0 }, false],
      ['after-close', { attemptsUsed: 1, closesAt: 100, now: 99 }, false],
      ['after-close', { attemptsUsed: 1, closesAt: 100, now: 100 }, true],
    ];
    for (const [timing, state, expected] of table) expect(at(timing, state), `${timing} ${JSON.stringify(state)}`).toBe(expected);
  });

  it('has an exam policy that keeps the key until the attempts are used up, and a practice policy that shows all', () => {
    expect(EXAM_REVIEW_POLICY).toEqual({ marks: 'after-each-attempt', feedback: 'after-last-attempt', explanation: 'after-last-attempt', correctResponse: 'after-last-attempt' });
    expect(reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 1, maxAttempts: 3, now: 0 })).toEqual({ marks: true, feedback: false, explanation: false, correctResponse: false });
    expect(reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 3, maxAttempts: 3, now: 0 })).toEqual(REVIEW_SHOW_ALL);
    expect(reviewVisibility(PRACTICE_REVIEW_POLICY, { attemptsUsed: 1, now: 0 })).toEqual(REVIEW_SHOW_ALL);
    expect(Object.isFrozen(EXAM_REVIEW_POLICY) && Object.isFrozen(PRACTICE_REVIEW_POLICY)).toBe(true);
  });

  it('throws a RangeError for bad counts, times and timings', () => {
    expect(() => reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: -1, now: 0 })).toThrow(RangeError);
    expect(() => reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 1, maxAttempts: 0, now: 0 })).toThrow(RangeError);
    expect(() => reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 1, now: Number.NaN })).toThrow(RangeError);
    expect(() => reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 1, closesAt: -5, now: 0 })).toThrow(RangeError);
    expect(() => reviewVisibility({ ...EXAM_REVIEW_POLICY, marks: 'later' as ReviewTiming } as ReviewPolicy, { attemptsUsed: 1, now: 0 })).toThrow(RangeError);
  });
});

describe('reviewAttempt with a show', () => {
  const done = takeIt();

  it('shows everything by default, as before: the full result', () => {
    const review = reviewAttempt(quiz, done);
    expect(review.show).toEqual(REVIEW_SHOW_ALL);
    expect(review.result).toEqual(done.result);
    expect(review.questions.map((q) => q.result)).toEqual(done.result.questions);
    expect(review.questions[0]).toMatchObject({ correctResponse: 'nimbostratus', explanation: expect.stringContaining('SECRET-EXPLANATION-1'), source: { quote: quiz.questions[0]!.source.quote } });
  });

  it.each(everyShow.map((show) => [FLAGS.map((flag) => `${flag}:${show[flag] ? 'on' : 'off'}`).join(' '), show] as const))(
    'leaves out everything hidden, and only that (%s)',
    (_name, show) => {
      const json = reviewJson(reviewAttempt(quiz, done, { show }));
      for (const flag of FLAGS) {
        for (const needle of hiddenBy[flag]) {
          // A needle hidden by one flag may also be shown only with another (the statistic needs marks and correctResponse).
          const shown = FLAGS.filter((other) => hiddenBy[other].includes(needle)).every((other) => show[other]);
          expect(json.includes(needle as string), `${flag} ${show[flag] ? 'shown' : 'hidden'}: ${String(needle)}`).toBe(shown);
        }
      }
      // Always: the learner's own responses and the questions as shown.
      expect(json).toContain('"response":["condense","evaporate","precipitate","collect"]');
      expect(json).toContain('"prompt"');
    },
  );

  it('treats a flag that is not true as hidden', () => {
    const review = reviewAttempt(quiz, done, { show: { marks: 'yes', correctResponse: 1 } as unknown as ReviewShow });
    expect(review.show).toEqual({ marks: false, feedback: false, explanation: false, correctResponse: false });
    expect(JSON.stringify(review)).not.toContain('"earned"');
  });

  it('is built from an allow-list: a field the scorer adds later stays out', () => {
    const extra = { ...done, result: { ...done.result, secret: 'SECRET-NEW', questions: done.result.questions.map((q) => ({ ...q, secretKey: 'SECRET-NEW', parts: q.parts.map((p) => ({ ...p, secretPart: 'SECRET-NEW' })) })) } };
    expect(JSON.stringify(reviewAttempt(quiz, extra as SubmittedAttempt))).not.toContain('SECRET-NEW');
  });
});

describe('issue #12: the key does not leak between attempts under the exam policy', () => {
  it('an empty first attempt’s review does not give the key for the second; the last attempt’s does', () => {
    const maxAttempts = 2;
    const first = submitAttempt(startAttempt(quiz, { seed: 'first', now: T0, attemptNumber: 1 }), quiz, T0 + 1);
    const afterFirst = reviewAttempt(quiz, first, { show: reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 1, maxAttempts, now: T0 + 1 }) });
    const json = reviewJson(afterFirst);
    expect(afterFirst.result.percent).toEqual({ n: 0, d: 1 });
    for (const needle of [...hiddenBy.correctResponse, ...hiddenBy.feedback, ...hiddenBy.explanation]) expect(json).not.toContain(needle);
    expect(afterFirst.questions.every((q) => !('correctResponse' in q) && q.result.parts.every((part) => !('correct' in part)))).toBe(true);

    const second = submitAttempt(startAttempt(quiz, { seed: 'second', now: T0 + 2, attemptNumber: 2 }), quiz, T0 + 3);
    const afterLast = reviewAttempt(quiz, second, { show: reviewVisibility(EXAM_REVIEW_POLICY, { attemptsUsed: 2, maxAttempts, now: T0 + 3 }) });
    expect(afterLast.questions.map((q) => q.correctResponse)).toEqual(quiz.questions.map((q) => key[q.id]));
  });
});
