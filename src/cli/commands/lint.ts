import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintModule, type LintWarning } from '../../node/lint/lint.js';
import { formatIssue } from '../../node/format.js';
import { parseCommand } from '../args.js';
import { type CliIo, Output, printable } from '../io.js';
import { checkModuleAt } from '../load.js';
import { type Unreadable, moduleFilesNamed } from '../module-files.js';

export const LINT_HELP = `Usage: quizkit lint [files or folders…] [--strict] [--json]

Item-writing checks on valid module files, one warning per line:

  file:line:column  warning <rule>  message

The rules (docs/authoring.md, "Lint rules"): longest-key,
all-none-of-the-above, absolute-words, duplicate-options, two-item-ordering,
unstated-negative-marking, generous-every-decision-counts, cross-item-cue,
placeholder, and duplicate-module-id across the files checked. Skip a rule
for a module or a question with lint: { ignore: [rule] } (say why in a
comment beside it). Files that are not valid are reported as quizkit
validate reports them, and not linted.

With no path, lints quizzes/.

Options:
  --strict     Exit 1 on any warning.
  --json       Print { "files": [{ "file", "warnings": [...] }], "invalid": [...] }.
  -h, --help   Show this help.

Exit status: 0 no warning (or warnings without --strict), 1 a file invalid,
or a warning under --strict, 2 usage error or unreadable input.

Example:
  quizkit lint quizzes/ --strict`;

/** `quizkit lint`. */
export async function lintCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand('lint', args, { strict: { type: 'boolean' }, json: { type: 'boolean' } }, { min: 0, max: Infinity, what: 'files or folders' });
  if (flags.help) {
    out.print(LINT_HELP);
    return 0;
  }
  const unreadable: Unreadable[] = [];
  const files = moduleFilesNamed(io.cwd, positionals.length ? positionals : ['quizzes'], 'lint', unreadable);
  const reports: { file: string; warnings: LintWarning[] }[] = [];
  const invalid: string[] = [];
  const owners = new Map<string, string>();
  for (const file of files) {
    const checked = await checkModuleAt(io.cwd, file);
    if (!checked.ok) {
      if ('unreadable' in checked) unreadable.push({ file, reason: checked.unreadable });
      else {
        invalid.push(file);
        for (const issue of checked.issues) out.error(formatIssue(issue));
      }
      continue;
    }
    const warnings = lintModule(checked.module, { file, text: readFileSync(resolve(io.cwd, file), 'utf8') });
    const owner = owners.get(checked.module.id);
    if (owner) {
      warnings.push({ code: 'duplicate-module-id', path: ['id'], message: `Module id "${checked.module.id}" is also the id of ${owner}`, why: 'Two modules with one id overwrite each other when built and share xAPI activity ids.', docs: 'docs/authoring.md#lint-rules', file, line: 1, column: 1 });
    } else owners.set(checked.module.id, file);
    reports.push({ file, warnings });
  }
  for (const { file, reason } of unreadable) out.error(`quizkit: cannot read "${printable(file)}": ${reason}`);
  const count = reports.reduce((sum, report) => sum + report.warnings.length, 0);
  const status = unreadable.length ? 2 : invalid.length || (flags.strict && count > 0) ? 1 : 0;
  if (flags.json) {
    out.print(JSON.stringify({ files: reports, invalid, unreadable }, null, 2));
    return status;
  }
  const s = out.out;
  for (const report of reports) {
    for (const w of report.warnings) out.print(`${s.bold(`${printable(w.file ?? report.file)}:${w.line ?? 1}:${w.column ?? 1}`)}  ${s.yellow(`warning ${w.code}`)}  ${w.message}`);
  }
  const summary = `${reports.length} file${reports.length === 1 ? '' : 's'} linted, ${count} warning${count === 1 ? '' : 's'}${invalid.length ? `, ${invalid.length} invalid (run quizkit validate)` : ''}`;
  out.error(status === 0 ? out.err.green(`✓ ${summary}`) : out.err.red(`✗ ${summary}`));
  return status;
}
