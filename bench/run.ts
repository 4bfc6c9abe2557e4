/**
 * quizkit's benchmarks: `npx tsx bench/run.ts` (or `npm run bench`).
 *
 * Sections: scoring (quizkit vs the floor vs survey-core), growth (ordering
 * rules as n grows, validation time vs quiz size, and time and peak memory of
 * the parsers and scoreQuestion at 1×–8× hostile inputs), validation (50-question
 * quizzes per second), files (building 1,000 generated quiz files), draft
 * (`quizkit draft` on 100 KB of text).
 *
 * Options: --only=scoring,growth,validation,files,draft  --attempts=2000  --files=1000
 *          --rounds=7  --quick (fewer rounds and shorter samples)
 *          --diagnose (also time scoreQuestion ×10 without the quiz totals)
 *          --inputs=gift-options,… (growth: only these inputs of bench/growth-inputs.ts)
 * The engine is imported from the built `dist/` (what users run), so build
 * first. With `--expose-gc`, garbage is collected before each sample.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { runDraft } from './draft.js';
import { runFiles } from './files.js';
import { runGrowth } from './growth.js';
import { runGrowthInputs } from './growth-inputs.js';
import { load, sink } from './harness.js';
import { runScoring } from './scoring.js';
import { runValidation } from './validation.js';

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [name!, value];
  }),
);
const quick = args.has('quick');
const only = new Set((args.get('only') ?? 'scoring,growth,validation,files,draft').split(','));
const rounds = Number(args.get('rounds') ?? (quick ? 3 : 7));
const targetMs = quick ? 150 : 400;

// The engine is benchmarked as users get it: the built `dist/` (`npm run build`).
const root = join(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (the benchmarks time the built package).');
  process.exit(1);
}
const newest = (dir: string): number =>
  Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
const stale = newest(join(root, 'src')) > statSync(join(root, 'dist/index.js')).mtimeMs;

const { Version } = await import('survey-core');
console.log(`# quizkit benchmarks`);
if (stale) console.log('WARNING: src/ changed after the last build; run `npm run build` for current figures.');
console.log(
  `node ${process.version}, ${cpus()[0]?.model.trim() ?? 'cpu'} × ${availableParallelism()}, survey-core ${Version}; ` +
    `load average at start ${load()}${(globalThis as { gc?: unknown }).gc ? '; gc before each sample' : ''}`,
);

if (only.has('scoring')) {
  console.log(`\n## Scoring a 10-question quiz (${args.get('attempts') ?? 2000} seeded near-miss attempts, ${rounds} interleaved rounds)\n`);
  console.log(runScoring({ attempts: Number(args.get('attempts') ?? 2000), rounds, targetMs, diagnose: args.has('diagnose') }).text);
}
if (only.has('growth')) {
  console.log('\n## Growth\n');
  console.log(runGrowth({ quick }));
  console.log('\n### Input growth (issue #13)\n');
  console.log(runGrowthInputs({ quick, ...(args.has('inputs') ? { only: args.get('inputs')!.split(',') } : {}) }));
}
if (only.has('validation')) {
  console.log('\n## Validation throughput\n');
  console.log(runValidation({ rounds, targetMs }));
}
if (only.has('files')) {
  const files = Number(args.get('files') ?? 1000);
  console.log(`\n## Building ${files.toLocaleString('en-US')} generated quiz files\n`);
  console.log(await runFiles({ files }));
}
if (only.has('draft')) {
  console.log('\n## Drafting from an article (100 KB)\n');
  console.log(await runDraft({ rounds }));
}
console.log(`\nload average at end ${load()} (checksum ${sink.value.toPrecision(6)})`);
