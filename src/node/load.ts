import { readFile } from 'node:fs/promises';
import { type QuizIssue, QuizValidationError } from '../errors/quiz-validation-error.js';
import type { SafeParseResult } from '../schema/parse.js';
import type { Module } from '../schema/types.js';
import { parseModuleSource } from './parse-source.js';

/**
 * Reads a module file (`.yaml`, `.yml` or `.json`) and validates it, never
 * throwing. Problems in the file come back as located issues, as from
 * {@link parseModuleSource}. A file that cannot be read (missing, a
 * directory, no permission) also comes back as one issue, with code
 * `invalid_syntax`, at `1:1`, and a message naming the I/O error, so a tool
 * can report every file of a folder in one pass.
 *
 * @param path The path of the file; issues carry it as given.
 *
 * @returns The typed module, or every issue found.
 *
 * @example
 * ```ts
 * import { formatIssues, safeLoadModuleFile } from 'quizkit/node';
 * const result = await safeLoadModuleFile('quizzes/missing.yaml');
 * if (!result.success) console.log(formatIssues(result.issues));
 * //=> quizzes/missing.yaml:1:1  invalid_syntax  Cannot read the file: ENOENT: no such file or directory, open 'quizzes/missing.yaml'
 * ```
 */
export async function safeLoadModuleFile(path: string): Promise<SafeParseResult<Module>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const issue: QuizIssue = { code: 'invalid_syntax', path: [], message: `Cannot read the file: ${reason}`, file: path, line: 1, column: 1 };
    return { success: false, issues: [issue] };
  }
  return parseModuleBytes(bytes, path);
}

/**
 * Reads a module file (`.yaml`, `.yml` or `.json`), validates it and returns
 * the typed module. Throws a `QuizValidationError` listing every problem in
 * the file, each with `file`, `line` and `column`; an I/O failure (missing
 * file, a directory, no permission) rejects with Node's own error, unchanged,
 * so `error.code === 'ENOENT'` still works.
 *
 * @param path The path of the file; issues carry it as given.
 *
 * @returns The typed module, with defaults filled in.
 *
 * @example
 * ```ts
 * import { loadModuleFile } from 'quizkit/node';
 * const module = await loadModuleFile('tests/fixtures/valid-module.yaml');
 * module.quizzes[0]?.questions.length; //=> 4
 * ```
 */
export async function loadModuleFile(path: string): Promise<Module> {
  const result = parseModuleBytes(await readFile(path), path);
  if (!result.success) throw new QuizValidationError(result.issues);
  return result.data;
}

/** Decodes UTF-8 strictly (a stray Latin-1 byte is an issue, not a silent U+FFFD), then parses. */
function parseModuleBytes(bytes: Uint8Array, file: string): SafeParseResult<Module> {
  let text: string;
  try {
    // Strips a leading byte-order mark, so columns on line 1 are not shifted.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const offset = Math.max(0, lossy.indexOf('\uFFFD'));
    const before = lossy.slice(0, offset).split('\n');
    const issue: QuizIssue = {
      code: 'invalid_syntax',
      path: [],
      message: 'The file is not valid UTF-8: save it as UTF-8',
      file,
      line: before.length,
      column: (before[before.length - 1]?.length ?? 0) + 1,
    };
    return { success: false, issues: [issue] };
  }
  return parseModuleSource(text, { file });
}
