/**
 * Fuzz targets for the `quizkit` CLI: `validate` on mutated module files,
 * `score` with hostile responses files, `import` of generated GIFT, `export`
 * in every format, and argument noise.
 *
 * Two targets share the recipes and the checks. `cli` spawns the CLI as a
 * user runs it, bundled from src/ once per run with esbuild (a node process
 * starts in ~0.1 s on the bundle), each case a child with a hard timeout, so
 * a CLI that truly hangs or kills its process is caught: a few hundred cases
 * fit in minutes. `cli-in-process` runs the same `main` in this process with
 * in-memory streams, about a thousand times cheaper, so it reaches 10⁵ cases;
 * a rejected promise there is a throw.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import { northKoreaChina } from 'quizkit/modules';
import type { Question } from 'quizkit/schema';
import { main } from '../../../src/cli/main.js';
import { responseTo } from '../../helpers/arbitraries.js';
import type { FuzzTarget, Problem } from '../harness.js';
import { ADVERSARIAL_SCALARS, PROTOTYPE_JSON } from '../hostile.js';
import { positionChecker } from '../positions.js';
import { giftOf, giftRecipes } from './gift-import.js';
import { BASES, moduleSourceRecipes, sourceOf, type ModuleSourceRecipe } from './module-source.js';

const ROOT = join(import.meta.dirname, '../../..');

/** A child taking longer than this is killed. */
const KILL_AFTER_MS = 30_000;

let work: { dir: string; cli: string } | undefined;
/** The bundled CLI and a scratch folder, made on first use and removed when the process exits. */
function workspace(): { dir: string; cli: string } {
  if (work) return work;
  const dir = mkdtempSync(join(tmpdir(), 'quizkit-fuzz-cli-'));
  // The bundle sits inside the repository so that its external packages (the
  // SQLite driver, which finds its .wasm beside itself) resolve from node_modules.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const cli = join(mkdtempSync(join(ROOT, '.tmp', 'fuzz-cli-')), 'cli.mjs');
  buildSync({
    entryPoints: [join(ROOT, 'src/cli/index.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    external: ['node-sqlite3-wasm'],
    // yaml and zod are bundled; a few CommonJS dependencies need require.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  mkdirSync(join(dir, 'case'));
  process.once('exit', () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(cli, '..'), { recursive: true, force: true });
  });
  work = { dir, cli };
  return work;
}

type CliRecipe =
  | { readonly cmd: 'validate'; readonly module: ModuleSourceRecipe; readonly json: boolean }
  | { readonly cmd: 'score'; readonly responses: string; readonly json: boolean }
  | { readonly cmd: 'import'; readonly gift: Parameters<typeof giftOf>[0] }
  | { readonly cmd: 'export'; readonly module: ModuleSourceRecipe; readonly format: 'gift' | 'moodle-xml' | 'qti' | 'xapi-definitions' }
  | { readonly cmd: 'args'; readonly argv: readonly string[] };

const QUIZ = northKoreaChina.quizzes[0]!;

/** A responses file: answers to the built-in quiz, with prototype keys, adversarial values, or broken text. */
const responsesText = fc.oneof(
  fc.tuple(...QUIZ.questions.map((question) => fc.option(responseTo(question as unknown as Question), { nil: undefined }))).map((answers) =>
    JSON.stringify(Object.fromEntries(QUIZ.questions.map((question, i) => [question.id, answers[i]]))),
  ),
  fc.constantFrom(...PROTOTYPE_JSON, '', '{', 'null', '[]', '"x"', '{"who-met-in-beijing": {"__proto__": {"polluted": 1}}}', `{"x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
  fc.constantFrom(...ADVERSARIAL_SCALARS).map((value) => JSON.stringify({ [QUIZ.questions[0]!.id]: value }) ?? '{}'),
);

// No NUL byte: an argument cannot carry one (spawn refuses it before the CLI runs).
const ARGS = ['validate', 'score', 'import', 'export', 'build', 'new', '--json', '--help', '-h', '--format', 'gift', 'qti', '--out', '--quiz', 'nope', '', '-', '--', '--__proto__', '--constructor=1', 'module.yaml', '/dev/null', '.', '..', 'north-korea-china', '😀'];

const cliRecipes: fc.Arbitrary<CliRecipe> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ cmd: fc.constant('validate' as const), module: moduleSourceRecipes, json: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ cmd: fc.constant('score' as const), responses: responsesText, json: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ cmd: fc.constant('import' as const), gift: giftRecipes }) },
  {
    weight: 2,
    arbitrary: fc.record({
      cmd: fc.constant('export' as const),
      module: fc.record({ base: fc.constantFrom('fixture', 'small'), mutations: fc.array(fc.constant({ op: 'insert' as const, at: 0, text: '' }), { maxLength: 0 }), json: fc.boolean() }),
      format: fc.constantFrom('gift', 'moodle-xml', 'qti', 'xapi-definitions' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ cmd: fc.constant('args' as const), argv: fc.array(fc.constantFrom(...ARGS), { maxLength: 5 }) }) },
);

interface Prepared {
  readonly argv: readonly string[];
  readonly cwd: string;
  /** The file whose positions the output reports, and its text. */
  readonly checked?: { readonly name: string; readonly text: string };
}

interface Run {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function prepare(recipe: CliRecipe): Prepared {
  const { dir } = workspace();
  const cwd = join(dir, 'case');
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd);
  const put = (name: string, text: string) => writeFileSync(join(cwd, name), text);
  switch (recipe.cmd) {
    case 'validate': {
      const name = recipe.module.json ? 'module.json' : 'module.yaml';
      const text = sourceOf(recipe.module);
      put(name, text);
      return { argv: ['validate', name, ...(recipe.json ? ['--json'] : [])], cwd, checked: { name, text: text.startsWith('\uFEFF') ? text.slice(1) : text } };
    }
    case 'score':
      put('responses.json', recipe.responses);
      return { argv: ['score', 'north-korea-china', 'responses.json', '--quiz', QUIZ.id, ...(recipe.json ? ['--json'] : [])], cwd };
    case 'import': {
      const text = giftOf(recipe.gift);
      put('bank.gift', text);
      return { argv: ['import', 'bank.gift'], cwd };
    }
    case 'export': {
      const name = recipe.module.json ? 'module.json' : 'module.yaml';
      put(name, recipe.module.json && recipe.module.base === 'fixture' ? BASES['fixture-json']!.text : BASES[recipe.module.base]!.text);
      const extra = recipe.format === 'qti' ? ['--out', 'out.zip'] : recipe.format === 'xapi-definitions' ? ['--activity-base', 'https://example.org/a'] : [];
      return { argv: ['export', name, '--format', recipe.format, ...extra], cwd };
    }
    case 'args':
      put('module.yaml', BASES.small!.text);
      return { argv: [...recipe.argv], cwd };
  }
}

/** What every run must show: a documented exit status, no crash, every position inside the file. */
function checkRun(run: Run, { argv, checked }: Prepared): Problem[] {
  const problems: Problem[] = [];
  const command = `quizkit ${argv.join(' ')}`;
  if (run.timedOut) return [{ kind: 'invariant', message: `${command}: killed (${run.signal ?? 'error'}) after ${KILL_AFTER_MS} ms` }];
  if (run.status === null || ![0, 1, 2].includes(run.status)) problems.push({ kind: 'invariant', message: `${command}: exit status ${run.status}, not 0, 1 or 2` });
  if (/unexpected error/i.test(run.stderr) || /\n\s+at .+:\d+:\d+\)?/.test(run.stderr)) {
    problems.push({ kind: 'invariant', message: `${command}: crashed: ${run.stderr.trim().split('\n').slice(0, 3).join(' | ')}` });
  }
  if (checked) {
    const inside = positionChecker(checked.text);
    const positions = [...`${run.stdout}\n${run.stderr}`.matchAll(new RegExp(`${checked.name.replace('.', '\\.')}:(\\d+):(\\d+)`, 'g'))].map(([, line, column]) => ({ line: Number(line), column: Number(column) }));
    if (argv.includes('--json') && run.stdout.trim().startsWith('{')) {
      try {
        const report = JSON.parse(run.stdout) as { files?: { issues?: { line?: number; column?: number }[] }[] };
        for (const file of report.files ?? []) for (const issue of file.issues ?? []) positions.push({ line: issue.line ?? NaN, column: issue.column ?? NaN });
      } catch {
        problems.push({ kind: 'invariant', message: `${command}: --json printed text that is not JSON` });
      }
    }
    for (const at of positions) {
      const outside = inside(at, `${checked.name}:${at.line}:${at.column}`);
      if (outside) {
        problems.push({ kind: 'position', message: outside });
        break;
      }
    }
  }
  return problems;
}

export const cliTarget: FuzzTarget<CliRecipe, Prepared, Run> = {
  name: 'cli',
  description: 'the quizkit CLI spawned (bundled from src/): validate, score, import, export, argument noise',
  defaultCases: 300,
  sliceCases: 24,
  caseBudgetMs: 10_000,
  recipes: cliRecipes,
  prepare,
  call: ({ argv, cwd }) => {
    const run = spawnSync(process.execPath, [workspace().cli, ...argv], { cwd, encoding: 'utf8', timeout: KILL_AFTER_MS, input: '', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    return { status: run.status, signal: run.signal, stdout: run.stdout ?? '', stderr: run.stderr ?? '', timedOut: run.error !== undefined || run.signal !== null };
  },
  check: checkRun,
};

/** `main` in this process, its streams collected in memory; stdin is empty and closed, as for the spawned CLI. */
async function runInProcess({ argv, cwd }: Prepared): Promise<Run> {
  const stream = () => Object.assign(new PassThrough(), { isTTY: false });
  const [stdin, stdout, stderr] = [stream(), stream(), stream()];
  const text = { stdout: '', stderr: '' };
  stdout.on('data', (chunk: Buffer) => (text.stdout += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (text.stderr += chunk.toString()));
  stdin.end('');
  const status = await main(argv, { stdin, stdout, stderr, cwd, env: { NO_COLOR: '1' }, now: () => 1_000_000 });
  return { status, signal: null, ...text, timedOut: false };
}

export const cliInProcessTarget: FuzzTarget<CliRecipe, Prepared, Run> = {
  name: 'cli-in-process',
  description: "the quizkit CLI's main() in-process with in-memory streams: the same recipes and checks as cli",
  defaultCases: 100_000,
  sliceCases: 200,
  caseBudgetMs: 2_000,
  recipes: cliRecipes,
  prepare,
  call: runInProcess,
  check: checkRun,
};
