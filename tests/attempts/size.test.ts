import { describe, expect, it } from 'vitest';
import { LIMITS, parseQuiz, type Quiz } from 'quizkit/schema';
import {
  type Attempt,
  MAX_EPOCH_MILLIS,
  MAX_SAVED_ATTEMPT_LENGTH,
  answer,
  parseAttempt,
  serializeAttempt,
  startAttempt,
  submitAttempt,
} from 'quizkit/attempts';
import { asVersion1 } from './helpers.js';

/** An id of exactly `LIMITS.idLength` characters, unique by `n`. */
const longId = (prefix: string, n: number) => `${prefix}${n}`.padEnd(LIMITS.idLength, 'x');

/** A matching question with the most statements and actors, all ids as long as allowed. */
function matchingQuestion(index: number, feedbackLength: number) {
  const actors = Array.from({ length: LIMITS.actorsPerMatching }, (_, a) => ({ id: longId(`a${index}_`, a), name: `Actor ${a}` }));
  return {
    id: longId(`q${index}_`, 0),
    type: 'matching' as const,
    prompt: `Match ${index}`,
    explanation: 'E',
    source: { section: 's', quote: 'q' },
    actors,
    statements: Array.from({ length: LIMITS.statementsPerMatching }, (_, s) => ({
      id: longId(`s${index}_`, s),
      text: `Statement ${s}`,
      actor: actors[s % actors.length]!.id,
      ...(feedbackLength > 0 ? { feedback: 'f'.repeat(feedbackLength) } : {}),
    })),
  };
}

/** The response that fills every statement, each with the longest actor id. */
function fullResponse(question: Quiz['questions'][number]) {
  if (question.type !== 'matching') throw new Error('expected a matching question');
  return Object.fromEntries(question.statements.map((statement, s) => [statement.id, question.actors[(s + 1) % question.actors.length]!.id]));
}

function answerAll(quiz: Quiz, start: number, options: { seed: string; attemptNumber?: number }): Attempt {
  let attempt: Attempt = startAttempt(quiz, { now: start, ...options });
  for (const question of quiz.questions) attempt = answer(attempt, quiz, question.id, fullResponse(question), start + 1);
  return attempt;
}

describe('issue #12: saved attempts never outgrow the limit', () => {
  it('keeps the repro small: four matching questions of 50 statements with 5,000-character feedback each', () => {
    const quiz = parseQuiz({ id: 'big-feedback', title: 'Big feedback', questions: [0, 1, 2, 3].map((i) => matchingQuestion(i, LIMITS.longText)) });
    const done = submitAttempt(answerAll(quiz, 1_000, { seed: 'repro' }), quiz, 2_000);
    // Version 1 copied the result, feedback and all, into the saved text: over two million characters.
    expect(JSON.stringify(asVersion1(done)).length).toBeGreaterThan(2_000_000);
    const saved = serializeAttempt(done);
    expect(saved.length).toBeLessThan(30_000);
    expect(saved).not.toContain('f'.repeat(100));
    expect(parseAttempt(saved, { quiz })).toStrictEqual(done);
  });

  it(
    'fits MAX_SAVED_ATTEMPT_LENGTH at every LIMITS maximum, sealed, and reads back',
    async () => {
      // 200 matching questions × 50 statements, every id 64 characters, every statement answered
      // with a 64-character actor id; the longest seed, escaped the longest way; 15-digit times;
      // the largest attempt number; the longest grace period JSON can write.
      const quiz = parseQuiz({
        id: longId('quiz', 0),
        title: 'Largest',
        timeLimitSeconds: 7 * 24 * 3600,
        questions: Array.from({ length: LIMITS.questionsPerQuiz }, (_, i) => matchingQuestion(i, 0)),
      });
      const start = MAX_EPOCH_MILLIS - 1_000;
      const attempt = answerAll(quiz, start, { seed: '\u0001'.repeat(256), attemptNumber: Number.MAX_SAFE_INTEGER });
      const done = submitAttempt(attempt, quiz, MAX_EPOCH_MILLIS, { graceSeconds: Number.MAX_VALUE });
      const key = new Uint8Array(32).fill(1);
      const sealed = await serializeAttempt(done, { key });
      const plain = serializeAttempt(done);
      expect(sealed.length).toBeLessThanOrEqual(MAX_SAVED_ATTEMPT_LENGTH);
      // The bound is tight: the largest attempt comes within 1 % of it.
      expect(sealed.length).toBeGreaterThan(MAX_SAVED_ATTEMPT_LENGTH * 0.99);
      expect(await parseAttempt(sealed, { quiz, key })).toStrictEqual(done);
      expect(parseAttempt(plain, { quiz })).toStrictEqual(done);
      expect(parseAttempt(serializeAttempt(attempt), { quiz })).toStrictEqual(attempt);
    },
    60_000,
  );
});
