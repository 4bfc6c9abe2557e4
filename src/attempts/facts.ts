import type { ReadonlyQuiz } from '../schema/types.js';
import type { Responses } from '../scoring/responses.js';
import { scoreQuiz } from '../scoring/score.js';
import type { AttemptIssue } from './errors.js';
import { deadlineOf, isLate } from './guards.js';
import { markedResult } from './tries.js';
import type { Attempt, EpochMillis, InProgressAttempt, RecordedAnswer, SubmittedAttempt } from './types.js';

// An attempt is facts plus what follows from them. The facts are what a saved
// attempt holds; everything else (deadline, late, result) is derived here from
// the facts and the quiz, so a saved text can never claim more than its facts.

/** What a saved attempt holds: the facts, and nothing derived. */
export type AttemptFacts =
  | (Omit<InProgressAttempt, 'deadline'> & { readonly status: 'in-progress' })
  | (Omit<SubmittedAttempt, 'deadline' | 'late' | 'result'> & { readonly status: 'submitted' });

type AnyQuiz = ReadonlyQuiz;

/** The responses of recorded answers, as `scoreQuiz` takes them. */
export function responsesOf(answers: Readonly<Record<string, RecordedAnswer>>): Responses<AnyQuiz> {
  return Object.fromEntries(Object.entries(answers).map(([id, recorded]) => [id, recorded.response])) as Responses<AnyQuiz>;
}

/**
 * Where the facts contradict each other under this quiz: an answer before the
 * start or after the deadline, a submission before the start or before the
 * last answer. Empty when they agree.
 */
export function contradictions(facts: AttemptFacts, quiz: AnyQuiz): AttemptIssue[] {
  const issues: AttemptIssue[] = [];
  const code = 'inconsistent_attempt';
  const deadline = deadlineOf(quiz, facts.startedAt, facts.extraTimeSeconds);
  let latest: { at: EpochMillis; id: string } | undefined;
  for (const [id, recorded] of Object.entries(facts.answers)) {
    if (recorded.at < facts.startedAt) {
      issues.push({ code, path: ['answers', id, 'at'], questionId: id, message: `Answered at ${recorded.at}, before the attempt started (${facts.startedAt})` });
    }
    if (deadline !== undefined && recorded.at > deadline) {
      issues.push({ code, path: ['answers', id, 'at'], questionId: id, message: `Answered at ${recorded.at}, after the deadline (${deadline}); no answer is accepted after it` });
    }
    if (!latest || recorded.at > latest.at) latest = { at: recorded.at, id };
  }
  for (const [id, tries] of Object.entries(facts.tries ?? {})) {
    let previous = facts.startedAt;
    tries.forEach((tried, index) => {
      const path = ['tries', id, index, 'at'];
      if (tried.at < previous) issues.push({ code, path, questionId: id, message: `Checked at ${tried.at}, before ${index === 0 ? 'the attempt started' : 'the try before it'} (${previous})` });
      if (deadline !== undefined && tried.at > deadline) issues.push({ code, path, questionId: id, message: `Checked at ${tried.at}, after the deadline (${deadline})` });
      if (!latest || tried.at > latest.at) latest = { at: tried.at, id };
      previous = Math.max(previous, tried.at);
    });
  }
  if (facts.status === 'submitted') {
    if (facts.submittedAt < facts.startedAt) {
      issues.push({ code, path: ['submittedAt'], message: `Submitted at ${facts.submittedAt}, before the attempt started (${facts.startedAt})` });
    } else if (latest && facts.submittedAt < latest.at) {
      issues.push({ code, path: ['submittedAt'], message: `Submitted at ${facts.submittedAt}, before the answer to "${latest.id}" (${latest.at})` });
    }
  }
  return issues;
}

/**
 * The attempt the facts describe under this quiz: the deadline from the start
 * and the time limit; once submitted, `late` from the deadline, the grace
 * period and the submission time, and `result` from `scoreQuiz` over the
 * answers. Call only on facts without {@link contradictions}.
 */
export function fromFacts(facts: AttemptFacts, quiz: AnyQuiz): Attempt {
  const deadline = deadlineOf(quiz, facts.startedAt, facts.extraTimeSeconds);
  // Built field by field (never spread from input), in the order attempts are written.
  const base = {
    quizId: facts.quizId,
    quizHash: facts.quizHash,
    seed: facts.seed,
    attemptNumber: facts.attemptNumber,
    startedAt: facts.startedAt,
    ...(facts.extraTimeSeconds !== undefined ? { extraTimeSeconds: facts.extraTimeSeconds } : {}),
    ...(deadline !== undefined ? { deadline } : {}),
    answers: facts.answers,
    ...(facts.tries !== undefined && Object.keys(facts.tries).length > 0 ? { tries: facts.tries } : {}),
  };
  if (facts.status === 'in-progress') return { ...base, status: 'in-progress' };
  return {
    ...base,
    status: 'submitted',
    submittedAt: facts.submittedAt,
    graceSeconds: facts.graceSeconds,
    late: isLate(deadline, facts.submittedAt, facts.graceSeconds),
    result: markedResult(quiz, facts, scoreQuiz(quiz, responsesOf(facts.answers))),
  };
}
