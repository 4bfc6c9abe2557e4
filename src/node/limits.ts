/**
 * Upper bounds on the text of a module file, checked before the expensive
 * step they guard: the byte count before the file is read or parsed, nesting
 * and entry counts on the syntax tree before it is composed into values, and
 * the number of syntax issues reported. A file over one is refused with the
 * issue code `limit_exceeded` (syntax issues beyond the cap are summed up in
 * one last issue). Each is far above what a real module needs; the limits on
 * the module's content (`LIMITS` from `quizkit/schema`) are checked after.
 *
 * - `bytes`: 8 MiB of UTF-8. A module's reading may hold at most
 *   100 sections × 50 000 characters (5 MB of ASCII), the most text a module
 *   can reasonably carry; 8 MiB leaves room for its quizzes and for
 *   indentation. Real modules are tens of kilobytes. Parsing costs about
 *   40 bytes of memory per byte of YAML, so the cap also bounds memory.
 * - `nesting`: 64 levels of collections. A module nests about 8 (module ›
 *   quizzes › quiz › questions › question › options › option › text); the
 *   YAML composer recurses once per level.
 * - `entries`: 1 000 entries in one list or mapping. The longest list a
 *   module may have is 200 questions in a quiz (`LIMITS.questionsPerQuiz`);
 *   a mapping has at most a few dozen fields.
 * - `values`: 100 000 values (scalars and collections) in the file. The
 *   built-in module holds about 1 100 in 38 KB; reading costs about 1 KB of
 *   memory per value while the syntax tree is built, so this bounds memory
 *   where a file of short values (`[a, a, a, …]`) would reach gigabytes
 *   within the byte cap.
 * - `syntaxIssues`: 10 syntax issues. After the first syntax error the rest
 *   often follow from it, so more would bury the one to fix first.
 *
 * @example
 * ```ts
 * import { MODULE_FILE_LIMITS } from 'quizkit/node';
 * MODULE_FILE_LIMITS.bytes; //=> 8388608
 * ```
 */
export const MODULE_FILE_LIMITS = {
  /** Bytes of UTF-8 in a module file (8 MiB). */
  bytes: 8 * 1024 * 1024,
  /** Levels of collections nested in one another. */
  nesting: 64,
  /** Entries in one list or mapping. */
  entries: 1_000,
  /** Values (scalars and collections) in the whole file. */
  values: 100_000,
  /** Syntax issues reported for one file; the rest are counted in one last issue. */
  syntaxIssues: 10,
} as const;

/** A byte count for a message: `52.4 MB (52,428,800 bytes)`. @internal */
export function describeBytes(bytes: number): string {
  const size = bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
  return `${size} (${bytes.toLocaleString('en-US')} bytes)`;
}

/** The message of a file over {@link MODULE_FILE_LIMITS}.bytes. @internal */
export function tooLargeMessage(bytes: number): string {
  return `The file is ${describeBytes(bytes)}; a module file may be at most ${describeBytes(MODULE_FILE_LIMITS.bytes)}: split it into several modules`;
}
