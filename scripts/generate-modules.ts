/**
 * Builds the typed `quizkit/modules` entry from the quiz files: a thin wrapper
 * over the generator that `quizkit build` uses (`src/cli/generate.ts`, with
 * the pure renderers in `src/node/build/`), so both write the same bytes.
 *
 * Reads every `quizzes/*.yaml`, `quizzes/*.yml` and `quizzes/*.json`, validates
 * each (every problem as `file:line:column  code  message`), and writes
 * `src/modules/<module-id>.ts` (the parsed module as an `as const` constant)
 * plus `src/modules/index.ts`. The output depends only on the quiz files, so
 * running it twice changes nothing. `quizkit build` also writes the Markdown
 * pages in `docs/modules/`.
 *
 * Usage:
 *   npx tsx scripts/generate-modules.ts           write the files
 *   npx tsx scripts/generate-modules.ts --check   write nothing; exit 1 if any file is stale
 *   --quizzes=DIR --out=DIR                       other directories (for testing the script)
 */
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyDiff, diffFolder, listQuizFiles, loadQuizFiles, moduleCodeFiles } from '../src/cli/generate.js';
import { formatIssues } from '../src/node/format.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
// The directories can be moved for tests of the script itself; the defaults are the package's.
const quizzesDir = resolve(root, option('quizzes') ?? 'quizzes');
const modulesDir = resolve(root, option('out') ?? 'src/modules');
const SCRIPT = 'scripts/generate-modules.ts';

/** A path as messages and headers show it: relative to the package when inside it. */
const shown = (path: string) => {
  const inside = relative(root, path);
  return (inside.startsWith('..') ? path : inside).split('\\').join('/');
};
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

async function main(check: boolean): Promise<number> {
  const { loaded, issues } = await loadQuizFiles(listQuizFiles(quizzesDir), shown);
  if (issues.length > 0) {
    const files = new Set(issues.map((issue) => issue.file)).size;
    console.error(`generate-modules: ${plural(files, 'quiz file')} failed validation; nothing was written.\n`);
    console.error(formatIssues(issues));
    return 1;
  }
  // Always quizkit's own layout, wherever --out points, so a test can compare with src/modules.
  const wanted = moduleCodeFiles(loaded, shown(quizzesDir), { generator: SCRIPT, typesImport: '../schema/types.js', modulesImport: 'quizkit/modules' });
  const diff = diffFolder(modulesDir, wanted, 'code');
  const out = shown(modulesDir);

  if (check) {
    if (diff.changed.length === 0 && diff.stale.length === 0) {
      console.log(`generate-modules: ${out} is up to date (${plural(loaded.length, 'module')}).`);
      return 0;
    }
    for (const [file] of diff.changed) console.error(`stale: ${out}/${file}`);
    for (const file of diff.stale) console.error(`left over: ${out}/${file}`);
    console.error(`\nRun: npx tsx ${SCRIPT}`);
    return 1;
  }

  applyDiff(diff);
  const summary = [
    `${plural(diff.changed.length, 'file')} written`,
    ...(diff.stale.length ? [`${diff.stale.length} removed`] : []),
    `${diff.unchanged} unchanged`,
  ].join(', ');
  console.log(`generate-modules: ${plural(loaded.length, 'module')}; ${summary}.`);
  return 0;
}

process.exitCode = await main(process.argv.includes('--check'));
