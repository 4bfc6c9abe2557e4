import fc from 'fast-check';
import type { Question, Quiz } from 'quizkit/schema';
import { type Attempt, answer, isAttemptError, startAttempt, submitAttempt } from 'quizkit/attempts';

/** A valid response to a question, or null (which clears it). */
export function responseTo(question: Question): fc.Arbitrary<unknown> {
  switch (question.type) {
    case 'single-choice':
      return fc.constantFrom(...question.options.map((o) => o.id));
    case 'multiple-choice':
      return fc.subarray(question.options.map((o) => o.id));
    case 'ordering': {
      const ids = question.items.map((i) => i.id);
      return fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length });
    }
    case 'matching': {
      const choices: (string | null)[] = [...question.actors.map((a) => a.id), ...(question.allowNoMatch ? [null] : [])];
      return fc
        .tuple(...question.statements.map(() => fc.constantFrom<string | null | 'skip'>('skip', ...choices)))
        .map((picks) => Object.fromEntries(question.statements.flatMap((s, i) => (picks[i] === 'skip' ? [] : [[s.id, picks[i]]]))));
    }
  }
}

/** One step of a learner: a response to a question after `dt` milliseconds. */
export const stepArb = (quiz: Quiz) =>
  fc.oneof(
    ...quiz.questions.map((question) =>
      fc.record({
        questionId: fc.constant(question.id),
        response: fc.oneof({ weight: 6, arbitrary: responseTo(question) }, { weight: 1, arbitrary: fc.constant(null) }),
        dt: fc.integer({ min: 0, max: 120_000 }),
      }),
    ),
  );

/** A random attempt: random seed, number and start, random valid answers at increasing times, maybe submitted. */
export const attemptArb = (quiz: Quiz) =>
  fc
    .record({
      seed: fc.string({ minLength: 1, maxLength: 40 }),
      attemptNumber: fc.integer({ min: 1, max: 50 }),
      startedAt: fc.integer({ min: 0, max: 2 ** 42 }),
      steps: fc.array(stepArb(quiz), { maxLength: 12 }),
      submitAfter: fc.option(fc.integer({ min: 0, max: 2_000_000 })),
      graceSeconds: fc.option(fc.oneof(fc.integer({ min: 0, max: 3_600 }), fc.double({ min: 0, max: 1e6, noNaN: true }))),
    })
    .map(({ seed, attemptNumber, startedAt, steps, submitAfter, graceSeconds }) => {
      let attempt: Attempt = startAttempt(quiz, { seed, attemptNumber, now: startedAt });
      let now = startedAt;
      for (const { questionId, response, dt } of steps) {
        now += dt;
        try {
          attempt = answer(attempt, quiz, questionId, response, now);
        } catch (error) {
          if (!(isAttemptError(error) && error.code === 'time_expired')) throw error;
        }
      }
      if (submitAfter === null) return attempt;
      return submitAttempt(attempt, quiz, now + submitAfter, graceSeconds === null ? {} : { graceSeconds });
    });

/** The code of the AttemptError `fn` throws, or 'ok'. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isAttemptError(error)) return error.code;
    throw error;
  }
  return 'ok';
}

/** The code of the AttemptError `promise` rejects with, or 'ok'. */
export async function asyncCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAttemptError(error)) return error.code;
    throw error;
  }
  return 'ok';
}

/** A saved text in the version-1 format (facts plus the derived deadline, late and result), as quizkit 0.1 wrote it. */
export function asVersion1(attempt: Attempt): Record<string, unknown> {
  const base = {
    formatVersion: 1,
    quizId: attempt.quizId,
    quizHash: attempt.quizHash,
    seed: attempt.seed,
    attemptNumber: attempt.attemptNumber,
    startedAt: attempt.startedAt,
    ...(attempt.deadline !== undefined ? { deadline: attempt.deadline } : {}),
    answers: attempt.answers,
    status: attempt.status,
  };
  return structuredClone(
    attempt.status === 'submitted' ? { ...base, submittedAt: attempt.submittedAt, late: attempt.late, result: attempt.result } : base,
  );
}
