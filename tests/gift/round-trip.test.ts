// Issue #18.9: what quizkit exports as GIFT imports back identically — ids, rules,
// exact credits, points, weights, quiz ids and pass marks — from comments Moodle ignores.
import { describe, expect, it } from 'vitest';
import { exportGift, fromGift } from '../../src/gift/index.js';
import { northKoreaChina } from '../../src/modules/index.js';
import { parseQuiz, safeParseQuiz } from '../../src/schema/index.js';
import type { DeepReadonly, Question, Quiz } from '../../src/schema/types.js';

/** A question without what GIFT cannot carry at all (and notes as dropped): source, feedback by outcome, per-statement feedback. */
function carried(question: DeepReadonly<Question>): unknown {
  const { source: _source, feedback: _feedback, ...rest } = question as DeepReadonly<Question> & { feedback?: unknown };
  if (rest.type !== 'matching') return rest;
  return { ...rest, statements: rest.statements.map(({ feedback: _f, ...statement }) => statement) };
}

function roundTrip(quizzes: readonly DeepReadonly<Quiz>[]) {
  const { text } = exportGift({ ...northKoreaChina, quizzes } as never);
  const imported = fromGift(text);
  expect(imported.issues.filter((issue) => issue.severity === 'error' || issue.code === 'quizkit_comment_ignored')).toEqual([]);
  return imported.quizzes.map((input) => {
    const parsed = safeParseQuiz(input);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    return parsed.data;
  });
}

describe('issue #18.9: GIFT round trip', () => {
  it('the built-in module comes back with the same ids, rules, credits, points and pass marks (orderings aside: GIFT has none)', () => {
    const back = roundTrip(northKoreaChina.quizzes);
    expect(back.map((quiz) => [quiz.id, quiz.passMark])).toEqual(northKoreaChina.quizzes.map((quiz) => [quiz.id, quiz.passMark]));
    northKoreaChina.quizzes.forEach((quiz, q) => {
      const kept = quiz.questions.filter((question) => question.type !== 'ordering');
      expect(back[q]!.questions.map(carried)).toEqual(kept.map(carried));
    });
  });

  it('carries exact credits, weights, points, "none of these" and a time limit', () => {
    const source = { section: 's', quote: 'q' };
    const quiz = parseQuiz({
      id: 'exact', title: 'Exact', passMark: '62.5', timeLimitSeconds: 600,
      questions: [
        { id: 'one', type: 'single-choice', prompt: 'p', explanation: 'e', source, points: '3/2', options: [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B', credit: '1/3' }, { id: 'c', text: 'C', credit: -0.25 }] },
        { id: 'many', type: 'multiple-choice', prompt: 'p', explanation: 'e', source, rule: { name: 'weighted-credit' }, options: [{ id: 'x', text: 'X', correct: true, credit: '1/3' }, { id: 'y', text: 'Y', correct: true, credit: '2/3' }, { id: 'z', text: 'Z', credit: -1 }] },
        {
          id: 'match', type: 'matching', prompt: 'p', explanation: 'e', source, allowNoMatch: true,
          actors: [{ id: 'zed', name: 'Zed' }, { id: 'amy', name: 'Amy' }, { id: 'bo', name: 'Bo' }],
          statements: [{ id: 's1', text: 'One', actor: 'amy', weight: '3/2' }, { id: 's2', text: 'Two', actor: null }, { id: 's3', text: 'Three', actor: 'zed' }],
        },
      ],
    });
    const [back] = roundTrip([quiz]);
    expect([back!.id, back!.passMark, back!.timeLimitSeconds]).toEqual(['exact', { n: 125, d: 2 }, 600]);
    expect(back!.questions.map(carried)).toEqual(quiz.questions.map(carried));
  });

  it('imports an edited question from its GIFT lines, with a warning, when the comment no longer fits', () => {
    const { text } = exportGift(northKoreaChina.quizzes[0]!, { categoryRoot: false });
    // An author deletes one answer line in Moodle's text: the comment still names four options.
    const edited = text.replace(/\n\t~%-33\.33333%Kim Jong Un and Xi Jinping[^\n]*/, '');
    const imported = fromGift(edited);
    const warning = imported.issues.find((issue) => issue.code === 'quizkit_comment_ignored');
    expect(warning?.message).toMatch(/who-met-in-beijing.*names 4 options, the question has 3/);
  });
});
