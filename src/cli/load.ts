import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { QuizIssue } from '../errors/quiz-validation-error.js';
import * as builtins from '../modules/index.js';
import { locator } from '../node/locate.js';
import { parseModuleBytes, safeLoadModuleFile } from '../node/load.js';
import { findPlaceholders, locateInSource } from '../node/placeholders.js';
import { tooLargeMessage } from '../node/limits.js';
import { readModuleFileBytes } from '../node/read-file.js';
import { readSource } from '../node/source.js';
import { SAFE_ID } from '../schema/common.js';
import type { DeepReadonly, Module, Quiz } from '../schema/types.js';
import type { ResponseIssue } from '../scoring/types.js';
import { UsageError } from './io.js';

/** A module, parsed from a file or built in. */
export type AnyModule = DeepReadonly<Module>;
/** A quiz of such a module. */
export type AnyQuiz = DeepReadonly<Quiz>;

/** The modules built into quizkit (`quizkit/modules`), by id. */
export const BUILTIN_MODULES: ReadonlyMap<string, AnyModule> = new Map(
  Object.values(builtins as Record<string, AnyModule>).map((module) => [module.id, module]),
);

/** A path as the CLI shows it: relative to the working directory when inside it, with `/`. */
export function shownPath(cwd: string, path: string): string {
  const inside = relative(cwd, path);
  const shown = inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? path : inside;
  return shown.split('\\').join('/');
}

/** Why an I/O error means a path cannot be read, in words: `permission denied`, `symlink loop`, … */
export function ioReason(error: unknown): string {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symlink loop: the link points, directly or not, back to itself';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return message ?? String(error);
  }
}

/**
 * Why a path cannot be used, or `undefined` when it can be followed to
 * something (a file, a folder, or anything else: see {@link notAFile}).
 * Nothing is opened.
 */
export function pathProblem(absolute: string): string | undefined {
  try {
    statSync(absolute);
    return undefined;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') {
      let link = false;
      try {
        link = lstatSync(absolute).isSymbolicLink();
      } catch {
        // Neither the link nor its target: it does not exist.
      }
      return link ? 'is a broken symlink: its target does not exist' : 'does not exist';
    }
    if (code === 'ELOOP') return 'is a symlink loop: the link points, directly or not, back to itself';
    return `cannot be read: ${ioReason(error)}`;
  }
}

/** What a path that is neither a regular file nor a folder is, or `undefined` for those two. Nothing is opened. */
export function notAFile(absolute: string): string | undefined {
  const info = statSync(absolute);
  if (info.isFile() || info.isDirectory()) return undefined;
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Refuses a path that does not exist, a broken symlink or a symlink loop, or
 * one that cannot be read, as a usage error (exit 2), naming which.
 */
export function requirePath(cwd: string, path: string, what: string, command: string): string {
  const absolute = resolve(cwd, path);
  const problem = pathProblem(absolute);
  if (problem) throw new UsageError(`${what} "${path}" ${problem}`, `Check the path, or run: quizkit ${command} --help`);
  return absolute;
}

/**
 * Reads a text input of a command (a GIFT file, an article) as module files
 * are read: a path that cannot be used, a FIFO, socket or device (never
 * opened), or a file over `MODULE_FILE_LIMITS.bytes` is a usage error (exit 2)
 * naming which.
 */
export async function readTextInput(cwd: string, path: string, what: string, command: string): Promise<string> {
  const read = await readModuleFileBytes(requirePath(cwd, path, what, command));
  if (read.ok) return new TextDecoder('utf-8').decode(read.bytes);
  const reason = 'tooLarge' in read ? tooLargeMessage(read.tooLarge) : ioReason(read.error);
  throw new UsageError(`${what} "${path}" cannot be read: ${reason}`, `Check the path, or run: quizkit ${command} --help`);
}

/** The outcome of loading a module: the module, or the issues of its file. */
export type LoadedModule =
  | { readonly ok: true; readonly module: AnyModule; readonly label: string }
  | { readonly ok: false; readonly issues: readonly QuizIssue[] };

/**
 * Reads a module file with every issue at its `file:line:column`, the file
 * named as the user gave it.
 */
export async function loadModuleAt(cwd: string, path: string): Promise<LoadedModule> {
  const result = await safeLoadModuleFile(resolve(cwd, path));
  if (result.success) return { ok: true, module: result.data, label: path };
  return { ok: false, issues: result.issues.map((issue) => ({ ...issue, file: path })) };
}

/**
 * The outcome of reading a module file for `validate`: the module with its
 * warnings (placeholders left), the issues of its file, or why it cannot be read.
 */
export type CheckedModule =
  | { readonly ok: true; readonly module: AnyModule; readonly warnings: readonly QuizIssue[] }
  | { readonly ok: false; readonly issues: readonly QuizIssue[] }
  | { readonly ok: false; readonly unreadable: string };

/**
 * Reads a module file as {@link loadModuleAt} does, but tells a file that
 * cannot be read (no permission, not a regular file, vanished) from one with
 * problems: the first is unreadable input (exit 2), the second invalid (exit 1).
 */
export async function checkModuleAt(cwd: string, path: string): Promise<CheckedModule> {
  const read = await readModuleFileBytes(resolve(cwd, path));
  if (!read.ok && 'error' in read) {
    const kind = read.error.code === 'EINVAL' || read.error.code === 'EISDIR' ? notAFile(resolve(cwd, path)) : undefined;
    return { ok: false, unreadable: kind ? `it is ${kind}, not a module file` : ioReason(read.error) };
  }
  const result = read.ok
    ? parseModuleBytes(read.bytes, path)
    : ({ success: false, issues: [{ code: 'limit_exceeded', path: [], message: tooLargeMessage(read.tooLarge), file: path, line: 1, column: 1 }] } as const);
  if (!result.success) return { ok: false, issues: result.issues };
  const placeholders = findPlaceholders(result.data);
  // Placeholders are rare in a finished file: only then is its text read again for their positions.
  const warnings = read.ok && placeholders.length ? locateInSource(new TextDecoder().decode(read.bytes), path, placeholders) : [];
  return { ok: true, module: result.data, warnings };
}

/**
 * Finds the module a user named: a file path; else, for a module id, the file
 * `quizzes/<id>.yaml` (`.yml`, `.json`) in the working directory; else the
 * built-in module with that id. Anything else is a usage error.
 */
export async function resolveModule(cwd: string, target: string, command: string): Promise<LoadedModule> {
  const absolute = resolve(cwd, target);
  const problem = pathProblem(absolute);
  if (problem === undefined) {
    if (statSync(absolute).isDirectory()) {
      throw new UsageError(`"${target}" is a folder; give one module file or a module id`, `Run: quizkit ${command} --help`);
    }
    const kind = notAFile(absolute);
    if (kind) throw new UsageError(`"${target}" is ${kind}, not a module file`, `Give a regular .yaml or .json file. Run: quizkit ${command} --help`);
    return loadModuleAt(cwd, target);
  }
  if (problem !== 'does not exist') throw new UsageError(`Module file "${target}" ${problem}`, `Check the path, or run: quizkit ${command} --help`);
  if (SAFE_ID.test(target)) {
    for (const extension of ['yaml', 'yml', 'json']) {
      const candidate = `quizzes/${target}.${extension}`;
      if (existsSync(resolve(cwd, candidate))) return loadModuleAt(cwd, candidate);
    }
    const builtin = BUILTIN_MODULES.get(target);
    if (builtin) return { ok: true, module: builtin, label: `built-in module ${target}` };
  }
  const known = [...BUILTIN_MODULES.keys()].join(', ');
  throw new UsageError(
    `No module file or module id "${target}"`,
    `Give a path to a .yaml or .json module, a module id from quizzes/, or a built-in module (${known})`,
  );
}

/**
 * The quiz to take or score: the one named by `--quiz`; else, when responses
 * are given, the first quiz that has every question they answer; else the
 * module's first quiz.
 */
export function chooseQuiz(module: AnyModule, quizId: string | undefined, responses: unknown, command: string): AnyQuiz {
  const ids = module.quizzes.map((quiz) => quiz.id);
  if (quizId !== undefined) {
    const quiz = module.quizzes.find((candidate) => candidate.id === quizId);
    if (!quiz) throw new UsageError(`Module "${module.id}" has no quiz "${quizId}"; its quizzes: ${ids.join(', ')}`, `Run: quizkit ${command} --help`);
    return quiz;
  }
  if (responses !== null && typeof responses === 'object' && !Array.isArray(responses)) {
    const keys = Object.keys(responses);
    const fits = keys.length > 0 ? module.quizzes.find((quiz) => keys.every((key) => quiz.questions.some((q) => q.id === key))) : undefined;
    if (fits) return fits;
  }
  return module.quizzes[0]!;
}

/** A JSON file read with positions, so problems in it can be reported at `file:line:column`. */
export interface JsonFile {
  /** The file as the user named it. */
  readonly file: string;
  /** The parsed value; `undefined` when there are syntax problems. */
  readonly value: unknown;
  /** Syntax problems, located. */
  readonly issues: readonly QuizIssue[];
  /** The line and column of the value at a path (of its key when `atKey`). */
  readonly locate: (path: readonly (string | number)[], atKey: boolean) => { line: number; column: number };
}

/** Reads a JSON file (responses) with source positions; syntax problems come back as issues. */
export async function readJsonFile(cwd: string, file: string): Promise<JsonFile> {
  // Read as a module file is: never opening a FIFO, never more than the byte cap.
  const read = await readModuleFileBytes(resolve(cwd, file));
  if (!read.ok) {
    const issue: QuizIssue =
      'tooLarge' in read
        ? { code: 'limit_exceeded', path: [], message: tooLargeMessage(read.tooLarge), file, line: 1, column: 1 }
        : { code: 'invalid_syntax', path: [], message: `Cannot read the file: ${read.error.message}`, file, line: 1, column: 1 };
    return { file, value: undefined, issues: [issue], locate: () => ({ line: 1, column: 1 }) };
  }
  const text = new TextDecoder('utf-8').decode(read.bytes);
  const { document, value, problems, lines } = readSource(text, 'json');
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const issues = problems.map((problem): QuizIssue => ({ code: problem.code, path: [], message: problem.message, file, ...at(problem.offset) }));
  const offsetOf = document ? locator(document) : undefined;
  const locate = (path: readonly (string | number)[], atKey: boolean) => (offsetOf ? at(offsetOf(path, atKey)) : { line: 1, column: 1 });
  return { file, value: issues.length ? undefined : value, issues, locate };
}

/**
 * Response problems as `file:line:column  code  message` lines, each at the
 * value it is about (an unknown question at its key), in file order.
 */
export function formatResponseIssues(json: JsonFile, issues: readonly ResponseIssue[]): string[] {
  return issues
    .map((issue) => {
      const atKey = issue.code === 'unknown_question' || issue.code === 'forbidden_key';
      return { issue, ...json.locate(issue.path, atKey) };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map(({ issue, line, column }) => `${json.file}:${line}:${column}  ${issue.code}  ${issue.message}`);
}

/**
 * The `$schema` reference for a module file written at `out` (absolute; none
 * for stdout): quizkit's own `quiz.schema.json` when the working directory is
 * quizkit, else the installed package's, as a path relative to the file, so
 * an editor finds it from `quizzes/` as from the project root.
 */
export function schemaReference(cwd: string, out: string | undefined): string {
  const candidates = [resolve(cwd, 'quiz.schema.json'), resolve(cwd, 'node_modules/quizkit/quiz.schema.json')];
  const schema = candidates.find((candidate) => existsSync(candidate)) ?? candidates[1]!;
  const from = out ? dirname(out) : cwd;
  const path = relative(from, schema).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
