// Issue #15: tries as facts of the attempt. A question taken under a behaviour
// that checks (immediate, interactive, adaptive, immediate CBM) is marked from
// its tries exactly as Moodle's behaviours mark them, and the tries survive
// save and resume.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answer, checkAnswer, isAttemptError, learnerView, parseAttempt, serializeAttempt, startAttempt, submitAttempt, type Attempt } from 'quizkit/attempts';
import { northKoreaChina } from 'quizkit/modules';
import { parseQuiz } from 'quizkit/schema';

const [, positions] = northKoreaChina.quizzes;
const interactive = { ...positions, behaviour: { name: 'interactive', tries: 3, hints: [{ text: 'Reread the second section.', showNumberCorrect: true }, { text: 'Look for “hinted”.' }] } } as const;
const T = 1_000;

const codeOf = (run: () => unknown) => {
  try {
    run();
    return undefined;
  } catch (error) {
    return isAttemptError(error) ? error.code : error;
  }
};

describe('checkAnswer under interactive (issue #15)', () => {
  const started = startAttempt(interactive, { seed: 's', now: T });

  it('Moodle’s walkthrough: wrong, then right, on a 3-point question at penalty 1/3, is exactly 2 points', () => {
    const quiz = parseQuiz({
      id: 'q', title: 'Q', behaviour: { name: 'interactive', tries: 3 },
      questions: [{ id: 'capital', type: 'single-choice', prompt: 'Capital of China?', points: 3, explanation: 'Beijing.', source: { section: 's', quote: 'Beijing' },
        options: [{ id: 'beijing', text: 'Beijing', correct: true }, { id: 'shanghai', text: 'Shanghai' }] }],
    });
    const first = checkAnswer(startAttempt(quiz, { seed: 's', now: T }), quiz, 'capital', 'shanghai', T + 1);
    const second = checkAnswer(first.attempt, quiz, 'capital', 'beijing', T + 2);
    expect([second.outcome.finished, second.outcome.earned]).toEqual([true, { n: 2, d: 1 }]);
    const done = submitAttempt(second.attempt, quiz, T + 3);
    expect(done.result.earned).toEqual({ n: 2, d: 1 });
    expect(done.result.questions[0]).toMatchObject({ status: 'partial', fraction: { n: 2, d: 3 }, behaviour: { name: 'interactive' } });
    expect(done.result.questions[0]!.behaviour!.tries.map((t) => [t.raw, t.counted])).toEqual([[{ n: 0, d: 1 }, false], [{ n: 1, d: 1 }, true]]);
  });

  it('gives the hint for the next try after a wrong one, with the number right when the hint says so', () => {
    const { outcome } = checkAnswer(started, interactive, 'commitments-who-said', { 'unwavering-dedication': 'choe', 'strategic-communications': 'xi', echoed: 'xi' }, T + 1);
    expect(outcome).toMatchObject({ tryNumber: 1, status: 'partial', finished: false, triesLeft: 2, hint: { text: 'Reread the second section.' } });
    expect(outcome.numberCorrect).toMatchObject({ name: 'statements-matched', value: 1, of: 3 });
    expect(JSON.stringify(outcome)).not.toContain('"actor"');
  });

  it('refuses what cannot be checked, leaving the attempt as it was', () => {
    const right = checkAnswer(started, interactive, 'parade-hinted', 'potential-alignment', T + 1).attempt;
    expect(codeOf(() => checkAnswer(right, interactive, 'parade-hinted', 'rift', T + 2))).toBe('question_finished');
    expect(codeOf(() => answer(right, interactive, 'parade-hinted', 'rift', T + 2))).toBe('question_finished');
    expect(codeOf(() => checkAnswer(started, interactive, 'parade-hinted', null, T + 1))).toBe('invalid_response');
    expect(codeOf(() => checkAnswer(started, interactive, 'parade-hinted', 'nope', T + 1))).toBe('invalid_response');
    expect(codeOf(() => checkAnswer(started, positions, 'parade-hinted', 'rift', T + 1))).toBe('quiz_changed');
    const deferred = startAttempt(positions, { seed: 's', now: T });
    expect(codeOf(() => checkAnswer(deferred, positions, 'parade-hinted', 'rift', T + 1))).toBe('not_checkable');
    const submitted = submitAttempt(started, interactive, T + 5);
    expect(codeOf(() => checkAnswer(submitted, interactive, 'parade-hinted', 'rift', T + 6))).toBe('already_submitted');
    expect(started.tries).toBeUndefined();
  });

  it('keeps the tries through save and resume: the same marks as without a reload', () => {
    const once = checkAnswer(started, interactive, 'parade-hinted', 'rift', T + 1).attempt;
    const resumed = parseAttempt(serializeAttempt(once), { quiz: interactive });
    expect(resumed).toEqual(once);
    const straight = checkAnswer(once, interactive, 'parade-hinted', 'potential-alignment', T + 2).outcome;
    const afterReload = checkAnswer(resumed, interactive, 'parade-hinted', 'potential-alignment', T + 2).outcome;
    expect(afterReload).toEqual(straight);
    expect(straight.fraction).toEqual({ n: 2, d: 3 });
  });

  it('marks a question left open at submission on its current answer, penalised for the tries made (Moodle’s process_finish)', () => {
    let attempt: Attempt = checkAnswer(started, interactive, 'parade-hinted', 'rift', T + 1).attempt;
    attempt = answer(attempt, interactive, 'parade-hinted', 'potential-alignment', T + 2); // changed, never checked
    const question = submitAttempt(attempt, interactive, T + 3).result.questions.find((q) => q.questionId === 'parade-hinted')!;
    expect([question.fraction, question.status, question.behaviour!.tries.length]).toEqual([{ n: 2, d: 3 }, 'partial', 2]);
  });

  it('totals the behaviours’ marks exactly: the quiz total is the sum of the questions’ marks', () => {
    let attempt: Attempt = started;
    attempt = checkAnswer(attempt, interactive, 'parade-hinted', 'rift', T + 1).attempt;
    attempt = checkAnswer(attempt, interactive, 'parade-hinted', 'formal-alliance', T + 2).attempt;
    attempt = checkAnswer(attempt, interactive, 'parade-hinted', 'potential-alignment', T + 3).attempt; // third try: 1 − 2/3
    attempt = checkAnswer(attempt, interactive, 'closing-assessment', 'significant-development', T + 4).attempt; // first try: 1
    const { result } = submitAttempt(attempt, interactive, T + 5);
    expect(result.earned).toEqual({ n: 4, d: 3 });
    expect(result.percent).toEqual({ n: 400, d: 27 });
  });

  it('rejects saved tries that contradict the attempt or do not fit the question', () => {
    const once = JSON.parse(serializeAttempt(checkAnswer(started, interactive, 'parade-hinted', 'rift', T + 5).attempt));
    const early = { ...once, tries: { 'parade-hinted': [{ response: 'rift', at: T - 1 }] } };
    expect(codeOf(() => parseAttempt(JSON.stringify(early), { quiz: interactive }))).toBe('inconsistent_attempt');
    const unknown = { ...once, tries: { 'parade-hinted': [{ response: 'made-up', at: T + 5 }] } };
    expect(codeOf(() => parseAttempt(JSON.stringify(unknown), { quiz: interactive }))).toBe('invalid_attempt');
    const certainty = { ...once, tries: { 'parade-hinted': [{ response: 'rift', at: T + 5, certainty: 7 }] } };
    expect(codeOf(() => parseAttempt(JSON.stringify(certainty), { quiz: interactive }))).toBe('invalid_attempt');
  });

  it('tells the learner the rules and where each question stands, never the hints or the key', () => {
    const attempt = checkAnswer(started, interactive, 'parade-hinted', 'rift', T + 1).attempt;
    const view = learnerView(interactive, attempt);
    expect(view.questions.find((q) => q.id === 'parade-hinted')!.behaviour).toEqual({ name: 'interactive', tries: 3, penalty: { n: 1, d: 3 }, certainty: false });
    expect(view.checks!['parade-hinted']).toEqual({ tries: 1, triesLeft: 2, finished: false });
    expect(JSON.stringify(view)).not.toContain('Reread the second section');
  });

  it('property: more wrong tries before the right one never raise its mark', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('rift', 'formal-alliance', 'peace-talks'), { maxLength: 2 }), (wrongs) => {
        let attempt: Attempt = started;
        let at = T;
        const marks = [];
        for (const wrong of wrongs) attempt = checkAnswer(attempt, interactive, 'parade-hinted', wrong, ++at).attempt;
        const { outcome } = checkAnswer(attempt, interactive, 'parade-hinted', 'potential-alignment', ++at);
        marks.push(outcome.fraction);
        // max(0, 1 − k/3) for k wrong tries before it
        expect(outcome.fraction.n * 3).toBe(Math.max(0, 3 - wrongs.length) * outcome.fraction.d);
      }),
      { seed: 15, numRuns: 60 },
    );
  });
});

describe('checkAnswer under immediate CBM', () => {
  const cbm = { ...positions, behaviour: { name: 'immediate-cbm' } } as const;

  it('keeps the accuracy in the quiz total and reports the certainty-based mark beside it', () => {
    const { attempt } = checkAnswer(startAttempt(cbm, { seed: 's', now: T }), cbm, 'parade-hinted', 'potential-alignment', T + 1, { certainty: 3 });
    const question = submitAttempt(attempt, cbm, T + 2).result.questions.find((q) => q.questionId === 'parade-hinted')!;
    expect([question.fraction, question.behaviour!.certainty, question.behaviour!.tries[0]!.mark]).toEqual([{ n: 1, d: 1 }, 3, { n: 3, d: 1 }]);
    expect(parseAttempt(serializeAttempt(attempt), { quiz: cbm })).toEqual(attempt);
  });
});
