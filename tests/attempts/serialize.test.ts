import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTEMPT_FORMAT_VERSION,
  ATTEMPT_MIGRATIONS,
  type Attempt,
  AttemptError,
  DEFAULT_GRACE_SECONDS,
  MAX_EPOCH_MILLIS,
  MAX_SAVED_ATTEMPT_LENGTH,
  answer,
  learnerView,
  migrateSavedAttempt,
  parseAttempt,
  rescoreAttempt,
  safeParseAttempt,
  serializeAttempt,
  startAttempt,
  submitAttempt,
} from 'quizkit/attempts';
import { parseQuiz } from 'quizkit/schema';
import { T0, moduleInput, quiz } from './fixtures.js';
import { asVersion1, attemptArb, codeOf, stepArb } from './helpers.js';

describe('save and resume', () => {
  it('round-trips any attempt losslessly, and resumes where it left off', () => {
    fc.assert(
      fc.property(attemptArb(quiz), stepArb(quiz), (attempt, next) => {
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
      { seed: 1234, numRuns: 150 },
    );
  });

  it('writes formatVersion 2 and the facts only: no deadline, late, result or quiz text', () => {
    const started = answer(startAttempt(quiz, { seed: 's', now: T0 }), quiz, 'q-single', 'cumulus', T0 + 1);
    const inProgress = JSON.parse(serializeAttempt(started));
    expect(Object.keys(inProgress)).toEqual(['formatVersion', 'quizId', 'quizHash', 'seed', 'attemptNumber', 'startedAt', 'answers', 'status']);
    expect(inProgress).toMatchObject({ formatVersion: 2, quizId: quiz.id, quizHash: expect.stringMatching(/^cyrb64:/) });
    const done = JSON.parse(serializeAttempt(submitAttempt(started, quiz, T0 + 2, { graceSeconds: 45 })));
    expect(Object.keys(done)).toEqual([...Object.keys(inProgress), 'submittedAt', 'graceSeconds']);
    expect(done).toMatchObject({ submittedAt: T0 + 2, graceSeconds: 45 });
    expect(ATTEMPT_FORMAT_VERSION).toBe(2);
  });

  it('writes only the format’s fields, even from an attempt with extra ones', () => {
    const attempt = { ...startAttempt(quiz, { seed: 's', now: T0 }), extra: 'x' } as Attempt;
    const withAnswer = { ...attempt, answers: { 'q-single': { response: 'cumulus', at: T0, note: 'x' } } } as unknown as Attempt;
    expect(serializeAttempt(attempt)).not.toContain('extra');
    expect(serializeAttempt(withAnswer)).not.toContain('note');
  });

  it('needs the quiz', () => {
    const saved = serializeAttempt(startAttempt(quiz, { seed: 's', now: T0 }));
    expect(() => parseAttempt(saved, undefined as never)).toThrow(TypeError);
    expect(() => parseAttempt(saved, {} as never)).toThrow(TypeError);
  });
});

describe('parseAttempt on bad input', () => {
  const good = JSON.parse(serializeAttempt(submitAttempt(answer(startAttempt(quiz, { seed: 's', now: T0 }), quiz, 'q-single', 'cumulus', T0 + 1), quiz, T0 + 2)));
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
    ['invalid_attempt', '{"formatVersion": 2.0}'],
    ['invalid_attempt', '{"formatVersion": 2e0}'],
    ['unsupported_version', '{"formatVersion": 3}'],
    ['unsupported_version', '{"formatVersion": 999999}'],
    ['invalid_attempt', '{"formatVersion": 2}'],
    ['invalid_attempt', '{"formatVersion": 1}'],
  ])('refuses with %s: %j', (code, input) => {
    expect(codeOf(() => parseAttempt(input, { quiz }))).toBe(code);
  });

  it.each<[string, (doc: any) => void]>([
    ['a seed of the wrong type', (d) => (d.seed = 5)],
    ['an empty seed', (d) => (d.seed = '')],
    ['a negative start time', (d) => (d.startedAt = -1)],
    ['a start time after the year 9999', (d) => (d.startedAt = MAX_EPOCH_MILLIS + 1)],
    ['a start time near 2^53', (d) => (d.startedAt = 2 ** 53 - 1)],
    ['a fractional attempt number', (d) => (d.attemptNumber = 1.5)],
    ['an unknown status', (d) => (d.status = 'paused')],
    ['an unknown field', (d) => (d.admin = true)],
    ['a saved deadline', (d) => (d.deadline = T0 + 10 ** 9)],
    ['a saved late flag', (d) => (d.late = false)],
    ['a saved result', (d) => (d.result = {})],
    ['a missing field', (d) => delete d.quizHash],
    ['a quiz hash of another form', (d) => (d.quizHash = 'sha256:00')],
    ['a missing grace period', (d) => delete d.graceSeconds],
    ['a negative grace period', (d) => (d.graceSeconds = -1)],
    ['answers as a list', (d) => (d.answers = [])],
    ['an answer keyed __proto__', (d) => (d.answers = JSON.parse('{"__proto__": {"response": "a", "at": 1}}'))],
    ['an answer with a bad id', (d) => (d.answers['q single'] = { response: 'a', at: 1 })],
    ['an answer without a time', (d) => delete d.answers['q-single'].at],
    ['a response of the wrong type', (d) => (d.answers['q-single'].response = 7)],
    ['a submission time after the year 9999', (d) => (d.submittedAt = MAX_EPOCH_MILLIS + 1)],
  ])('refuses %s with invalid_attempt and a path', (_name, change) => {
    const parsed = safeParseAttempt(variant(good, change), { quiz });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error).toBeInstanceOf(AttemptError);
    expect(parsed.error.code).toBe('invalid_attempt');
    expect(parsed.error.issues.length).toBeGreaterThan(0);
    expect(Array.isArray(parsed.error.issues[0].path)).toBe(true);
  });

  it('gives the path of each problem', () => {
    const error = safeParseAttempt(variant(good, (d) => ((d.seed = 5), (d.answers['q-single'].at = 'soon'))), { quiz });
    expect(error.success).toBe(false);
    if (!error.success) {
      expect(error.error.issues.map((issue) => issue.path)).toEqual([['seed'], ['answers', 'q-single', 'at']]);
    }
  });

  it('refuses oversized text before parsing it', () => {
    const huge = `{"formatVersion": 2, "seed": "${'x'.repeat(MAX_SAVED_ATTEMPT_LENGTH)}"}`;
    expect(codeOf(() => parseAttempt(huge, { quiz }))).toBe('too_large');
    expect(codeOf(() => parseAttempt(JSON.stringify(good), { quiz, maxLength: 100 }))).toBe('too_large');
  });

  it('never throws anything but an AttemptError, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        const parsed = safeParseAttempt(json, { quiz });
        expect(parsed.success).toBe(false);
      }),
      { seed: 1234 },
    );
    // Mutate a valid document at random: every outcome is an attempt or an AttemptError.
    const paths: (string | number)[][] = [['seed'], ['answers'], ['status'], ['answers', 'q-single'], ['answers', 'q-single', 'at'], ['submittedAt'], ['graceSeconds'], ['startedAt'], ['formatVersion']];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const doc = structuredClone(good);
        let target = doc;
        for (const key of path.slice(0, -1)) target = target[key];
        target[path[path.length - 1]!] = value;
        const parsed = safeParseAttempt(JSON.stringify(doc), { quiz });
        if (!parsed.success) expect(parsed.error).toBeInstanceOf(AttemptError);
      }),
      { seed: 1234 },
    );
  });

  it('safeParseAttempt returns the error instead of throwing', () => {
    const parsed = safeParseAttempt('{', { quiz });
    expect(parsed.success === false && parsed.error.code).toBe('invalid_json');
    expect(safeParseAttempt(JSON.stringify(good), { quiz }).success).toBe(true);
  });
});

describe('parseAttempt and the quiz', () => {
  const saved = serializeAttempt(answer(startAttempt(quiz, { seed: 's', now: T0 }), quiz, 'q-single', 'cumulus', T0 + 1));

  it('detects a changed quiz', () => {
    expect(codeOf(() => parseAttempt(saved, { quiz: { ...quiz, title: 'Renamed' } }))).toBe('quiz_changed');
    expect(codeOf(() => parseAttempt(saved, { quiz: { ...quiz, id: 'another' } }))).toBe('wrong_quiz');
    expect(codeOf(() => parseAttempt(saved, { quiz }))).toBe('ok');
  });

  it('refuses recorded responses of an in-progress attempt that do not fit the quiz', () => {
    expect(codeOf(() => parseAttempt(saved.replace('"response":"cumulus"', '"response":"hail"'), { quiz }))).toBe('invalid_attempt');
    expect(codeOf(() => parseAttempt(saved.replace('"q-single"', '"q-gone"'), { quiz }))).toBe('invalid_attempt');
  });

  it('reads back a re-scored submitted attempt whose responses no longer fit (they score invalid)', () => {
    const fixedInput = structuredClone(moduleInput.quizzes[0]) as unknown as Record<string, any>;
    fixedInput.questions[0].options = fixedInput.questions[0].options.filter((o: { id: string }) => o.id !== 'cumulus');
    const fixed = parseQuiz(fixedInput);
    const done = submitAttempt(parseAttempt(saved, { quiz }), quiz, T0 + 2);
    const rescored = rescoreAttempt(done, fixed, { acknowledgeQuizChange: true });
    expect(rescored.result.questions[0]!.status).toBe('invalid');
    expect(parseAttempt(serializeAttempt(rescored), { quiz: fixed })).toStrictEqual(rescored);
  });

  it('recomputes the deadline, late and the result from the quiz', () => {
    const done = submitAttempt(parseAttempt(saved, { quiz }), quiz, T0 + 700_000, { graceSeconds: 60 });
    const restored = parseAttempt(serializeAttempt(done), { quiz });
    expect(restored.status === 'submitted' && [restored.deadline, restored.late, restored.result]).toEqual([T0 + 600_000, true, done.result]);
  });
});

describe('migrations', () => {
  const started = answer(startAttempt(quiz, { seed: 's', now: T0 }), quiz, 'q-single', 'cumulus', T0 + 1);
  const v2 = JSON.parse(serializeAttempt(started));

  it('upgrades version 1, which saved derived fields, to version 2 facts', () => {
    expect(Object.keys(ATTEMPT_MIGRATIONS)).toEqual(['1']);
    const inProgress = asVersion1(started);
    expect(migrateSavedAttempt(inProgress)).toEqual(v2);
    expect(parseAttempt(JSON.stringify(inProgress), { quiz })).toStrictEqual(started);
    const done = submitAttempt(started, quiz, T0 + 2);
    expect(parseAttempt(JSON.stringify(asVersion1(done)), { quiz })).toStrictEqual(done);
    expect(migrateSavedAttempt(asVersion1(done)).graceSeconds).toBe(DEFAULT_GRACE_SECONDS);
  });

  it('does not trust version 1’s derived fields: they are recomputed', () => {
    const done = submitAttempt(started, quiz, T0 + 2 * 86_400_000);
    const forged = { ...asVersion1(done), late: false, deadline: T0 + 10 ** 10 } as Record<string, any>;
    forged.result.passed = true;
    forged.result.earned = { n: 7, d: 1 };
    const restored = parseAttempt(JSON.stringify(forged), { quiz });
    expect(restored.status === 'submitted' && [restored.late, restored.deadline, restored.result]).toEqual([true, T0 + 600_000, done.result]);
  });

  it('applies steps N → N+1 in order up to a (fake, future) target version', () => {
    const applied: number[] = [];
    const migrations = {
      ...ATTEMPT_MIGRATIONS,
      // v3 renamed `seed` to `shuffleSeed`; v4 added a time zone.
      2: (saved: Readonly<Record<string, unknown>>) => {
        applied.push(2);
        const { seed, ...rest } = saved;
        return { ...rest, shuffleSeed: seed, formatVersion: 3 };
      },
      3: (saved: Readonly<Record<string, unknown>>) => {
        applied.push(3);
        return { ...saved, timeZone: 'UTC', formatVersion: 4 };
      },
    };
    const v4 = migrateSavedAttempt(v2, { migrations, targetVersion: 4 });
    expect(applied).toEqual([2, 3]);
    expect(v4).toMatchObject({ formatVersion: 4, shuffleSeed: 's', timeZone: 'UTC' });
    expect('seed' in v4).toBe(false);
    expect(v2.seed).toBe('s');
    // From the start of the chain, every step runs.
    applied.length = 0;
    expect(migrateSavedAttempt(asVersion1(started), { migrations, targetVersion: 4 }).formatVersion).toBe(4);
    expect(applied).toEqual([2, 3]);
  });

  it('refuses a missing step, a step that does not advance by one, and a failing step', () => {
    expect(codeOf(() => migrateSavedAttempt(v2, { migrations: {}, targetVersion: 3 }))).toBe('unsupported_version');
    expect(codeOf(() => migrateSavedAttempt(v2, { migrations: { 2: (s) => ({ ...s, formatVersion: 4 }) }, targetVersion: 4 }))).toBe('invalid_attempt');
    expect(
      codeOf(() =>
        migrateSavedAttempt(v2, {
          migrations: {
            2: () => {
              throw new Error('boom');
            },
          },
          targetVersion: 3,
        }),
      ),
    ).toBe('invalid_attempt');
  });

  it('refuses data newer than the reader, and reads the current version through the hook', () => {
    expect(codeOf(() => parseAttempt(JSON.stringify({ ...v2, formatVersion: 3 }), { quiz }))).toBe('unsupported_version');
    // The hook is consulted for the current reader too; a table with unrelated steps changes nothing.
    const steps: number[] = [];
    const parsed = parseAttempt(JSON.stringify(v2), { quiz, migrations: { 5: (s) => (steps.push(5), { ...s, formatVersion: 6 }) } });
    expect(parsed.seed).toBe('s');
    expect(steps).toEqual([]);
  });
});
