import { northKoreaChina } from 'quizkit/modules';
import { attemptStatements, cmi5Initialized, cmi5Terminated, type Cmi5Options, type Cmi5Prior, type XapiStatement } from 'quizkit/xapi';
import { describe, expect, it } from 'vitest';
import {
  ACTOR,
  CMI5_CATEGORY,
  MASTERY_SCORE,
  MOVEON_CATEGORY,
  OPTIONS,
  SESSION_ID,
  type LaunchData,
  cmi5Violations,
  takeQuiz,
  verbName,
  xapiWarnings,
} from './checks.js';

const quizzes = northKoreaChina.quizzes;
const PUBLISHER_ID = 'https://quizzes.example.com/course/au/';
const launchFor = (quizId: string, sessionId = 'session-1', masteryScore?: number): LaunchData => ({
  activityId: `https://lms.example.com/au/${quizId}`,
  contextTemplate: {
    contextActivities: { grouping: [{ id: `${PUBLISHER_ID}${quizId}` }] },
    extensions: { [SESSION_ID]: sessionId, 'https://lms.example.com/extensions/tenant': { id: 7 } },
  },
  ...(masteryScore === undefined ? {} : { masteryScore }),
});
const cmi5Of = (launch: LaunchData, more: Partial<Cmi5Options> = {}): Cmi5Options => ({
  activityId: launch.activityId,
  contextTemplate: launch.contextTemplate,
  ...(launch.masteryScore === undefined ? {} : { masteryScore: launch.masteryScore }),
  ...more,
});

/** One AU session: initialized, the attempt's statements, terminated. */
function session(quiz: (typeof quizzes)[number], attempt: ReturnType<typeof takeQuiz>, launch: LaunchData, more: Partial<Cmi5Options> = {}): XapiStatement[] {
  const options = { ...OPTIONS, cmi5: cmi5Of(launch, more) };
  const opened = attempt.startedAt - 2_000;
  const closed = (attempt.submittedAt ?? attempt.startedAt) + 5_000;
  return [cmi5Initialized(options, opened), ...attemptStatements(quiz, attempt, options), cmi5Terminated(options, closed, opened)];
}

/** What a session sent, as the prior state for the next attempt. */
const priorAfter = (prior: Cmi5Prior, statements: readonly XapiStatement[], sameSession: boolean): Cmi5Prior => {
  const verbs = statements.filter((statement) => statement.context.contextActivities?.category?.some((c) => c.id === CMI5_CATEGORY)).map(verbName);
  return {
    completed: prior.completed || verbs.includes('completed'),
    passed: prior.passed || verbs.includes('passed'),
    judgedInSession: (sameSession && prior.judgedInSession) || verbs.includes('passed') || verbs.includes('failed'),
  };
};

const cases = quizzes.flatMap((quiz) =>
  (['correct', 'partly-wrong'] as const).flatMap((kind) => [undefined, 0.6, 0.8].map((masteryScore) => ({ quiz, kind, masteryScore, label: `${quiz.id}, ${kind}, masteryScore ${masteryScore ?? 'none'}` }))),
);

describe.each(cases)('a cmi5 session: $label', ({ quiz, kind, masteryScore }) => {
  const launch = launchFor(quiz.id, 'session-1', masteryScore);
  const attempt = takeQuiz(quiz, kind);
  const statements = session(quiz, attempt, launch);

  it('follows every cmi5 rule, and Learning Locker’s validator accepts it', () => {
    expect(cmi5Violations([statements], launch)).toEqual([]);
    expect(statements.flatMap(xapiWarnings)).toEqual([]);
  });

  it('is initialized, answered (cmi5 allowed), completed, passed or failed, terminated — and no attempted', () => {
    const share = attempt.result.earned.n / attempt.result.earned.d / 9;
    const passed = masteryScore === undefined ? attempt.result.passed : share >= masteryScore;
    expect(statements.map(verbName)).toEqual(['initialized', ...Array(9).fill('answered'), 'completed', passed ? 'passed' : 'failed', 'terminated']);
    const answered = statements.filter((statement) => verbName(statement) === 'answered');
    for (const statement of answered) {
      expect(statement.context.contextActivities?.parent).toEqual([{ objectType: 'Activity', id: launch.activityId }]);
      expect(statement.context.contextActivities?.category).toBeUndefined();
    }
  });

  it('sends raw/min/max only as whole numbers, else scaled alone, in [0, 1]', () => {
    const { score } = statements.find((statement) => /passed|failed/.test(verbName(statement)))!.result!;
    const { earned, possible } = attempt.result;
    // actors-and-events can score below 0 (correction for guessing), so it never sends raw/min/max.
    const whole = quiz.id === 'positions-and-context' && earned.d === 1 && possible.d === 1;
    expect(score).toEqual(whole ? { scaled: Math.floor((earned.n / possible.n) * 10_000) / 10_000, raw: earned.n, min: 0, max: possible.n } : { scaled: expect.any(Number) });
    expect(score!.scaled).toBeGreaterThanOrEqual(0);
    expect(score!.scaled).toBeLessThanOrEqual(1);
  });
});

describe('cmi5 across attempts and sessions of one registration', () => {
  const quiz = quizzes[0];
  const launch = launchFor(quiz.id, 'session-1', 0.7);

  it('sends completed and passed once, and no failed after passed', () => {
    const first = session(quiz, takeQuiz(quiz, 'partly-wrong', { attemptNumber: 1 }), launch);
    let prior = priorAfter({}, first, true);
    const launch2 = launchFor(quiz.id, 'session-2', 0.7);
    const second = session(quiz, takeQuiz(quiz, 'correct', { attemptNumber: 2, start: Date.parse('2025-09-02T10:00:00Z') }), launch2, { prior: { ...prior, judgedInSession: false } });
    prior = priorAfter(prior, second, false);
    const launch3 = launchFor(quiz.id, 'session-3', 0.7);
    const third = session(quiz, takeQuiz(quiz, 'partly-wrong', { attemptNumber: 3, start: Date.parse('2025-09-03T10:00:00Z') }), launch3, { prior: { ...prior, judgedInSession: false } });
    expect([first, second, third].map((statements) => statements.filter((s) => s.context.contextActivities?.category).map(verbName))).toEqual([
      ['initialized', 'completed', 'failed', 'terminated'],
      ['initialized', 'passed', 'terminated'],
      ['initialized', 'terminated'],
    ]);
    expect(cmi5Violations([first], launch)).toEqual([]);
    expect(cmi5Violations([second], launch2)).toEqual([]);
    expect(cmi5Violations([third], launch3)).toEqual([]);
  });

  it('judges a second attempt in the same session not at all once one was judged', () => {
    const first = attemptStatements(quiz, takeQuiz(quiz, 'partly-wrong'), { ...OPTIONS, cmi5: cmi5Of(launch) });
    const prior = priorAfter({}, first, true);
    const second = attemptStatements(quiz, takeQuiz(quiz, 'correct', { attemptNumber: 2, start: Date.parse('2025-09-01T11:00:00Z') }), { ...OPTIONS, cmi5: cmi5Of(launch, { prior }) });
    const options = { ...OPTIONS, cmi5: cmi5Of(launch) };
    const whole = [cmi5Initialized(options, 0), ...first, ...second, cmi5Terminated(options, Date.parse('2025-09-01T12:00:00Z'), 0)];
    expect(second.map(verbName).filter((name) => name !== 'answered')).toEqual([]);
    expect(cmi5Violations([whole], launch)).toEqual([]);
  });

  it('the rule checker catches what it should (a sanity check of the test itself)', () => {
    const good = session(quiz, takeQuiz(quiz, 'correct'), launch);
    const broken = structuredClone(good) as unknown as { verb: { id: string }; context: { contextActivities: { category?: unknown[] } }; result?: object }[];
    broken.splice(1, 0, { ...broken[1]!, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } });
    broken.at(-2)!.context.contextActivities.category = [{ id: CMI5_CATEGORY }];
    broken.at(-3)!.result = { ...broken.at(-3)!.result, score: { scaled: 1 } };
    const problems = cmi5Violations([broken as unknown as XapiStatement[]], launch).join('\n');
    expect(problems).toMatch(/cmi5 has no attempted/);
    expect(problems).toMatch(/moveon category exactly when/);
    expect(problems).toMatch(/score only on passed\/failed/);
  });
});

describe('cmi5 details', () => {
  const quiz = quizzes[1];
  const attempt = takeQuiz(quiz, 'correct');

  it('puts the masteryscore extension on passed/failed judged by it, and the template whole on every statement', () => {
    const launch = launchFor(quiz.id, 'session-9', 0.85);
    const statements = attemptStatements(quiz, attempt, { ...OPTIONS, cmi5: cmi5Of(launch) });
    const passed = statements.at(-1)!;
    expect(passed.context).toEqual({
      registration: OPTIONS.registration,
      language: 'en',
      contextActivities: {
        grouping: [{ id: `${PUBLISHER_ID}${quiz.id}` }],
        category: [
          { objectType: 'Activity', id: CMI5_CATEGORY },
          { objectType: 'Activity', id: MOVEON_CATEGORY },
        ],
      },
      extensions: { [MASTERY_SCORE]: 0.85, ...launch.contextTemplate.extensions },
    });
    expect(passed.object).toEqual({ objectType: 'Activity', id: launch.activityId });
    expect(passed.result).toEqual({ score: { scaled: 1, raw: 9, min: 0, max: 9 }, success: true, duration: 'PT3M20S' });
  });

  it('lets masteryScore override the quiz’s pass mark, in both directions', () => {
    const partly = takeQuiz(quiz, 'partly-wrong'); // 5 of 9 = 0.555…: fails the 70 % pass mark
    const judge = (masteryScore: number) => attemptStatements(quiz, partly, { ...OPTIONS, cmi5: cmi5Of(launchFor(quiz.id), { masteryScore }) }).at(-1)!;
    expect([verbName(judge(0.55)), judge(0.55).result!.score]).toEqual(['passed', { scaled: 0.5555, raw: 5, min: 0, max: 9 }]);
    // 0.5556 > 5/9: failed, and its scaled is written below the threshold, never rounded up to it.
    expect([verbName(judge(0.5556)), judge(0.5556).result!.score]).toEqual(['failed', { scaled: 0.5555, raw: 5, min: 0, max: 9 }]);
    // A 5-decimal threshold gets a 5-decimal scaled, so scaled < masteryScore when failed.
    expect([verbName(judge(0.55556)), judge(0.55556).result!.score]).toEqual(['failed', { scaled: 0.55555, raw: 5, min: 0, max: 9 }]);
    expect(verbName(judge(0.55555))).toBe('passed');
    expect(attemptStatements(quiz, partly, { ...OPTIONS, cmi5: cmi5Of(launchFor(quiz.id)) }).at(-1)!.context.extensions).not.toHaveProperty([MASTERY_SCORE]);
  });

  it('sends only cmi5 allowed statements in Browse and Review launch modes', () => {
    for (const launchMode of ['Browse', 'Review'] as const) {
      const statements = attemptStatements(quiz, attempt, { ...OPTIONS, cmi5: cmi5Of(launchFor(quiz.id), { launchMode }) });
      expect(new Set(statements.map(verbName))).toEqual(new Set(['answered']));
    }
  });

  it('sends no completed when a question is left unanswered', () => {
    const launch = launchFor(quiz.id);
    const statements = session(quiz, takeQuiz(quiz, 'correct', { skip: ['closing-assessment'] }), launch);
    expect(statements.map(verbName).slice(-3)).toEqual(['answered', 'passed', 'terminated']);
    expect(cmi5Violations([statements], launch)).toEqual([]);
  });

  it('gives initialized and terminated ids from the session, so a resend is idempotent', () => {
    const options = { ...OPTIONS, cmi5: cmi5Of(launchFor(quiz.id)) };
    expect(cmi5Initialized(options, 1_000).id).toBe(cmi5Initialized(options, 1_000).id);
    expect(cmi5Initialized(options, 1_000).id).not.toBe(cmi5Initialized({ ...options, cmi5: cmi5Of(launchFor(quiz.id, 'session-2')) }, 1_000).id);
    expect(cmi5Terminated(options, 61_000, 1_000).result).toEqual({ duration: 'PT1M' });
  });

  it('refuses launch data that cannot make cmi5 statements', () => {
    const launch = launchFor(quiz.id);
    const run = (cmi5: object, actor: object = ACTOR) => () => attemptStatements(quiz, attempt, { ...OPTIONS, actor: actor as never, cmi5: { ...cmi5Of(launch), ...cmi5 } });
    expect(run({}, { mbox: 'mailto:ada@example.com' })).toThrow(/account/);
    expect(run({ contextTemplate: { extensions: {} } })).toThrow(/session id/);
    expect(run({ activityId: 'au-1' })).toThrow(RangeError);
    expect(run({ masteryScore: 1.5 })).toThrow(RangeError);
    expect(run({ launchMode: 'Preview' })).toThrow(RangeError);
    expect(() => cmi5Terminated({ ...OPTIONS, cmi5: cmi5Of(launch) }, 0, 1_000)).toThrow(RangeError);
    expect(() => cmi5Initialized(OPTIONS as never, 0)).toThrow(TypeError);
  });
});
