import fc from 'fast-check';
import { MOODLE_ORDERING_GRADING, exportMoodleXml, moodleWeights, toMoodleXml } from 'quizkit/gift';
import { northKoreaChina } from 'quizkit/modules';
import { type DeepReadonly, type OrderingQuestion, OrderingRuleSchema, type Question, type QuestionInput } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { MOODLE_GRADING } from '../helpers/moodle.js';
import { BOILERPLATE, HAS_XMLLINT, type ReadQuestion, awkwardText, moduleWith, readMoodleXml, xmllintErrors } from './helpers.js';

const MOODLE_GRADING_CONSTANTS: Record<string, number> = MOODLE_GRADING;

// The constant of each rule, as the brief for quizkit/gift and SCORING-ANCHORS §1.1 state them.
const EXPECTED_CONSTANT: Record<OrderingQuestion['rule']['name'], number> = {
  'all-or-nothing': -1,
  'exact-position': 0,
  'next-item': 1,
  'next-item-and-last': 2,
  'previous-and-next': 3,
  'pairwise-order': 4,
  'longest-ordered-subsequence': 5,
  'longest-consecutive-run': 6,
  'position-distance': 7,
};

const RULES = OrderingRuleSchema.options.map((rule) => rule.shape.name.value);

const orderingModule = moduleWith([
  {
    id: 'ordering',
    title: 'Every ordering rule',
    questions: RULES.map(
      (name, index) =>
        ({
          id: `order-${name}`,
          type: 'ordering',
          prompt: `Order ${index + 2} items.`,
          ...BOILERPLATE,
          points: index + 1,
          rule: { name },
          items: Array.from({ length: index + 2 }, (_, i) => ({ id: `i${i}`, text: `Item ${i}`, ...(i === 0 ? { feedback: 'First.' } : {}) })).reverse(),
          correctOrder: Array.from({ length: index + 2 }, (_, i) => `i${i}`),
        }) as QuestionInput,
    ),
  },
]);

describe.skipIf(!HAS_XMLLINT)('toMoodleXml (xmllint)', () => {
  let cached: Map<string, ReadQuestion> | undefined;
  const article = () => (cached ??= readMoodleXml(toMoodleXml(northKoreaChina)));
  const all = northKoreaChina.quizzes.flatMap((quiz): readonly DeepReadonly<Question>[] => quiz.questions);
  const get = (read: Map<string, ReadQuestion>, id: string) => {
    const found = read.get(id);
    if (!found) throw new Error(`no question ${id}`);
    return found;
  };

  it('writes the article module as well-formed XML', () => {
    expect(xmllintErrors(toMoodleXml(northKoreaChina))).toBe('');
  });

  it('writes every question of the article module, ordering included, with its Moodle type', () => {
    const type = { 'single-choice': 'multichoice', 'multiple-choice': 'multichoice', ordering: 'ordering', matching: 'matching' };
    for (const q of all) {
      expect(get(article(), q.id).type).toBe(type[q.type]);
      expect(get(article(), q.id).fields.name).toBe(q.id);
    }
    expect([...article().keys()].filter((key) => key.startsWith('category:'))).toEqual(
      northKoreaChina.quizzes.map((quiz) => `category:$course$/top/${northKoreaChina.title}/${quiz.title}`),
    );
  });

  it('gives every ordering question the gradingtype whose Moodle constant is its rule’s, with selecttype ALL and selectcount n', () => {
    for (const [rule, constant] of Object.entries(EXPECTED_CONSTANT)) {
      expect(MOODLE_ORDERING_GRADING[rule as keyof typeof EXPECTED_CONSTANT].constant).toBe(constant);
    }
    for (const module of [orderingModule, northKoreaChina]) {
      const read = readMoodleXml(toMoodleXml(module));
      const orderings = module.quizzes
        .flatMap((quiz): readonly DeepReadonly<Question>[] => quiz.questions)
        .filter((q): q is DeepReadonly<OrderingQuestion> => q.type === 'ordering');
      expect(orderings.length).toBeGreaterThan(0);
      for (const q of orderings) {
        const { fields, answers } = get(read, q.id);
        expect(MOODLE_GRADING_CONSTANTS[fields.gradingtype!], `${q.id}: ${fields.gradingtype}`).toBe(EXPECTED_CONSTANT[q.rule.name]);
        expect(fields.selecttype).toBe('ALL');
        expect(fields.selectcount).toBe(String(q.items.length));
        expect(fields.layouttype).toBe('VERTICAL');
        expect(fields.showgrading).toBe('SHOW');
        const items = q.correctOrder.map((id) => q.items.find((item) => item.id === id)!);
        expect(answers.map((answer) => answer.text)).toEqual(items.map((item) => item.text));
        expect(answers.map((answer) => answer.feedback)).toEqual(items.map((item) => (item.feedback ? `<p>${item.feedback}</p>` : '')));
        expect(answers.map((answer) => answer.fraction)).toEqual(items.map((_, i) => String(i + 1)));
      }
    }
    expect(RULES).toHaveLength(9);
  });

  it('writes points as defaultgrade, the explanation as generalfeedback, objectives as tags', () => {
    const read = readMoodleXml(toMoodleXml(orderingModule));
    expect(get(read, 'order-pairwise-order').fields.defaultgrade).toBe('7');
    expect(get(read, 'order-pairwise-order').fields.generalfeedback).toBe('<p>Because the reading says so.</p>');
    expect(get(read, 'order-pairwise-order').fields.penalty).toBe('0');
    for (const q of all) expect(get(article(), q.id).tags).toEqual(q.objectives);
  });

  it('writes choice questions as multichoice with single true/false and percent fractions', () => {
    for (const q of all) {
      if (q.type !== 'single-choice' && q.type !== 'multiple-choice') continue;
      const { fields, answers } = get(article(), q.id);
      expect(fields.single).toBe(q.type === 'single-choice' ? 'true' : 'false');
      expect(answers.map((answer) => answer.fraction)).toEqual(moodleWeights(q).options.map((option) => option.percent));
      expect(answers.map((answer) => answer.text)).toEqual(q.options.map((option) => option.text));
      expect(answers.map((answer) => answer.feedback)).toEqual(q.options.map((option) => (option.feedback ? `<p>${option.feedback}</p>` : '')));
    }
  });

  it('writes matching statements as subquestions and distractor actors as empty-text subquestions', () => {
    expect(get(article(), 'who-is-who').subquestions).toEqual([
      { text: 'North Korean leader', answer: 'Kim Jong Un' },
      { text: 'Chinese President', answer: 'Xi Jinping' },
      { text: 'North Korean Foreign Minister', answer: 'Choe Son Hui' },
      { text: 'Chinese Foreign Minister', answer: 'Wang Yi' },
      { text: '', answer: 'Vladimir Putin' },
    ]);
    expect(get(article(), 'opposition-who-said').subquestions.map((sub) => sub.answer)).toContain('None of these');
  });

  it('keeps awkward text intact through CDATA and entities, and stays well-formed', () => {
    fc.assert(
      fc.property(fc.array(awkwardText, { minLength: 4, maxLength: 4 }), ([prompt, option, actor, feedback]) => {
        const title = `${option!} & <quiz>`;
        const module = moduleWith([
          {
            id: 'q',
            title,
            questions: [
              {
                id: 'choice',
                type: 'single-choice',
                prompt: prompt!,
                ...BOILERPLATE,
                explanation: feedback!,
                options: [
                  { id: 'a', text: option!, correct: true, feedback: feedback! },
                  { id: 'b', text: 'Other' },
                ],
              },
              {
                id: 'match',
                type: 'matching',
                prompt: prompt!,
                ...BOILERPLATE,
                actors: [
                  { id: 'a', name: actor! },
                  { id: 'b', name: `${actor!} 2` },
                ],
                statements: [{ id: 's', text: option!, actor: 'a' }],
              },
            ] as QuestionInput[],
          },
        ]);
        // One xmllint run per case; it fails on a document that is not well-formed.
        const read = readMoodleXml(toMoodleXml(module));
        const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        expect(get(read, 'choice').answers[0]).toEqual({ fraction: '100', text: html(option!).replace(/\n/g, '<br>'), feedback: expect.any(String) });
        expect(get(read, 'match').subquestions[0]).toEqual({ text: html(option!).replace(/\n/g, '<br>'), answer: actor });
        expect(read.has(`category:$course$/top/Sample // module/${title.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\//g, '//')}`)).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('removes the control characters XML 1.0 cannot carry, and says so', () => {
    const module = moduleWith([
      {
        id: 'q',
        title: 'Controls',
        questions: [
          {
            id: 'bell',
            type: 'single-choice',
            prompt: 'Ring the \u0007 bell? ]]> done',
            ...BOILERPLATE,
            options: [
              { id: 'a', text: 'Yes\u0000', correct: true },
              { id: 'b', text: 'No' },
            ],
          } as QuestionInput,
        ],
      },
    ]);
    const { text, notes } = exportMoodleXml(module);
    expect(get(readMoodleXml(text), 'bell').fields.questiontext).toBe('<p>Ring the  bell? ]]&gt; done</p>');
    expect(notes.map((note) => note.code)).toEqual(['text-changed']);
  });
});

describe('toMoodleXml', () => {
  it('starts with the XML declaration and one category per quiz, or none with categoryRoot: false', () => {
    const xml = toMoodleXml(northKoreaChina);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toContain(`<category><text>$course$/top/${northKoreaChina.title}/${northKoreaChina.quizzes[0].title}</text></category>`);
    expect(toMoodleXml(northKoreaChina, { categoryRoot: false })).not.toContain('type="category"');
  });

  it('puts notes in XML comments before their question, never with "--" inside', () => {
    const { text, notes } = exportMoodleXml(northKoreaChina);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(text).toContain(`<!-- quizkit: ${note.message.replace(/-(?=-)/g, '- ')} -->`);
    expect(text.match(/<!--([\s\S]*?)-->/g)?.every((comment) => !comment.slice(4, -3).includes('--'))).toBe(true);
  });
});
