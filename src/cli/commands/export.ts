import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { formatIssue } from '../../node/format.js';
import { exportGift, exportMoodleXml } from '../../gift/index.js';
import { qtiScoring, toQtiFiles, toQtiZip } from '../../qti/index.js';
import { xapiActivityDefinitions } from '../../xapi/index.js';
import { type Flags, parseCommand, stringFlag } from '../args.js';
import { type CliIo, Output, printable, UsageError } from '../io.js';
import { type AnyModule, resolveModule } from '../load.js';

export const EXPORT_HELP = `Usage: quizkit export <module file or id> --format <format> [--out path] [options]

Exports a module for another e-learning system. Formats:
  qti               a QTI 3.0 content package: --out <file.zip> or --out <folder>
  gift              Moodle's GIFT text (ordering questions have no GIFT form and are skipped)
  moodle-xml        Moodle XML, every question type
  xapi-definitions  the xAPI activity definitions of every quiz and question (needs --activity-base)

Whatever a format cannot carry exactly is listed on stderr, one line per question.
Every format except xapi-definitions' statements contains the answer key.

Options:
  --format <f>           One of the formats above (required).
  --out <path>           Where to write; stdout when left out (not for qti).
  --quiz <id>            Export one quiz instead of the whole module.
  --activity-base <iri>  xapi-definitions: the IRI under which quiz and question activities live.
  --language <tag>       xapi-definitions and qti: the language of the texts (default en).
  -h, --help             Show this help.

Exit status: 0 exported, 1 the module is invalid, 2 usage error.

Examples:
  quizkit export north-korea-china --format qti --out north-korea-china.zip
  quizkit export quizzes/my-article.yaml --format gift --out my-article.gift`;

const FORMATS = ['qti', 'gift', 'moodle-xml', 'xapi-definitions'] as const;
type Format = (typeof FORMATS)[number];

/** A file one export wrote, to say what was written when it ends. */
interface Written {
  readonly path: string;
  readonly bytes: number;
}

/** Writes to a file (creating its folder) and notes it in `written`, or text to stdout when no path is given. */
function emit(io: CliIo, out: Output, written: Written[], path: string | undefined, data: string | Uint8Array): void {
  if (path === undefined) {
    out.print(String(data).replace(/\n$/, ''));
    return;
  }
  const absolute = resolve(io.cwd, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, data);
  written.push({ path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength });
}

/** One line on stderr: the file written, or how many files went into the folder. */
function sayWritten(out: Output, files: readonly Written[], format: Format, folder: string | undefined): void {
  if (files.length === 0) return;
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  const what = files.length === 1 ? printable(files[0]!.path) : `${files.length} files under ${printable(folder ?? '.')}`;
  out.error(out.err.green(`✓ wrote ${what} (${format}, ${kB(total)})`));
}

function exportTo(format: Format, source: AnyModule | AnyModule['quizzes'][number], flags: Flags, io: CliIo, out: Output, written: Written[]): void {
  const path = stringFlag(flags, 'out');
  const language = stringFlag(flags, 'language');
  switch (format) {
    case 'gift':
    case 'moodle-xml': {
      const { text, notes } = format === 'gift' ? exportGift(source) : exportMoodleXml(source);
      emit(io, out, written, path, text);
      for (const note of notes) out.error(`${note.quizId}/${note.questionId}  ${note.code}  ${note.message}`);
      return;
    }
    case 'qti': {
      if (!path) throw new UsageError('--format qti needs --out <file.zip> or --out <folder>', 'Run: quizkit export --help');
      const options = language ? { lang: language } : {};
      if (path.endsWith('.zip')) {
        emit(io, out, written, path, toQtiZip(source, options));
      } else {
        for (const file of toQtiFiles(source, options)) emit(io, out, written, join(path, file.path), file.content);
      }
      const quizzes = 'quizzes' in source ? source.quizzes : [source];
      for (const quiz of quizzes) {
        for (const question of quiz.questions) {
          const scoring = qtiScoring(question, options);
          if (!scoring.exact || scoring.note) out.error(`${quiz.id}/${question.id}  ${scoring.processing}  ${scoring.note ?? 'not exact'}`);
        }
      }
      return;
    }
    case 'xapi-definitions': {
      const activityBase = stringFlag(flags, 'activity-base');
      if (!activityBase) throw new UsageError('--format xapi-definitions needs --activity-base <iri>', 'Run: quizkit export --help');
      if (!('quizzes' in source)) throw new UsageError('--format xapi-definitions exports a whole module; leave out --quiz', 'Run: quizkit export --help');
      const definitions = xapiActivityDefinitions(source, { activityBase, ...(language ? { language } : {}) });
      emit(io, out, written, path, `${JSON.stringify(definitions, null, 2)}\n`);
      out.error('Note: the definitions carry correctResponsesPattern, the answer key; keep them on the server or the LRS.');
      return;
    }
  }
}

/** `quizkit export`. */
export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const { flags, positionals } = parseCommand(
    'export',
    args,
    {
      format: { type: 'string' },
      out: { type: 'string' },
      quiz: { type: 'string' },
      'activity-base': { type: 'string' },
      language: { type: 'string' },
    },
    { min: 1, max: 1, what: 'a module file (or id)' },
  );
  if (flags.help) {
    out.print(EXPORT_HELP);
    return 0;
  }
  const format = stringFlag(flags, 'format');
  if (!FORMATS.includes(format as Format)) {
    throw new UsageError(`--format must be one of: ${FORMATS.join(', ')}`, 'Run: quizkit export --help');
  }
  const [target] = positionals as [string];
  const loaded = await resolveModule(io.cwd, target, 'export');
  if (!loaded.ok) {
    for (const issue of loaded.issues) out.error(formatIssue(issue));
    out.error(out.err.red(`✗ ${target} is not a valid module; fix it first (quizkit validate ${target})`));
    return 1;
  }
  const quizId = stringFlag(flags, 'quiz');
  const quiz = quizId === undefined ? undefined : loaded.module.quizzes.find((candidate) => candidate.id === quizId);
  if (quizId !== undefined && !quiz) {
    throw new UsageError(`Module "${loaded.module.id}" has no quiz "${quizId}"`, `Use one of: ${loaded.module.quizzes.map((q) => q.id).join(', ')}`);
  }
  const written: Written[] = [];
  exportTo(format as Format, quiz ?? loaded.module, flags, io, out, written);
  sayWritten(out, written, format as Format, stringFlag(flags, 'out'));
  return 0;
}
