import type { MultipleChoice, Matching as PegMatching, GIFTQuestion } from 'gift-pegjs';
import { type Fraction, fractionToNumber } from 'quizkit';
import { MOODLE_FRACTIONS, exportGift, moodleWeights, toGift } from 'quizkit/gift';
import { northKoreaChina } from 'quizkit/modules';
import type { DeepReadonly, Module, Question, QuestionInput, Quiz } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE, moduleWith, parseWithPegjs, pegjsDecode, pegjsPlain, pegjsText, pegjsView } from './helpers.js';

const questionsOf = (parsed: GIFTQuestion[]) => parsed.filter((entry) => entry.type !== 'Category' && entry.type !== 'Description');

/** Checks every question of `module` against what gift-pegjs read from its GIFT export. */
function expectFaithfulToPegjs(module: DeepReadonly<Module>) {
  const parsed = parseWithPegjs(toGift(module));
  expect(parsed.filter((entry) => entry.type === 'Category').map((entry) => entry.type === 'Category' && entry.title)).toEqual(
    module.quizzes.map((quiz) => `$course$/top/${module.title.replace(/\//g, '//')}/${quiz.title.replace(/\//g, '//')}`),
  );
  const exported = module.quizzes.flatMap((quiz) => quiz.questions).filter((question) => question.type !== 'ordering');
  const read = questionsOf(parsed);
  expect(read.map((question) => question.title)).toEqual(exported.map((question) => question.id));
  exported.forEach((question, index) => {
    const peg = read[index] as MultipleChoice | PegMatching;
    expect(peg.id, 'Moodle idnumber from // [id:…]').toBe(question.id);
    expect(peg.tags ?? []).toEqual(question.objectives);
    expect(pegjsView(peg.stem.text)).toBe(pegjsView(question.prompt));
    expect(pegjsView(peg.globalFeedback?.text ?? '')).toBe(pegjsView(question.explanation));
    if (question.type === 'matching') {
      expect(peg.type).toBe('Matching');
      const pairs = (peg as PegMatching).matchPairs.filter((pair) => pair.subquestion.text !== '');
      expect(pairs.map((pair) => [pegjsText(pair.subquestion), pegjsPlain(pair.subanswer)])).toEqual(
        question.statements.map((statement) => [
          pegjsView(statement.text),
          pegjsView(question.actors.find((actor) => actor.id === statement.actor)?.name ?? 'None of these'),
        ]),
      );
    } else {
      expect(peg.type).toBe('MC');
      const { single, options } = moodleWeights(question);
      const choices = (peg as MultipleChoice).choices;
      expect(choices.map((choice) => pegjsText(choice.text))).toEqual(question.options.map((option) => pegjsView(option.text)));
      expect(choices.map((choice) => pegjsView(choice.feedback?.text ?? ''))).toEqual(question.options.map((option) => pegjsView(option.feedback ?? '')));
      choices.forEach((choice, i) => {
        const weight = (options[i] as { weight: Fraction }).weight;
        if (single && weight.n === weight.d) expect(choice.isCorrect).toBe(true);
        else expect(choice.weight ?? 0).toBeCloseTo(fractionToNumber(weight) * 100, 4);
      });
    }
  });
}

const single = (id: string, extra: object) => ({ id, type: 'single-choice', prompt: `Question ${id}?`, ...BOILERPLATE, ...extra }) as QuestionInput;
const multiple = (id: string, extra: object) => ({ id, type: 'multiple-choice', prompt: `Question ${id}?`, ...BOILERPLATE, ...extra }) as QuestionInput;
const options = (pattern: string, extra: Record<string, object> = {}) =>
  [...pattern].map((mark, i) => {
    const id = String.fromCharCode(97 + i);
    return { id, text: `Option ${id.toUpperCase()}`, ...(mark === 'x' ? { correct: true } : {}), ...extra[id] };
  });

/** One question per rule and type, with credits, feedback and distractors. */
const everyRule = moduleWith(
  [
    {
      id: 'choice',
      title: 'Choice / rules',
      questions: [
        single('sc-plain', { options: options('x...', { b: { feedback: 'No.' } }) }),
        single('sc-credit', { options: options('x...', { b: { credit: 0.5 }, c: { credit: '-1/2' }, d: { credit: '1/3' } }) }),
        single('sc-cfg', { rule: { name: 'correction-for-guessing' }, options: options('x...') }),
        single('sc-cfg-12', { rule: { name: 'correction-for-guessing' }, options: options('x...........') }),
        multiple('mc-aon', { rule: { name: 'all-or-nothing' }, options: options('xx..') }),
        multiple('mc-weighted', { rule: { name: 'weighted-credit' }, options: options('xxx..') }),
        multiple('mc-weighted-explicit', {
          rule: { name: 'weighted-credit' },
          options: options('xxx.', { a: { credit: '1/2' }, b: { credit: '3/8' }, c: { credit: '1/8' }, d: { credit: -1 } }),
        }),
        multiple('mc-rmw', { rule: { name: 'right-minus-wrong' }, options: options('xxx....') }),
        multiple('mc-edc', { rule: { name: 'every-decision-counts' }, options: options('xx...') }),
        multiple('mc-cfg', { rule: { name: 'correction-for-guessing' }, options: options('x..') }),
        multiple('mc-eleven', { rule: { name: 'weighted-credit' }, options: options('xxxxxxxxxxx.') }),
      ],
    },
    {
      id: 'matching',
      title: 'Matching',
      questions: [
        {
          id: 'match-per-statement',
          type: 'matching',
          prompt: 'Who said it?',
          ...BOILERPLATE,
          actors: [
            { id: 'caesar', name: 'Julius Caesar' },
            { id: 'hamlet', name: 'Hamlet' },
            { id: 'lear', name: 'King Lear' },
          ],
          statements: [
            { id: 's1', text: 'Veni, vidi, vici.', actor: 'caesar' },
            { id: 's2', text: 'To be, or not to be.', actor: 'hamlet', feedback: 'Act 3.' },
            { id: 's3', text: 'The die is cast.', actor: 'caesar', weight: 2 },
          ],
        },
        {
          id: 'match-aon-none',
          type: 'matching',
          prompt: 'Who said it, if anyone?',
          ...BOILERPLATE,
          rule: { name: 'all-or-nothing' },
          allowNoMatch: true,
          actors: [
            { id: 'caesar', name: 'Julius Caesar' },
            { id: 'hamlet', name: 'Hamlet' },
          ],
          statements: [
            { id: 's1', text: 'Veni, vidi, vici.', actor: 'caesar' },
            { id: 's2', text: 'E = mc²', actor: null },
          ],
        },
      ],
    },
    {
      id: 'ordering',
      title: 'Ordering',
      questions: [
        {
          id: 'order-1',
          type: 'ordering',
          prompt: 'Order them.',
          ...BOILERPLATE,
          items: [
            { id: 'a', text: 'A' },
            { id: 'b', text: 'B' },
          ],
          correctOrder: ['a', 'b'],
        },
      ],
    },
  ],
);

describe('toGift', () => {
  it('writes the article module as GIFT that gift-pegjs parses question by question', () => {
    expectFaithfulToPegjs(northKoreaChina);
  });

  it('skips the ordering questions of the article module, with a comment and a note each', () => {
    const { text, notes } = exportGift(northKoreaChina);
    const ordering = northKoreaChina.quizzes
      .flatMap((quiz): readonly DeepReadonly<Question>[] => quiz.questions)
      .filter((question) => question.type === 'ordering');
    expect(ordering.length).toBeGreaterThan(0);
    expect(notes.filter((note) => note.code === 'skipped').map((note) => note.questionId)).toEqual(ordering.map((question) => question.id));
    for (const question of ordering) {
      expect(text).toContain(`// quizkit: ordering question "${question.id}" skipped`);
      expect(text).not.toContain(`::${question.id}::`);
    }
  });

  it('writes every rule of every type as GIFT that gift-pegjs parses', () => {
    expectFaithfulToPegjs(everyRule);
  });

  it('marks the single correct option with = and partial or negative credit with ~%n%', () => {
    const text = toGift(everyRule);
    expect(text).toContain(
      '::sc-credit::Question sc-credit?{\n\t=Option A\n\t~%50%Option B\n\t~%-50%Option C\n\t~%33.33333%Option D\n\t####Because the reading says so.\n}',
    );
    expect(text).toContain('\t=Option A\n\t~Option B#No.\n');
    // correction-for-guessing: -1/(k-1), exact up to 11 options, snapped beyond.
    expect(text).toMatch(/::sc-cfg::[^}]*~%-33\.33333%Option B/);
    expect(text).toMatch(/::sc-cfg-12::[^}]*~%-10%Option B/);
  });

  it('writes multiple-choice weights without =, the positive ones adding up to exactly 100%', () => {
    const text = toGift(everyRule);
    expect(text).toMatch(/::mc-weighted::[^}]*\{\n\t~%33\.33333%Option A\n\t~%33\.33333%Option B\n\t~%33\.33333%Option C\n\t~%-33\.33333%Option D/);
    expect(text).toMatch(/::mc-aon::[^}]*\{\n\t~%50%Option A\n\t~%50%Option B\n\t~%-100%Option C/);
    // 3/8 is not in Moodle's list: the three positive weights move together and still add up to 100%.
    expect(text).toMatch(/::mc-weighted-explicit::[^}]*\{\n\t~%50%Option A\n\t~%40%Option B\n\t~%10%Option C\n\t~%-100%Option D/);
    // 11 correct options: 1/11 is not in the list; 9 × 10% + 2 × 5% = 100%.
    const eleven = /::mc-eleven::[^}]*/.exec(text)?.[0] ?? '';
    const weights = [...eleven.matchAll(/~%(-?[\d.]+)%/g)].map((match) => Number(match[1]));
    expect(weights.filter((weight) => weight > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(weights.every((weight) => MOODLE_FRACTIONS.some((value) => Math.abs(fractionToNumber(value) * 100 - weight) < 1e-3))).toBe(true);
  });

  it('says in a comment when a rule has no Moodle form or a weight was snapped', () => {
    const { text, notes } = exportGift(everyRule);
    const codes = (id: string) => notes.filter((note) => note.questionId === id).map((note) => note.code);
    expect(codes('mc-aon')).toEqual(['rule-approximated']);
    expect(codes('mc-edc')).toEqual(['rule-approximated']);
    expect(codes('mc-cfg')).toEqual(['rule-approximated']);
    expect(codes('mc-rmw')).toEqual([]);
    expect(codes('mc-weighted')).toEqual([]);
    expect(codes('mc-weighted-explicit')).toEqual(['weights-snapped']);
    expect(codes('sc-cfg')).toEqual([]);
    expect(codes('sc-cfg-12')).toEqual(['weights-snapped']);
    expect(codes('match-per-statement')).toEqual(['weights-dropped', 'feedback-dropped']);
    expect(codes('match-aon-none')).toEqual(['rule-approximated', 'no-match-added']);
    expect(codes('order-1')).toEqual(['skipped']);
    expect(text).toMatch(/\/\/ quizkit: weights snapped to Moodle's grade list[^\n]*3\/8 → 40% \("b"\); 1\/8 → 10% \("c"\)\n::mc-weighted-explicit::/);
    expect(text).toMatch(/\/\/ quizkit: rule all-or-nothing has no Moodle form[^\n]*\n::mc-aon::/);
  });

  it('writes matching pairs, distractors as "= -> actor" and "none of these" as an extra answer', () => {
    const text = toGift(everyRule);
    expect(text).toContain(
      '::match-per-statement::Who said it?{\n\t=Veni, vidi, vici. -> Julius Caesar\n\t=To be, or not to be. -> Hamlet\n\t=The die is cast. -> Julius Caesar\n\t= -> King Lear\n',
    );
    expect(text).toContain('\t=Veni, vidi, vici. -> Julius Caesar\n\t=E \\= mc² -> None of these\n\t= -> Hamlet\n');
  });

  it('writes one $CATEGORY per quiz, doubling a slash inside a name, or none with categoryRoot: false', () => {
    const text = toGift(everyRule);
    expect(text).toContain('$CATEGORY: $course$/top/Sample // module/Choice // rules\n');
    expect(text.match(/^\$CATEGORY:/gm)).toHaveLength(3);
    expect(toGift(everyRule, { categoryRoot: false })).not.toContain('$CATEGORY');
    expect(toGift(everyRule.quizzes[1]!, { categoryRoot: 'top/Bank' })).toContain('$CATEGORY: top/Bank/Matching\n');
  });

  it('escapes ~ = # { } : and backslashes, and writes line breaks as \\n', () => {
    const module = moduleWith([
      {
        id: 'q',
        title: 'Escapes',
        questions: [
          single('escapes', {
            prompt: 'Is 1 + 1 = 2 {always}? C:\\new ~ #1\nSecond line',
            explanation: 'Yes: in base 10 #math\n\nNew paragraph.',
            options: [
              { id: 'yes', text: 'Yes ~ in base 10', correct: true, feedback: 'Correct: 2' },
              { id: 'no', text: '%50% of the time' },
              { id: 'html', text: '<b>bold</b> & more' },
              { id: 'format', text: '[html] is a prefix' },
            ],
          }),
        ],
      },
    ]);
    const text = toGift(module);
    expect(text).toContain(
      [
        '::escapes::Is 1 + 1 \\= 2 \\{always\\}? C\\:\\\\new \\~ \\#1\\nSecond line{',
        '\t=Yes \\~ in base 10#Correct\\: 2',
        '\t~[moodle]%50% of the time',
        '\t~[plain]<b>bold</b> & more',
        '\t~[moodle][html] is a prefix',
        '\t####Yes\\: in base 10 \\#math\\n\\nNew paragraph.',
        '}',
      ].join('\n'),
    );
    const [question] = questionsOf(parseWithPegjs(text)) as MultipleChoice[];
    expect(question?.stem.text).toBe('Is 1 + 1 = 2 {always}? C:\\new ~ #1\nSecond line');
    expect(question?.choices.map((choice) => [choice.text.format, choice.text.text, choice.weight])).toEqual([
      ['moodle', 'Yes ~ in base 10', null],
      ['moodle', '%50% of the time', null],
      ['plain', '<b>bold</b> & more', null],
      ['moodle', '[html] is a prefix', null],
    ]);
    expect(pegjsDecode(question?.globalFeedback?.text ?? '')).toBe('Yes: in base 10 #math\n\nNew paragraph.');
  });

  it('writes a matching statement containing -> as [html] so that neither Moodle nor gift-pegjs splits it there', () => {
    const module = moduleWith([
      {
        id: 'q',
        title: 'Arrows',
        questions: [
          {
            id: 'arrows',
            type: 'matching',
            prompt: 'Match.',
            ...BOILERPLATE,
            actors: [
              { id: 'a', name: 'Left -> right' },
              { id: 'b', name: 'B & <c>' },
            ],
            statements: [
              { id: 's1', text: 'x -> y & <z>\nw', actor: 'a' },
              { id: 's2', text: 'plain', actor: 'b' },
            ],
          } as QuestionInput,
        ],
      },
    ]);
    const text = toGift(module);
    expect(text).toContain('\t=[html]x -&gt; y &amp; &lt;z&gt;<br>w -> Left -> right\n\t=plain -> B & <c>\n');
    // gift-pegjs would read `=a -> b` as a matching pair even in a choice question.
    const choice = moduleWith([{ id: 'q', title: 'Arrow', questions: [single('arrow', { options: [{ id: 'a', text: 'a -> b', correct: true }, { id: 'b', text: 'c' }] })] }]);
    expect(toGift(choice)).toContain('\t=[html]a -&gt; b\n\t~c\n');
    expect((questionsOf(parseWithPegjs(toGift(choice)))[0] as MultipleChoice).choices[0]?.text).toEqual({ format: 'html', text: 'a -&gt; b' });
    const [question] = questionsOf(parseWithPegjs(text)) as PegMatching[];
    expect(question?.matchPairs.map((pair) => [pair.subquestion.format, pair.subquestion.text, pair.subanswer])).toEqual([
      ['html', 'x -&gt; y &amp; &lt;z&gt;<br>w', 'Left -> right'],
      ['moodle', 'plain', 'B & <c>'],
    ]);
  });

  it('writes the id and objectives as Moodle idnumber and tags, and notes points and outcome feedback it cannot carry', () => {
    const module = moduleWith(
      [
        {
          id: 'q',
          title: 'Marks',
          questions: [
            single('marks', {
              points: 2.5,
              objectives: ['obj-a', 'obj-b'],
              feedback: { correct: 'Well done.' },
              options: options('x.'),
            }),
          ],
        },
      ],
      ['obj-a', 'obj-b'],
    );
    const { text, notes } = exportGift(module);
    expect(text).toContain(
      "// [id:marks] [tag:obj-a] [tag:obj-b]\n// [quizkit:rule=option-credit;points=5/2;ids=a,b]\n// quizkit: GIFT has no marks for Moodle: worth 2.5 points here, 1 (Moodle's default) after Moodle imports it; quizkit's import reads them back from the comment above\n// quizkit: feedback by outcome",
    );
    expect(notes.map((note) => note.code)).toEqual(['points-dropped', 'feedback-dropped']);
  });

  it('writes a quiz alone under its own title', () => {
    const quiz: DeepReadonly<Quiz> = northKoreaChina.quizzes[1];
    const text = toGift(quiz);
    expect(text).toContain(`$CATEGORY: $course$/top/${quiz.title}\n`);
    expect(questionsOf(parseWithPegjs(text))).toHaveLength(quiz.questions.filter((question) => question.type !== 'ordering').length);
  });
});
