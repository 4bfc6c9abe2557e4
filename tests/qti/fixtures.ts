import { RULE_NAMES, parseQuiz, type Quiz } from 'quizkit/schema';
import { BOILERPLATE, items, options } from '../helpers/builders.js';

// Small quizzes for the QTI export: one question for every rule of every type
// (with the variants that change the mapping), and one of awkward text and
// clashing ids.

/** A quiz with the boilerplate every question needs filled in. */
const quiz = (input: Record<string, unknown> & { questions: readonly Record<string, unknown>[] }): Quiz =>
  parseQuiz({ ...input, questions: input.questions.map((question) => ({ ...BOILERPLATE, ...question })) });

const actors = [
  { id: 'kim', name: 'Kim Jong Un' },
  { id: 'xi', name: 'Xi Jinping' },
  { id: 'putin', name: 'Vladimir Putin' },
  { id: 'biden', name: 'Joe Biden' },
];
const statements = [
  { id: 's1', text: 'Statement one', actor: 'kim' },
  { id: 's2', text: 'Statement two', actor: 'xi' },
  { id: 's3', text: 'Statement three', actor: 'xi' },
  { id: 's4', text: 'Statement four', actor: 'putin' },
];

const ORDERING_RULES = RULE_NAMES.ordering;

const MC_RULES = RULE_NAMES['multiple-choice'];

/** Every rule of every question type, with points that exercise the weights. */
export const everyRule: Quiz = quiz({
  id: 'every-rule',
  title: 'Every rule',
  passMark: '62.5',
  questions: [
    { id: 'sc-plain', type: 'single-choice', options: options('x..'), points: 2 },
    {
      id: 'sc-credit',
      type: 'single-choice',
      options: options('x...', { b: { credit: 0.5 }, c: { credit: -0.5 }, d: { credit: '1/3' } }),
      points: '1/3',
    },
    { id: 'sc-guess', type: 'single-choice', options: options('.x..'), rule: { name: 'correction-for-guessing' } },
    { id: 'sc-guess-two', type: 'single-choice', options: options('x.'), rule: { name: 'correction-for-guessing' } },
    ...MC_RULES.map((rule) => ({ id: `mc-${rule}`, type: 'multiple-choice', options: options('xx.x.'), rule: { name: rule }, points: 0.25 })),
    {
      id: 'mc-weighted-authored',
      type: 'multiple-choice',
      options: options('xx.x.', { a: { credit: '1/2' }, b: { credit: '1/3' }, c: { credit: -1 }, d: { credit: '1/6' }, e: { credit: 0 } }),
      rule: { name: 'weighted-credit' },
    },
    { id: 'mc-single-key', type: 'multiple-choice', options: options('.x'), rule: { name: 'correction-for-guessing' } },
    ...ORDERING_RULES.map((rule) => ({
      id: `ord-${rule}`,
      type: 'ordering',
      // Listed out of order, so the display order is not the key.
      items: items('CAEBD'),
      correctOrder: ['A', 'B', 'C', 'D', 'E'],
      rule: { name: rule },
    })),
    ...ORDERING_RULES.map((rule) => ({ id: `ord2-${rule}`, type: 'ordering', items: items('BA'), correctOrder: ['A', 'B'], rule: { name: rule } })),
    { id: 'match-per', type: 'matching', actors, statements, points: 3 },
    {
      id: 'match-weights',
      type: 'matching',
      actors,
      statements: statements.map((statement, i) => ({ ...statement, weight: ['2', 1, '1/3', 0.5][i] })),
    },
    { id: 'match-thirds', type: 'matching', actors: actors.slice(0, 2), statements: statements.slice(0, 3) },
    {
      id: 'match-none',
      type: 'matching',
      actors,
      statements: [...statements, { id: 's5', text: 'Said by no one', actor: null }],
      allowNoMatch: true,
    },
    {
      id: 'match-all',
      type: 'matching',
      actors,
      statements: [...statements, { id: 's5', text: 'Said by no one', actor: null }],
      allowNoMatch: true,
      rule: { name: 'all-or-nothing' },
    },
  ],
});

/** Text that needs escaping (and characters XML cannot hold), and ids that clash with QTI's. */
export const NASTY_PROMPT = 'Is 1 < 2 && 3 > 2?\n"Quoted", \'apostrophes\', ]]> <![CDATA[x]]> &amp; a bell \u0007 and 🦀\tתשובה';

export const awkward: Quiz = quiz({
  id: 'quiz',
  title: 'Tricky <text> & "ids"',
  description: 'Fish & chips < 5 €',
  timeLimitSeconds: 600,
  questions: [
    {
      id: 'quiz',
      type: 'single-choice',
      prompt: NASTY_PROMPT,
      options: [
        { id: 'SCORE', text: '<b>not bold</b>', correct: true },
        { id: 'RESPONSE', text: 'a & b' },
        { id: 'duration', text: '"quoted"' },
      ],
    },
    {
      id: 'part-1',
      type: 'matching',
      prompt: 'Who said it? <none>',
      actors: [
        { id: 'same', name: 'Actor & co' },
        { id: 'none-of-these', name: 'An actor whose id is none-of-these' },
      ],
      statements: [
        { id: 'same', text: 'A statement whose id is also an actor’s', actor: 'same' },
        { id: 's2', text: 'Nobody said this', actor: null },
      ],
      allowNoMatch: true,
    },
    { id: 'Q1', type: 'ordering', items: items('BA'), correctOrder: ['A', 'B'], rule: { name: 'pairwise-order' } },
    { id: 'q1', type: 'ordering', items: [{ id: 'POS_1', text: 'First' }, { id: 'RAW', text: 'Second' }], correctOrder: ['POS_1', 'RAW'], rule: { name: 'exact-position' } },
    { id: 'section-1', type: 'multiple-choice', options: options('x.x'), rule: { name: 'every-decision-counts' } },
  ],
});
