/**
 * Fuzz targets for the scoring core: `scoreQuestion` (with `checkResponse`)
 * on one question, and `scoreQuiz` (with `checkResponses`) on a whole quiz,
 * with hostile responses. The invariants are the ones docs/scoring.md states.
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { checkResponse, checkResponses, compileQuiz, scoreQuestion, scoreQuiz, type QuestionResult, type QuizResult, type QuizScore, type ResponseIssue } from 'quizkit';
import { northKoreaChina } from 'quizkit/modules';
import { QuestionSchema, safeParseQuiz, type DeepReadonly, type Question, type Quiz, type QuizInput } from 'quizkit/schema';
import { authored, questionInput, responseTo } from '../../helpers/arbitraries.js';
import { ONE, ZERO, add, cmp, div, fractionProblems, mul, show, toBig } from '../exact.js';
import type { FuzzTarget, Problem } from '../harness.js';
import { build, hostileAround, readOnce, type Hostile } from '../hostile.js';

type AnyQuestion = DeepReadonly<Question>;
type AnyQuiz = DeepReadonly<Quiz>;

/** Whether the question's rule can score below 0 (docs/scoring.md: only single choice, by credit or correction for guessing). */
const mayGoNegative = (question: AnyQuestion): boolean =>
  question.type === 'single-choice' &&
  (question.rule.name === 'correction-for-guessing' || question.options.some((option) => option.credit !== undefined && option.credit.n < 0));

const issueKey = (issues: readonly ResponseIssue[]): string => JSON.stringify(issues.map((issue) => [issue.code, issue.questionId, issue.path]));

/** Every invariant of one question's result (docs/scoring.md, "The result of a question"). */
export function questionResultProblems(question: AnyQuestion, result: QuestionResult, where = question.id): Problem[] {
  const problems: string[] = [];
  problems.push(...fractionProblems(result.fraction, 'fraction'), ...fractionProblems(result.earned, 'earned'), ...fractionProblems(result.possible, 'possible'));
  if (problems.length) return problems.map((message) => ({ kind: 'invariant', message: `${where}: ${message}` }));
  const fraction = toBig(result.fraction);
  const earned = toBig(result.earned);
  const possible = toBig(result.possible);
  if (cmp(possible, toBig(question.points)) !== 0) problems.push(`possible ${show(possible)} is not the question's points`);
  if (cmp(earned, mul(fraction, possible)) !== 0) problems.push(`earned ${show(earned)} is not fraction ${show(fraction)} × possible ${show(possible)}`);
  if (cmp(fraction, ONE) > 0) problems.push(`fraction ${show(fraction)} is above 1`);
  if (cmp(fraction, ZERO) < 0 && !mayGoNegative(question)) problems.push(`fraction ${show(fraction)} is below 0 under ${question.rule.name}`);
  const expected =
    result.status === 'invalid' || result.status === 'unanswered'
      ? cmp(fraction, ZERO) === 0 && result.parts.length === 0
      : result.status === 'correct'
        ? cmp(fraction, ONE) === 0
        : result.status === 'partial'
          ? cmp(fraction, ZERO) > 0 && cmp(fraction, ONE) < 0
          : result.status === 'incorrect' && cmp(fraction, ZERO) <= 0;
  if (!expected) problems.push(`status ${String(result.status)} does not fit fraction ${show(fraction)} with ${result.parts.length} parts`);
  if ((result.status === 'invalid') !== result.issues.length > 0) problems.push(`status ${result.status} with ${result.issues.length} issues`);
  return problems.map((message) => ({ kind: 'invariant', message: `${where}: ${message}` }));
}

/**
 * The read-once oracle: a response that reads as plain data must score as
 * that data does (a scorer may still refuse an odd object as invalid).
 */
function readOnceProblems(question: AnyQuestion, result: QuestionResult, fresh: unknown): Problem[] {
  if (result.status === 'invalid') return [];
  const read = readOnce(fresh);
  if (!read.ok) return [];
  const plain = scoreQuestion(question, read.value);
  if (plain.status === result.status && cmp(toBig(plain.fraction), toBig(result.fraction)) === 0) return [];
  return [
    {
      kind: 'invariant',
      message: `${question.id}: scored ${result.status} ${show(toBig(result.fraction))}, but the same response read once as plain data ${JSON.stringify(read.value)?.slice(0, 200)} scores ${plain.status} ${show(toBig(plain.fraction))}`,
    },
  ];
}

// ---------------------------------------------------------------- scoreQuestion

interface QuestionRecipe {
  readonly question: object;
  readonly response: Hostile;
}

const questionRecipes: fc.Arbitrary<QuestionRecipe> = questionInput.chain((input) =>
  hostileAround(responseTo(input as unknown as Question)).map((response) => ({ question: authored(input), response })),
);

/** The repro of issue #13.5: an array whose own iterator yields other ids. */
const ISSUE_5: QuestionRecipe = {
  question: authored({
    type: 'multiple-choice',
    rule: { name: 'all-or-nothing' },
    options: ['choe', 'kim', 'xi', 'putin'].map((id) => ({ id, text: id, ...(id !== 'choe' ? { correct: true } : {}) })),
  }),
  response: { kind: 'own-iterator', base: ['choe'], yields: ['kim', 'xi', 'putin'] },
};
/** The repro of issue #13.6: a typed array of 10⁷ entries as a matching response. */
const ISSUE_6: QuestionRecipe = {
  question: authored({ type: 'matching', actors: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], statements: [{ id: 's', text: 'S', actor: 'a' }] }),
  response: { kind: 'typed-array', type: 'Uint8Array', length: 10_000_000 },
};

export const scoreQuestionTarget: FuzzTarget<QuestionRecipe, { question: AnyQuestion; response: unknown; again: unknown; recipe: QuestionRecipe }, { result: QuestionResult; issues: readonly ResponseIssue[] }> = {
  name: 'score-question',
  description: 'scoreQuestion and checkResponse on a generated question of every type and rule, with hostile responses',
  defaultCases: 100_000,
  sliceCases: 400,
  caseBudgetMs: 2_000,
  recipes: fc.oneof({ weight: 200, arbitrary: questionRecipes }, { weight: 1, arbitrary: fc.constantFrom(ISSUE_5, ISSUE_6) }),
  // Check and score each get a fresh copy: a getter that answers differently on its second read must not make them agree by luck.
  prepare: (recipe) => ({ question: QuestionSchema.parse(recipe.question) as AnyQuestion, response: build(recipe.response), again: build(recipe.response), recipe }),
  call: ({ question, response, again }) => ({ result: scoreQuestion(question, response), issues: checkResponse(question, again) }),
  check: ({ result, issues }, { question, recipe }) => {
    const problems = questionResultProblems(question, result);
    if (issueKey(issues) !== issueKey(result.issues)) {
      problems.push({ kind: 'invariant', message: `checkResponse reports ${issueKey(issues)} but scoreQuestion ${issueKey(result.issues)}` });
    }
    return [...problems, ...readOnceProblems(question, result, build(recipe.response))];
  },
};

// ---------------------------------------------------------------- scoreQuiz

/** The responses object: per-question hostile values, extra keys, and a wrapper around the whole. */
interface ResponsesRecipe {
  readonly entries: readonly (readonly [string, Hostile])[];
  readonly extra: readonly (readonly [string, unknown])[];
  readonly wrapper: 'plain' | 'null-prototype' | 'proxy-get-throws' | 'proxy-ownKeys-throws' | 'throwing-getter' | 'array' | 'string' | 'many-keys' | 'revoked';
}

type QuizSource = { readonly kind: 'builtin'; readonly index: number } | { readonly kind: 'generated'; readonly input: QuizInput };

interface QuizRecipe {
  readonly quiz: QuizSource;
  readonly responses: ResponsesRecipe;
}

/** Points that multiply denominators: 1/7 · 1/11 · … · 1/59 overflows a safe integer (issue #13.3). */
const PRIME_POINTS = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59].map((p) => `1/${p}`);

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'unknown-question', 'hasOwnProperty', ''];

const responsesFor = (questions: readonly Question[], hostile: boolean): fc.Arbitrary<ResponsesRecipe> =>
  fc.record({
    entries: fc.tuple(
      ...questions.map((question) =>
        fc.tuple(fc.constant(question.id), hostile ? hostileAround(responseTo(question)) : responseTo(question).map((value): Hostile => ({ kind: 'plain', value }))),
      ),
    ),
    extra: hostile ? fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.constantFrom<unknown>('a', null, { polluted: 1 }, [])), { maxLength: 2 }) : fc.constant([]),
    wrapper: hostile
      ? fc.oneof(
          { weight: 400, arbitrary: fc.constant('plain' as const) },
          { weight: 70, arbitrary: fc.constantFrom('null-prototype', 'proxy-get-throws', 'proxy-ownKeys-throws', 'throwing-getter', 'array', 'string', 'revoked' as const) },
          // 2·10⁴ keys (issue #13.6; 100 times the largest cap) in 1 case in 500. An
          // object of 10⁶ keys costs its builder and the engine's key listing about
          // 0.3 s each, linear in the keys: see the growth benchmark.
          { weight: 1, arbitrary: fc.constant('many-keys' as const) },
        )
      : fc.constant('plain' as const),
  });

const generatedQuiz = fc
  .record({
    questions: fc.array(questionInput, { minLength: 1, maxLength: 6 }),
    primePoints: fc.boolean(),
    passMark: fc.option(fc.constantFrom(0, 50, 62.5, '100', '1/3'), { nil: undefined }),
  })
  .map(({ questions, primePoints, passMark }): QuizInput => ({
    id: 'fuzz',
    title: 'Fuzz',
    ...(passMark !== undefined ? { passMark } : {}),
    questions: questions.map((input, i) => ({ ...authored(input, `q${i}`), ...(primePoints ? { points: PRIME_POINTS[i % PRIME_POINTS.length] } : {}) })) as QuizInput['questions'],
  }));

const BUILTIN: readonly AnyQuiz[] = northKoreaChina.quizzes;

function quizRecipes(hostile: boolean): fc.Arbitrary<QuizRecipe> {
  const builtin = fc.nat({ max: BUILTIN.length - 1 }).chain((index) =>
    responsesFor(BUILTIN[index]!.questions as Question[], hostile).map((responses): QuizRecipe => ({ quiz: { kind: 'builtin', index }, responses })),
  );
  const generated = generatedQuiz.chain((input) =>
    responsesFor(input.questions as unknown as Question[], hostile).map((responses): QuizRecipe => ({ quiz: { kind: 'generated', input }, responses })),
  );
  return fc.oneof(builtin, { weight: 3, arbitrary: generated });
}

/** Builds a fresh responses object from its recipe. */
function buildResponses(recipe: ResponsesRecipe): unknown {
  const object: Record<string, unknown> = {};
  const define = (key: string, value: unknown) => Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
  for (const [id, hostile] of recipe.entries) define(id, build(hostile));
  for (const [key, value] of recipe.extra) define(key, value);
  switch (recipe.wrapper) {
    case 'plain':
      return object;
    case 'null-prototype':
      return Object.assign(Object.create(null), object);
    case 'proxy-get-throws':
      return new Proxy(object, { get: () => { throw new Error('get trap throws'); } });
    case 'proxy-ownKeys-throws':
      return new Proxy(object, { ownKeys: () => { throw new Error('ownKeys trap throws'); } });
    case 'throwing-getter': {
      const first = recipe.entries[0]?.[0] ?? 'q0';
      return Object.defineProperty(object, first, { enumerable: true, get: () => { throw new Error('getter throws'); } });
    }
    case 'array':
      return Object.values(object);
    case 'string':
      return JSON.stringify(Object.keys(object));
    case 'many-keys': {
      for (let i = 0; i < 20_000; i++) object[`k${i}`] = 'x';
      return object;
    }
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable(object, {});
      revoke();
      return proxy;
    }
  }
}

interface QuizInputs {
  readonly recipe: QuizRecipe;
  readonly responses: unknown;
  readonly again: unknown;
  /** A third fresh build, for compileQuiz's plan (issue #19). */
  readonly planned: unknown;
}
type QuizOutput =
  | { readonly rejected: true }
  | { readonly rejected: false; readonly quiz: AnyQuiz; readonly result: QuizResult; readonly checked: ReturnType<typeof checkResponses>; readonly plan: QuizScore | undefined };

/** Whether a responses recipe holds an object of 10⁶ keys (at the top or in an answer). */
const hasManyKeys = (recipe: ResponsesRecipe): boolean =>
  recipe.wrapper === 'many-keys' || JSON.stringify(recipe.entries).includes('"many-keys"');

/** The plan's totals path and explain() against scoreQuiz's result on the same responses (issue #19). */
function planProblems(plan: QuizScore, result: QuizResult): Problem[] {
  const problems: string[] = [];
  for (const name of ['earned', 'possible', 'percent'] as const) {
    if (!isDeepStrictEqual(plan[name], result[name])) problems.push(`plan ${name} ${JSON.stringify(plan[name])} ≠ scoreQuiz ${JSON.stringify(result[name])}`);
  }
  if (plan.passed !== result.passed) problems.push(`plan passed ${plan.passed} ≠ scoreQuiz ${result.passed}`);
  const statuses = result.questions.map((one) => one.status);
  if (!isDeepStrictEqual([...plan.statuses], statuses)) problems.push(`plan statuses ${plan.statuses.join(',')} ≠ scoreQuiz ${statuses.join(',')}`);
  const valid = result.issues.length === 0 && result.questions.every((one) => one.issues.length === 0);
  if (plan.valid !== valid) problems.push(`plan valid ${plan.valid} ≠ ${valid}`);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(plan.explain())), JSON.parse(JSON.stringify(result)))) problems.push('plan explain() is not deep-equal to scoreQuiz');
  return problems.map((message) => ({ kind: 'invariant', message }));
}

function quizTarget(hostile: boolean): FuzzTarget<QuizRecipe, QuizInputs, QuizOutput> {
  return {
    name: hostile ? 'score-quiz' : 'score-quiz-well-formed',
    description: hostile
      ? 'safeParseQuiz, then scoreQuiz, checkResponses and compileQuiz(…).score (compared with scoreQuiz) on generated and built-in quizzes with hostile responses objects'
      : 'scoreQuiz, checkResponses and compileQuiz(…).score with well-formed responses only (a check of the harness itself)',
    defaultCases: 100_000,
    sliceCases: hostile ? 300 : 200,
    caseBudgetMs: 2_000,
    recipes: quizRecipes(hostile),
    prepare: (recipe) => ({ recipe, responses: buildResponses(recipe.responses), again: buildResponses(recipe.responses), planned: hasManyKeys(recipe.responses) ? undefined : buildResponses(recipe.responses) }),
    call: ({ recipe, responses, again, planned }) => {
      let quiz: AnyQuiz;
      if (recipe.quiz.kind === 'builtin') quiz = BUILTIN[recipe.quiz.index]!;
      else {
        // Validation is part of the call: a quiz it accepts must then score without a throw (issue #13.3).
        const parsed = safeParseQuiz(recipe.quiz.input);
        if (!parsed.success) return { rejected: true };
        quiz = parsed.data;
      }
      // The plan scores a third copy, except where one has 10⁶ keys: listing them is most of the
      // case's time budget (issue #13.6), and scoreQuiz and checkResponses already pay it twice.
      const plan = hasManyKeys(recipe.responses) ? undefined : compileQuiz(quiz).score(planned);
      return { rejected: false, quiz, result: scoreQuiz(quiz, responses as never), checked: checkResponses(quiz, again), plan };
    },
    check: (output, { recipe }) => {
      if (output.rejected) return [];
      const { quiz, result, checked, plan } = output;
      const problems: Problem[] = plan ? planProblems(plan, result) : [];
      if (result.questions.length !== quiz.questions.length) return [{ kind: 'invariant', message: `${result.questions.length} results for ${quiz.questions.length} questions` }];
      let earned = ZERO;
      let possible = ZERO;
      quiz.questions.forEach((question, i) => {
        const one = result.questions[i]!;
        problems.push(...questionResultProblems(question, one));
        earned = add(earned, toBig(one.earned));
        possible = add(possible, toBig(question.points));
      });
      for (const [name, value] of [['earned', result.earned], ['possible', result.possible], ['percent', result.percent]] as const) {
        problems.push(...fractionProblems(value, name).map((message): Problem => ({ kind: 'invariant', message })));
      }
      if (problems.length) return problems;
      if (cmp(toBig(result.earned), earned) !== 0) problems.push({ kind: 'invariant', message: `earned ${show(toBig(result.earned))} is not the sum ${show(earned)}` });
      if (cmp(toBig(result.possible), possible) !== 0) problems.push({ kind: 'invariant', message: `possible ${show(toBig(result.possible))} is not the sum ${show(possible)}` });
      const percent = div(mul(earned, { n: 100n, d: 1n }), possible);
      if (cmp(toBig(result.percent), percent) !== 0) problems.push({ kind: 'invariant', message: `percent ${show(toBig(result.percent))} is not ${show(percent)}` });
      if (result.passed !== cmp(percent, toBig(result.passMark)) >= 0) problems.push({ kind: 'invariant', message: `passed is ${result.passed} at ${show(percent)}% with pass mark ${show(toBig(result.passMark))}` });
      // checkResponses reports exactly scoreQuiz's issues, then each question's, in quiz order.
      const scored = [...result.issues, ...result.questions.flatMap((one) => one.issues)];
      const reported = checked.ok ? [] : checked.issues;
      if (issueKey(reported) !== issueKey(scored)) problems.push({ kind: 'invariant', message: `checkResponses reports ${issueKey(reported).slice(0, 300)} but scoreQuiz ${issueKey(scored).slice(0, 300)}` });
      // Each question scores in the quiz as it does on its own (same read-once oracle).
      if (recipe.responses.wrapper === 'plain') {
        quiz.questions.forEach((question, i) => {
          const entry = recipe.responses.entries.find(([id]) => id === question.id);
          if (entry) problems.push(...readOnceProblems(question, result.questions[i]!, build(entry[1])));
        });
      }
      return problems;
    },
  };
}

export const scoreQuizTarget = quizTarget(true);
/** Well-formed responses only: proves the harness passes a sound entry point (the slice runs it). */
export const scoreQuizWellFormedTarget = quizTarget(false);
