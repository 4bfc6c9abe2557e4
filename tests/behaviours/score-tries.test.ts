// Issue #15: behaviours marked exactly, equal to Moodle's question behaviours on
// Moodle's own walkthrough cases (question/behaviour/*/tests), with exact fractions
// where Moodle's stored 0.3333333 penalty drifts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreTries, type Try } from '../../src/behaviours/index.js';
import { type Fraction, compare, fraction, multiply } from '../../src/fraction/fraction.js';
import { BehaviourSchema, QuestionSchema } from '../../src/schema/index.js';
import type { Behaviour, DeepReadonly, Question } from '../../src/schema/types.js';

const source = { section: 's', quote: 'q' };
const choice = (points = 1) =>
  QuestionSchema.parse({
    id: 'capital', type: 'single-choice', prompt: 'Capital?', points, explanation: 'e', source,
    options: [{ id: 'right', text: 'Beijing', correct: true }, { id: 'half', text: 'Peking', credit: 0.5 }, { id: 'wrong', text: 'Seoul' }],
  }) as DeepReadonly<Question>;
const matching = QuestionSchema.parse({
  id: 'who', type: 'matching', prompt: 'Who said it?', explanation: 'e', source,
  actors: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }, { id: 'd', name: 'D' }],
  statements: ['a', 'b', 'c', 'd'].map((actor) => ({ id: `s-${actor}`, text: `Said by ${actor}`, actor })),
}) as DeepReadonly<Question>;
const behaviour = (input: unknown) => BehaviourSchema.parse(input) as Behaviour;
const tries = (...responses: unknown[]): Try[] => responses.map((response) => ({ response }));
const f = (n: number, d = 1): Fraction => fraction(n, d);

describe('issue #15: interactive with multiple tries (qbehaviour_interactive::adjust_fraction)', () => {
  const interactive = behaviour({ name: 'interactive', tries: 3, penalty: '1/3' });

  it('wrong then right at max mark 3 gives exactly 2 (Moodle stores 0.3333333 and gets 2.0000001)', () => {
    const marked = scoreTries(choice(3), tries('wrong', 'right'), { behaviour: interactive });
    expect(marked.earned).toEqual(f(2));
    expect(marked.tries.map((t) => [t.raw, t.penalty, t.counted])).toEqual([[f(0), f(0), false], [f(1), f(1, 3), true]]);
    expect([marked.finished, marked.triesLeft]).toEqual([true, 0]);
  });

  it('counts the try that ends the question, not the best one; tries after it are ignored', () => {
    const marked = scoreTries(choice(), tries('half', 'wrong', 'half', 'right'), { behaviour: interactive });
    // The third try ends it (tries used up): 1/2 − 2 × 1/3 is below 0, so 0, though the first try earned 1/2.
    expect(marked.fraction).toEqual(f(0));
    expect(marked.tries.map((t) => [t.counted, t.ignored])).toEqual([[false, false], [false, false], [true, false], [false, true]]);
  });

  it('left open when the attempt finishes, the last try counts less a penalty for every try made (process_finish)', () => {
    const open = scoreTries(choice(), tries('half'), { behaviour: interactive });
    expect([open.finished, open.triesLeft, open.fraction]).toEqual([false, 2, f(0)]);
    const finished = scoreTries(choice(), tries('half'), { behaviour: interactive, finished: true });
    expect([finished.finished, finished.fraction]).toEqual([true, f(1, 6)]);
  });

  it('allows one more try than hints by default, as Moodle does', () => {
    const withHints = behaviour({ name: 'interactive', hints: [{ text: 'Look again.' }] });
    expect(scoreTries(choice(), tries('wrong'), { behaviour: withHints }).triesLeft).toBe(1);
    expect(scoreTries(choice(), tries('wrong', 'wrong'), { behaviour: withHints }).finished).toBe(true);
  });
});

describe('issue #15: interactive with countback (qtype_match_question::compute_final_grade)', () => {
  it('a 4-stem matching, 2 right then all right, penalty 1/3, gives 10/12', () => {
    const first = { 's-a': 'a', 's-b': 'b', 's-c': 'd', 's-d': 'c' };
    const second = { 's-a': 'a', 's-b': 'b', 's-c': 'c', 's-d': 'd' };
    const countback = behaviour({ name: 'interactive', tries: 3, countback: true });
    expect(scoreTries(matching, tries(first, second), { behaviour: countback }).fraction).toEqual(f(10, 12));
    // Without countback the last try counts whole, less one penalty: 2/3.
    expect(scoreTries(matching, tries(first, second), { behaviour: behaviour({ name: 'interactive', tries: 3 }) }).fraction).toEqual(f(2, 3));
  });
});

describe('issue #15: adaptive (qbehaviour_adaptive::adjusted_fraction)', () => {
  const adaptive = behaviour({ name: 'adaptive', penalty: 0.1 });

  it('keeps the best of raw − penalty × tries before, starting at 0', () => {
    const marked = scoreTries(choice(), tries('wrong', 'half', 'right'), { behaviour: adaptive });
    // 0, then 1/2 − 1/10 = 2/5, then 1 − 2/10 = 4/5.
    expect(marked.tries.map((t) => t.mark)).toEqual([f(0), f(2, 5), f(4, 5)]);
    expect([marked.fraction, marked.finished]).toEqual([f(4, 5), true]);
  });

  it('does not penalise resubmitting the same response, as Moodle discards it', () => {
    const marked = scoreTries(choice(), tries('wrong', 'wrong', 'right'), { behaviour: adaptive });
    expect(marked.tries.map((t) => t.ignored)).toEqual([false, true, false]);
    expect(marked.fraction).toEqual(f(9, 10));
  });
});

describe('issue #15: certainty-based marking (question_cbm::adjust_fraction)', () => {
  it.each([
    [1, 'right', f(1)], [2, 'right', f(2)], [3, 'right', f(3)],
    [1, 'wrong', f(0)], [2, 'wrong', f(-2)], [3, 'wrong', f(-6)],
    [2, 'half', f(1)],
  ] as const)('certainty %i, %s answer: %o', (certainty, response, expected) => {
    const marked = scoreTries(choice(), [{ response, certainty }], { behaviour: { name: 'immediate-cbm' } });
    expect(marked.fraction).toEqual(expected);
    expect(marked.certainty).toBe(certainty);
    expect(marked.accuracy).toEqual(response === 'right' ? f(1) : response === 'half' ? f(1, 2) : f(0));
  });

  it('deferred CBM marks the last response, certainty 1 when none is given', () => {
    const marked = scoreTries(choice(), [{ response: 'wrong', certainty: 3 }, { response: 'right' }], { behaviour: { name: 'deferred-cbm' } });
    expect([marked.fraction, marked.certainty]).toEqual([f(1), 1]);
  });
});

describe('issue #15: properties', () => {
  const responses = fc.constantFrom('right', 'half', 'wrong');
  const penalty = fc.integer({ min: 0, max: 6 }).map((n) => ({ n, d: 6 }));

  it('more tries before the same final response never raise an interactive mark', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('half', 'wrong'), { maxLength: 4 }), responses, penalty, (before, last, p) => {
        const b = behaviour({ name: 'interactive', tries: 10, penalty: `${p.n}/${p.d}` });
        const fewer = scoreTries(choice(), tries(...before.slice(1), last), { behaviour: b, finished: true });
        const more = scoreTries(choice(), tries(...before, last), { behaviour: b, finished: true });
        return compare(more.fraction, fewer.fraction) <= 0;
      }),
      { seed: 1515, numRuns: 300 },
    );
  });

  it('adaptive with penalty 0 equals the best try', () => {
    fc.assert(
      fc.property(fc.array(responses, { minLength: 1, maxLength: 6 }), (given) => {
        const marked = scoreTries(choice(), tries(...given), { behaviour: behaviour({ name: 'adaptive', penalty: 0 }) });
        const best = given.includes('right') ? f(1) : given.includes('half') ? f(1, 2) : f(0);
        return compare(marked.fraction, best) === 0;
      }),
      { seed: 1516, numRuns: 200 },
    );
  });

  it('a blind guess is worth at least as much at certainty 1 as at certainty 3, for any number of options', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), (options) => {
        const q = QuestionSchema.parse({
          id: 'g', type: 'single-choice', prompt: 'p', explanation: 'e', source,
          options: Array.from({ length: options }, (_, i) => ({ id: `o${i}`, text: `O${i}`, ...(i === 0 ? { correct: true } : {}) })),
        }) as DeepReadonly<Question>;
        const expected = (certainty: 1 | 2 | 3) => {
          const right = scoreTries(q, [{ response: 'o0', certainty }], { behaviour: { name: 'immediate-cbm' } }).fraction;
          const wrong = scoreTries(q, [{ response: 'o1', certainty }], { behaviour: { name: 'immediate-cbm' } }).fraction;
          return { n: right.n * 1 + wrong.n * (options - 1), d: options }; // d is 1 for both
        };
        return compare(expected(1), expected(3)) >= 0;
      }),
      { seed: 1517, numRuns: 19 },
    );
  });

  it('earned is the mark times the points, exactly', () => {
    const marked = scoreTries(choice(3), tries('wrong', 'half'), { behaviour: behaviour({ name: 'interactive', tries: 2, penalty: '1/3' }) });
    expect(marked.earned).toEqual(multiply(marked.fraction, f(3)));
    expect(marked.fraction).toEqual(f(1, 6));
  });
});

describe('issue #15: behaviours as data', () => {
  it('refuses fields a behaviour does not take, and more hints than tries allow', () => {
    expect(BehaviourSchema.safeParse({ name: 'adaptive', tries: 3 }).success).toBe(false);
    expect(BehaviourSchema.safeParse({ name: 'interactive', tries: 2, hints: [{ text: 'a' }, { text: 'b' }] }).success).toBe(false);
    expect(BehaviourSchema.safeParse({ name: 'interactive', penalty: 1.5 }).success).toBe(false);
    expect(BehaviourSchema.safeParse({ name: 'stubborn' }).success).toBe(false);
  });

  it("a question's own behaviour overrides the quiz's; without either it is deferred", () => {
    const own = QuestionSchema.parse({ ...choiceInput(), behaviour: { name: 'immediate' } }) as DeepReadonly<Question>;
    const quizBehaviour = { behaviour: behaviour({ name: 'adaptive' }) };
    expect(scoreTries(own, tries('wrong', 'right'), quizBehaviour).behaviour).toBe('immediate');
    expect(scoreTries(own, tries('wrong', 'right'), quizBehaviour).fraction).toEqual(f(0));
    expect(scoreTries(choice(), tries('wrong', 'right'), quizBehaviour).behaviour).toBe('adaptive');
    expect(scoreTries(choice(), tries('wrong', 'right')).fraction).toEqual(f(1));
  });
});

function choiceInput() {
  return {
    id: 'capital', type: 'single-choice', prompt: 'Capital?', explanation: 'e', source,
    options: [{ id: 'right', text: 'Beijing', correct: true }, { id: 'wrong', text: 'Seoul' }],
  };
}

describe('issue #15: exporters say what they cannot carry', () => {
  it('GIFT and Moodle XML note a behaviour they drop, per question, the quiz default included', async () => {
    const { exportGift, exportMoodleXml } = await import('../../src/gift/index.js');
    const { parseQuiz } = await import('../../src/schema/index.js');
    const quiz = parseQuiz({
      id: 'practice', title: 'Practice', behaviour: { name: 'interactive', penalty: '1/3' },
      questions: [choiceInput(), { ...choiceInput(), id: 'exam', behaviour: { name: 'deferred' } }],
    });
    for (const exported of [exportGift(quiz), exportMoodleXml(quiz)]) {
      const dropped = exported.notes.filter((note) => note.code === 'behaviour-dropped');
      expect(dropped.map((note) => note.questionId)).toEqual(['capital']);
      expect(dropped[0]?.message).toMatch(/behaviour interactive (is not carried by GIFT|is set on the Moodle quiz)/);
    }
  });

  it('Moodle XML carries the penalty and the hints (Moodle’s <penalty> and <hint>), as Moodle’s own writer does', async () => {
    const { toMoodleXml } = await import('../../src/gift/index.js');
    const { parseQuiz } = await import('../../src/schema/index.js');
    const quiz = parseQuiz({
      id: 'practice', title: 'Practice',
      behaviour: { name: 'interactive', penalty: '1/3', hints: [{ text: 'Look again & think.', showNumberCorrect: true, clearWrong: true }, { text: 'Last hint.' }] },
      questions: [choiceInput(), { ...choiceInput(), id: 'exam', behaviour: { name: 'deferred' } }, { ...choiceInput(), id: 'adapt', behaviour: { name: 'adaptive', penalty: '1/10' } }],
    });
    const xml = toMoodleXml(quiz);
    const question = (id: string) => xml.slice(xml.indexOf(`<name><text>${id}</text></name>`), xml.indexOf('</question>', xml.indexOf(`<name><text>${id}</text></name>`)));
    expect(question('capital')).toContain('<penalty>0.3333333</penalty>');
    expect(question('capital')).toContain(
      '<hint format="html">\n      <text><![CDATA[<p>Look again &amp; think.</p>]]></text>\n      <shownumcorrect/>\n      <clearwrong/>\n    </hint>\n    <hint format="html">\n      <text><![CDATA[<p>Last hint.</p>]]></text>\n    </hint>',
    );
    expect(question('exam')).toContain('<penalty>0</penalty>');
    expect(question('exam')).not.toContain('<hint');
    expect(question('adapt')).toContain('<penalty>0.1</penalty>');
  });
});
