import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { QuizIssue } from '../errors/quiz-validation-error.js';
import { safeLoadModuleFile } from '../node/load.js';
import { offsetOf } from '../node/locate.js';
import { readSource } from '../node/source.js';
import { type ModuleCodeOptions, moduleCodeHeader, moduleIdProblems, renderModuleCode, renderModulesIndex } from '../node/build/module-code.js';
import { modulePageHeader, renderModulePage } from '../node/build/module-page.js';
import { quotedName } from '../node/build/names.js';
import type { Module } from '../schema/types.js';

/**
 * The I/O half of `quizkit build` and `scripts/generate-modules.ts`: list and
 * load the quiz files, render every output with the pure renderers of
 * `src/node/build/`, and compare with (or write to) the output folders.
 */

/** The quiz files a build reads: `*.yaml`, `*.yml` and `*.json` directly in the folder. */
export const QUIZ_FILE = /\.(ya?ml|json)$/i;

/** The generators whose files a build may replace or remove (never a hand-written file). */
const GENERATORS = ['scripts/generate-modules.ts', 'quizkit build'];

/** Who generates, how the module code imports its types, and where readers import it from. */
export type GeneratorOptions = ModuleCodeOptions;

/** A module loaded for a build, with the names it is written under. */
export interface LoadedFile {
  readonly module: Module;
  /** The quiz file as headers show it. */
  readonly source: string;
}

/** The quiz files in a folder, sorted by name, as absolute paths; none when the folder is missing. */
export function listQuizFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => QUIZ_FILE.test(file))
    .sort()
    .map((file) => join(dir, file));
}

/**
 * Loads and validates every quiz file, reporting every problem of every file,
 * then checks that the module ids can become file and export names.
 *
 * @param files Absolute paths.
 * @param shown How a path appears in headers and issues.
 * @param progress Called before each file, with its 1-based index.
 */
export async function loadQuizFiles(
  files: readonly string[],
  shown: (path: string) => string,
  progress: (index: number, total: number, file: string) => void = () => {},
): Promise<{ loaded: LoadedFile[]; issues: QuizIssue[] }> {
  const loaded: LoadedFile[] = [];
  const issues: QuizIssue[] = [];
  for (const [index, file] of files.entries()) {
    const source = shown(file);
    progress(index + 1, files.length, source);
    const result = await safeLoadModuleFile(file);
    if (result.success) loaded.push({ module: result.data, source });
    else issues.push(...result.issues.map((issue) => ({ ...issue, file: source })));
  }
  const absolute = new Map(files.map((file) => [shown(file), file]));
  for (const problem of moduleIdProblems(loaded.map(({ module, source }) => ({ id: module.id, source })))) {
    issues.push({ code: 'duplicate_id', path: ['id'], message: problem.message, file: problem.source, ...idPosition(absolute.get(problem.source)) });
  }
  return { loaded, issues };
}

/** The line and column of a module file's top-level `id`. */
function idPosition(file: string | undefined): { line: number; column: number } {
  if (!file) return { line: 1, column: 1 };
  const { document, lines } = readSource(readFileSync(file, 'utf8'), /\.json$/i.test(file) ? 'json' : 'yaml');
  if (!document) return { line: 1, column: 1 };
  const { line, col } = lines.linePos(offsetOf(document, ['id'], false));
  return { line, column: col };
}

/** The typed module code: `<module-id>.ts` per module and `index.ts`, by file name. */
export function moduleCodeFiles(loaded: readonly LoadedFile[], quizzesShown: string, options: GeneratorOptions): Map<string, string> {
  const named = loaded.map(({ module, source }) => ({ module, source, file: `${module.id}.ts` }));
  const sources = named.length ? named.map(({ source }) => quotedName(source)).join(', ') : `${quotedName(`${quizzesShown}/`)} (no quiz files)`;
  return new Map<string, string>([
    ...named.map(({ module, source, file }) => [file, renderModuleCode(module, source, options)] as const),
    ['index.ts', renderModulesIndex(named, sources, options)],
  ]);
}

/** The Markdown page per module, `<module-id>.md`, by file name. */
export function modulePageFiles(loaded: readonly LoadedFile[], options: Pick<GeneratorOptions, 'generator'>): Map<string, string> {
  return new Map(loaded.map(({ module, source }) => [`${module.id}.md`, renderModulePage(module, { source, generator: options.generator })]));
}

/** What writing `wanted` into a folder would change. */
export interface FolderDiff {
  readonly dir: string;
  /** Files to write: new, or with other content. */
  readonly changed: readonly (readonly [file: string, text: string])[];
  /** Generated files (by their header) no longer wanted: their quiz file is gone. */
  readonly stale: readonly string[];
  /** Files already as wanted. */
  readonly unchanged: number;
}

/**
 * Compares the wanted files with a folder. Only files with the extension and
 * a generated header count as stale, so hand-written files are never touched.
 */
export function diffFolder(dir: string, wanted: ReadonlyMap<string, string>, kind: 'code' | 'page'): FolderDiff {
  const extension = kind === 'code' ? '.ts' : '.md';
  const headers = GENERATORS.map(kind === 'code' ? moduleCodeHeader : modulePageHeader);
  const stale = existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith(extension) && !wanted.has(file))
        .filter((file) => {
          const text = readFileSync(join(dir, file), 'utf8');
          return headers.some((header) => text.startsWith(header));
        })
        .sort()
    : [];
  const changed = [...wanted].filter(([file, text]) => {
    const path = join(dir, file);
    return !existsSync(path) || readFileSync(path, 'utf8') !== text;
  });
  return { dir, changed, stale, unchanged: wanted.size - changed.length };
}

/** Writes the changed files and removes the stale ones. */
export function applyDiff(diff: FolderDiff): void {
  mkdirSync(diff.dir, { recursive: true });
  for (const [file, text] of diff.changed) writeFileSync(join(diff.dir, file), text);
  for (const file of diff.stale) rmSync(join(diff.dir, file));
}

/**
 * The generator options for a modules folder: inside quizkit's own sources
 * (a `../schema/types.ts` beside the folder) the code imports the types
 * relatively and names `scripts/generate-modules.ts`, exactly as that script
 * writes it; anywhere else it imports them from the `quizkit` package.
 */
export function generatorFor(modulesDir: string, cwd: string): GeneratorOptions {
  if (existsSync(join(modulesDir, '..', 'schema', 'types.ts'))) {
    return { generator: 'scripts/generate-modules.ts', typesImport: '../schema/types.js', modulesImport: 'quizkit/modules' };
  }
  // In an author's project the modules are the project's own files, imported by path, not from quizkit.
  const index = relative(cwd, join(modulesDir, 'index.js')).split(sep).join('/');
  return { generator: 'quizkit build', typesImport: 'quizkit', modulesImport: index.startsWith('.') ? index : `./${index}` };
}
