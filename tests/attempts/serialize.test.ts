import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from 'quizkit';
import {
  ATTEMPT_FORMAT_VERSION,
  ATTEMPT_MIGRATIONS,
  type Attempt,
  AttemptError,
  MAX_SAVED_ATTEMPT_LENGTH,
  answer,
  isAttemptError,
  learnerView,
  migrateSavedAttempt,
  parseAttempt,
  safeParseAttempt,
  serializeAttempt,
  startAttempt,
  submitAttempt,
} from 'quizkit/attempts';
import { T0, quiz } from './fixtures.js';

/** A valid response to a question, or null (which clears it). */
function responseTo(question: Question): fc.Arbitrary<unknown> {
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

const step = fc.oneof(
  ...quiz.questions.map((question) =>
    fc.record({ questionId: fc.constant(question.id), response: fc.oneof({ weight: 6, arbitrary: responseTo(question) }, { weight: 1, arbitrary: fc.constant(null) }), dt: fc.integer({ min: 0, max: 120_000 }) }),
  ),
);

/** A random attempt: random seed, number and start, random valid answers at increasing times, maybe submitted. */
const attemptArb = fc
  .record({
    seed: fc.string({ minLength: 1, maxLength: 40 }),
    attemptNumber: fc.integer({ min: 1, max: 50 }),
    startedAt: fc.integer({ min: 0, max: 2 ** 42 }),
    steps: fc.array(step, { maxLength: 12 }),
    submitAfter: fc.option(fc.integer({ min: 0, max: 2_000_000 })),
  })
  .map(({ seed, attemptNumber, startedAt, steps, submitAfter }) => {
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
    return submitAfter === null ? attempt : submitAttempt(attempt, quiz, now + submitAfter);
  });

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isAttemptError(error)) return error.code;
    throw error;
  }
  return 'ok';
}

describe('save and resume', () => {
  it('round-trips any attempt losslessly, and resumes where it left off', () => {
    fc.assert(
      fc.property(attemptArb, step, (attempt, next) => {
        const saved = serializeAttempt(attempt);
        const restored = parseAttempt(saved, { quiz });
        expect(restored).toStrictEqual(attempt);
        expect(serializeAttempt(restored)).toBe(saved);
        expect(learnerView(quiz, restored)).toStrictEqual(learnerView(quiz, attempt));
        if (attempt.status === 'in-progress') {
          const later = Object.values(attempt.answers).reduce((t, a) => Math.max(t, a.at), attempt.startedAt);
          const go = (a: Attempt) => {
            try {
              return answer(a, quiz, next.questionId, next.response, later);
            } catch (error) {
              return (error as AttemptError).code;
            }
          };
          expect(go(restored)).toStrictEqual(go(attempt));
          expect(submitAttempt(restored, quiz, later)).toStrictEqual(submitAttempt(attempt, quiz, later));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('writes formatVersion 1 and the quiz hash, and not the quiz', () => {
    const saved = JSON.parse(serializeAttempt(startAttempt(quiz, { seed: 's', now: T0 })));
    expect(saved).toMatchObject({ formatVersion: 1, quizId: quiz.id, quizHash: expect.stringMatching(/^cyrb64:/) });
    expect(Object.keys(saved)).not.toContain('questions');
    expect(ATTEMPT_FORMAT_VERSION).toBe(1);
  });

  it('writes only the format’s fields', () => {
    const attempt = { ...startAttempt(quiz, { seed: 's', now: T0 }), extra: 'x' } as Attempt;
    expect(serializeAttempt(attempt)).not.toContain('extra');
  });
});

describe('parseAttempt on bad input', () => {
  const good = JSON.parse(serializeAttempt(submitAttempt(answer(startAttempt(quiz, { seed: 's', now: T0 }), quiz, 'q-single', 'cumulus', T0 + 1), quiz, T0 + 2)));
  const inProgress = JSON.parse(serializeAttempt(answer(startAttempt(quiz, { seed: 's', now: T0 }), quiz, 'q-order', ['collect', 'condense', 'evaporate', 'precipitate'], T0 + 1)));
  const variant = (base: object, change: (doc: any) => void) => {
    const doc = structuredClone(base);
    change(doc);
    return JSON.stringify(doc);
  };

  it.each([
    ['invalid_json', '{'],
    ['invalid_json', ''],
    ['invalid_json', 42],
    ['invalid_attempt', '[]'],
    ['invalid_attempt', 'null'],
    ['invalid_attempt', '"attempt"'],
    ['invalid_attempt', '{}'],
    ['invalid_attempt', '{"formatVersion": "1"}'],
    ['invalid_attempt', '{"formatVersion": 0}'],
    ['invalid_attempt', '{"formatVersion": 1.5}'],
    ['unsupported_version', '{"formatVersion": 2}'],
    ['unsupported_version', '{"formatVersion": 999999}'],
    ['invalid_attempt', '{"formatVersion": 1}'],
  ])('refuses with %s: %j', (code, input) => {
    expect(codeOf(() => parseAttempt(input))).toBe(code);
  });

  it.each<[string, (doc: any) => void]>([
    ['a seed of the wrong type', (d) => (d.seed = 5)],
    ['an empty seed', (d) => (d.seed = '')],
    ['a negative start time', (d) => (d.startedAt = -1)],
    ['a fractional attempt number', (d) => (d.attemptNumber = 1.5)],
    ['an unknown status', (d) => (d.status = 'paused')],
    ['an unknown field', (d) => (d.admin = true)],
    ['a missing field', (d) => delete d.quizHash],
    ['answers as a list', (d) => (d.answers = [])],
    ['an answer keyed __proto__', (d) => (d.answers = JSON.parse('{"__proto__": {"response": "a", "at": 1}}'))],
    ['an answer with a bad id', (d) => (d.answers['q single'] = { response: 'a', at: 1 })],
    ['an answer without a time', (d) => delete d.answers['q-single'].at],
    ['a response of the wrong type', (d) => (d.answers['q-single'].response = 7)],
    ['a result with an unreduced fraction', (d) => (d.result.earned = { n: 2, d: 4 })],
    ['a result with a zero denominator', (d) => (d.result.percent = { n: 1, d: 0 })],
    ['a result with an unknown status', (d) => (d.result.questions[0].status = 'great')],
    ['a submitted attempt without its result', (d) => delete d.result],
    ['late as a string', (d) => (d.late = 'no')],
  ])('refuses %s with invalid_attempt and a path', (_name, change) => {
    const error = (() => {
      try {
        parseAttempt(variant(good, change));
      } catch (e) {
        return e;
      }
    })();
    expect(isAttemptError(error)).toBe(true);
    expect((error as AttemptError).code).toBe('invalid_attempt');
    expect((error as AttemptError).issues.length).toBeGreaterThan(0);
    expect(Array.isArray((error as AttemptError).issues[0].path)).toBe(true);
  });

  it('refuses an in-progress attempt that carries a result', () => {
    expect(codeOf(() => parseAttempt(variant(inProgress, (d) => (d.result = good.result))))).toBe('invalid_attempt');
  });

  it('gives the path of each problem', () => {
    const error = safeParseAttempt(variant(good, (d) => ((d.seed = 5), (d.answers['q-single'].at = 'soon'))));
    expect(error.success).toBe(false);
    if (!error.success) {
      expect(error.error.issues.map((issue) => issue.path)).toEqual([['seed'], ['answers', 'q-single', 'at']]);
    }
  });

  it('refuses oversized text before parsing it', () => {
    const huge = `{"formatVersion": 1, "seed": "${'x'.repeat(MAX_SAVED_ATTEMPT_LENGTH)}"}`;
    expect(codeOf(() => parseAttempt(huge))).toBe('too_large');
    expect(codeOf(() => parseAttempt(JSON.stringify(good), { maxLength: 100 }))).toBe('too_large');
  });

  it('never throws anything but an AttemptError, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        const parsed = safeParseAttempt(json);
        expect(parsed.success).toBe(false);
      }),
    );
    // Mutate a valid document at random: every outcome is an attempt or an AttemptError.
    const paths: (string | number)[][] = [['seed'], ['answers'], ['status'], ['result', 'questions', 0, 'parts', 0], ['result', 'bySection'], ['deadline'], ['result', 'questions', 1, 'issues']];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const doc = structuredClone(good);
        let target = doc;
        for (const key of path.slice(0, -1)) target = target[key];
        target[path[path.length - 1]!] = value;
        const parsed = safeParseAttempt(JSON.stringify(doc));
        if (!parsed.success) expect(parsed.error).toBeInstanceOf(AttemptError);
      }),
    );
  });

  it('safeParseAttempt returns the error instead of throwing', () => {
    const parsed = safeParseAttempt('{');
    expect(parsed.success === false && parsed.error.code).toBe('invalid_json');
    expect(safeParseAttempt(JSON.stringify(good)).success).toBe(true);
  });
});

describe('parseAttempt with the quiz', () => {
  const saved = serializeAttempt(answer(startAttempt(quiz, { seed: 's', now: T0 }), quiz, 'q-single', 'cumulus', T0 + 1));

  it('detects a changed quiz', () => {
    expect(codeOf(() => parseAttempt(saved, { quiz: { ...quiz, title: 'Renamed' } }))).toBe('quiz_changed');
    expect(codeOf(() => parseAttempt(saved, { quiz: { ...quiz, id: 'another' } }))).toBe('wrong_quiz');
    expect(codeOf(() => parseAttempt(saved, { quiz }))).toBe('ok');
  });

  it('refuses recorded responses that do not fit the quiz', () => {
    const tampered = saved.replace('"response":"cumulus"', '"response":"hail"');
    expect(codeOf(() => parseAttempt(tampered))).toBe('ok');
    expect(codeOf(() => parseAttempt(tampered, { quiz }))).toBe('invalid_attempt');
    const unknown = saved.replace('"q-single"', '"q-gone"');
    expect(codeOf(() => parseAttempt(unknown, { quiz }))).toBe('invalid_attempt');
  });

  it('is refused by answer and submit when resumed against a changed quiz', () => {
    const restored = parseAttempt(saved);
    const changed = { ...quiz, questions: quiz.questions.map((q) => (q.id === 'q-multi' ? { ...q, prompt: 'Which are clouds?' } : q)) };
    expect(codeOf(() => answer(restored, changed, 'q-multi', ['fog'], T0 + 2))).toBe('quiz_changed');
    expect(codeOf(() => submitAttempt(restored, changed, T0 + 2))).toBe('quiz_changed');
  });
});

describe('migrations', () => {
  const v1 = JSON.parse(serializeAttempt(startAttempt(quiz, { seed: 's', now: T0 })));

  it('has none yet: version 1 is the first format', () => {
    expect(Object.keys(ATTEMPT_MIGRATIONS)).toEqual([]);
    expect(migrateSavedAttempt(v1)).toBe(v1);
  });

  it('applies steps N → N+1 in order up to a (fake, future) target version', () => {
    const applied: number[] = [];
    const migrations = {
      // v2 renamed `seed` to `shuffleSeed`; v3 added a time zone.
      1: (saved: Readonly<Record<string, unknown>>) => {
        applied.push(1);
        const { seed, ...rest } = saved;
        return { ...rest, shuffleSeed: seed, formatVersion: 2 };
      },
      2: (saved: Readonly<Record<string, unknown>>) => {
        applied.push(2);
        return { ...saved, timeZone: 'UTC', formatVersion: 3 };
      },
    };
    const v3 = migrateSavedAttempt(v1, { migrations, targetVersion: 3 });
    expect(applied).toEqual([1, 2]);
    expect(v3).toMatchObject({ formatVersion: 3, shuffleSeed: 's', timeZone: 'UTC' });
    expect('seed' in v3).toBe(false);
    expect(v1.seed).toBe('s');
    // From the middle of the chain, only the later step runs.
    applied.length = 0;
    expect(migrateSavedAttempt({ ...v1, formatVersion: 2 }, { migrations, targetVersion: 3 }).formatVersion).toBe(3);
    expect(applied).toEqual([2]);
  });

  it('refuses a missing step, a step that does not advance by one, and a failing step', () => {
    expect(codeOf(() => migrateSavedAttempt(v1, { migrations: {}, targetVersion: 2 }))).toBe('unsupported_version');
    expect(codeOf(() => migrateSavedAttempt(v1, { migrations: { 1: (s) => ({ ...s, formatVersion: 3 }) }, targetVersion: 3 }))).toBe('invalid_attempt');
    expect(
      codeOf(() =>
        migrateSavedAttempt(v1, {
          migrations: {
            1: () => {
              throw new Error('boom');
            },
          },
          targetVersion: 2,
        }),
      ),
    ).toBe('invalid_attempt');
  });

  it('refuses data newer than the reader, and reads the current version through the hook', () => {
    expect(codeOf(() => parseAttempt(JSON.stringify({ ...v1, formatVersion: 2 })))).toBe('unsupported_version');
    // The hook is consulted for the current reader too; a table with unrelated steps changes nothing.
    const steps: number[] = [];
    const parsed = parseAttempt(JSON.stringify(v1), { migrations: { 5: (s) => (steps.push(5), { ...s, formatVersion: 6 }) } });
    expect(parsed.seed).toBe('s');
    expect(steps).toEqual([]);
  });
});
