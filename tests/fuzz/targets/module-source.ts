/**
 * Fuzz target for `parseModuleSource` (quizkit/node): valid module files
 * (the test fixture in YAML and JSON, the small base module, the built-in
 * module's source) mutated by a few edits each — stray brackets, deleted
 * ranges, duplicated or re-indented lines, adversarial scalars and ratios,
 * prototype keys, long flow maps — plus the repros of issue #13.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import type { QuizIssue } from 'quizkit';
import { parseModuleSource } from 'quizkit/node';
import type { SafeParseResult } from 'quizkit/schema';
import { BASE_MODULE, spoil } from '../../helpers/module-source.js';
import type { FuzzTarget, Problem } from '../harness.js';
import { positionChecker } from '../positions.js';

const ROOT = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The texts mutated, by name (a recipe names its base, so it stays short). */
export const BASES: Readonly<Record<string, { readonly text: string; readonly file: string }>> = {
  fixture: { text: read('tests/fixtures/valid-module.yaml'), file: 'valid-module.yaml' },
  'fixture-json': { text: read('tests/fixtures/valid-module.json'), file: 'valid-module.json' },
  small: { text: BASE_MODULE, file: 'm.yaml' },
  builtin: { text: read('quizzes/north-korea-china.yaml'), file: 'north-korea-china.yaml' },
  // Issue #13.4: a stray "}" and the lines after it.
  'issue-4': { text: 'a: 1\n} x\n  y\n  z\nb: 2\n', file: 'm.yaml' },
  // Issue #13.3: credits whose denominators overflow exact arithmetic.
  'issue-3': {
    text: spoil('          - { id: b, text: Seoul }', '          - { id: b, text: Seoul, credit: "1/9007199254740991" }\n          - { id: c, text: Pyongyang, credit: "1/9007199254740990" }'),
    file: 'm.yaml',
  },
};

/** Pieces that YAML and JSON treat specially. */
const TOKENS = [
  '}', '{', '[', ']', ':', ': ', ',', '- ', '-', '\n', '  ', '\t', '"', "'", '#', '&a ', '*a', '*a ', '!!binary ', '!!str ', '!tag ', '? ',
  '|', '>-', '\n---\n', '\n...\n', '%YAML 1.2\n', '\uFEFF', '\r\n', '\r', '\u2028', '\u0085', '😀', 'é', '\\', '\\u0000', '\u0000',
  '<<: *a\n', '__proto__: x\n', 'constructor: {}\n', '"__proto__": {}', '{a: 1, a: 2}', 'id: id\n', '\n  - id: x\n', '::', '!!js/function ',
];

/** Scalars put in place of a value. */
const SCALARS = [
  '1/9007199254740991', '"1/9007199254740991"', '"1/9007199254740990"', '"-1/9007199254740991"', '9007199254740993', '1e400', '-1e400', '.nan',
  '.inf', '-.inf', '0x1F', '0o17', '-0', '1/0', '"1/0"', '"0/0"', '"1/3"', '0.1', '""', "''", 'null', '~', '[]', '{}', 'true', 'no', '__proto__',
  '"__proto__"', 'constructor', '2026-01-01', '*undefined_alias', '&anchor x', '!!binary aGVsbG8=', '"\\u0000"', '"\\uD800"', `"${'a'.repeat(5000)}"`,
];

type Mutation =
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'scalar'; readonly at: number; readonly value: string }
  | { readonly op: 'duplicate-line'; readonly at: number }
  | { readonly op: 'indent'; readonly at: number; readonly by: number }
  | { readonly op: 'flow-options'; readonly at: number; readonly count: number }
  | { readonly op: 'truncate'; readonly at: number };

export interface ModuleSourceRecipe {
  readonly base: string;
  readonly mutations: readonly Mutation[];
  /** Read as JSON (the file name ends in .json) or YAML. */
  readonly json: boolean;
}

/** `at` is a share of the text in 1/10000ths, so a recipe does not depend on the base's length. */
const at = fc.integer({ min: 0, max: 10_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at, text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('scalar' as const), at, value: fc.constantFrom(...SCALARS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate-line' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('indent' as const), at, by: fc.integer({ min: -4, max: 4 }) }) },
  // Long flow maps of options (issue #13.2: 10k of them took 5–8 s); 10k in about 1 case in 2,000.
  { weight: 1, arbitrary: fc.record({ op: fc.constant('flow-options' as const), at, count: fc.oneof({ weight: 200, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 1, arbitrary: fc.constant(10_000) }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
);

const offset = (text: string, share: number) => Math.round((text.length * share) / 10_000);

/** Applies one mutation. */
function mutate(text: string, m: Mutation): string {
  const i = offset(text, m.at);
  switch (m.op) {
    case 'insert':
      return text.slice(0, i) + m.text + text.slice(i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + m.length);
    case 'scalar': {
      // The value after the next ": " from there (or the first one), up to the end of its line or flow item.
      const colon = text.indexOf(': ', i) >= 0 ? text.indexOf(': ', i) : text.indexOf(': ');
      if (colon < 0) return text;
      const rest = text.slice(colon + 2);
      const end = rest.search(/[,}\]\n]/);
      return text.slice(0, colon + 2) + m.value + (end < 0 ? '' : rest.slice(end));
    }
    case 'duplicate-line': {
      const start = text.lastIndexOf('\n', i - 1) + 1;
      const end = text.indexOf('\n', i);
      const line = text.slice(start, end < 0 ? text.length : end + 1);
      return text.slice(0, start) + line + (line.endsWith('\n') ? '' : '\n') + text.slice(start);
    }
    case 'indent': {
      const start = text.lastIndexOf('\n', i - 1) + 1;
      return m.by >= 0 ? text.slice(0, start) + ' '.repeat(m.by) + text.slice(start) : text.slice(0, start) + text.slice(start).replace(new RegExp(`^ {0,${-m.by}}`), '');
    }
    case 'flow-options': {
      const list = Array.from({ length: m.count }, (_, k) => `{ id: o${k}, text: Option ${k}${k === 0 ? ', correct: true' : ''} }`).join(', ');
      const found = text.indexOf('options:', i) >= 0 ? text.indexOf('options:', i) : text.indexOf('options:');
      if (found < 0) return text.slice(0, i) + `options: [${list}]\n` + text.slice(i);
      const lineEnd = text.indexOf('\n', found);
      return `${text.slice(0, found)}options: [${list}]\n${text.slice(lineEnd + 1).replace(/^(\s*- \{[^\n]*\n)+/, '')}`;
    }
    case 'truncate':
      return text.slice(0, i);
  }
}

/** The text a recipe makes. */
export const sourceOf = (recipe: ModuleSourceRecipe): string => recipe.mutations.reduce(mutate, BASES[recipe.base]!.text);

const PLAIN_BASES = ['fixture', 'fixture-json', 'small'];

export const moduleSourceRecipes: fc.Arbitrary<ModuleSourceRecipe> = fc.oneof(
  { weight: 40, arbitrary: fc.record({ base: fc.constantFrom(...PLAIN_BASES), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }), json: fc.boolean() }) },
  // The 38 KB built-in module costs ~10× the fixture per parse, so it is one case in 40.
  { weight: 1, arbitrary: fc.record({ base: fc.constant('builtin'), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }), json: fc.constant(false) }) },
  { weight: 1, arbitrary: fc.record({ base: fc.constantFrom('issue-3', 'issue-4'), mutations: fc.constant([]), json: fc.constant(false) }) },
);

interface Prepared {
  readonly text: string;
  readonly file: string;
}

/** Issues one syntax error may give: issue #13.4 saw ~400 from one stray "}". */
export const MAX_ISSUES_PER_EDIT = 50;

export const moduleSourceTarget: FuzzTarget<ModuleSourceRecipe, Prepared, SafeParseResult<unknown>> = {
  name: 'module-source',
  description: 'parseModuleSource on mutated module files (YAML and JSON)',
  defaultCases: 100_000,
  sliceCases: 300,
  caseBudgetMs: 2_000,
  recipes: moduleSourceRecipes,
  prepare: (recipe) => {
    const { file } = BASES[recipe.base]!;
    return { text: sourceOf(recipe), file: recipe.json ? file.replace(/\.ya?ml$/, '.json') : file.replace(/\.json$/, '.yaml') };
  },
  call: ({ text, file }) => parseModuleSource(text, { file }),
  check: (result, { text, file }, recipe) => {
    if (result.success) return [];
    const problems: Problem[] = [];
    // A leading byte-order mark is not a column: positions count from after it.
    const counted = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const inside = positionChecker(counted);
    for (const issue of result.issues as readonly QuizIssue[]) {
      const what = `${issue.code} at ${JSON.stringify(issue.path)}`;
      if (issue.file !== file) problems.push({ kind: 'position', message: `${what} names file ${String(issue.file)}, not ${file}` });
      if (issue.line === undefined || issue.column === undefined) {
        problems.push({ kind: 'position', message: `${what} has no line:column` });
        continue;
      }
      const outside = inside(issue, what);
      if (outside) {
        problems.push({ kind: 'position', message: outside });
        continue;
      }
      // An unknown field is reported at its key: the text there must be that key.
      const key = issue.path.at(-1);
      if (issue.code === 'unknown_field' && typeof key === 'string' && key !== '') {
        // A plain key may run over several lines, which YAML folds into one with single spaces.
        const fold = (text: string) => text.replace(/\s+/g, ' ');
        const lines = counted.split('\n');
        const offset = lines.slice(0, issue.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + issue.column - 1;
        const raw = counted.slice(offset, offset + key.length * 8 + 100);
        const there = fold(raw.replace(/^["']/, ''));
        // A double-quoted key is compared as the string it spells (YAML's escapes, \a or \u0000, decoded).
        const quoted = /^"(?:[^"\\]|\\.)*"/.exec(raw)?.[0];
        const decoded = quoted === undefined ? undefined : (() => { try { return parseYaml(quoted) as unknown; } catch { return undefined; } })();
        if (decoded !== key && !there.startsWith(fold(key))) problems.push({ kind: 'position', message: `${what} is at ${issue.line}:${issue.column}, where the text is ${JSON.stringify(there.slice(0, 30))}` });
      }
    }
    const edits = recipe.mutations.length;
    if (edits > 0 && result.issues.length > MAX_ISSUES_PER_EDIT * edits) {
      problems.push({ kind: 'invariant', message: `${result.issues.length} issues after ${edits} edit(s) (at most ${MAX_ISSUES_PER_EDIT} per edit expected)` });
    }
    return problems;
  },
};
