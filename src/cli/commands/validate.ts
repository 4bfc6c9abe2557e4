import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { QuizIssue } from '../../errors/quiz-validation-error.js';
import { parseCommand } from '../args.js';
import { type CliIo, Output, printable, UsageError } from '../io.js';
import { loadModuleAt, requirePath } from '../load.js';
import { QUIZ_FILE } from '../generate.js';

export const VALIDATE_HELP = `Usage: quizkit validate <files or folders…> [--json]

Checks module files (.yaml, .yml, .json) and reports every problem of every
file at once, one per line:

  file:line:column  code  message

A folder is searched recursively for .yaml, .yml and .json files (skipping
node_modules and hidden folders); a file named explicitly is checked whatever
its extension.

Options:
  --json       Print a machine-readable report instead:
               { "valid", "files": [{ "file", "valid", "issues": [...] }], "summary" }
  -h, --help   Show this help.

Exit status: 0 all files valid, 1 some file invalid, 2 usage error
(no arguments, a path that does not exist, a folder without module files).

Examples:
  quizkit validate quizzes/
  quizkit validate quizzes/north-korea-china.yaml --json`;

/** Every module file under a folder, depth first, sorted by name at each level. */
function filesUnder(dir: string, shown: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    const label = shown === '.' ? entry.name : `${shown.replace(/\/+$/, '')}/${entry.name}`;
    if (entry.isDirectory()) found.push(...filesUnder(path, label));
    else if (entry.isFile() && QUIZ_FILE.test(entry.name)) found.push(label);
  }
  return found;
}

/** `quizkit validate`. */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand('validate', args, { json: { type: 'boolean' } }, { min: 1, max: Infinity, what: 'at least one file or folder' });
  if (flags.help) {
    out.print(VALIDATE_HELP);
    return 0;
  }

  const files: string[] = [];
  for (const target of positionals) {
    const absolute = requirePath(io.cwd, target, 'Path', 'validate');
    if (statSync(absolute).isDirectory()) {
      const inside = filesUnder(absolute, target);
      if (inside.length === 0) throw new UsageError(`No .yaml, .yml or .json files in folder "${target}"`, 'Give module files or a folder that holds some');
      files.push(...inside);
    } else {
      files.push(target);
    }
  }
  const unique = [...new Set(files.map((file) => resolve(io.cwd, file)))].map((path) => files.find((file) => resolve(io.cwd, file) === path)!);

  const reports: { file: string; valid: boolean; issues: readonly QuizIssue[] }[] = [];
  for (const file of unique) {
    const result = await loadModuleAt(io.cwd, file);
    reports.push({ file, valid: result.ok, issues: result.ok ? [] : result.issues });
  }
  const invalid = reports.filter((report) => !report.valid);
  const issueCount = invalid.reduce((count, report) => count + report.issues.length, 0);

  if (flags.json) {
    const summary = { files: reports.length, invalid: invalid.length, issues: issueCount };
    out.print(JSON.stringify({ valid: invalid.length === 0, files: reports, summary }, null, 2));
    return invalid.length ? 1 : 0;
  }

  const s = out.out;
  for (const report of invalid) {
    for (const issue of report.issues) {
      out.print(`${s.bold(`${printable(issue.file ?? '')}:${issue.line ?? 1}:${issue.column ?? 1}`)}  ${s.yellow(issue.code)}  ${issue.message}`);
    }
  }
  const e = out.err;
  const files_ = `${reports.length} file${reports.length === 1 ? '' : 's'}`;
  if (invalid.length === 0) {
    out.error(e.green(`✓ ${files_} valid`));
    return 0;
  }
  out.error(
    e.red(`✗ ${invalid.length} of ${files_} invalid, ${issueCount} problem${issueCount === 1 ? '' : 's'}`),
  );
  return 1;
}
