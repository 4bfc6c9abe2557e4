// Each exported item, run by a small independent QTI engine (./evaluate.ts),
// scores every response as quizkit does: the standard templates where they
// express the rule, the custom response processing where they do not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { scoreQuestion, scoreQuiz } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';
import { type QtiScoring, qtiScoring, toQtiFiles, toQtiItem } from 'quizkit/qti';
import { QuestionSchema, parseQuiz, type Question, type Quiz } from 'quizkit/schema';
import { describe, expect, it } from 'vitest';
import { authored, questionInput, responseTo } from '../helpers/arbitraries.js';
import { BOILERPLATE, options } from '../helpers/builders.js';
import { evaluateItem, mapResponse, qtiResponse } from './evaluate.js';
import { everyRule } from './fixtures.js';
import { find, findAll, parseXml, type XmlNode } from './xml.js';
import { SAMPLES, hasSamples } from './xmllint.js';

/** Mapped values are written to 10 decimals, rounded away from zero; a sum of up to 50 of them is off by less than this. */
const TOLERANCE = 1e-8;

const subsets = <T>(list: readonly T[]): T[][] => list.reduce<T[][]>((all, x) => [...all, ...all.map((s) => [...s, x])], [[]]);
const permutations = <T>(list: readonly T[]): T[][] =>
  list.length <= 1 ? [[...list]] : list.flatMap((x, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [x, ...rest]));
/** Every matching response: each statement unanswered, or given an actor, or null where allowed. */
function matchings(question: Extract<Question, { type: 'matching' }>): Record<string, string | null>[] {
  const answers: (string | null | undefined)[] = [undefined, ...question.actors.map((actor) => actor.id), ...(question.allowNoMatch ? [null] : [])];
  return question.statements.reduce<Record<string, string | null>[]>(
    (all, statement) => all.flatMap((partial) => answers.map((answer) => (answer === undefined ? partial : { ...partial, [statement.id]: answer }))),
    [{}],
  );
}

/** Every response to a question (unanswered included), or a sample where there are too many. */
function responses(question: Question): unknown[] {
  switch (question.type) {
    case 'single-choice':
      return [undefined, ...question.options.map((option) => option.id)];
    case 'multiple-choice':
      return subsets(question.options.map((option) => option.id));
    case 'ordering':
      return [undefined, ...permutations(question.items.map((item) => item.id))];
    case 'matching': {
      const all = matchings(question);
      return all.length <= 5_000 ? all : fc.sample(responseTo(question), { numRuns: 2_000, seed: 7 });
    }
  }
}

/** Asserts that the item scores the response as quizkit does: within TOLERANCE, and exactly at full credit. */
function expectSameScore(question: Question, xml: string, response: unknown): void {
  const engine = scoreQuestion(question, response);
  expect(engine.status).not.toBe('invalid');
  const qti = evaluateItem(xml, qtiResponse(question, response));
  const exact = engine.fraction.n / engine.fraction.d;
  const context = `${question.id} (${question.rule.name}) ← ${JSON.stringify(response)}: QTI ${qti}, quizkit ${engine.fraction.n}/${engine.fraction.d}`;
  expect(Math.abs(qti - exact), context).toBeLessThanOrEqual(TOLERANCE);
  if (engine.fraction.n === engine.fraction.d) expect(qti, context).toBe(1);
}

const questionsOf = (quiz: Quiz) => quiz.questions as readonly Question[];
const articleQuestions = (northKoreaChina.quizzes as unknown as readonly Quiz[]).flatMap((quiz) => quiz.questions);

describe('the QTI engine of these tests', () => {
  it('computes mapResponse as SCORING-ANCHORS §4.3 says: distinct values, default for unmapped ones, then the bounds', () => {
    const mapping = { entries: new Map([['H', 1], ['O', 1], ['Cl', -1]]), lower: 0, upper: 2, defaultValue: -2 };
    const bag = (...values: string[]) => ({ cardinality: 'multiple' as const, values });
    expect(mapResponse(mapping, bag('H', 'O'))).toBe(2);
    expect(mapResponse(mapping, bag('H', 'He'))).toBe(0); // 1 − 2 = −1, clamped to 0
    expect(mapResponse(mapping, bag('H', 'H', 'O'))).toBe(2); // H counted once
    expect(mapResponse({ ...mapping, lower: undefined } as never, bag('Cl', 'He'))).toBe(-3);
    expect(mapResponse(mapping, 'O')).toBe(1);
    expect(mapResponse(mapping, null)).toBe(-2); // the quirk the map_response template guards against
  });

  it.skipIf(!hasSamples)('scores the hand-written QTI 3.0 samples as their comments say', () => {
    const sample = (name: string) => readFileSync(join(SAMPLES, 'qti30', name), 'utf8');
    const bag = (...values: string[]) => ({ cardinality: 'multiple' as const, values });
    expect(evaluateItem(sample('choice-single.xml'), 'B')).toBe(1);
    expect(evaluateItem(sample('choice-single.xml'), 'A')).toBe(0);
    expect(evaluateItem(sample('choice-single.xml'), null)).toBe(0);
    expect(evaluateItem(sample('choice-multiple.xml'), bag('H', 'O'))).toBe(2);
    expect(evaluateItem(sample('choice-multiple.xml'), bag('H', 'O', 'He'))).toBe(1);
    expect(evaluateItem(sample('match.xml'), bag('S1 CAESAR', 'S2 LEAR', 'S3 CAESAR'))).toBe(2);
    expect(evaluateItem(sample('order.xml'), { cardinality: 'ordered', values: ['MERCURY', 'VENUS', 'EARTH'] })).toBe(1);
    expect(evaluateItem(sample('order.xml'), { cardinality: 'ordered', values: ['VENUS', 'MERCURY', 'EARTH'] })).toBe(0);
  });

  it('refuses elements it does not know, so nothing the export writes goes unchecked', () => {
    const xml = toQtiItem(everyRule.questions.find((q) => q.id === 'mc-every-decision-counts')!).replaceAll('qti-sum', 'qti-product');
    expect(() => evaluateItem(xml, { cardinality: 'multiple', values: ['a'] })).toThrow('Expression <qti-product> is not one the export writes');
  });
});

describe('exact export: every item scores as quizkit does', () => {
  it.each(questionsOf(everyRule).map((question) => [question.id, question] as const))('%s, every response', (_, question) => {
    const xml = toQtiItem(question);
    for (const response of responses(question)) expectSameScore(question, xml, response);
  });

  it.each(articleQuestions.map((question) => [question.id, question] as const))('article module: %s, every response (or 2,000)', (_, question) => {
    const xml = toQtiItem(question);
    for (const response of responses(question)) expectSameScore(question, xml, response);
  });

  it('random questions of every type and rule, and random responses', () => {
    fc.assert(
      fc.property(
        questionInput.map((input) => QuestionSchema.parse(authored(input))).chain((question) => fc.tuple(fc.constant(question), responseTo(question))),
        ([question, response]) => expectSameScore(question, toQtiItem(question), response),
      ),
      { numRuns: 400 },
    );
  });

  it('scores an incomplete order 0, as quizkit does (it calls it invalid)', () => {
    const question = everyRule.questions.find((q) => q.id === 'ord-pairwise-order')!;
    expect(evaluateItem(toQtiItem(question), { cardinality: 'ordered', values: ['A', 'B'] })).toBe(0);
    expect(scoreQuestion(question, ['A', 'B']).fraction).toEqual({ n: 0, d: 1 });
  });

  it('says every item is exact, and uses a template wherever one expresses the rule', () => {
    const processing = Object.fromEntries(questionsOf(everyRule).map((question) => [question.id, qtiScoring(question)]));
    expect(Object.values(processing).every((scoring) => scoring.exact)).toBe(true);
    const byProcessing = (kind: QtiScoring['processing']) => Object.keys(processing).filter((id) => processing[id]!.processing === kind);
    expect(byProcessing('match_correct')).toEqual(['sc-plain', 'mc-all-or-nothing', 'ord-all-or-nothing', 'ord2-all-or-nothing', 'match-all']);
    expect(byProcessing('map_response')).toEqual([
      'sc-credit',
      'sc-guess',
      'sc-guess-two',
      'mc-weighted-credit',
      'mc-right-minus-wrong',
      'mc-weighted-authored',
      'match-per', // equal quarters: binary fractions, exact in floats
    ]);
    expect(byProcessing('custom')).toEqual([
      'mc-every-decision-counts',
      'mc-correction-for-guessing',
      'mc-single-key',
      ...['', '2'].flatMap((n) =>
        ['exact-position', 'position-distance', 'next-item', 'next-item-and-last', 'previous-and-next', 'pairwise-order', 'longest-ordered-subsequence', 'longest-consecutive-run'].map(
          (rule) => `ord${n}-${rule}`,
        ),
      ),
      // Shares that are not binary fractions: whole-number weights divided once by their total.
      'match-weights',
      'match-thirds',
      'match-none',
    ]);
  });
});

describe("templates-only export ({ responseProcessing: 'templates' })", () => {
  const FALLBACK_RULES = [
    'multiple-choice every-decision-counts',
    'multiple-choice correction-for-guessing',
    ...['exact-position', 'position-distance', 'next-item', 'next-item-and-last', 'previous-and-next', 'pairwise-order', 'longest-ordered-subsequence', 'longest-consecutive-run'].map(
      (rule) => `ordering ${rule}`,
    ),
  ];

  it('falls back to match_correct exactly for the rules no standard template expresses, and says so', () => {
    const fallbacks = new Set<string>();
    for (const question of questionsOf(everyRule)) {
      const scoring = qtiScoring(question, { responseProcessing: 'templates' });
      expect(scoring.processing).not.toBe('custom');
      if (!scoring.exact) {
        fallbacks.add(`${question.type} ${question.rule.name}`);
        expect(scoring.processing).toBe('match_correct');
        expect(scoring.note).toMatch(/match_correct \(all or nothing\)/);
      }
    }
    expect([...fallbacks].sort()).toEqual([...FALLBACK_RULES].sort());
  });

  it('keeps every other item exact, and gives full credit to the key of a fallback', () => {
    for (const question of questionsOf(everyRule)) {
      const xml = toQtiItem(question, { responseProcessing: 'templates' });
      expect(xml).not.toContain('<qti-response-condition>');
      if (qtiScoring(question, { responseProcessing: 'templates' }).exact) {
        for (const response of responses(question)) expectSameScore(question, xml, response);
      } else {
        const key = question.type === 'ordering' ? question.correctOrder : question.type === 'multiple-choice' ? question.options.filter((o) => o.correct).map((o) => o.id) : [];
        expect(evaluateItem(xml, qtiResponse(question, key))).toBe(1);
        expect(evaluateItem(xml, null)).toBe(0);
      }
    }
  });
});

describe('the assessment test', () => {
  /** Runs a test's outcome processing as written: Σ weight × item SCORE, and PASS against the cut. */
  function evaluateTest(files: ReturnType<typeof toQtiFiles>, quiz: Quiz, responses: Record<string, unknown>) {
    const test = parseXml(files.find((file) => file.path === `tests/${quiz.id}.xml`)!.content);
    return evaluateParsedTest(test, files, quiz, responses);
  }

  function evaluateParsedTest(test: XmlNode, files: ReturnType<typeof toQtiFiles>, quiz: Quiz, responses: Record<string, unknown>) {
    const processing = find(test, 'qti-outcome-processing');
    expect(findAll(processing, 'qti-test-variables').map((node) => node.attributes)).toEqual([
      { 'variable-identifier': 'SCORE', 'weight-identifier': 'W', 'base-type': 'float' },
      { 'variable-identifier': 'MAXSCORE', 'weight-identifier': 'W', 'base-type': 'float' },
    ]);
    const cut = Number(find(find(processing, 'qti-gte'), 'qti-base-value').text);
    let score = 0;
    let max = 0;
    for (const ref of findAll(test, 'qti-assessment-item-ref')) {
      const weight = Number(find(ref, 'qti-weight').attributes.value);
      const question = quiz.questions.find((q) => q.id === ref.attributes.identifier)! as Question;
      const item = files.find((file) => `../${file.path}` === ref.attributes.href)!;
      score += weight * evaluateItem(item.content, qtiResponse(question, responses[question.id]));
      max += weight;
    }
    return { score, max, pass: score / max >= cut };
  }

  it('sums the weighted item scores and decides PASS as scoreQuiz does', () => {
    const files = toQtiFiles(northKoreaChina);
    for (const quiz of northKoreaChina.quizzes as unknown as readonly Quiz[]) {
      const samples = fc.sample(
        fc.record(Object.fromEntries(quiz.questions.map((question) => [question.id, responseTo(question as Question)]))),
        { numRuns: 300, seed: 11 },
      );
      // The test file is read once per quiz; every sample runs its outcome processing.
      const test = parseXml(files.find((file) => file.path === `tests/${quiz.id}.xml`)!.content);
      for (const responses of samples) {
        const engine = scoreQuiz(quiz, responses as never);
        const qti = evaluateParsedTest(test, files, quiz, responses);
        expect(Math.abs(qti.score - engine.earned.n / engine.earned.d)).toBeLessThanOrEqual(TOLERANCE);
        expect(qti.max).toBe(engine.possible.n / engine.possible.d);
        expect(qti.pass, JSON.stringify(responses)).toBe(engine.passed);
      }
    }
    // 600 whole-quiz samples: about 0.6 s alone, several times that on a shared machine (issue #18.6).
  }, 30_000);

  it('passes a score exactly at the pass mark, as quizkit does, and fails one just below', () => {
    // Eight questions of a point each and a pass mark of 62.5%: five right is exactly at the mark.
    const quiz = parseQuiz({
      id: 'at-the-mark',
      title: 'At the mark',
      passMark: 62.5,
      questions: Array.from({ length: 8 }, (_, i) => ({ ...BOILERPLATE, id: `q${i}`, type: 'single-choice', options: options('x.') })),
    });
    const files = toQtiFiles(quiz);
    const right = (count: number) => Object.fromEntries(quiz.questions.map((question, i) => [question.id, i < count ? 'a' : 'b']));
    expect(scoreQuiz(quiz, right(5)).passed).toBe(true);
    expect(evaluateTest(files, quiz, right(5))).toEqual({ score: 5, max: 8, pass: true });
    expect(scoreQuiz(quiz, right(4)).passed).toBe(false);
    expect(evaluateTest(files, quiz, right(4)).pass).toBe(false);
  });
});
