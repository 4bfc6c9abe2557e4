import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { TODO_SOURCE, fromGift } from '../../gift/index.js';
import type { ModuleInput } from '../../schema/types.js';
import { parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output } from '../io.js';
import { readTextInput, schemaReference } from '../load.js';

export const IMPORT_HELP = `Usage: quizkit import <file.gift> [--out module.yaml] [--id module-id] [--title text]

Imports a Moodle GIFT question bank (single and multiple choice, matching,
true/false, and ordering written as {>…}) into a new module file. GIFT has no
reading and no source passages, so the module gets one placeholder section
"todo" and every question cites it: replace them with the real reading and
quotes (quizkit validate shows what is left).

Problems are printed as file:line:column  severity  code  message. Questions
with an error are left out; warnings mark questions to check.

Options:
  --out <file>     Where to write the module (default: stdout).
  --id <id>        The module id (default: imported).
  --title <text>   The module and quiz title (default: Imported from GIFT).
  -h, --help       Show this help.

Exit status: 0 imported, 1 some question could not be imported, 2 usage error.`;

/** `quizkit import`. */
export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand(
    'import',
    args,
    { out: { type: 'string' }, id: { type: 'string' }, title: { type: 'string' } },
    { min: 1, max: 1, what: 'a GIFT file' },
  );
  if (flags.help) {
    out.print(IMPORT_HELP);
    return 0;
  }
  const [file] = positionals as [string];
  const text = await readTextInput(io.cwd, file, 'GIFT file', 'import');
  const title = stringFlag(flags, 'title') ?? 'Imported from GIFT';
  const { quizzes, issues } = fromGift(text, { quizTitle: title });
  for (const issue of issues) out.error(`${file}:${issue.line}:${issue.column}  ${issue.severity}  ${issue.code}  ${issue.message}`);

  // GIFT tags become question objectives; declare each so the module validates.
  const objectiveIds = [...new Set(quizzes.flatMap((quiz) => quiz.questions.flatMap((question) => question.objectives ?? [])))];
  const module: ModuleInput = {
    id: stringFlag(flags, 'id') ?? 'imported',
    title,
    source: { title: `TODO: the title of the reading (imported from ${file})`, attribution: 'TODO: credit the source of the reading.' },
    reading: [{ id: TODO_SOURCE.section, heading: 'TODO: the reading', text: TODO_SOURCE.quote }],
    objectives: objectiveIds.map((id) => ({ id, text: `TODO: describe the objective "${id}" (a GIFT tag)` })),
    quizzes,
  };
  const path = stringFlag(flags, 'out');
  const schema = schemaReference(io.cwd, path === undefined ? undefined : resolve(io.cwd, path));
  const yaml = `# yaml-language-server: $schema=${schema}\n# Imported by quizkit import from ${file}: replace every TODO.\n${stringify(module, { lineWidth: 0 })}`;
  if (quizzes.length === 0) {
    out.error(`${file}: no question could be imported${path ? `; ${path} was not written` : ''}`);
    return 1;
  }
  if (path) writeFileSync(resolve(io.cwd, path), yaml);
  else out.print(yaml.replace(/\n$/, ''));
  return issues.some((issue) => issue.severity === 'error') ? 1 : 0;
}
