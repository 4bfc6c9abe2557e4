import type { QuizIssue } from '../errors/quiz-validation-error.js';
import { type SafeParseResult, safeParseModule } from '../schema/parse.js';
import type { Module } from '../schema/types.js';
import { locator } from './locate.js';
import type { MODULE_FILE_LIMITS } from './limits.js';
import { type ModuleSourceFormat, readSource } from './source.js';

/**
 * The {@link parseModuleSource} function options.
 *
 * @example
 * ```ts
 * import type { ParseModuleSourceOptions } from 'quizkit/node';
 * const options: ParseModuleSourceOptions = { file: 'quizzes/korea.json', format: 'json' };
 * ```
 */
export interface ParseModuleSourceOptions {
  /** The file name put on every issue; its extension picks the format when `format` is not given. */
  readonly file: string;
  /** The format of the text; by default `json` for a `.json` file and `yaml` for anything else. */
  readonly format?: ModuleSourceFormat;
}

/**
 * Parses and validates the text of a module file (YAML, or JSON) without
 * touching the disk, never throwing. Problems are reported with `file`,
 * 1-based `line` and `column`: syntax errors (code `invalid_syntax`,
 * duplicate keys included) at their exact place, at most one per line and
 * {@link MODULE_FILE_LIMITS}.syntaxIssues in all (the rest counted in a last
 * issue); only when the syntax is sound, every schema issue at the value it
 * is about (an unknown field at its key, a missing field at the mapping that
 * lacks it). Issues are sorted by position.
 *
 * A `.json` file is read as YAML 1.2 (so positions are exact) but must be
 * JSON: comments, unquoted strings and trailing commas are `invalid_syntax`.
 * A leading byte-order mark is ignored. Columns count UTF-16 code units, as
 * JavaScript strings and most editors do.
 *
 * Cost is linear in the text and bounded before each expensive step: a text
 * over {@link MODULE_FILE_LIMITS}.bytes (8 MiB of UTF-8) is refused before it
 * is parsed, collections nested deeper than `nesting` or with more than
 * `entries` entries before they are composed, and aliases that expand too
 * far before they are expanded; each as one `limit_exceeded` issue.
 *
 * @param text The file's text.
 * @param options The file name, and the format when the extension does not tell.
 *
 * @returns The typed module, or every issue found.
 *
 * @example
 * ```ts
 * import { parseModuleSource } from 'quizkit/node';
 * const result = parseModuleSource('id: bad id\n', { file: 'm.yaml' });
 * const issue = result.success ? undefined : result.issues.find((i) => i.code === 'unsafe_id');
 * [issue?.path, issue?.line, issue?.column]; //=> [['id'], 1, 5]
 * ```
 */
export function parseModuleSource(text: string, options: ParseModuleSourceOptions): SafeParseResult<Module> {
  const { file } = options;
  const format = options.format ?? formatOf(file);
  // A byte-order mark is not a column: drop it so line 1 counts like the others.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { document, value, problems, lines } = readSource(source, format);
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };

  if (problems.length > 0 || !document) {
    const issues = problems.map(({ code, message, offset }): QuizIssue => ({ code, path: [], message, ...at(offset) }));
    return { success: false, issues: issues as [QuizIssue, ...QuizIssue[]] };
  }

  const result = safeParseModule(value);
  if (result.success) return result;
  const offsetOf = locator(document);
  const issues = result.issues
    .map((issue): QuizIssue => ({ ...issue, ...at(offsetOf(issue.path, issue.code === 'unknown_field')) }))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { success: false, issues: issues as [QuizIssue, ...QuizIssue[]] };
}

/** `json` for a `.json` file name, otherwise `yaml` (a superset of JSON). @internal */
export function formatOf(file: string): ModuleSourceFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}
