import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output, printable, UsageError } from '../io.js';
import { type FolderDiff, applyDiff, diffFolder, generatorFor, listQuizFiles, loadQuizFiles, moduleCodeFiles, modulePageFiles } from '../generate.js';
import { shownPath } from '../load.js';

export const BUILD_HELP = `Usage: quizkit build [--quizzes dir] [--out-modules dir] [--out-docs dir] [--check]

Validates every module file in the quizzes folder (.yaml, .yml, .json; every
problem of every file as file:line:column  code  message) and, when all are
valid, writes:

  <out-modules>/<module-id>.ts, index.ts   the typed module code of quizkit/modules
                                           (what scripts/generate-modules.ts writes)
  <out-docs>/<module-id>.md                a readable page per module: attribution,
                                           objectives, the reading with section
                                           anchors, each quiz's questions as a learner
                                           sees them, then its answer key

Only files that change are written; generated files whose module is gone are
removed (hand-written files never are). Running it twice changes nothing.
Progress ([3/12] file) goes to stderr when there are more than 3 files.

Inside quizkit's own sources (a ../schema/types.ts beside the modules folder)
the code imports its types relatively, as the package's script does; anywhere
else it imports them from the quizkit package.

Options:
  --quizzes <dir>      The module files (default: quizzes).
  --out-modules <dir>  The typed module code (default: src/modules).
  --out-docs <dir>     The Markdown pages (default: docs/modules).
  --check              Write nothing; list the files that are out of date and
                       exit 1 if there are any.
  -h, --help           Show this help.

Exit status: 0 built (or up to date), 1 a module file is invalid or, with
--check, output is out of date, 2 usage error.`;

/** More files than this, and the build shows progress. */
export const PROGRESS_AFTER = 3;

/** `quizkit build`. */
export async function buildCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags } = parseCommand(
    'build',
    args,
    { quizzes: { type: 'string' }, 'out-modules': { type: 'string' }, 'out-docs': { type: 'string' }, check: { type: 'boolean' } },
    { min: 0, max: 0, what: '' },
  );
  if (flags.help) {
    out.print(BUILD_HELP);
    return 0;
  }
  const shown = (path: string) => shownPath(io.cwd, path);
  const quizzesDir = resolve(io.cwd, stringFlag(flags, 'quizzes') ?? 'quizzes');
  const modulesDir = resolve(io.cwd, stringFlag(flags, 'out-modules') ?? 'src/modules');
  const docsDir = resolve(io.cwd, stringFlag(flags, 'out-docs') ?? 'docs/modules');
  if (!existsSync(quizzesDir)) {
    throw new UsageError(`The quizzes folder "${shown(quizzesDir)}" does not exist`, 'Run quizkit build in a project with a quizzes/ folder, or pass --quizzes <dir>');
  }
  const files = listQuizFiles(quizzesDir);
  const e = out.err;
  if (files.length === 0) out.error(e.yellow(`No module files in ${shown(quizzesDir)}/ (.yaml, .yml, .json)`));

  const progress = (index: number, total: number, file: string) => {
    if (total > PROGRESS_AFTER) out.error(e.dim(`[${index}/${total}] ${printable(file)}`));
  };
  const { loaded, issues } = await loadQuizFiles(files, shown, progress);
  if (issues.length) {
    for (const issue of issues) out.error(`${e.bold(`${printable(issue.file ?? '')}:${issue.line ?? 1}:${issue.column ?? 1}`)}  ${e.yellow(issue.code)}  ${issue.message}`);
    const bad = new Set(issues.map((issue) => issue.file)).size;
    out.error(e.red(`✗ ${bad} of ${files.length} module file${files.length === 1 ? '' : 's'} invalid, ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was written`));
    return 1;
  }

  const generator = generatorFor(modulesDir, io.cwd);
  const diffs: FolderDiff[] = [
    diffFolder(modulesDir, moduleCodeFiles(loaded, shown(quizzesDir), generator), 'code'),
    diffFolder(docsDir, modulePageFiles(loaded, { generator: 'quizkit build' }), 'page'),
  ];
  const changed = diffs.flatMap((diff) => diff.changed.map(([file]) => `${shown(diff.dir)}/${file}`));
  const stale = diffs.flatMap((diff) => diff.stale.map((file) => `${shown(diff.dir)}/${file}`));
  const unchanged = diffs.reduce((count, diff) => count + diff.unchanged, 0);
  const modules = `${loaded.length} module${loaded.length === 1 ? '' : 's'}`;

  if (flags.check) {
    if (changed.length === 0 && stale.length === 0) {
      out.print(`${e.green('✓')} ${modules}: ${diffs.map((diff) => `${shown(diff.dir)}/`).join(' and ')} up to date`);
      return 0;
    }
    for (const file of changed) out.error(`out of date: ${file}`);
    for (const file of stale) out.error(`left over: ${file}`);
    out.error(e.red(`✗ ${changed.length + stale.length} generated file${changed.length + stale.length === 1 ? '' : 's'} out of date. Run: quizkit build`));
    return 1;
  }

  for (const diff of diffs) applyDiff(diff);
  for (const file of changed) out.print(`wrote ${file}`);
  for (const file of stale) out.print(`removed ${file}`);
  out.print(`${modules}; ${changed.length} file${changed.length === 1 ? '' : 's'} written, ${stale.length ? `${stale.length} removed, ` : ''}${unchanged} unchanged`);
  return 0;
}
