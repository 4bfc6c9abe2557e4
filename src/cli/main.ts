import { buildCommand, BUILD_HELP } from './commands/build.js';
import { draftCommand, DRAFT_HELP } from './commands/draft.js';
import { newCommand, NEW_HELP } from './commands/new.js';
import { playCommand, PLAY_HELP } from './commands/play.js';
import { previewCommand, PREVIEW_HELP } from './commands/preview.js';
import { exportCommand, EXPORT_HELP } from './commands/export.js';
import { importCommand, IMPORT_HELP } from './commands/import.js';
import { lintCommand, LINT_HELP } from './commands/lint.js';
import { scoreCommand, SCORE_HELP } from './commands/score.js';
import { serveCommand, SERVE_HELP } from './commands/serve.js';
import { statsCommand, STATS_HELP } from './commands/stats.js';
import { validateCommand, VALIDATE_HELP } from './commands/validate.js';
import { closest } from './suggest.js';
import { type CliIo, Output, UsageError } from './io.js';

export type { CliIo } from './io.js';

export const HELP = `quizkit: the authors' tools for quizkit learning modules

Usage: quizkit <command> [options]

Commands:
  new module <id> --from <article>   start a module file from an article
  draft <article>                    draft grounded questions from an article, for review
  validate <files or folders…>       report every problem as file:line:column  code  message
  lint [files or folders…]           item-writing warnings (clues, cueing, hidden penalties); --strict fails on any
  play <module file or id>           take a quiz in the terminal, then see the scored result
  score <module> <responses.json>    score responses: the breakdown, or --json
  build                              validate quizzes/, write the typed module code and docs pages
  preview <module file>              take a module's quizzes in the browser; re-validated on each reload
  serve <module files or folders…>   run exam mode for learners: the exam API, attempts in SQLite, the player
  export <module> --format <f>       QTI 3.0, GIFT, Moodle XML or xAPI activity definitions
  import <file.gift>                 a new module file from a Moodle GIFT question bank
  stats <module> <attempts.jsonl…>   item analysis of saved attempts: facility, discrimination, α, …

Run quizkit <command> --help for a command's options.

Options:
  -h, --help      Show this help.
  -v, --version   Show the version.

Exit status: 0 success, 1 invalid input (a module or responses), 2 usage error.`;

const COMMANDS: Record<string, { run: (args: readonly string[], io: CliIo) => Promise<number>; help: string }> = {
  new: { run: newCommand, help: NEW_HELP },
  draft: { run: draftCommand, help: DRAFT_HELP },
  validate: { run: validateCommand, help: VALIDATE_HELP },
  lint: { run: lintCommand, help: LINT_HELP },
  play: { run: playCommand, help: PLAY_HELP },
  score: { run: scoreCommand, help: SCORE_HELP },
  build: { run: buildCommand, help: BUILD_HELP },
  preview: { run: previewCommand, help: PREVIEW_HELP },
  serve: { run: serveCommand, help: SERVE_HELP },
  export: { run: exportCommand, help: EXPORT_HELP },
  import: { run: importCommand, help: IMPORT_HELP },
  stats: { run: statsCommand, help: STATS_HELP },
};

/** The package version, filled in by the bundler; `dev` when run from the sources. */
declare const __QUIZKIT_VERSION__: string | undefined;
const VERSION = typeof __QUIZKIT_VERSION__ === 'string' ? __QUIZKIT_VERSION__ : 'dev';

/** The I/O of the running process. */
export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, now: () => Date.now() };
}

/**
 * Runs the quizkit CLI: `argv` without the node and script paths. Everything
 * it reads and writes goes through `io`, so tests can run it in-process.
 *
 * @param argv The arguments, e.g. `['validate', 'quizzes/']`.
 * @param io The streams, working directory, environment and clock (default: the process's).
 *
 * @returns The exit status: 0 success, 1 invalid input, 2 usage error, 130 interrupted.
 */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = { ...processIo(), ...io };
  const out = new Output(full);
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      if (topic !== undefined) {
        const entry = COMMANDS[topic];
        if (!entry) throw new UsageError(`Unknown command "${topic}"`, 'Run: quizkit --help');
        out.print(entry.help);
        return 0;
      }
      if (command === undefined) throw new UsageError('No command given', `Run: quizkit --help (commands: ${Object.keys(COMMANDS).join(', ')})`);
      out.print(HELP);
      return 0;
    }
    if (command === '-v' || command === '--version') {
      out.print(VERSION);
      return 0;
    }
    const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!entry) {
      const guess = command.startsWith('-') ? undefined : closest(command, Object.keys(COMMANDS));
      const hint = command.startsWith('-') ? 'Options come after the command. Run: quizkit --help' : guess ? `Did you mean quizkit ${guess}? Run: quizkit --help` : 'Run: quizkit --help';
      throw new UsageError(`Unknown command "${command}"`, hint);
    }
    return await entry.run(rest, full);
  } catch (error) {
    if (error instanceof UsageError) {
      const e = out.err;
      out.error(`${e.red('quizkit:')} ${error.message}`);
      if (error.hint) out.error(e.dim(error.hint));
      return 2;
    }
    throw error;
  }
}
