/**
 * `npm run fuzz`: the fuzz suite of issue #13 (tests/fuzz/), every target or
 * the ones named, each in a child process of its own (so a call that truly
 * never returns is killed, and one target's pollution cannot reach another).
 *
 *   npm run fuzz -- --target=score-quiz,gift-import --cases=20000 --seed=7 --budget-seconds=120
 *
 * --target=a,b          targets to run (default: all; --list names them)
 * --cases=N             cases per target (default: each target's own, 10⁵ for the cheap ones)
 * --seed=N              the fast-check seed (default 13); the same seed gives the same cases
 * --budget-seconds=S    per target: no new case starts after S seconds (default 600);
 *                       the child is killed after S + 300 s (shrinking included)
 * --no-shrink           report first failures as generated, without shrinking them
 *
 * Prints per target: cases run, throws, hangs, positions out of range,
 * pollution, broken invariants, validator rejections, the worst and median
 * latency per case, and the first failure of each kind (shrunk). Exits 1 if
 * any target found a failure, 2 on a usage error.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FAILURE_KINDS, failureCount, formatReport, runTarget, type TargetReport } from '../tests/fuzz/harness.js';
import { TARGETS, targetNamed } from '../tests/fuzz/targets/index.js';

const MARK = 'FUZZ-REPORT ';
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [name!, value];
  }),
);
const known = new Set(['target', 'cases', 'seed', 'budget-seconds', 'no-shrink', 'list', 'child']);
const unknown = [...args.keys()].filter((name) => !known.has(name));
if (unknown.length) {
  console.error(`fuzz: unknown option ${unknown.map((name) => `--${name}`).join(', ')} (see scripts/fuzz.ts)`);
  process.exit(2);
}
const number = (name: string, fallback: number): number => {
  const value = args.has(name) ? Number(args.get(name)) : fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`fuzz: --${name} must be a whole number`);
    process.exit(2);
  }
  return value;
};
const seed = number('seed', 13);
const budgetSeconds = number('budget-seconds', 600);

if (args.has('list')) {
  for (const target of TARGETS) console.log(`${target.name.padEnd(24)} ${String(target.defaultCases).padStart(7)} cases  ${target.description}`);
  process.exit(0);
}

let targets;
try {
  targets = (args.get('target')?.split(',') ?? TARGETS.map((target) => target.name)).map(targetNamed);
} catch (error) {
  console.error(`fuzz: ${(error as Error).message}`);
  process.exit(2);
}

if (args.has('child')) {
  // One target, in this process: print the report, then the machine-readable line.
  const target = targets[0]!;
  const cases = number('cases', target.defaultCases);
  const report = await runTarget(target, {
    cases,
    seed,
    budgetMs: budgetSeconds * 1000,
    shrink: !args.has('no-shrink'),
    progress: (done) => process.stderr.write(`\r  ${target.name}: ${done.toLocaleString('en-US')} of ${cases.toLocaleString('en-US')}`),
  });
  process.stderr.write('\n');
  console.log(formatReport(report));
  console.log(MARK + JSON.stringify(report));
  process.exit(0);
}

const root = join(import.meta.dirname, '..');
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
console.log(`# quizkit fuzz (issue #13): seed ${seed}, budget ${budgetSeconds} s per target, node ${process.version}\n`);
const reports: TargetReport[] = [];
const broken: string[] = [];
for (const target of targets) {
  const cases = number('cases', target.defaultCases);
  const childArgs = [`--target=${target.name}`, `--cases=${cases}`, `--seed=${seed}`, `--budget-seconds=${budgetSeconds}`, '--child', ...(args.has('no-shrink') ? ['--no-shrink'] : [])];
  const run = spawnSync(process.execPath, ['--import', tsx, join(root, 'scripts/fuzz.ts'), ...childArgs], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: (budgetSeconds + 300) * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout?.split('\n').find((l) => l.startsWith(MARK));
  process.stdout.write(run.stdout?.split('\n').filter((l) => !l.startsWith(MARK)).join('\n') ?? '');
  if (!line) {
    const why = run.signal ? `killed by ${run.signal} (a case never returned, or it ran out of memory)` : `exited ${run.status} without a report`;
    console.log(`${target.name}: FAILED — ${why}\n`);
    broken.push(target.name);
    continue;
  }
  reports.push(JSON.parse(line.slice(MARK.length)) as TargetReport);
  console.log('');
}

const pad = (text: string | number, width: number) => String(text).padStart(width);
console.log('## Summary\n');
console.log(`| target | cases | ${FAILURE_KINDS.join(' | ')} | validator | worst ms/case | median ms/case |`);
console.log(`| --- | ---: | ${FAILURE_KINDS.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`);
for (const r of reports) {
  const cases = `${r.casesRun.toLocaleString('en-US')}${r.stoppedByBudget ? ' (budget)' : ''}`;
  console.log(`| ${r.target} | ${cases} | ${FAILURE_KINDS.map((kind) => r.counts[kind]).join(' | ')} | ${r.batchNote === undefined ? '—' : r.counts.batch} | ${pad(r.worstMs.toFixed(1), 1)} | ${pad(r.medianMs.toFixed(3), 1)} |`);
}
for (const name of broken) console.log(`| ${name} | did not finish | | | | | | | | |`);
const failed = reports.filter((r) => failureCount(r) > 0).map((r) => r.target);
console.log(failed.length + broken.length ? `\nFAILED: ${[...failed, ...broken].join(', ')}` : '\nAll targets passed.');
process.exit(failed.length + broken.length ? 1 : 0);
