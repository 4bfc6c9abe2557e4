import fc from 'fast-check';
import { correctResponse, formatFraction, scoreQuestion, type Quiz, type SingleChoiceQuestion } from 'quizkit';
import { answer, rescoreAttempt, startAttempt, submitAttempt, type Attempt } from 'quizkit/attempts';
import { northKoreaChina } from 'quizkit/modules';
import { QuizSchema } from 'quizkit/schema';
import { attemptStatements, xapiActivityDefinitions, xapiResponse, type XapiStatement } from 'quizkit/xapi';
import { describe, expect, it } from 'vitest';
import { authored, questionInput, responseTo } from '../helpers/arbitraries.js';
import { ACTOR, BASE, OPTIONS, REGISTRATION, START, VERB, normalise, readPattern, takeQuiz, verbName, xapiWarnings } from './checks.js';

const quizzes = northKoreaChina.quizzes;
const cases = quizzes.flatMap((quiz) => (['correct', 'partly-wrong'] as const).map((kind) => ({ quiz, kind, label: `${quiz.id}, ${kind}` })));
const questionOf = (quiz: (typeof quizzes)[number], statement: XapiStatement) =>
  quiz.questions.find((question) => statement.object.id === `${BASE}/quizzes/${quiz.id}/questions/${question.id}`)!;

describe.each(cases)('a full attempt of $label', ({ quiz, kind }) => {
  const attempt = takeQuiz(quiz, kind);
  const statements = attemptStatements(quiz, attempt, OPTIONS);
  const answered = statements.filter((statement) => verbName(statement) === 'answered');

  it('Learning Locker’s validator accepts every statement', () => {
    expect(statements.map((statement) => xapiWarnings(statement))).toEqual(statements.map(() => []));
  });

  it('is attempted, one answered per question in answer order, completed, then passed or failed', () => {
    const passed = attempt.result.passed ? 'passed' : 'failed';
    expect(statements.map(verbName)).toEqual(['attempted', ...quiz.questions.map(() => 'answered'), 'completed', passed]);
    expect(answered.map((statement) => questionOf(quiz, statement).id)).toEqual(quiz.questions.map((question) => question.id));
    expect(attempt.result.passed).toBe(kind === 'correct'); // so both verdicts are exercised
  });

  it('uses the right interaction type and component lists, in authored order', () => {
    for (const statement of answered) {
      const question = questionOf(quiz, statement);
      const definition = statement.object.definition!;
      expect(definition.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
      const expected = { 'single-choice': 'choice', 'multiple-choice': 'choice', ordering: 'sequencing', matching: 'matching' }[question.type];
      expect(definition.interactionType).toBe(expected);
      const list = (entries: readonly { id: string; text?: string; name?: string }[]) =>
        entries.map((entry) => ({ id: entry.id, description: { en: entry.text ?? entry.name } }));
      if (question.type === 'matching') {
        expect({ source: definition.source, target: definition.target, choices: definition.choices }).toEqual({
          source: list(question.statements),
          target: list(question.actors),
          choices: undefined,
        });
      } else {
        expect({ choices: definition.choices, source: definition.source }).toEqual({
          choices: list(question.type === 'ordering' ? question.items : question.options),
          source: undefined,
        });
      }
      expect(definition.description).toEqual({ en: question.prompt });
    }
  });

  it('writes responses and the correct pattern in the xAPI syntax, canonically, reproducing the key and the answer', () => {
    for (const statement of answered) {
      const question = questionOf(quiz, statement);
      const definition = statement.object.definition!;
      const single = question.type === 'single-choice';
      expect(definition.correctResponsesPattern).toHaveLength(1);
      expect(readPattern(definition, definition.correctResponsesPattern![0]!, single)).toEqual(normalise(question, correctResponse(question)));
      expect(readPattern(definition, statement.result!.response!, single)).toEqual(normalise(question, attempt.answers[question.id]!.response));
    }
  });

  it('reports success, and scores whose scaled matches raw / max and never overstates a share ≥ 0', () => {
    for (const statement of answered) {
      const question = questionOf(quiz, statement);
      const result = attempt.result.questions.find((entry) => entry.questionId === question.id)!;
      const { score, success } = statement.result!;
      expect(success).toBe(result.status === 'correct');
      expect(score!.raw).toBe(Number(formatFraction(result.earned, 4)));
      expect(score!.max).toBe(Number(formatFraction(result.possible, 4)));
      expect(score!.min! <= score!.raw! && score!.raw! <= score!.max! && score!.min! < score!.max!).toBe(true);
      const exact = result.earned.n / result.earned.d / (result.possible.n / result.possible.d);
      // A negative share at its lowest value (−1/3) is rounded toward zero so as not to fall below it (#13.11).
      if (exact >= 0) expect(score!.scaled).toBeLessThanOrEqual(exact + 1e-12);
      expect(Math.abs(exact - score!.scaled!)).toBeLessThan(1e-4);
    }
    const judged = statements.at(-1)!;
    const exact = attempt.result.earned.n / attempt.result.earned.d / (attempt.result.possible.n / attempt.result.possible.d);
    expect(judged.result!.success).toBe(attempt.result.passed);
    expect(exact - judged.result!.score!.scaled).toBeGreaterThanOrEqual(-1e-12);
    expect(exact - judged.result!.score!.scaled).toBeLessThan(1e-4);
    expect(judged.result!.score!.scaled >= 0.7).toBe(attempt.result.passed);
  });

  it('stamps every statement in UTC with the attempt’s own times', () => {
    expect(statements[0]!.timestamp).toBe('2025-09-01T10:00:00.000Z');
    answered.forEach((statement) => {
      expect(statement.timestamp).toBe(new Date(attempt.answers[questionOf(quiz, statement).id]!.at).toISOString());
    });
    for (const statement of statements) expect(statement.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(statements.at(-1)!.timestamp).toBe(new Date(attempt.submittedAt).toISOString());
    // Nine questions answered 20 s apart, submitted 20 s after the last.
    expect([quiz.questions.length, statements.at(-1)!.result!.duration]).toEqual([9, 'PT3M20S']);
  });

  it('puts the registration and language on every statement, and the quiz as parent of each question', () => {
    for (const statement of statements) {
      expect(statement.context.registration).toBe(REGISTRATION);
      expect(statement.context.language).toBe('en');
      expect(statement.actor).toEqual({ objectType: 'Agent', ...ACTOR });
      expect(statement).not.toHaveProperty('version');
    }
    for (const statement of answered) expect(statement.context.contextActivities?.parent).toEqual([{ objectType: 'Activity', id: `${BASE}/quizzes/${quiz.id}` }]);
  });

  it('gives statements the same ids when built again, and unique v5 UUIDs', () => {
    const again = attemptStatements(quiz, structuredClone(attempt), { ...OPTIONS });
    expect(again).toEqual(statements);
    const ids = statements.map((statement) => statement.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('statement ids', () => {
  const quiz = quizzes[0];
  const attempt = takeQuiz(quiz, 'correct');
  const ids = (statements: XapiStatement[]) => statements.map((statement) => statement.id);
  const base = ids(attemptStatements(quiz, attempt, OPTIONS));

  it('are the same for the statements an attempt in progress already had', () => {
    const { result: _result, submittedAt: _at, late: _late, ...rest } = attempt;
    const inProgress: Attempt = { ...rest, status: 'in-progress' };
    const partial = attemptStatements(quiz, inProgress, OPTIONS);
    expect(partial.map(verbName)).toEqual(['attempted', ...quiz.questions.map(() => 'answered')]);
    expect(partial).toEqual(attemptStatements(quiz, attempt, OPTIONS).slice(0, partial.length));
  });

  it('change with the registration, the learner, the attempt, a changed answer, a re-scored quiz and cmi5', () => {
    const differ = (other: string[]) => other.every((id) => !base.includes(id));
    expect(differ(ids(attemptStatements(quiz, attempt, { ...OPTIONS, registration: 'e0a1f3d2-1c4b-4f6e-9a7d-2b8c3e4f5a6b' })))).toBe(true);
    expect(differ(ids(attemptStatements(quiz, attempt, { ...OPTIONS, actor: { mbox: 'mailto:ada@example.com' } })))).toBe(true);
    expect(differ(ids(attemptStatements(quiz, takeQuiz(quiz, 'correct', { attemptNumber: 2 }), OPTIONS)))).toBe(true);
    expect(differ(ids(attemptStatements(quiz, takeQuiz(quiz, 'correct', { start: START + 1 }), OPTIONS)))).toBe(true);
    const changed = answer(answer(startAttempt(quiz, { seed: 's', now: START }), quiz, 'who-met-in-beijing', 'kim-and-xi', START + 1), quiz, 'who-met-in-beijing', 'foreign-ministers', START + 2);
    const [, first] = attemptStatements(quiz, changed, OPTIONS);
    const [, second] = attemptStatements(quiz, answer(changed, quiz, 'who-met-in-beijing', 'foreign-ministers', START + 3), OPTIONS);
    expect(first!.id).not.toBe(second!.id);
    const edited = { ...structuredClone(quiz), title: 'Edited' };
    const rescored = rescoreAttempt(attempt, edited, { acknowledgeQuizChange: true });
    expect(differ(ids(attemptStatements(edited, rescored, OPTIONS)))).toBe(true);
  });

  it('keep the name scheme documented: v5 of the JSON key in the registration namespace', async () => {
    const { createHash } = await import('node:crypto');
    const name = JSON.stringify(['quizkit', 'xapi', ['account', ACTOR.account.homePage, ACTOR.account.name], quiz.id, attempt.quizHash, 1, START, 'attempted']);
    const hash = createHash('sha1').update(Buffer.from(REGISTRATION.replace(/-/g, ''), 'hex')).update(name).digest();
    hash[6] = (hash[6]! & 0x0f) | 0x50;
    hash[8] = (hash[8]! & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    expect(base[0]).toBe(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
  });
});

describe('attempts that are not complete', () => {
  const quiz = quizzes[1];

  it('skips unanswered questions and sends no completed, but still passed or failed', () => {
    const attempt = takeQuiz(quiz, 'correct', { skip: ['joint-then-divided', 'report-or-judgement'] });
    const statements = attemptStatements(quiz, attempt, OPTIONS);
    expect(statements.map(verbName)).toEqual(['attempted', ...Array(7).fill('answered'), 'passed']);
    expect(statements.at(-1)!.result).toMatchObject({ success: true, completion: false });
    expect(statements.flatMap(xapiWarnings)).toEqual([]);
  });

  it('has only attempted before the first answer, and no result on it', () => {
    const statements = attemptStatements(quiz, startAttempt(quiz, { seed: 's', now: START }), OPTIONS);
    expect(statements.map(verbName)).toEqual(['attempted']);
    expect(statements[0]).not.toHaveProperty('result');
    expect(statements[0]!.object.definition).toEqual({
      type: 'http://adlnet.gov/expapi/activities/assessment',
      name: { en: quiz.title },
      description: { en: quiz.description },
    });
  });

  it('reports a response that no longer fits a re-scored quiz without response and without credit', () => {
    const attempt = takeQuiz(quiz, 'correct');
    const edited = structuredClone(quiz) as unknown as Quiz;
    const question = edited.questions.find((entry) => entry.id === 'joint-then-divided') as SingleChoiceQuestion;
    question.options = question.options.map((option) => ({ ...option, id: option.id === 'divided' ? 'split' : option.id }));
    const statements = attemptStatements(edited, rescoreAttempt(attempt, edited, { acknowledgeQuizChange: true }), OPTIONS);
    const statement = statements.find((entry) => entry.object.id.endsWith('/joint-then-divided'))!;
    expect(statement.result).toEqual({ success: false, score: { scaled: 0, raw: 0, min: 0, max: 1 } });
    expect(xapiWarnings(statement)).toEqual([]);
  });
});

describe('options', () => {
  const quiz = quizzes[0];
  const attempt = takeQuiz(quiz, 'partly-wrong');

  it('sets a duration on answered statements from questionDurations, to the hundredth of a second', () => {
    const statements = attemptStatements(quiz, attempt, { ...OPTIONS, questionDurations: { 'who-is-who': 100_507, 'parade-appearance': 3_600_070, 'who-met-in-beijing': 0 } });
    const durationOf = (id: string) => statements.find((statement) => statement.object.id.endsWith(`/${id}`))!.result!.duration;
    expect([durationOf('who-is-who'), durationOf('parade-appearance'), durationOf('who-met-in-beijing'), durationOf('outlook-spotlight')]).toEqual([
      'PT1M40.5S',
      'PT1H0.07S',
      'PT0S',
      undefined,
    ]);
    expect(statements.flatMap(xapiWarnings)).toEqual([]);
  });

  it('writes language maps in the given language, and strips a trailing slash from the base', () => {
    const [first] = attemptStatements(quiz, attempt, { ...OPTIONS, language: 'en-GB', activityBase: `${BASE}/` });
    expect(first!.object).toMatchObject({ id: `${BASE}/quizzes/${quiz.id}`, definition: { name: { 'en-GB': quiz.title } } });
    expect(first!.context.language).toBe('en-GB');
  });

  it('refuses caller mistakes with TypeError or RangeError', () => {
    const bad = (options: object) => () => attemptStatements(quiz, attempt, { ...OPTIONS, ...options } as never);
    expect(bad({ actor: {} })).toThrow(TypeError);
    expect(bad({ actor: { mbox: 'mailto:a@example.com', openid: 'https://id.example.com/a' } })).toThrow(TypeError);
    expect(bad({ actor: { mbox: 'a@example.com' } })).toThrow(TypeError);
    expect(bad({ registration: 'not-a-uuid' })).toThrow(RangeError);
    expect(bad({ activityBase: 'quizzes/north-korea-china' })).toThrow(RangeError);
    expect(bad({ activityBase: `${BASE}?x=1` })).toThrow(RangeError);
    expect(bad({ language: 'en_US' })).toThrow(RangeError);
    expect(bad({ questionDurations: { 'who-is-who': -1 } })).toThrow(RangeError);
    expect(() => attemptStatements(quizzes[1], attempt, OPTIONS)).toThrow(/not "positions-and-context"/);
  });
});

describe('xapiActivityDefinitions', () => {
  it('lists each quiz then its questions, with the definitions the statements carry', () => {
    const activities = xapiActivityDefinitions(northKoreaChina, { activityBase: BASE, language: 'en' });
    expect(activities).toHaveLength(quizzes.length + quizzes.reduce((count, quiz) => count + quiz.questions.length, 0));
    for (const quiz of quizzes) {
      for (const statement of attemptStatements(quiz, takeQuiz(quiz, 'correct'), OPTIONS).filter((entry) => /attempted|answered/.test(entry.verb.id))) {
        expect(activities).toContainEqual(statement.object);
      }
    }
    for (const activity of activities) {
      expect(xapiWarnings({ actor: ACTOR, verb: { id: VERB('experienced') }, object: activity })).toEqual([]);
    }
  });
});

describe('xapiResponse (property)', () => {
  it('writes every well-formed response to a random question in the pattern syntax, and reads back to it', () => {
    fc.assert(
      fc.property(
        questionInput.chain((input) => {
          const quiz = QuizSchema.parse({ id: 'quiz', title: 'Quiz', questions: [authored(input)] });
          return fc.tuple(fc.constant(quiz), responseTo(quiz.questions[0]!));
        }),
        ([quiz, response]) => {
          const question = quiz.questions[0]!;
          const pattern = xapiResponse(question, response);
          const { status } = scoreQuestion(question, response);
          expect(pattern === undefined).toBe(status === 'unanswered' || status === 'invalid');
          if (pattern === undefined) return;
          const [definition] = xapiActivityDefinitions({ ...northKoreaChina, quizzes: [quiz] } as never, { activityBase: BASE }).slice(1);
          expect(readPattern(definition!.definition!, pattern, question.type === 'single-choice')).toEqual(normalise(question, response));
          expect(readPattern(definition!.definition!, definition!.definition!.correctResponsesPattern![0]!, question.type === 'single-choice')).toEqual(
            normalise(question, correctResponse(question)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives random attempts at random quizzes scores Learning Locker accepts, with min ≤ raw ≤ max', () => {
    fc.assert(
      fc.property(
        fc.array(questionInput, { minLength: 1, maxLength: 4 }).chain((inputs) => {
          const quiz = QuizSchema.parse({ id: 'quiz', title: 'Quiz', passMark: '62.5', questions: inputs.map((input, index) => authored(input, `q${index}`)) });
          return fc.tuple(fc.constant(quiz), fc.tuple(...quiz.questions.map((question) => responseTo(question))));
        }),
        ([quiz, responses]) => {
          let attempt: Attempt = startAttempt(quiz, { seed: 's', now: START });
          quiz.questions.forEach((question, index) => {
            try {
              attempt = answer(attempt, quiz, question.id, responses[index], START + index + 1);
            } catch {
              // a response `answer` refuses is simply not recorded
            }
          });
          const statements = attemptStatements(quiz, submitAttempt(attempt, quiz, START + 10_000), OPTIONS);
          for (const statement of statements) {
            expect(xapiWarnings(statement)).toEqual([]);
            const score = statement.result?.score;
            if (score?.raw !== undefined) expect(score.min! <= score.raw && score.raw <= score.max!).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
