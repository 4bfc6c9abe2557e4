/**
 * A lower bound on what `scoreQuiz` can cost with its current result: a
 * hand-written copy of a `QuizResult` (every object, array and fraction
 * fresh; strings shared). Any engine that returns that object graph pays at
 * least this per attempt, whatever it computes, so `copy / floor` is the
 * ceiling on quizkit's `quizkit / floor` ratio for this result shape.
 */
import type { Breakdown, Fraction, PartResult, QuestionResult, QuizResult } from '../dist/index.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const copyFraction = (x: Fraction): Fraction => ({ n: x.n, d: x.d });

function copyPart(part: PartResult): PartResult {
  const copy: Mutable<PartResult> = {
    id: part.id,
    kind: part.kind,
    earned: copyFraction(part.earned),
    possible: copyFraction(part.possible),
    correct: part.correct,
  };
  if (part.response !== undefined) copy.response = part.response;
  if (part.feedback !== undefined) copy.feedback = part.feedback;
  return copy;
}

function copyQuestion(question: QuestionResult): QuestionResult {
  const copy: Mutable<QuestionResult> = {
    questionId: question.questionId,
    type: question.type,
    rule: question.rule,
    status: question.status,
    fraction: copyFraction(question.fraction),
    earned: copyFraction(question.earned),
    possible: copyFraction(question.possible),
    parts: question.parts.map(copyPart),
    feedback: question.feedback.slice(),
    issues: [],
  };
  const statistic = question.statistic;
  if (statistic) copy.statistic = { name: statistic.name, value: statistic.value, of: statistic.of, text: statistic.text };
  return copy;
}

function copyBreakdowns(breakdowns: Readonly<Record<string, Breakdown>>): Record<string, Breakdown> {
  const copy: Record<string, Breakdown> = {};
  for (const key in breakdowns) {
    const b = breakdowns[key]!;
    copy[key] = { earned: copyFraction(b.earned), possible: copyFraction(b.possible), questionIds: b.questionIds.slice() };
  }
  return copy;
}

/** A fresh copy of a quiz result's whole object graph. */
export function copyResult(result: QuizResult): QuizResult {
  return {
    quizId: result.quizId,
    earned: copyFraction(result.earned),
    possible: copyFraction(result.possible),
    percent: copyFraction(result.percent),
    passMark: result.passMark,
    passed: result.passed,
    questions: result.questions.map(copyQuestion),
    byObjective: copyBreakdowns(result.byObjective),
    bySection: copyBreakdowns(result.bySection),
    issues: [],
  };
}

/** Objects and arrays in a result's graph (fractions included). */
export function countObjects(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 1;
  for (const key in value) count += countObjects((value as Record<string, unknown>)[key]);
  return count;
}
