import type { QuizIssue } from '../../errors/quiz-validation-error.js';
import { parseCommand } from '../args.js';
import { type CliIo, Output, printable } from '../io.js';
import { checkModuleAt } from '../load.js';
import { type Unreadable, moduleFilesNamed } from '../module-files.js';

export const VALIDATE_HELP = `Usage: quizkit validate <files or folders…> [--strict] [--json]

Checks module files (.yaml, .yml, .json) and reports every problem of every
file at once, one per line:

  file:line:column  code  message

A valid file may still hold placeholders: texts with the word TODO, as
quizkit new, quizkit import and quizkit draft write them. Each is a warning
(code todo_placeholder) at its place; --strict makes them errors.

A folder is searched recursively for .yaml, .yml and .json files (skipping
node_modules and hidden folders); a file named explicitly is checked whatever
its extension. Symlinks are followed, to files and folders (each folder is
searched once, so a link back up does not loop).

Options:
  --strict     Treat warnings (placeholders left) as errors: exit 1.
  --json       Print a machine-readable report instead:
               { "valid", "files": [{ "file", "valid", "issues": [...], "warnings": [...] }],
                 "unreadable": [{ "file", "reason" }], "summary" }
  -h, --help   Show this help.

Exit status: 0 all files valid (warnings allowed unless --strict), 1 some
file invalid, or some warning under --strict, 2 usage error or
unreadable input: no arguments, a path that does not exist, a broken symlink
or a symlink loop, a FIFO, socket or device (refused without opening it), a
folder without module files, a file or folder that cannot be read. Paths that
cannot be read are listed on stderr after the problems of the files that
could, as "cannot read "path": reason".

Examples:
  quizkit validate quizzes/
  quizkit validate quizzes/ --strict
  quizkit validate quizzes/north-korea-china.yaml --json`;


/** `quizkit validate`. */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand('validate', args, { json: { type: 'boolean' }, strict: { type: 'boolean' } }, { min: 1, max: Infinity, what: 'at least one file or folder' });
  if (flags.help) {
    out.print(VALIDATE_HELP);
    return 0;
  }

  const unreadable: Unreadable[] = [];
  const unique = moduleFilesNamed(io.cwd, positionals, 'validate', unreadable);

  const reports: { file: string; valid: boolean; issues: readonly QuizIssue[]; warnings: readonly QuizIssue[] }[] = [];
  for (const file of unique) {
    const result = await checkModuleAt(io.cwd, file);
    if (!result.ok && 'unreadable' in result) unreadable.push({ file, reason: result.unreadable });
    else reports.push(result.ok ? { file, valid: true, issues: [], warnings: result.warnings } : { file, valid: false, issues: result.issues, warnings: [] });
  }
  const invalid = reports.filter((report) => !report.valid);
  const issueCount = invalid.reduce((count, report) => count + report.issues.length, 0);
  const warningCount = reports.reduce((count, report) => count + report.warnings.length, 0);
  const failsStrict = flags.strict === true && warningCount > 0;
  // Unreadable input outweighs invalid input: the run did not see everything it was asked to check.
  const status = unreadable.length ? 2 : invalid.length || failsStrict ? 1 : 0;

  if (flags.json) {
    const summary = { files: reports.length, invalid: invalid.length, issues: issueCount, warnings: warningCount, unreadable: unreadable.length };
    out.print(JSON.stringify({ valid: status === 0, files: reports, unreadable, summary }, null, 2));
    return status;
  }

  const s = out.out;
  for (const report of reports) {
    for (const issue of report.issues) {
      out.print(`${s.bold(`${printable(issue.file ?? '')}:${issue.line ?? 1}:${issue.column ?? 1}`)}  ${s.yellow(issue.code)}  ${issue.message}`);
    }
    for (const warning of report.warnings) {
      out.print(`${s.bold(`${printable(warning.file ?? '')}:${warning.line ?? 1}:${warning.column ?? 1}`)}  ${s.dim(`warning ${warning.code}`)}  ${warning.message}`);
    }
  }
  const warned = warningCount ? `, ${warningCount} warning${warningCount === 1 ? '' : 's'} (placeholders left)` : '';
  const e = out.err;
  for (const { file, reason } of unreadable) out.error(`${e.red('quizkit:')} cannot read "${printable(file)}": ${reason}`);
  const files_ = `${reports.length} file${reports.length === 1 ? '' : 's'}`;
  if (unreadable.length) {
    const checked = invalid.length
      ? `${invalid.length} of the ${files_} read invalid`
      : reports.length
        ? `the ${files_} read ${reports.length === 1 ? 'is' : 'are'} valid`
        : 'no file was read';
    out.error(e.red(`✗ ${unreadable.length} path${unreadable.length === 1 ? '' : 's'} could not be read; ${checked}`));
    return status;
  }
  if (invalid.length === 0) {
    if (failsStrict) out.error(e.red(`✗ ${files_} valid${warned}: --strict refuses them`));
    else out.error(e.green(`✓ ${files_} valid${warned}`));
    return status;
  }
  out.error(e.red(`✗ ${invalid.length} of ${files_} invalid, ${issueCount} problem${issueCount === 1 ? '' : 's'}${warned}`));
  return 1;
}
