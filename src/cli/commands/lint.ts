import { resolve } from 'node:path';
import type { QuizIssue } from '../../errors/quiz-validation-error.js';
import { parseFraction } from '../../fraction/fraction.js';
import { type LintedFile, lintModuleSet } from '../../node/lint/run.js';
import { tooLargeMessage } from '../../node/limits.js';
import { parseModuleBytes } from '../../node/load.js';
import { readModuleFileBytes } from '../../node/read-file.js';
import { parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output, printable, UsageError } from '../io.js';
import { ioReason, notAFile } from '../load.js';
import { type Unreadable, moduleFilesNamed } from '../module-files.js';

export const LINT_HELP = `Usage: quizkit lint [files or folders…] [--strict] [--json] [--wrong-tick-threshold <share>]

Checks module files for item-writing problems that validation cannot see: a
key that gives itself away (longest option, absolute words only in the
distractors), options that refer to each other or repeat each other, one
question answering another of the same quiz, penalties the learner is not
told about, partial credit for a wrong tick, two-item orderings, options the
stem rules out, two files with the same module id. One warning per line:

  file:line:column  rule-id  message. Why: … See docs/authoring.md#rule-id

Without arguments, lints quizzes/. Folders are searched as by validate. A
file that is not a valid module is reported as validate reports it, and not
linted. Turn a rule off for a module or a question with
  lint: { ignore: [rule-id] }
and say why in a comment beside it (docs/authoring.md#lint-rules).

Options:
  --strict                      Exit 1 when there is any warning.
  --json                        Print { "files": [{ "file", "valid", "issues", "warnings" }],
                                "unreadable", "summary" } instead.
  --wrong-tick-threshold <f>    The most one wrong tick alone may earn in a
                                multiple-choice question (rule wrong-tick-credit),
                                as a share such as 1/3 or 0.25 (default 1/3).
  -h, --help                    Show this help.

Exit status: 0 no invalid file (warnings allowed, unless --strict), 1 some
file invalid, or --strict and some warning, 2 usage error or unreadable
input (as for validate).

Examples:
  quizkit lint
  quizkit lint --strict quizzes/north-korea-china.yaml`;

/** A file's text, its issues when it cannot even be decoded, or why it cannot be read. */
async function readText(cwd: string, file: string): Promise<{ text: string } | { issues: readonly QuizIssue[] } | { unreadable: string }> {
  const read = await readModuleFileBytes(resolve(cwd, file));
  if (!read.ok && 'error' in read) {
    const kind = read.error.code === 'EINVAL' || read.error.code === 'EISDIR' ? notAFile(resolve(cwd, file)) : undefined;
    return { unreadable: kind ? `it is ${kind}, not a module file` : ioReason(read.error) };
  }
  if (!read.ok) return { issues: [{ code: 'limit_exceeded', path: [], message: tooLargeMessage(read.tooLarge), file, line: 1, column: 1 }] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) };
  } catch {
    // Not UTF-8: the loader's own issue says where.
    const result = parseModuleBytes(read.bytes, file);
    return { issues: result.success ? [] : result.issues };
  }
}

/** `quizkit lint`. */
export async function lintCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand(
    'lint',
    args,
    { strict: { type: 'boolean' }, json: { type: 'boolean' }, 'wrong-tick-threshold': { type: 'string' } },
    { min: 0, max: Infinity, what: 'files or folders' },
  );
  if (flags.help) {
    out.print(LINT_HELP);
    return 0;
  }
  const thresholdText = stringFlag(flags, 'wrong-tick-threshold');
  const threshold = thresholdText === undefined ? undefined : parseFraction(thresholdText);
  if (thresholdText !== undefined && (!threshold || threshold.n < 0 || threshold.n > threshold.d)) {
    throw new UsageError(`--wrong-tick-threshold must be a share from 0 to 1, such as 1/3 or 0.25 (found "${thresholdText}")`, 'Run: quizkit lint --help');
  }

  const unreadable: Unreadable[] = [];
  const files = moduleFilesNamed(io.cwd, positionals.length > 0 ? positionals : ['quizzes'], 'lint', unreadable);
  const texts: { file: string; text: string }[] = [];
  const undecodable: LintedFile[] = [];
  for (const file of files) {
    const read = await readText(io.cwd, file);
    if ('unreadable' in read) unreadable.push({ file, reason: read.unreadable });
    else if ('issues' in read) undecodable.push({ file, success: false, issues: read.issues as [QuizIssue, ...QuizIssue[]] });
    else texts.push({ file, text: read.text });
  }
  const linted = [...lintModuleSet(texts, threshold ? { wrongTickThreshold: threshold } : {}), ...undecodable];
  const order = new Map(files.map((file, index) => [file, index]));
  linted.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));

  const invalid = linted.filter((entry) => !entry.success);
  const warningCount = linted.reduce((count, entry) => count + (entry.success ? entry.warnings.length : 0), 0);
  const issueCount = invalid.reduce((count, entry) => count + (entry.success ? 0 : entry.issues.length), 0);
  const status = unreadable.length ? 2 : invalid.length || (flags.strict && warningCount > 0) ? 1 : 0;

  if (flags.json) {
    const reports = linted.map((entry) =>
      entry.success
        ? { file: entry.file, valid: true, issues: [], warnings: entry.warnings }
        : { file: entry.file, valid: false, issues: entry.issues, warnings: [] },
    );
    const summary = { files: linted.length, invalid: invalid.length, issues: issueCount, warnings: warningCount, unreadable: unreadable.length };
    out.print(JSON.stringify({ files: reports, unreadable, summary }, null, 2));
    return status;
  }

  const s = out.out;
  for (const entry of linted) {
    if (!entry.success) {
      for (const issue of entry.issues) {
        out.print(`${s.bold(`${printable(issue.file ?? entry.file)}:${issue.line ?? 1}:${issue.column ?? 1}`)}  ${s.red(issue.code)}  ${issue.message}`);
      }
      continue;
    }
    for (const warning of entry.warnings) {
      out.print(
        `${s.bold(`${printable(entry.file)}:${warning.line ?? 1}:${warning.column ?? 1}`)}  ${s.yellow(warning.rule)}  ${warning.message}. ${s.dim(`Why: ${warning.why} See ${warning.docs}`)}`,
      );
    }
  }
  const e = out.err;
  for (const { file, reason } of unreadable) out.error(`${e.red('quizkit:')} cannot read "${printable(file)}": ${reason}`);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const summary = `${plural(linted.length, 'file')}: ${plural(warningCount, 'warning')}${invalid.length ? `, ${invalid.length} invalid (${plural(issueCount, 'problem')})` : ''}${unreadable.length ? `, ${plural(unreadable.length, 'path')} could not be read` : ''}`;
  if (status === 0 && warningCount === 0) out.error(e.green(`✓ ${summary}`));
  else if (status === 0) out.error(e.yellow(`! ${summary} (use --strict to fail on warnings)`));
  else out.error(e.red(`✗ ${summary}`));
  return status;
}
