import { type QuizIssue, QuizValidationError } from '../errors/quiz-validation-error.js';
import type { SafeParseResult } from '../schema/parse.js';
import type { Module } from '../schema/types.js';
import { type MODULE_FILE_LIMITS, tooLargeMessage } from './limits.js';
import { parseModuleSource } from './parse-source.js';
import { readModuleFileBytes } from './read-file.js';

/**
 * Reads a module file (`.yaml`, `.yml` or `.json`) and validates it, never
 * throwing. Problems in the file come back as located issues, as from
 * {@link parseModuleSource}. A file that cannot be read (missing, a
 * directory, no permission, a symlink loop, a FIFO, socket or device) also
 * comes back as one issue, with code `invalid_syntax`, at `1:1`, and a
 * message naming the I/O error, so a tool can report every file of a folder
 * in one pass. Symlinks are followed. The path is checked before it is
 * opened: a FIFO is refused without waiting for a writer, and a file over
 * {@link MODULE_FILE_LIMITS}.bytes is refused as `limit_exceeded` at `1:1`
 * without being read.
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
 * //=> quizzes/missing.yaml:1:1  invalid_syntax  Cannot read the file: ENOENT: no such file or directory, stat 'quizzes/missing.yaml'
 * ```
 */
export async function safeLoadModuleFile(path: string): Promise<SafeParseResult<Module>> {
  const read = await readModuleFileBytes(path);
  if (read.ok) return parseModuleBytes(read.bytes, path);
  const issue: QuizIssue =
    'tooLarge' in read
      ? { code: 'limit_exceeded', path: [], message: tooLargeMessage(read.tooLarge), file: path, line: 1, column: 1 }
      : { code: 'invalid_syntax', path: [], message: `Cannot read the file: ${read.error.message}`, file: path, line: 1, column: 1 };
  return { success: false, issues: [issue] };
}

/**
 * Reads a module file (`.yaml`, `.yml` or `.json`), validates it and returns
 * the typed module. Throws a `QuizValidationError` listing every problem in
 * the file, each with `file`, `line` and `column` (a file over
 * {@link MODULE_FILE_LIMITS}.bytes is one `limit_exceeded` issue, found
 * before reading it); an I/O failure (missing file, no permission, a symlink
 * loop) rejects with Node's own error, unchanged, so `error.code === 'ENOENT'`
 * still works. A path that is not a regular file is refused without being
 * opened, with an error of code `EISDIR` (a folder) or `EINVAL` (a FIFO,
 * socket or device).
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
  const read = await readModuleFileBytes(path);
  if (!read.ok && 'error' in read) throw read.error;
  const result: SafeParseResult<Module> = read.ok
    ? parseModuleBytes(read.bytes, path)
    : { success: false, issues: [{ code: 'limit_exceeded', path: [], message: tooLargeMessage(read.tooLarge), file: path, line: 1, column: 1 }] };
  if (!result.success) throw new QuizValidationError(result.issues);
  return result.data;
}

/**
 * Decodes UTF-8 strictly (a stray Latin-1 byte is an issue, not a silent U+FFFD), then parses.
 *
 * @internal
 */
export function parseModuleBytes(bytes: Uint8Array, file: string): SafeParseResult<Module> {
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
