import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type DeepReadonly, type Fraction, type Module, type QuestionStatus, correctResponses, scoreQuiz } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';
import { parseModule, safeParseModule } from 'quizkit/schema';

const FILE = 'quizzes/north-korea-china.yaml';
const source = readFileSync(fileURLToPath(new URL(`../../${FILE}`, import.meta.url)), 'utf8');
const authored: unknown = parse(source);
// Widened for the checks that walk every question; the scoring tests keep the literal types.
const module: DeepReadonly<Module> = northKoreaChina;
const questions = module.quizzes.flatMap((quiz) => quiz.questions);
const [whoAndWhen, positions] = northKoreaChina.quizzes;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const f = (n: number, d = 1): Fraction => ({ n, d });

describe('the north-korea-china quiz file', () => {
  it('declares the JSON Schema for editors on its first line', () => {
    expect(source.split('\n')[0]).toBe('# yaml-language-server: $schema=../quiz.schema.json');
  });

  it('validates with safeParseModule', () => {
    const result = safeParseModule(authored);
    expect(result.success ? [] : result.issues).toEqual([]);
  });

  it('is exported unchanged as northKoreaChina', () => {
    expect(
      northKoreaChina,
      `src/modules/north-korea-china.ts is out of date with ${FILE}: run \`npx tsx scripts/generate-modules.ts\``,
    ).toStrictEqual(parseModule(authored));
  });

  it('splits the reading into the article’s six headed sections, in order', () => {
    expect(module.reading.map((section) => [section.id, section.heading])).toEqual([
      ['beijing-meeting', 'A Strategic Meeting in Beijing'],
      ['united-front', 'A United Front: Kim, Xi, and Putin'],
      ['firm-commitments', 'Firm Commitments from Both Sides'],
      ['opposing-hegemonism', 'Opposing Hegemonism and Unilateralism'],
      ['contextual-background', 'Contextual Background'],
      ['road-ahead', 'The Road Ahead'],
    ]);
    // The closing paragraph has no heading in the source; it stays in the last section.
    expect(module.reading.at(-1)?.text.split('\n\n').at(-1)).toMatch(/^In conclusion, /);
  });

  it('keeps the article’s typographic apostrophes', () => {
    const text = module.reading.map((section) => section.text).join('\n');
    expect(text).toContain('China’s');
    expect(text).toContain('Workers’ Party');
    expect(text).not.toContain("'");
  });
});

describe('grounding in the reading', () => {
  const sections = new Map(module.reading.map((section) => [section.id, section.text]));

  it.each(questions.map((question) => [question.id, question] as const))(
    '%s quotes its section verbatim (up to whitespace)',
    (_, question) => {
      const text = sections.get(question.source.section);
      expect(text, `section "${question.source.section}" is not in the reading`).toBeDefined();
      expect(squash(text ?? '')).toContain(squash(question.source.quote));
    },
  );

  it('cites every section at least once', () => {
    const cited = new Set(questions.map((question) => question.source.section));
    expect(module.reading.filter((section) => !cited.has(section.id)).map((section) => section.id)).toEqual([]);
  });

  it('assesses every objective at least once', () => {
    const assessed = new Set(questions.flatMap((question) => question.objectives));
    expect(module.objectives.filter((objective) => !assessed.has(objective.id)).map((objective) => objective.id)).toEqual([]);
  });
});

describe('question set', () => {
  const count = (type: string) => questions.filter((question) => question.type === type).length;

  // Two orderings, not three (second edition, issue #17): the article fixes two chains of events in words,
  // and the order of telling is asked as a single choice, since no ordering rule scores the target
  // misconception (the parade told first) below a slip between two later topics.
  it('has at least 16 questions: 6 single-choice, 3 multiple-choice, 2 ordering and 3 matching', () => {
    expect(questions.length).toBeGreaterThanOrEqual(16);
    expect(count('single-choice')).toBeGreaterThanOrEqual(6);
    expect(count('multiple-choice')).toBeGreaterThanOrEqual(3);
    expect(count('ordering')).toBeGreaterThanOrEqual(2);
    expect(count('matching')).toBeGreaterThanOrEqual(3);
  });

  it('gives every question an explanation and at least one objective', () => {
    for (const question of questions) {
      expect(question.explanation.trim(), question.id).not.toBe('');
      expect(question.objectives.length, question.id).toBeGreaterThan(0);
    }
  });

  it('gives feedback on every wrong option', () => {
    const missing = questions.flatMap((question) =>
      question.type === 'single-choice' || question.type === 'multiple-choice'
        ? question.options.filter((option) => !option.correct && !option.feedback).map((option) => `${question.id}/${option.id}`)
        : [],
    );
    expect(missing).toEqual([]);
  });

  it('asks for orders of at least three items', () => {
    for (const question of questions) {
      if (question.type === 'ordering') expect(question.items.length, question.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('offers a distractor actor in every matching question', () => {
    for (const question of questions) {
      if (question.type !== 'matching') continue;
      const used = new Set(question.statements.map((statement) => statement.actor));
      expect(question.actors.some((actor) => !used.has(actor.id)), question.id).toBe(true);
    }
  });

  it('sets a pass mark of 70% on every quiz', () => {
    expect(module.quizzes.map((quiz) => quiz.passMark)).toEqual([f(70), f(70)]);
  });
});

describe('scoring the module', () => {
  it.each(module.quizzes.map((quiz) => [quiz.id, quiz] as const))('scores the answer key of %s at 100%%', (_, quiz) => {
    const result = scoreQuiz(quiz, correctResponses(quiz));
    expect(result.percent).toEqual(f(100));
    expect(result.passed).toBe(true);
    expect(result.questions.filter((question) => question.status !== 'correct')).toEqual([]);
    expect(result.issues).toEqual([]);
  });

  it('passes at 7 of 9 right and fails at 6 of 9', () => {
    const key = correctResponses(whoAndWhen);
    const { 'who-met-in-beijing': _a, 'outlook-spotlight': _b, ...sevenRight } = key;
    const { 'article-structure': _c, ...sixRight } = sevenRight;
    expect(scoreQuiz(whoAndWhen, sevenRight)).toMatchObject({ percent: f(700, 9), passed: true });
    expect(scoreQuiz(whoAndWhen, sixRight)).toMatchObject({ percent: f(200, 3), passed: false });
  });

  it('scores a crafted attempt on actors-and-events by each rule’s formula', () => {
    const result = scoreQuiz(whoAndWhen, {
      'who-met-in-beijing': 'kim-and-xi',
      'who-is-who': {
        'north-korean-leader': 'kim',
        'chinese-president': 'xi',
        'north-korean-foreign-minister': 'wang',
        'chinese-foreign-minister': 'choe',
      },
      'parade-appearance': ['kim', 'xi', 'choe'],
      'parade-commemorated': 'end-of-world-war-ii',
      'china-involvement': 'leads-it',
      'order-summit-meeting-anniversary': ['ministers-meet', 'kim-xi-summit', 'party-anniversary'],
      'order-parade-chain': ['parade', 'end-of-world-war-ii', 'party-anniversary', 'ministers-meet'],
      // 'outlook-spotlight' left unanswered
      'article-structure': 'chronological', // the target misconception: the parade told first
    });
    const expected: [string, Fraction, QuestionStatus][] = [
      // correction-for-guessing, k = 4 options: a wrong answer earns −1/(k−1) = −1/3.
      ['who-met-in-beijing', f(-1, 3), 'incorrect'],
      // per-statement: the two foreign ministers swapped, 2 of 4 statements right = 1/2.
      ['who-is-who', f(1, 2), 'partial'],
      // right-minus-wrong, k = 3 correct: (2 right − 1 wrong) / 3 = 1/3.
      ['parade-appearance', f(1, 3), 'partial'],
      ['parade-commemorated', f(1), 'correct'],
      // option-credit: a distractor earns 0.
      ['china-involvement', f(0), 'incorrect'],
      // pairwise-order, n = 3: summit and meeting swapped is 1 inversion of C(3,2) = 3 pairs: 1 − 1/3 = 2/3.
      ['order-summit-meeting-anniversary', f(2, 3), 'partial'],
      // longest-ordered-subsequence, n = 4: correct positions 1,0,3,2; the longest increasing run is 2 long: 2/4.
      ['order-parade-chain', f(1, 2), 'partial'],
      ['outlook-spotlight', f(0), 'unanswered'],
      ['article-structure', f(0), 'incorrect'],
    ];
    expect(result.questions.map((question) => [question.questionId, question.fraction, question.status])).toEqual(expected);
    // −1/3 + 1/2 + 1/3 + 1 + 0 + 2/3 + 1/2 + 0 + 0 = 8/3 of 9 points; 8/3 / 9 × 100 = 800/27 ≈ 29.6%.
    expect(result).toMatchObject({ earned: f(8, 3), possible: f(9), percent: f(800, 27), passed: false });
  });

  it('scores a crafted attempt on positions-and-context by each rule’s formula', () => {
    const result = scoreQuiz(positions, {
      'commitments-who-said': { 'unwavering-dedication': 'choe', 'strategic-communications': 'xi', echoed: 'wang' },
      'opposition-who-said': {
        'made-declaration': 'wang',
        'confirmed-declaration': 'chinese-media',
        'expressed-willingness': 'choe',
        'reported-willingness': 'ap-news',
        'named-united-states': null,
      },
      'joint-then-divided': 'reversed',
      'parade-hinted': 'potential-alignment',
      'confrontation-issues': ['strategic-competitions'],
      // 'dialogue-outcome' left unanswered
      'report-or-judgement': { pivotal: 'judgement', unprecedented: 'judgement', 'significant-development': 'attributed', 'unwavering-dedication': 'attributed' },
      'expected-not-reported': ['delegation', 'military-showcase', 'summit'],
      'closing-assessment': 'significant-development',
    });
    const expected: [string, Fraction, QuestionStatus][] = [
      // per-statement: Wang's call for strategic communications given to Xi, 2 of 3 right.
      ['commitments-who-said', f(2, 3), 'partial'],
      // per-statement, 5 statements: North Korea's willingness given to Choe is wrong;
      // "none of these" (null) for the statement nobody makes is right: 4/5.
      ['opposition-who-said', f(4, 5), 'partial'],
      ['joint-then-divided', f(0), 'incorrect'],
      ['parade-hinted', f(1), 'correct'],
      // right-minus-wrong, k = 2: one right tick, no wrong ones: 1/2.
      ['confrontation-issues', f(1, 2), 'partial'],
      ['dialogue-outcome', f(0), 'unanswered'],
      // per-statement, 6 statements: 3 right, 1 wrong, 2 unanswered (count as wrong): 3/6.
      ['report-or-judgement', f(1, 2), 'partial'],
      // correction-for-guessing, n = 6: 4 right decisions, 2 wrong (one missed, one wrong tick): (4 − 2) / 6 = 1/3.
      ['expected-not-reported', f(1, 3), 'partial'],
      ['closing-assessment', f(1), 'correct'],
    ];
    expect(result.questions.map((question) => [question.questionId, question.fraction, question.status])).toEqual(expected);
    // 2/3 + 4/5 + 0 + 1 + 1/2 + 0 + 1/2 + 1/3 + 1 = 24/5 of 9; 24/5 / 9 × 100 = 160/3 ≈ 53.3%.
    expect(result).toMatchObject({ earned: f(24, 5), possible: f(9), percent: f(160, 3), passed: false });
  });
});
