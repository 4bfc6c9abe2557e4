import { formatIssue } from '../../node/format.js';
import { checkResponses } from '../../scoring/check-response.js';
import { scoreQuiz } from '../../scoring/score.js';
import { parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output } from '../io.js';
import { chooseQuiz, formatResponseIssues, readJsonFile, requirePath, resolveModule } from '../load.js';
import { scoreReport } from '../report.js';

export const SCORE_HELP = `Usage: quizkit score <module file or id> <responses.json> [--quiz id] [--json]

Scores responses to a quiz with the library's scoreQuiz and prints the
breakdown: per question its status, points earned/possible and the statistic
the rule counted; per learning objective; then the total, percent and the pass
decision.

responses.json maps question ids to responses:
  single-choice    "option-id"
  multiple-choice  ["option-id", …]
  ordering         ["item-id", …]            every item, in order
  matching         { "statement-id": "actor-id" | null, … }

The module is a file, a module id with a file quizzes/<id>.yaml, or a
built-in module (north-korea-china).

Options:
  --quiz <id>  The quiz to score (default: the quiz whose questions the
               responses answer, else the module's first quiz).
  --json       Print the QuizResult as JSON (exact fractions {n, d}).
  -h, --help   Show this help.

Exit status: 0 scored, 1 the module or the responses are invalid (the problems
are printed as file:line:column  code  message on stderr; with --json the
QuizResult, which marks them invalid, is still printed), 2 usage error.

Example:
  quizkit score north-korea-china answers.json --quiz actors-and-events`;

/** `quizkit score`. */
export async function scoreCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand(
    'score',
    args,
    { quiz: { type: 'string' }, json: { type: 'boolean' } },
    { min: 2, max: 2, what: 'a module file (or id) and a responses file' },
  );
  if (flags.help) {
    out.print(SCORE_HELP);
    return 0;
  }
  const [target, responsesPath] = positionals as [string, string];
  requirePath(io.cwd, responsesPath, 'Responses file', 'score');
  const loaded = await resolveModule(io.cwd, target, 'score');
  if (!loaded.ok) {
    for (const issue of loaded.issues) out.error(formatIssue(issue));
    out.error(out.err.red(`✗ ${target} is not a valid module; fix it first (quizkit validate ${target})`));
    return 1;
  }
  const json = await readJsonFile(io.cwd, responsesPath);
  if (json.issues.length) {
    for (const issue of json.issues) out.error(formatIssue(issue));
    return 1;
  }
  const quiz = chooseQuiz(loaded.module, stringFlag(flags, 'quiz'), json.value, 'score');
  // scoreQuiz never throws on learner input: a malformed response scores 0 and is marked invalid.
  const result = scoreQuiz(quiz, json.value as never);
  const checked = checkResponses(quiz, json.value);

  if (flags.json) out.print(JSON.stringify(result, null, 2));
  else for (const line of scoreReport(loaded.module, quiz, result, out.out)) out.print(line);

  if (!checked.ok) {
    for (const line of formatResponseIssues(json, checked.issues)) out.error(line);
    const count = checked.issues.length;
    out.error(out.err.red(`✗ ${count} problem${count === 1 ? '' : 's'} in ${responsesPath}: invalid responses score 0`));
    return 1;
  }
  return 0;
}
