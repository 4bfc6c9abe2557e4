// Issue #15: under a behaviour that checks tries, each try is an `answered`
// statement of its own (the try number as a result extension), and the final
// `answered` carries the behaviour's mark.
import { describe, expect, it } from 'vitest';
import { checkAnswer, startAttempt, submitAttempt, type Attempt } from 'quizkit/attempts';
import { northKoreaChina } from 'quizkit/modules';
import { attemptStatements } from 'quizkit/xapi';
import { OPTIONS, xapiWarnings } from './checks.js';

const quiz = { ...northKoreaChina.quizzes[1], behaviour: { name: 'interactive', tries: 3 } } as const;
const START = Date.parse('2025-09-01T10:00:00Z');

describe('xAPI statements of checked tries', () => {
  let attempt: Attempt = startAttempt(quiz, { seed: 's', now: START });
  attempt = checkAnswer(attempt, quiz, 'parade-hinted', 'rift', START + 10_000).attempt;
  attempt = checkAnswer(attempt, quiz, 'parade-hinted', 'potential-alignment', START + 20_000).attempt;
  const done = submitAttempt(attempt, quiz, START + 30_000);
  const statements = attemptStatements(quiz, done, OPTIONS);
  const about = statements.filter((statement) => statement.object.id.endsWith('/parade-hinted'));
  const tryIri = `${OPTIONS.activityBase.replace(/\/+$/, '')}/extensions/try`;

  it('sends one answered per try, numbered, then the final one with the behaviour’s mark', () => {
    expect(about.map((statement) => statement.result!.extensions?.[tryIri] ?? 'final')).toEqual([1, 2, 'final']);
    expect(about.map((statement) => statement.result!.success)).toEqual([false, true, false]);
    // The final answer: right on the second try, penalty 1/3: 2/3 of the point.
    expect(about[2]!.result!.score).toMatchObject({ scaled: 0.6666 });
    expect(new Set(about.map((statement) => statement.id)).size).toBe(3);
  });

  it('keeps timestamp order, and every statement passes the xAPI validator', () => {
    const times = statements.map((statement) => Date.parse(statement.timestamp!));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(statements.flatMap(xapiWarnings)).toEqual([]);
  });

  it('is the same on every call (idempotent statement ids)', () => {
    expect(attemptStatements(quiz, done, OPTIONS).map((statement) => statement.id)).toEqual(statements.map((statement) => statement.id));
  });
});
