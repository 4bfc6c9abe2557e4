/**
 * How reading a module file grows (issue #13): `parseModuleSource` at 1×, 2×,
 * 4× and 8× input, for a valid module and for the hostile shapes that used to
 * cost super-linear time or unbounded memory; and refusing a 50 MB file from
 * disk. Reported as the median time of interleaved rounds, the ratio per
 * doubling (≤ 2.5 is linear within noise; about 1 means the cost is capped by
 * a limit, not by the input), and the peak heap growth of one call.
 *
 * Run alone: `npx tsx --expose-gc bench/growth-source.ts [--quick]`; or from
 * bench/run.ts as a section (see the report of this change for the hook).
 */
import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The sources of this branch, through tsx: the limits are internal to how the file is read.
import { parseModuleSource, safeLoadModuleFile } from '../src/node/index.js';
import { type Contender, fmt, interleave, median, sink, table } from './harness.js';

const gc = (globalThis as { gc?: () => void }).gc;

const HEAD = [
  'id: growth',
  'title: Growth',
  'source: { title: T, attribution: A }',
  'reading:',
  '  - id: s1',
  '    heading: H',
  '    text: Kim met Xi in Beijing.',
  'quizzes:',
  '  - id: quiz',
  '    title: Q',
  '    questions:',
].join('\n');

/** A valid module of `n` single-choice questions (n ≤ 200, the schema's cap). */
function validModule(n: number): string {
  const questions = Array.from({ length: n }, (_, i) =>
    [
      `      - id: q${i}`,
      '        type: single-choice',
      `        prompt: Where did they meet, take ${i}?`,
      '        explanation: Beijing.',
      '        source: { section: s1, quote: in Beijing }',
      '        options:',
      '          - { id: a, text: Beijing, correct: true }',
      '          - { id: b, text: Seoul }',
    ].join('\n'),
  );
  return `${HEAD}\n${questions.join('\n')}\n`;
}

/** The shapes measured: each a text of "size" n. */
const SHAPES: { name: string; sizes: number[]; text: (n: number) => string; note: string }[] = [
  { name: 'valid module, n questions', sizes: [25, 50, 100, 200], text: validModule, note: 'linear' },
  {
    name: 'n unknown top-level keys',
    sizes: [120, 240, 480, 960],
    text: (n) => `${validModule(1)}${Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')}\n`,
    note: 'one issue per key, each located: was quadratic',
  },
  {
    name: 'flow mapping of n entries',
    sizes: [1_250, 2_500, 5_000, 10_000],
    text: (n) => `{ ${Array.from({ length: n }, (_, i) => `opt${i}: { id: o${i}, text: Option ${i} }`).join(', ')} }\n`,
    note: 'refused at the 1,000th entry',
  },
  {
    name: 'flow list of n entries',
    sizes: [125_000, 250_000, 500_000, 1_000_000],
    text: (n) => `objectives: [${Array.from({ length: n }, () => 'o').join(', ')}]\n`,
    note: 'refused at the 1,000th entry',
  },
  {
    name: 'n stray lines after a }',
    sizes: [250, 500, 1_000, 2_000],
    text: (n) => `${validModule(1)}}\n${Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n')}\n`,
    note: 'syntax issues capped',
  },
];

/** Peak heap growth of one call, in MB: heap after the call, with the result still held, minus before. */
function heapOf(run: () => unknown): number {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const result = run();
  const after = process.memoryUsage().heapUsed;
  sink.value += result ? 1 : 0;
  return (after - before) / 1e6;
}

export async function runSourceGrowth({ quick }: { quick: boolean }): Promise<string> {
  const rounds = quick ? 3 : 5;
  const targetMs = quick ? 40 : 100;
  const cases = SHAPES.flatMap((shape) => shape.sizes.map((n) => ({ shape, n, text: shape.text(n) })));
  const contenders: Contender[] = cases.map(({ shape, n, text }) => ({
    name: `${shape.name} ${n}`,
    units: 1,
    pass: () => {
      const result = parseModuleSource(text, { file: 'growth.yaml' });
      sink.value += result.success ? 1 : result.issues.length;
    },
  }));
  const measured = interleave(contenders, rounds, targetMs);
  const rows = cases.map(({ shape, n, text }, c) => {
    const ms = 1e3 / measured[c]!.median;
    const previous = c > 0 && cases[c - 1]!.shape === shape ? 1e3 / measured[c - 1]!.median : undefined;
    const result = parseModuleSource(text, { file: 'growth.yaml' });
    const outcome = result.success ? 'valid' : `${result.issues.length} × ${[...new Set(result.issues.map((issue) => issue.code))].join(', ')}`;
    return [
      shape.name,
      fmt(n),
      fmt(text.length / 1e3),
      fmt(ms),
      previous === undefined ? '' : fmt(ms / previous),
      fmt(heapOf(() => parseModuleSource(text, { file: 'growth.yaml' }))),
      outcome,
    ];
  });

  // A 50 MB file on disk (sparse: its size is all that is read), refused from its size alone.
  const dir = mkdtempSync(join(tmpdir(), 'quizkit-bench-'));
  const big = join(dir, 'big.yaml');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 50_000_000);
  closeSync(fd);
  const times: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < (quick ? 5 : 11); i++) {
    gc?.();
    const before = process.memoryUsage().rss;
    const start = performance.now();
    const result = await safeLoadModuleFile(big);
    times.push(performance.now() - start);
    rss.push((process.memoryUsage().rss - before) / 1e6);
    sink.value += result.success ? 0 : result.issues.length;
  }
  rmSync(dir, { recursive: true, force: true });

  return [
    '`parseModuleSource` on growing inputs: median of interleaved rounds; "×/doubling" is the time ratio to the size before',
    '(≤ 2.5 is linear within noise, about 1 means a limit caps the cost); heap is the growth over one call.',
    '',
    table(['input', 'n', 'KB', 'ms', '×/doubling', 'heap MB', 'outcome'], rows),
    '',
    `Refusing a 50 MB file (\`safeLoadModuleFile\`, sparse file): median ${fmt(median(times))} ms, ` +
      `max ${fmt(Math.max(...times))} ms, RSS growth median ${fmt(median(rss))} MB over ${times.length} runs.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await runSourceGrowth({ quick: process.argv.includes('--quick') }));
}
