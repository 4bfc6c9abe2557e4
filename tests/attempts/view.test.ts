import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Quiz, type QuizInput, parseQuiz } from 'quizkit/schema';
import { correctResponse } from 'quizkit';
import { answer, isAttemptError, learnerView, startAttempt } from 'quizkit/attempts';
import { T0, moduleInput, quiz, secretTexts } from './fixtures.js';

/** Every key a learner view may contain, at any depth. */
const ALLOWED_KEYS = new Set([
  // the view
  'quizId', 'title', 'description', 'passMark', 'totalPoints', 'timeLimitSeconds', 'deadline', 'startedAt',
  'attemptNumber', 'status', 'questions', 'responses',
  // a question
  'id', 'prompt', 'points', 'rule', 'section', 'canLoseMarks', 'type', 'options', 'items', 'statements', 'actors', 'allowNoMatch',
  // parts
  'text', 'name',
  // fractions
  'n', 'd',
]);

function keysOf(value: unknown, into = new Set<string>(), under = ''): Set<string> {
  if (Array.isArray(value)) value.forEach((entry) => keysOf(entry, into, under));
  else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      // The learner's own responses are keyed by question and statement ids.
      if (under !== 'responses') into.add(key);
      keysOf(entry, into, key === 'responses' ? 'responses' : '');
    }
  }
  return into;
}

const viewOf = (q: Quiz, seed: string) => learnerView(q, startAttempt(q, { seed, now: T0 }));

describe('the learner view', () => {
  it('has only allow-listed fields, for every question type', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (seed) => {
        const view = viewOf(quiz, seed);
        expect(new Set(view.questions.map((q) => q.type))).toEqual(new Set(['single-choice', 'multiple-choice', 'ordering', 'matching']));
        for (const key of keysOf(view)) expect(ALLOWED_KEYS, `unexpected key "${key}"`).toContain(key);
      }),
      { numRuns: 50 },
    );
  });

  it('contains no correct flag, credit, correct order, mapping, feedback, explanation, quote, seed or hash', () => {
    const attempt = startAttempt(quiz, { seed: 'leak-check', now: T0 });
    const json = JSON.stringify(learnerView(quiz, attempt));
    for (const key of ['correct', 'credit', 'correctOrder', 'actor', 'weight', 'feedback', 'explanation', 'source', 'quote', 'objectives', 'seed', 'quizHash']) {
      expect(json).not.toContain(`"${key}"`);
    }
    expect(json).not.toContain('SECRET');
    for (const secret of secretTexts(quiz)) expect(json).not.toContain(secret);
    expect(json).not.toContain(attempt.seed);
    expect(json).not.toContain(attempt.quizHash);
    // No correct order or mapping, in any spelling.
    const ordering = quiz.questions.find((q) => q.type === 'ordering')!;
    expect(json).not.toContain(JSON.stringify(correctResponse(ordering)));
    const matching = quiz.questions.find((q) => q.type === 'matching')!;
    expect(json).not.toContain(JSON.stringify(correctResponse(matching)));
  });

  it('is the same whatever the key, feedback, explanation and quote are', () => {
    // The same quiz with a different key and different secret texts: the views must be identical,
    // so nothing in a view can depend on (and reveal) them — the ordering's starting order included
    // (issue #12: it used to avoid the correct order, and so revealed it).
    const rekeyed: QuizInput = structuredClone(moduleInput.quizzes[0]) as unknown as QuizInput;
    const [single, multi, ordering, match] = rekeyed.questions as unknown as Record<string, any>[];
    ordering!.correctOrder = ['collect', 'precipitate', 'condense', 'evaporate'];
    single!.options = [
      { id: 'nimbostratus', text: 'Nimbostratus', feedback: 'other' },
      { id: 'cumulus', text: 'Cumulus', correct: true },
      // A partial credit, not a negative one: that some answer costs points is stated on purpose (canLoseMarks, issue #14).
      { id: 'cirrus', text: 'Cirrus', credit: '1/2' },
      { id: 'stratus', text: 'Stratus' },
    ];
    multi!.options = multi!.options.map((o: Record<string, unknown>) => ({ id: o.id, text: o.text, correct: o.id === 'fog' }));
    match!.statements = match!.statements.map((s: Record<string, unknown>) => ({ id: s.id, text: s.text, actor: 'cirrus' }));
    for (const q of rekeyed.questions as unknown as Record<string, any>[]) {
      q.explanation = 'A different explanation';
      q.source = { section: q.source.section, quote: 'a different quote' };
      delete q.feedback;
    }
    const other = parseQuiz(rekeyed);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (seed) => {
        expect(viewOf(other, seed)).toEqual(viewOf(quiz, seed));
      }),
      { seed: 1234, numRuns: 100 },
    );
  });

  it('says whether a wrong answer can cost points (issue #14), not which answer does', () => {
    const single = (options: Record<string, unknown>[], rule?: string) =>
      parseQuiz({
        id: 'q', title: 'Q',
        questions: [{ id: 's', type: 'single-choice', prompt: 'P?', explanation: 'E.', source: { section: 's1', quote: 'x' }, options, ...(rule ? { rule: { name: rule } } : {}) }],
      });
    const canLose = (quiz: ReturnType<typeof parseQuiz>) => learnerView(quiz, startAttempt(quiz, { seed: 's', now: T0 })).questions[0]!.canLoseMarks;
    const plain = [{ id: 'a', text: 'A', correct: true }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }];
    expect(canLose(single(plain))).toBe(false);
    expect(canLose(single(plain, 'correction-for-guessing'))).toBe(true);
    const penalised = (at: 'b' | 'c') => single(plain.map((o) => (o.id === at ? { ...o, credit: '-1/2' } : o)));
    expect([canLose(penalised('b')), canLose(penalised('c'))]).toEqual([true, true]);
    expect(learnerView(penalised('b'), startAttempt(penalised('b'), { seed: 's', now: T0 }))).toEqual(learnerView(penalised('c'), startAttempt(penalised('c'), { seed: 's', now: T0 })));
    // Multiple choice clamps at 0 under every rule; the article's ordering and matching never go below it.
    for (const question of quiz.questions.filter((q) => q.type !== 'single-choice')) {
      expect(learnerView(quiz, startAttempt(quiz, { seed: 's', now: T0 })).questions.find((q) => q.id === question.id)!.canLoseMarks).toBe(false);
    }
  });

  it('lists the learner’s own responses and the deadline', () => {
    const started = startAttempt(quiz, { seed: 'r', now: T0 });
    const answered = answer(started, quiz, 'q-multi', ['fog'], T0 + 1);
    const view = learnerView(quiz, answered);
    expect(view.responses).toEqual({ 'q-multi': ['fog'] });
    expect(view.deadline).toBe(T0 + 600_000);
    expect(view.timeLimitSeconds).toBe(600);
    expect(view.totalPoints).toEqual({ n: 7, d: 1 });
    expect(view.status).toBe('in-progress');
  });

  it('refuses a quiz that changed since the attempt started', () => {
    const attempt = startAttempt(quiz, { seed: 'r', now: T0 });
    const changed = { ...quiz, title: 'Weather check, revised' };
    const error = (() => {
      try {
        learnerView(changed, attempt);
      } catch (e) {
        return e;
      }
    })();
    expect(isAttemptError(error) && error.code).toBe('quiz_changed');
  });
});
