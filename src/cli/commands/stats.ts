import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { addToItemAnalysis, createItemAnalysis, itemAnalysis, type Stat } from '../../analytics/index.js';
import { safeParseAttempt } from '../../attempts/index.js';
import { formatIssue } from '../../node/format.js';
import { parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output, printable } from '../io.js';
import { chooseQuiz, requirePath, resolveModule } from '../load.js';

export const STATS_HELP = `Usage: quizkit stats <module file or id> <attempts.jsonl…> [--quiz id] [--json]

Item analysis of submitted attempts, as Moodle's quiz statistics report:
for the quiz, attempts, mean, median, standard deviation, skewness,
kurtosis, Cronbach's alpha, error ratio and standard error; for each
question, facility, standard deviation, intended and effective weight,
discrimination index and discriminative efficiency; for each option, how
often it was chosen by the bottom and top thirds of attempts.

The attempts files hold one saved attempt per line (serializeAttempt's
text, as quizkit serve stores them). They are read as a stream: memory grows
with questions and distinct scores, not with attempts. Attempts in progress
are left out; attempts of another quiz, or of another version of this quiz
(its content hash differs), are counted apart and never mixed in; lines that
are not saved attempts are reported as file:line.

Options:
  --quiz <id>   The quiz (default: the module's first).
  --json        Print the report as JSON instead of a table.
  -h, --help    Show this help.

Exit status: 0 report written, 1 invalid module or a line that is not a
saved attempt, 2 usage error.

Definitions and their Moodle sources: docs/analytics.md.

Example:
  quizkit stats north-korea-china attempts.jsonl`;

const show = (stat: Stat | null, digits = 2) => (stat === null ? '—' : stat.value.toFixed(digits));

/** `quizkit stats`. */
export async function statsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand('stats', args, { quiz: { type: 'string' }, json: { type: 'boolean' } }, { min: 2, max: Infinity, what: 'a module and at least one attempts file' });
  if (flags.help) {
    out.print(STATS_HELP);
    return 0;
  }
  const [target, ...files] = positionals as [string, ...string[]];
  const loaded = await resolveModule(io.cwd, target, 'stats');
  if (!loaded.ok) {
    for (const issue of loaded.issues) out.error(formatIssue(issue));
    return 1;
  }
  const quiz = chooseQuiz(loaded.module, stringFlag(flags, 'quiz'), undefined, 'stats');
  const paths = files.map((file) => requirePath(io.cwd, file, 'Attempts file', 'stats'));
  const state = createItemAnalysis(quiz);
  const apart = { inProgress: 0, otherQuiz: 0, otherVersion: 0 };
  const bad: string[] = [];
  for (const [index, path] of paths.entries()) {
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    let number = 0;
    for await (const line of lines) {
      number += 1;
      if (line.trim() === '') continue;
      const parsed = safeParseAttempt(line, { quiz });
      if (!parsed.success) {
        if (parsed.error.code === 'wrong_quiz') apart.otherQuiz += 1;
        else if (parsed.error.code === 'quiz_changed') apart.otherVersion += 1;
        else bad.push(`${printable(files[index]!)}:${number}  ${parsed.error.code}  ${parsed.error.message}`);
        continue;
      }
      if (parsed.attempt.status !== 'submitted') apart.inProgress += 1;
      else addToItemAnalysis(state, parsed.attempt.result);
    }
  }
  for (const line of bad.slice(0, 10)) out.error(line);
  if (bad.length > 10) out.error(`… and ${bad.length - 10} more lines that are not saved attempts`);
  const report = itemAnalysis(state);
  if (flags.json) {
    out.print(JSON.stringify({ ...report, leftOut: { ...apart, unreadable: bad.length } }, null, 2));
    return bad.length ? 1 : 0;
  }
  const s = out.out;
  out.print(s.bold(`Item analysis: ${quiz.title} (${quiz.id}), ${report.attempts} submitted attempt${report.attempts === 1 ? '' : 's'}`));
  const left = Object.entries(apart).filter(([, n]) => n > 0).map(([why, n]) => `${n} ${why === 'inProgress' ? 'in progress' : why === 'otherQuiz' ? 'of another quiz' : 'of another version of this quiz'}`);
  if (left.length) out.print(s.dim(`Left out: ${left.join(', ')}`));
  out.print(
    `mean ${show(report.mean)} · median ${show(report.median)} · sd ${show(report.sd)} · skewness ${show(report.skewness)} · kurtosis ${show(report.kurtosis)} · ` +
      `α ${show(report.cronbachAlpha)}% · error ratio ${show(report.errorRatio)}% · standard error ${show(report.standardError)}`,
  );
  out.print('');
  out.print('question                              facility    sd   weight  effective  discrimination  efficiency');
  for (const q of report.questions) {
    out.print(
      `${q.questionId.padEnd(36).slice(0, 36)}  ${show(q.facility, 1).padStart(8)}  ${show(q.sd, 1).padStart(5)}  ${show(q.intendedWeight, 1).padStart(6)}  ${show(q.effectiveWeight, 1).padStart(9)}  ${show(q.discriminationIndex, 1).padStart(14)}  ${show(q.discriminativeEfficiency, 1).padStart(10)}`,
    );
    for (const option of q.options.filter((o) => o.strongerChoose)) {
      out.print(s.yellow(`    option ${option.optionId}: chosen more by the top third (${show(option.topThird, 2)}) than the bottom third (${show(option.bottomThird, 2)})`));
    }
  }
  return bad.length ? 1 : 0;
}
