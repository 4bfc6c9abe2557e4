/**
 * Fuzz targets for the exporters: a QTI 3.0 package (every XML file checked
 * by xmllint against the IMS schemas in ../shared/interop-xsd; items run by
 * the independent engine of tests/qti/evaluate.ts), GIFT (read back by
 * gift-pegjs and by fromGift), Moodle XML (xmllint: well-formed) and xAPI
 * statements (Learning Locker's validator, and the score bounds). The input
 * is a module of generated questions with awkward texts, or the built-in one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { correctResponse } from 'quizkit';
import { answer, startAttempt, submitAttempt, type Attempt } from 'quizkit/attempts';
import { exportGift, fromGift, toMoodleXml, type InteropExport } from 'quizkit/gift';
import { northKoreaChina } from 'quizkit/modules';
import { toQtiFiles, toQtiItem, type QtiFile, type QtiOptions } from 'quizkit/qti';
import { safeParseModule, type DeepReadonly, type Module, type ModuleInput, type Question } from 'quizkit/schema';
import { attemptStatements, type XapiStatement } from 'quizkit/xapi';
import { lowestFraction } from '../../../src/xapi/interactions.js';
import { questionInput, responseTo } from '../../helpers/arbitraries.js';
import { BOILERPLATE, HAS_XMLLINT, awkwardText, parseWithPegjs } from '../../gift/helpers.js';
import { evaluateItem } from '../../qti/evaluate.js';
import { schemaFor, skipReason as qtiSkipReason } from '../../qti/xmllint.js';
import { ACTOR, REGISTRATION, xapiWarnings } from '../../xapi/checks.js';
import type { BatchCheck, BatchItem, FuzzTarget, Problem } from '../harness.js';

// ---------------------------------------------------------------- the modules exported

type AnyModule = DeepReadonly<Module>;

export interface ModuleRecipe {
  /** `builtin`, or questions as generated (ids q0, q1, …) with their texts replaced by `texts`, cyclically. */
  readonly questions: readonly object[] | 'builtin';
  readonly texts: readonly string[];
  readonly title: string;
}

/** Puts awkward texts into every text field of a question. */
function withTexts(input: Record<string, unknown>, next: () => string): Record<string, unknown> {
  const rename = (list: unknown, field: string) => (list as Record<string, unknown>[] | undefined)?.map((part) => ({ ...part, [field]: next() }));
  return {
    ...input,
    prompt: next(),
    ...(input.options ? { options: rename(input.options, 'text') } : {}),
    ...(input.items ? { items: rename(input.items, 'text') } : {}),
    ...(input.statements ? { statements: rename(input.statements, 'text') } : {}),
    ...(input.actors ? { actors: rename(input.actors, 'name') } : {}),
  };
}

/** The module a recipe makes, or why the schema refused it (recipes that fail are filtered out). */
export function moduleOf(recipe: ModuleRecipe): AnyModule | undefined {
  if (recipe.questions === 'builtin') return northKoreaChina;
  let k = 0;
  const next = () => recipe.texts[k++ % recipe.texts.length]!;
  const input: ModuleInput = {
    id: 'fuzz',
    title: recipe.title,
    source: { title: 'Fuzz', attribution: 'Generated.' },
    reading: [{ id: 'intro', heading: 'Intro', text: 'A quote from the reading.' }],
    quizzes: [{ id: 'quiz', title: recipe.title, questions: recipe.questions.map((q, i) => ({ ...withTexts(q as Record<string, unknown>, next), ...BOILERPLATE, id: `q${i}` })) as never }],
  };
  try {
    const parsed = safeParseModule(input);
    return parsed.success ? (parsed.data as AnyModule) : undefined;
  } catch {
    // Validation that throws is the module-source and score-quiz targets' finding, not the exporters'.
    return undefined;
  }
}

export const moduleRecipes: fc.Arbitrary<ModuleRecipe> = fc
  .oneof(
    { weight: 1, arbitrary: fc.record({ questions: fc.constant('builtin' as const), texts: fc.constant(['x']), title: fc.constant('') }) },
    {
      weight: 9,
      arbitrary: fc.record({
        questions: fc.array(questionInput, { minLength: 1, maxLength: 5 }),
        texts: fc.array(awkwardText, { minLength: 1, maxLength: 8 }),
        title: awkwardText,
      }),
    },
  )
  .filter((recipe) => moduleOf(recipe) !== undefined);

const questionsOf = (module: AnyModule): readonly DeepReadonly<Question>[] => module.quizzes.flatMap((quiz) => quiz.questions);

// ---------------------------------------------------------------- xmllint in batches

function lint(items: readonly BatchItem[], args: (file: string) => { schema?: string; catalog?: string }): Map<number, string> {
  const dir = mkdtempSync(join(tmpdir(), 'quizkit-fuzz-'));
  try {
    const groups = new Map<string, { catalog: string; files: { path: string; index: number }[] }>();
    items.forEach((item, index) => {
      const path = join(dir, `${index}-${item.name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
      writeFileSync(path, item.content);
      const { schema = '', catalog = '' } = args(item.name);
      const group = groups.get(schema) ?? { catalog, files: [] };
      group.files.push({ path, index });
      groups.set(schema, group);
    });
    const rejected = new Map<number, string>();
    for (const [schema, { catalog, files }] of groups) {
      const run = spawnSync('xmllint', ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), ...files.map((f) => f.path)], {
        encoding: 'utf8',
        env: { ...process.env, XML_CATALOG_FILES: catalog },
        maxBuffer: 256 * 1024 * 1024,
      });
      if (run.error) throw run.error;
      if (run.status === 0) continue;
      for (const { path, index } of files) {
        const said = run.stderr.split('\n').filter((line) => line.startsWith(`${path}:`) || (line.startsWith(`${path} `) && !line.endsWith(' validates')));
        if (said.length) rejected.set(index, said.slice(0, 3).map((line) => line.slice(dir.length + 1)).join(' | '));
      }
    }
    return rejected;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const xmllintMissing = () => (HAS_XMLLINT ? undefined : 'xmllint not found (apt-get install -y libxml2-utils): exported XML not validated');

// ---------------------------------------------------------------- QTI

interface QtiRecipe {
  readonly module: ModuleRecipe;
  readonly options: QtiOptions;
}
interface QtiOutput {
  readonly files: readonly QtiFile[];
  readonly items: readonly (readonly [DeepReadonly<Question>, string])[];
}

/** An incomplete or repeated ordering as a QTI 3 player sends it (issue #13.10): docs/interop.md promises 0. */
function brokenOrderings(order: readonly string[]): string[][] {
  if (order.length < 2) return [];
  return [
    ['', ...order.slice(1)],
    [...order.slice(0, -1), ''],
    [...order, order[0]!],
  ];
}

const qtiBatch: BatchCheck<QtiRecipe, QtiOutput> = {
  skipReason: () => qtiSkipReason,
  collect: (output) => output.files.filter((file) => file.path.endsWith('.xml')).map((file) => ({ name: file.path, content: file.content })),
  verify: (items) => lint(items, (name) => schemaFor(name)),
  size: 3_000,
};

export const exportQtiTarget: FuzzTarget<QtiRecipe, { module: AnyModule; options: QtiOptions }, QtiOutput> = {
  name: 'export-qti',
  description: 'toQtiFiles and toQtiItem; every XML file validated by xmllint against the QTI 3.0 XSDs, items run by an independent engine',
  defaultCases: 100_000,
  sliceCases: 60,
  caseBudgetMs: 2_000,
  recipes: fc.record({
    module: moduleRecipes,
    options: fc.record({ responseProcessing: fc.constantFrom('exact', 'templates' as const), shuffle: fc.boolean(), lang: fc.constantFrom('en', 'de-CH'), noMatchText: awkwardText }, { requiredKeys: [] }),
  }),
  prepare: (recipe) => ({ module: moduleOf(recipe.module)!, options: recipe.options }),
  call: ({ module, options }) => ({ files: toQtiFiles(module, options), items: questionsOf(module).map((question) => [question, toQtiItem(question, options)] as const) }),
  check: ({ files, items }) => {
    const problems: Problem[] = [];
    const paths = new Set(files.map((file) => file.path));
    if (paths.size !== files.length) problems.push({ kind: 'invariant', message: 'two files of the package share a path' });
    for (const [question, xml] of items) {
      const key = correctResponse(question) as unknown;
      const full = evaluateItem(xml, question.type === 'ordering' ? { cardinality: 'ordered', values: key as string[] } : qtiValue(question, key));
      if (full !== 1) problems.push({ kind: 'invariant', message: `${question.id}: the answer key scores ${full} in the exported item, not 1` });
      if (question.type === 'ordering') {
        for (const values of brokenOrderings(question.correctOrder)) {
          const score = evaluateItem(xml, { cardinality: 'ordered', values });
          if (score !== 0) problems.push({ kind: 'invariant', message: `${question.id} (${question.rule.name}): the incomplete or repeated ordering ${JSON.stringify(values)} scores ${score} in the exported item, not 0` });
        }
      }
    }
    return problems;
  },
  batch: qtiBatch,
};

function qtiValue(question: DeepReadonly<Question>, key: unknown) {
  switch (question.type) {
    case 'single-choice':
      return key as string;
    case 'multiple-choice':
      return { cardinality: 'multiple' as const, values: key as string[] };
    default:
      return {
        cardinality: 'multiple' as const,
        values: Object.entries(key as Record<string, string | null>).map(([statement, actor]) => `${statement} ${actor ?? 'none-of-these'}`),
      };
  }
}

// ---------------------------------------------------------------- GIFT

export const exportGiftTarget: FuzzTarget<ModuleRecipe, AnyModule, InteropExport> = {
  name: 'export-gift',
  description: 'exportGift (toGift with its notes); the output parsed by gift-pegjs and imported again by fromGift',
  defaultCases: 100_000,
  sliceCases: 200,
  caseBudgetMs: 2_000,
  recipes: moduleRecipes,
  prepare: (recipe) => moduleOf(recipe)!,
  call: (module) => exportGift(module),
  check: ({ text, notes }, module) => {
    const problems: Problem[] = [];
    const written = questionsOf(module).filter((question) => !notes.some((note) => note.questionId === question.id && note.code === 'skipped'));
    const exported = written.length;
    // Below Moodle's editor minimum (noted as moodle-limit), a question is written but Moodle's importer refuses it.
    // GIFT tells answers apart by their text only: two options or actors with one text cannot come back apart.
    const importableIds = new Set(written.filter((question) => distinctTexts(question) && !notes.some((note) => note.questionId === question.id && note.code === 'moodle-limit')).map((question) => question.id));
    const importable = importableIds.size;
    let read: { type: string }[];
    try {
      read = parseWithPegjs(text);
    } catch (error) {
      return [{ kind: 'invariant', message: `gift-pegjs cannot read the export: ${(error as Error).message.split('\n').slice(0, 3).join(' | ')}` }];
    }
    const questions = read.filter((q) => q.type !== 'Category' && q.type !== 'Description').length;
    if (questions !== exported) problems.push({ kind: 'invariant', message: `gift-pegjs reads ${questions} questions, ${exported} were exported` });
    const back = fromGift(text);
    const imported = back.quizzes.reduce((sum, quiz) => sum + quiz.questions.length, 0);
    const errors = back.issues.filter((issue) => issue.severity === 'error' && (issue.questionId === undefined || importableIds.has(issue.questionId)));
    if (imported < importable || errors.length) problems.push({ kind: 'invariant', message: `fromGift reads ${imported} of ${exported} exported questions back (${importable} within Moodle's limits)${errors.length ? `, with ${errors[0]!.code}: ${errors[0]!.message}` : ''}` });
    return problems;
  },
};

/** Whether a question's option, item, actor and statement texts differ pairwise (ignoring spacing and case). */
function distinctTexts(question: DeepReadonly<Question>): boolean {
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const lists: (readonly string[])[] =
    question.type === 'matching'
      ? [question.actors.map((actor) => actor.name), question.statements.map((statement) => statement.text)]
      : [question.type === 'ordering' ? question.items.map((item) => item.text) : question.options.map((option) => option.text)];
  return lists.every((list) => new Set(list.map(norm)).size === list.length);
}

// ---------------------------------------------------------------- Moodle XML

export const exportMoodleXmlTarget: FuzzTarget<ModuleRecipe, AnyModule, string> = {
  name: 'export-moodle-xml',
  description: 'toMoodleXml; every document checked well-formed by xmllint',
  defaultCases: 100_000,
  sliceCases: 200,
  caseBudgetMs: 2_000,
  recipes: moduleRecipes,
  prepare: (recipe) => moduleOf(recipe)!,
  call: (module) => toMoodleXml(module),
  check: (xml) => (xml.startsWith('<?xml') ? [] : [{ kind: 'invariant', message: 'the document has no XML declaration' }]),
  batch: { skipReason: xmllintMissing, collect: (xml) => [{ name: 'moodle.xml', content: xml }], verify: (items) => lint(items, () => ({})), size: 2_000 },
};

// ---------------------------------------------------------------- xAPI

interface XapiRecipe {
  readonly module: ModuleRecipe;
  readonly quiz: number;
  readonly answers: readonly (readonly [number, unknown])[];
  readonly submit: boolean;
}

const xapiRecipes: fc.Arbitrary<XapiRecipe> = moduleRecipes.chain((module) => {
  const parsed = moduleOf(module)!;
  return fc.nat({ max: parsed.quizzes.length - 1 }).chain((quiz) => {
    const questions = parsed.quizzes[quiz]!.questions as readonly Question[];
    return fc.record({
      module: fc.constant(module),
      quiz: fc.constant(quiz),
      answers: fc.array(fc.nat({ max: questions.length - 1 }).chain((i) => responseTo(questions[i]!).map((response) => [i, response] as const)), { maxLength: 6 }),
      submit: fc.boolean(),
    });
  });
});

/** A decimal number as the exact fraction it denotes (JSON numbers are decimals). */
function decimalFraction(value: number): { n: bigint; d: bigint } {
  const [mantissa, exponent = '0'] = String(value).split('e');
  const [whole, part = ''] = mantissa!.split('.');
  const places = part.length - Number(exponent);
  const n = BigInt(`${whole}${part}`);
  return places >= 0 ? { n, d: 10n ** BigInt(places) } : { n: n * 10n ** BigInt(-places), d: 1n };
}

/**
 * The exact lowest share of each statement's activity: a question's lowest
 * credit, or the quiz's lowest total over its possible total (xAPI reports
 * min and max rounded, so the bound is taken from the quiz, not from them).
 */
function lowestShares(quiz: AnyModule['quizzes'][number]): Map<string, { n: bigint; d: bigint }> {
  const shares = new Map<string, { n: bigint; d: bigint }>();
  let lowN = 0n;
  let lowD = 1n;
  let possibleN = 0n;
  let possibleD = 1n;
  for (const question of quiz.questions) {
    const share = lowestFraction(question);
    shares.set(`/questions/${question.id}`, { n: BigInt(share.n), d: BigInt(share.d) });
    const points = question.points;
    lowN = lowN * BigInt(share.d * points.d) + BigInt(share.n * points.n) * lowD;
    lowD *= BigInt(share.d * points.d);
    possibleN = possibleN * BigInt(points.d) + BigInt(points.n) * possibleD;
    possibleD *= BigInt(points.d);
  }
  if (possibleN > 0n) shares.set('', { n: lowN * possibleD, d: lowD * possibleN });
  return shares;
}

/** Problems with one statement's score: min ≤ raw ≤ max, −1 ≤ scaled ≤ 1, and scaled no lower than the exact lowest share. */
function scoreProblems(statement: XapiStatement, index: number, lowest: Map<string, { n: bigint; d: bigint }>): string[] {
  const score = statement.result?.score;
  if (!score) return [];
  const { scaled, raw, min, max } = score;
  const problems: string[] = [];
  const at = `statement ${index} (${statement.verb.id.split('/').at(-1)})`;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) problems.push(`${at}: scaled ${scaled} is outside [−1, 1]`);
  if (raw !== undefined && min !== undefined && raw < min) problems.push(`${at}: raw ${raw} is below min ${min}`);
  if (raw !== undefined && max !== undefined && raw > max) problems.push(`${at}: raw ${raw} is above max ${max}`);
  const id = 'id' in statement.object ? String(statement.object.id) : '';
  const share = lowest.get(id.match(/\/questions\/[^/]+$/)?.[0] ?? '');
  if (scaled !== undefined && share) {
    const x = decimalFraction(scaled);
    if (x.n * share.d < share.n * x.d) problems.push(`${at}: scaled ${scaled} is below its exact lowest share ${share.n}/${share.d}`);
  }
  return problems;
}

export const exportXapiTarget: FuzzTarget<XapiRecipe, { module: AnyModule; attempt: Attempt; quiz: number }, { statements: XapiStatement[]; lowest: Map<string, { n: bigint; d: bigint }> }> = {
  name: 'export-xapi',
  description: 'attemptStatements for attempts with generated answers; Learning Locker’s validator and the score bounds',
  defaultCases: 100_000,
  sliceCases: 200,
  caseBudgetMs: 2_000,
  recipes: xapiRecipes,
  prepare: (recipe) => {
    const module = moduleOf(recipe.module)!;
    const quiz = module.quizzes[recipe.quiz]!;
    let attempt: Attempt = startAttempt(quiz, { seed: 'fuzz', now: 0 });
    recipe.answers.forEach(([i, response], k) => {
      attempt = answer(attempt, quiz, quiz.questions[i]!.id, response, 1_000 * (k + 1));
    });
    if (recipe.submit) attempt = submitAttempt(attempt, quiz, 60_000);
    return { module, attempt, quiz: recipe.quiz };
  },
  call: ({ module, attempt, quiz }) => ({
    statements: attemptStatements(module.quizzes[quiz]!, attempt, { actor: ACTOR, registration: REGISTRATION, activityBase: 'https://quizzes.example.com/fuzz', language: 'en' }),
    lowest: lowestShares(module.quizzes[quiz]!),
  }),
  check: ({ statements, lowest }) => {
    const problems: Problem[] = [];
    statements.forEach((statement, index) => {
      for (const message of scoreProblems(statement, index, lowest)) problems.push({ kind: 'invariant', message });
    });
    if (problems.length) return problems;
    for (const [index, statement] of statements.entries()) {
      const warnings = xapiWarnings(statement);
      if (warnings.length) return [{ kind: 'invariant', message: `statement ${index} is not valid xAPI: ${warnings[0]}` }];
    }
    return problems;
  },
};
