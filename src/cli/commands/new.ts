import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import { parseArticle, renderNewModule } from '../../node/build/index.js';
import { formatIssues } from '../../node/format.js';
import { parseModuleSource } from '../../node/parse-source.js';
import { SAFE_ID } from '../../schema/common.js';
import { LIMITS } from '../../schema/limits.js';
import { parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output, UsageError } from '../io.js';
import { readTextInput, requirePath, schemaReference, shownPath } from '../load.js';

export const NEW_HELP = `Usage: quizkit new module <id> --from <article.md|.txt> [--out file] [--force]

Starts a module file from an article:

  title        the first heading, or the first line when it stands alone
  reading      one section per heading, with a stable kebab-case id made from
               the heading text ("The Road Ahead" → the-road-ahead); the
               paragraphs verbatim. Headings are Markdown #/## headings (the
               shallowest level after the title), or in plain text short lines
               without final punctuation, standing alone before more text.
               Text before the first heading becomes "Introduction".
  source       attribution placeholders, each marked TODO
  quizzes      one quiz with one real placeholder question (which section says
               a sentence quoted from the reading), so the file validates as it
               is, and a commented-out example of every question type, each
               citing a real section and sentence, for you to fill in

The file starts with a yaml-language-server $schema comment, so VS Code (with
the YAML extension) completes and checks it as you type.

Options:
  --from <file>   The article (.md and .markdown are read as Markdown; other
                  files as Markdown when they have # headings, else plain text).
  --out <file>    Where to write the module (default: quizzes/<id>.yaml);
                  - writes it to stdout.
  --force         Overwrite the file if it exists.
  -h, --help      Show this help.

Exit status: 0 written, 2 usage error (bad id, missing article, file exists).

Example:
  quizkit new module north-korea-china --from article.txt
  quizkit validate quizzes/north-korea-china.yaml`;

/** `quizkit new module`. */
export async function newCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand(
    'new',
    args,
    { from: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    { min: 2, max: 2, what: 'what to make and its id: quizkit new module <id> --from <article>' },
  );
  if (flags.help) {
    out.print(NEW_HELP);
    return 0;
  }
  const [kind, id] = positionals as [string, string];
  if (kind !== 'module') throw new UsageError(`quizkit new makes a "module", not "${kind}"`, 'Run: quizkit new module <id> --from <article>');
  if (!SAFE_ID.test(id) || id.length > LIMITS.idLength) {
    throw new UsageError(`"${id}" is not a valid module id`, 'Use letters, digits, "_" and "-", starting with a letter (e.g. north-korea-china)');
  }
  const from = stringFlag(flags, 'from');
  if (from === undefined) throw new UsageError('quizkit new module needs --from <article>', `Run: quizkit new module ${id} --from article.md`);
  const articlePath = requirePath(io.cwd, from, 'Article', 'new');

  const target = stringFlag(flags, 'out') ?? `quizzes/${id}.yaml`;
  const toStdout = target === '-';
  const outPath = toStdout ? undefined : resolve(io.cwd, target);
  if (outPath && existsSync(outPath) && !flags.force) {
    throw new UsageError(`${target} already exists`, 'Pass --force to overwrite it, or --out another file');
  }

  const text = await readTextInput(io.cwd, from, 'Article', 'new');
  const markdown = /^\.(md|markdown)$/i.test(extname(articlePath));
  const article = markdown ? parseArticle(text, 'markdown') : parseArticle(text);
  if (article.sections.length === 0) throw new UsageError(`${from} has no text to make a reading from`, 'Give an article with a title and paragraphs');
  if (article.sections.length > LIMITS.sectionsPerModule) {
    throw new UsageError(
      `${from} has ${article.sections.length} sections; a module holds at most ${LIMITS.sectionsPerModule}`,
      'Split the article into several modules',
    );
  }
  const yaml = renderNewModule(article, { id, from: shownPath(io.cwd, articlePath), schema: schemaReference(io.cwd, outPath) });

  // The promise of `new`: the file validates as it is. A failure here is a bug in quizkit, not the author's.
  const check = parseModuleSource(yaml, { file: target });
  if (!check.success) {
    out.error(formatIssues(check.issues));
    out.error('quizkit new made a module that does not validate: this is a bug in quizkit; please report it with the article.');
    return 1;
  }

  if (toStdout || !outPath) {
    io.stdout.write(yaml);
    return 0;
  }
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, yaml);
  const s = out.out;
  const sections = article.sections.length;
  out.print(`${s.green('✓')} wrote ${shownPath(io.cwd, outPath)}: “${check.data.title}”, ${sections} section${sections === 1 ? '' : 's'} (${article.format === 'markdown' ? 'Markdown' : 'plain text'})`);
  if (article.emptyHeadings.length) out.print(s.yellow(`  left out ${article.emptyHeadings.length} heading(s) with no text after them`));
  out.print(`  Next: fill in the TODOs, write questions, then run: quizkit validate ${shownPath(io.cwd, outPath)}`);
  return 0;
}
