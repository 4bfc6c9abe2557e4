import type { QuizIssue } from '../../errors/quiz-validation-error.js';
import type { Module } from '../../schema/types.js';
import { locator } from '../locate.js';
import { parseModuleSource } from '../parse-source.js';
import { readSource } from '../source.js';
import { MODULE_RULES, UNKNOWN_RULE, LINT_RULES, docsOf } from './registry.js';
import { duplicateModuleId } from './rules/duplicate-module-id.js';
import type { Finding, LintedModule, LintOptions, LintPath, LintWarning, ResolvedLintOptions } from './types.js';

const KNOWN = new Set(LINT_RULES.map((rule) => rule.id));

/** The default {@link LintOptions}. */
const DEFAULTS: ResolvedLintOptions = { wrongTickThreshold: { n: 1, d: 3 } };

/** The question a path lies in (`['quizzes', q, 'questions', i]`), if any. */
function questionAt(module: LintedModule, path: LintPath) {
  const [quizzes, q, questions, i] = path;
  if (quizzes !== 'quizzes' || questions !== 'questions' || typeof q !== 'number' || typeof i !== 'number') return undefined;
  return module.quizzes[q]?.questions[i];
}

/** Whether a rule is switched off for a finding: by the module, the question it is in, or the question it is also about. */
function ignored(module: LintedModule, rule: string, finding: Finding): boolean {
  if (module.lint?.ignore.includes(rule)) return true;
  return [finding.path, finding.also].some((path) => path !== undefined && questionAt(module, path)?.lint?.ignore.includes(rule) === true);
}

/** A `unknown-lint-rule` warning for every ignore entry that names no rule. */
function unknownIgnores(module: LintedModule): Finding[] {
  const places: { ignore: readonly string[]; path: LintPath }[] = [];
  if (module.lint) places.push({ ignore: module.lint.ignore, path: ['lint', 'ignore'] });
  module.quizzes.forEach((quiz, q) =>
    quiz.questions.forEach((question, i) => {
      if (question.lint) places.push({ ignore: question.lint.ignore, path: ['quizzes', q, 'questions', i, 'lint', 'ignore'] });
    }),
  );
  return places.flatMap(({ ignore, path }) =>
    ignore.flatMap((id, k) => (KNOWN.has(id) ? [] : [{ path: [...path, k], message: `"${id}" is not a lint rule; the rules are: ${[...KNOWN].join(', ')}` }])),
  );
}

const warningOf = (rule: { id: string; why: string }, finding: { path: LintPath; message: string }): LintWarning => ({
  rule: rule.id,
  path: finding.path,
  message: finding.message,
  why: rule.why,
  docs: docsOf(rule.id),
});

/**
 * Checks a parsed module against the item-writing rules of `quizkit lint`
 * ({@link LINT_RULES}): clues that give the key away, scoring rules that
 * work against the item, options that cannot be told apart. Pure; never
 * throws. Rules switched off by `lint: { ignore: [...] }` on the module or
 * on the question are skipped. Warnings carry a `path`, not a position: use
 * {@link lintModuleSource} for `file:line:column`.
 *
 * @param module A parsed module (from `parseModule`, `loadModuleFile` or `quizkit/modules`).
 * @param options Thresholds; see {@link LintOptions}.
 *
 * @returns Every warning, grouped by rule in the order of {@link LINT_RULES}.
 *
 * @example
 * ```ts
 * import { lintModule } from 'quizkit/node';
 * import { parseModule } from 'quizkit/schema';
 * const module = parseModule({
 *   id: 'm', title: 'M', source: { title: 'T', attribution: 'A' },
 *   reading: [{ id: 's', heading: 'H', text: 'Kim met Xi, then Putin.' }],
 *   quizzes: [{ id: 'q', title: 'Q', questions: [{
 *     id: 'order', type: 'ordering', prompt: 'Who came first?', explanation: 'Kim met Xi first.',
 *     source: { section: 's', quote: 'Kim met Xi' },
 *     items: [{ id: 'xi', text: 'Meeting Xi' }, { id: 'putin', text: 'Meeting Putin' }],
 *     correctOrder: ['xi', 'putin'],
 *   }] }],
 * });
 * lintModule(module).map((warning) => warning.rule); //=> ['two-item-ordering']
 * ```
 */
export function lintModule(module: LintedModule, options: LintOptions = {}): LintWarning[] {
  const resolved: ResolvedLintOptions = { ...DEFAULTS, ...options };
  const warnings: LintWarning[] = [];
  for (const rule of MODULE_RULES) {
    for (const finding of rule.check(module, resolved)) if (!ignored(module, rule.id, finding)) warnings.push(warningOf(rule, finding));
  }
  for (const finding of unknownIgnores(module)) warnings.push(warningOf(UNKNOWN_RULE, finding));
  return warnings;
}

/**
 * The {@link lintModuleSource} function options: the file name, and the
 * {@link LintOptions}.
 *
 * @example
 * ```ts
 * import type { LintModuleSourceOptions } from 'quizkit/node';
 * const options: LintModuleSourceOptions = { file: 'quizzes/korea.yaml', wrongTickThreshold: { n: 1, d: 4 } };
 * ```
 */
export interface LintModuleSourceOptions extends LintOptions {
  /** The file name put on every warning and issue; its extension picks the format (`.json`: JSON, else YAML). */
  readonly file: string;
}

/**
 * What linting a module's text gave: the module and its warnings, or, when
 * the text is not a valid module, its validation issues (nothing is linted).
 *
 * @example
 * ```ts
 * import { lintModuleSource, type LintSourceResult } from 'quizkit/node';
 * const result: LintSourceResult = lintModuleSource('id: m\n', { file: 'm.yaml' });
 * result.success; //=> false
 * ```
 */
export type LintSourceResult =
  | { readonly success: true; readonly data: Module; readonly warnings: readonly LintWarning[] }
  | { readonly success: false; readonly issues: readonly [QuizIssue, ...QuizIssue[]] };

/**
 * Validates the text of a module file, then lints it ({@link lintModule}),
 * each warning at the `file`, `line` and `column` of the value it is about
 * (the same positions as {@link parseModuleSource} gives issues), sorted by
 * position. Pure; never throws.
 *
 * @param text The file's text (YAML, or JSON).
 * @param options The file name, and the {@link LintOptions}.
 *
 * @returns The module with its warnings, or the validation issues of the file.
 *
 * @example
 * ```ts
 * import { lintModuleSource } from 'quizkit/node';
 * const text = [
 *   'id: m', 'title: M', 'source: { title: T, attribution: A }',
 *   'reading: [{ id: s, heading: H, text: Kim met Xi. }]',
 *   'quizzes:', '  - id: q', '    title: Q', '    questions:',
 *   '      - { id: o, type: ordering, prompt: Order?, explanation: E, source: { section: s, quote: Kim },',
 *   '          items: [{ id: a, text: A }, { id: b, text: B }], correctOrder: [a, b] }',
 * ].join('\n');
 * const result = lintModuleSource(text, { file: 'm.yaml' });
 * result.success ? result.warnings.map((w) => `${w.line}:${w.column} ${w.rule}`) : []; //=> ['10:18 two-item-ordering']
 * ```
 */
export function lintModuleSource(text: string, options: LintModuleSourceOptions): LintSourceResult {
  const { file, ...lintOptions } = options;
  const parsed = parseModuleSource(text, { file });
  if (!parsed.success) return parsed;
  const locate = locatorFor(text, file);
  const warnings = locate(lintModule(parsed.data, lintOptions));
  return { success: true, data: parsed.data, warnings };
}

/** A function putting `file`, `line` and `column` on warnings, sorted by position; the text is known to be valid. */
function locatorFor(text: string, file: string): (warnings: readonly LintWarning[]) => LintWarning[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { document, lines } = readSource(source, /\.json$/i.test(file) ? 'json' : 'yaml');
  const offsetOf = document ? locator(document) : () => 0;
  return (warnings) =>
    warnings
      .map((warning) => {
        const { line, col } = lines.linePos(offsetOf(warning.path, false));
        return { ...warning, file, line, column: col };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * One file's outcome in {@link lintModuleSet}: its warnings, or its
 * validation issues.
 *
 * @example
 * ```ts
 * import type { LintedFile } from 'quizkit/node';
 * const file: LintedFile = { file: 'm.yaml', success: true, warnings: [] };
 * ```
 */
export type LintedFile =
  | { readonly file: string; readonly success: true; readonly warnings: readonly LintWarning[] }
  | { readonly file: string; readonly success: false; readonly issues: readonly [QuizIssue, ...QuizIssue[]] };

/**
 * Lints several module files at once ({@link lintModuleSource} on each),
 * adding the rules that need them all: `duplicate-module-id`, on each file
 * whose module id an earlier file already uses (at that file's `id`).
 *
 * @param files Each file's name and text, in the order to report them.
 * @param options The {@link LintOptions}, for every file.
 *
 * @returns One outcome per file, in the order given.
 *
 * @example
 * ```ts
 * import { lintModuleSet } from 'quizkit/node';
 * const text = [
 *   'id: m', 'title: M', 'source: { title: T, attribution: A }',
 *   'reading: [{ id: s, heading: H, text: Kim met Xi. }]',
 *   'quizzes: [{ id: q, title: Q, questions: [{ id: c, type: single-choice, prompt: Who?, explanation: E,',
 *   '  source: { section: s, quote: Kim }, options: [{ id: k, text: Kim, correct: true }, { id: p, text: Putin }] }] }]',
 * ].join('\n');
 * const [first, second] = lintModuleSet([{ file: 'a.yaml', text }, { file: 'b.yaml', text }]);
 * first?.success && first.warnings.length; //=> 0
 * second?.success && second.warnings.map((w) => `${w.file}:${w.line}:${w.column} ${w.rule}`); //=> ['b.yaml:1:5 duplicate-module-id']
 * ```
 */
export function lintModuleSet(files: readonly { readonly file: string; readonly text: string }[], options: LintOptions = {}): LintedFile[] {
  const linted = files.map(({ file, text }) => ({ file, text, result: lintModuleSource(text, { ...options, file }) }));
  const valid = linted.flatMap((entry, index) => (entry.result.success ? [{ index, file: entry.file, module: entry.result.data }] : []));
  const extra = new Map<number, LintWarning[]>();
  for (const finding of duplicateModuleId.check(valid)) {
    const entry = valid[finding.index]!;
    if (entry.module.lint?.ignore.includes(duplicateModuleId.id)) continue;
    const located = locatorFor(linted[entry.index]!.text, entry.file)([warningOf(duplicateModuleId, finding)]);
    extra.set(entry.index, [...(extra.get(entry.index) ?? []), ...located]);
  }
  return linted.map(({ file, result }, index): LintedFile => {
    if (!result.success) return { file, success: false, issues: result.issues };
    const added = extra.get(index) ?? [];
    const warnings = [...added, ...result.warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    return { file, success: true, warnings };
  });
}
