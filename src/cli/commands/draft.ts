import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { draftModule, formatDraftReport } from '../../draft/index.js';
import { formatIssues } from '../../node/format.js';
import { parseModuleSource } from '../../node/parse-source.js';
import { SAFE_ID } from '../../schema/common.js';
import { LIMITS } from '../../schema/limits.js';
import { parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output, UsageError } from '../io.js';
import { readTextInput, requirePath, shownPath } from '../load.js';

export const DRAFT_HELP = `Usage: quizkit draft <article.md|.txt> [--id <id>] [--out file.yaml] [--report] [--force]

Drafts a module of questions from an article, for you to review: the reading
(one section per heading, as quizkit new module splits it) and questions
grounded in it:

  matching         who said what, from attribution sentences; a reporter
                   ("Chinese media confirmed X’s declaration") is kept apart
                   from the speaker
  ordering         only over events the text orders in words (after, before,
                   follows, commemorating, recent, next month, …), each
                   adjacent pair fixed; pairs it leaves open are listed as
                   comments ("X and Y: order not stated")
  choice           who took part, where, what was commemorated, and what the
                   text reports vs what it calls expected or possible

Every question quotes its section verbatim, and its explanation starts with
"TODO(draft):", which quizkit validate reports until you delete it.

Options:
  --id <id>       The module id (default: made from the title).
  --out <file>    Where to write the module (default: stdout).
  --report        Print what was found (entities, attributions, temporal cues,
                  the partial order, orders not stated) instead of the module.
  --force         Overwrite --out if it exists.
  -h, --help      Show this help.

Exit status: 0 written, 2 usage error.

Example:
  quizkit draft article.txt --id north-korea-china --out quizzes/north-korea-china.yaml`;

/** `quizkit draft`. */
export async function draftCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand(
    'draft',
    args,
    { id: { type: 'string' }, out: { type: 'string' }, report: { type: 'boolean' }, force: { type: 'boolean' } },
    { min: 1, max: 1, what: 'the article: quizkit draft <article.md|.txt>' },
  );
  if (flags.help) {
    out.print(DRAFT_HELP);
    return 0;
  }
  const [from] = positionals as [string];
  const id = stringFlag(flags, 'id');
  if (id !== undefined && (!SAFE_ID.test(id) || id.length > LIMITS.idLength)) {
    throw new UsageError(`"${id}" is not a valid module id`, 'Use letters, digits, "_" and "-", starting with a letter (e.g. north-korea-china)');
  }
  const articlePath = requirePath(io.cwd, from, 'Article', 'draft');
  const target = stringFlag(flags, 'out');
  const outPath = target === undefined || target === '-' ? undefined : resolve(io.cwd, target);
  if (outPath && existsSync(outPath) && !flags.force) throw new UsageError(`${target} already exists`, 'Pass --force to overwrite it, or --out another file');
  const text = await readTextInput(io.cwd, from, 'Article', 'draft');
  const markdown = /^\.(md|markdown)$/i.test(extname(articlePath));
  let draft;
  try {
    draft = await draftModule(text, { ...(id ? { id } : {}), from: shownPath(io.cwd, articlePath), ...(markdown ? { format: 'markdown' as const } : {}) });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`${from}: ${error.message}`, 'Give an article with a title and paragraphs');
    throw error;
  }
  if (flags.report) {
    io.stdout.write(formatDraftReport(draft.findings));
    return 0;
  }
  // The promise of `draft`: the file validates as it is (its TODO markers aside).
  const check = parseModuleSource(draft.yaml, { file: target ?? 'draft.yaml' });
  if (!check.success) {
    out.error(formatIssues(check.issues));
    out.error('quizkit draft made a module that does not validate: this is a bug in quizkit; please report it with the article.');
    return 1;
  }
  if (!outPath) {
    io.stdout.write(draft.yaml);
    return 0;
  }
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, draft.yaml);
  out.print(`✓ wrote ${shownPath(io.cwd, outPath)}: ${draft.questions.length} drafted question(s), each marked TODO(draft):`);
  return 0;
}
