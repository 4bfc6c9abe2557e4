/**
 * How cost grows with hostile input (issue #13): time and peak memory of
 * `fromGift`, `parseModuleSource` and `scoreQuestion` at 1×, 2×, 4× and 8×
 * an input, and the ratio per doubling (linear is about 2×; the target is
 * ≤ 2.5×). The shapes are the ones the issue found quadratic or unbounded.
 *
 * Each (input, size) runs in a fresh child process (`node --expose-gc`):
 * memory is the rise of the process's peak resident set
 * (`process.resourceUsage().maxRSS`) over the call, measured after the input
 * is built and garbage collected, so neither the input nor an earlier size
 * counts, and a peak inside a synchronous call (which sampling
 * `memoryUsage()` from a timer could not see) does. Time is the median of
 * repeated calls (up to 7, within about a second; one call when a call takes
 * longer). Sizes run in rounds, each round every size once, and each figure
 * is the median over rounds, so load from other processes spreads over all
 * sizes alike.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt, median, table } from './harness.js';
import { moduleInput } from './quiz.js';

interface Shape {
  /** The function called, as the table names it. */
  readonly fn: 'fromGift' | 'parseModuleSource' | 'scoreQuestion';
  /** What grows. */
  readonly input: string;
  /** The size at 1×. */
  readonly base: number;
  /** The unit of the size. */
  readonly unit: string;
}

/** The inputs, by key (the child gets the key and a size). */
export const SHAPES: Readonly<Record<string, Shape>> = {
  'gift-options': { fn: 'fromGift', input: "identical options: '::t::Q?{=a ' + Array(n).fill('~b').join(' ') + '}'", base: 16_000, unit: 'options' },
  'gift-ordering': { fn: 'fromGift', input: 'identical ordering lines: {>n ALL then n lines "b"', base: 16_000, unit: 'lines' },
  'gift-matching': { fn: 'fromGift', input: 'identical matching pairs: n × "=a -> b"', base: 16_000, unit: 'pairs' },
  'gift-titles': { fn: 'fromGift', input: "questions sharing a title: n × '::t::Q?{=a ~b}'", base: 500, unit: 'questions' },
  'yaml-questions': { fn: 'parseModuleSource', input: 'YAML module growing in quizzes of the 10 benchmark questions', base: 20, unit: 'questions' },
  'yaml-flow-options': { fn: 'parseModuleSource', input: 'YAML module, one question with n options in a flow sequence of flow maps', base: 1_250, unit: 'options' },
  'matching-keys': { fn: 'scoreQuestion', input: 'matching response: an object of n keys', base: 125_000, unit: 'keys' },
  'matching-typed-array': { fn: 'scoreQuestion', input: 'matching response: new Uint8Array(n)', base: 1_250_000, unit: 'bytes' },
  'ordering-array': { fn: 'scoreQuestion', input: 'ordering response: an array of n ids', base: 125_000, unit: 'ids' },
};

// ---------------------------------------------------------------- the child: one call at one size

function giftText(key: string, n: number): string {
  switch (key) {
    case 'gift-options':
      return `::t::Q?{=a ${Array(n).fill('~b').join(' ')}}`;
    case 'gift-ordering':
      // The header line makes it an ordering (qtype_ordering's extension); without one it is a short answer.
      return `::t::Q?{>${n} ALL\n${Array(n).fill('b').join('\n')}\n}`;
    case 'gift-matching':
      return `::t::Q?{${Array(n).fill('=a -> b').join(' ')}}`;
    default:
      return Array(n).fill('::t::Q?{=a ~b}').join('\n\n');
  }
}

async function yamlText(key: string, n: number): Promise<string> {
  const { stringify } = await import('yaml');
  if (key === 'yaml-questions') return stringify(moduleInput('growth', n / 10));
  const base = moduleInput('growth', 1) as { quizzes: { questions: Record<string, unknown>[] }[] };
  const first = base.quizzes[0]!.questions[0]!;
  const lines = stringify({ ...base, quizzes: [{ ...base.quizzes[0], questions: [{ ...first, options: [] }] }] }).split('\n');
  const flow = Array.from({ length: n }, (_, i) => `{ id: o${i}, text: Option ${i}${i === 0 ? ', correct: true' : ''} }`).join(', ');
  return lines.map((line) => (line.trimStart() === 'options: []' ? line.replace('[]', `[${flow}]`) : line)).join('\n');
}

async function child(key: string, n: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  let call: () => unknown;
  if (key.startsWith('gift-')) {
    const { fromGift } = await import('../dist/gift.js');
    const text = giftText(key, n);
    call = () => fromGift(text);
  } else if (key.startsWith('yaml-')) {
    const { parseModuleSource } = await import('../dist/node.js');
    const text = await yamlText(key, n);
    call = () => parseModuleSource(text, { file: 'growth.yaml' });
  } else {
    const { scoreQuestion } = await import('../dist/index.js');
    const { northKoreaChina } = await import('../dist/modules.js');
    type AnyQuestion = Parameters<typeof scoreQuestion>[0];
    const questions: readonly AnyQuestion[] = northKoreaChina.quizzes.flatMap((quiz): readonly AnyQuestion[] => quiz.questions);
    const matching = questions.find((q) => q.type === 'matching')!;
    const ordering = questions.find((q) => q.type === 'ordering')!;
    const make = (): [AnyQuestion, unknown] => {
      if (key === 'matching-typed-array') return [matching, new Uint8Array(n)];
      if (key === 'ordering-array') return [ordering, Array.from({ length: n }, (_, i) => `id-${i}`)];
      const object: Record<string, string> = {};
      for (let i = 0; i < n; i++) object[`k${i}`] = 'a';
      return [matching, object];
    };
    const [question, response] = make();
    call = () => scoreQuestion(question, response);
  }
  gc();
  const before = process.resourceUsage().maxRSS;
  let start = performance.now();
  call();
  const times = [performance.now() - start];
  const peakKb = process.resourceUsage().maxRSS - before;
  // Fast calls are repeated for a steadier median; a call of over a second is timed once.
  const reps = times[0]! < 1 ? 200 : 7;
  while (times.length < reps && times.reduce((a, b) => a + b, 0) < 1_000) {
    gc();
    start = performance.now();
    call();
    times.push(performance.now() - start);
  }
  process.stdout.write(JSON.stringify({ ms: median(times), peakMb: peakKb / 1024 }));
}

// ---------------------------------------------------------------- the parent: every shape at 1× … 8×

const SCALES = [1, 2, 4, 8];
/** A doubling may cost at most this much (issue #13's target); linear is 2. */
export const MAX_RATIO = 2.5;
/** Below this, a call is too fast for ratios to mean anything: it is reported as flat. */
const FLAT_MS = 0.05;

function measure(key: string, n: number): { ms: number; peakMb: number } | string {
  const root = join(import.meta.dirname, '..');
  const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', tsx, join(root, 'bench/growth-inputs.ts'), '--growth-child', key, String(n)], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (run.status !== 0 || !run.stdout) return run.signal ? `killed (${run.signal})` : `failed: ${run.stderr.split('\n').find((line) => /Error|error/.test(line)) ?? run.stderr.trim().split('\n').at(-1)}`;
  return JSON.parse(run.stdout) as { ms: number; peakMb: number };
}

/** The growth table: one row per input, times, ratios and peak memory at 1×, 2×, 4×, 8×. */
export function runGrowthInputs({ quick, only }: { quick: boolean; only?: readonly string[] }): string {
  const keys = Object.keys(SHAPES).filter((key) => !only || only.includes(key));
  const rounds = quick ? 1 : 3;
  const samples = new Map<string, { ms: number[]; peakMb: number[]; failure?: string }>();
  for (let round = 0; round < rounds; round++) {
    for (const key of keys) {
      for (const scale of SCALES) {
        const id = `${key}@${scale}`;
        const entry = samples.get(id) ?? { ms: [], peakMb: [] };
        samples.set(id, entry);
        if (entry.failure) continue;
        // One retry: a child can fail to start on a machine under load (seen once); a second failure is reported.
        let result = measure(key, SHAPES[key]!.base * scale);
        if (typeof result === 'string' && !result.startsWith('killed')) result = measure(key, SHAPES[key]!.base * scale);
        if (typeof result === 'string') entry.failure = result;
        else {
          entry.ms.push(result.ms);
          entry.peakMb.push(result.peakMb);
        }
      }
    }
  }
  const rows = keys.map((key) => {
    const shape = SHAPES[key]!;
    const at = SCALES.map((scale) => samples.get(`${key}@${scale}`)!);
    const failure = at.find((entry) => entry.failure)?.failure;
    if (failure) return [shape.fn, `${shape.input}`, fmt(shape.base), failure, '', '', ''];
    const ms = at.map((entry) => median(entry.ms));
    const mb = at.map((entry) => median(entry.peakMb));
    const ratios = ms.slice(1).map((value, i) => value / ms[i]!);
    const verdict = ms.at(-1)! < FLAT_MS ? 'flat' : ratios.every((ratio) => ratio <= MAX_RATIO) ? 'linear' : 'NOT linear';
    return [
      shape.fn,
      shape.input,
      `${fmt(shape.base)} ${shape.unit}`,
      ms.map((value) => fmt(value)).join(' / '),
      ratios.map((ratio) => `${ratio.toFixed(1)}×`).join(' '),
      mb.map((value) => value.toFixed(1)).join(' / '),
      verdict,
    ];
  });
  return [
    `Time and peak memory at 1×, 2×, 4× and 8× the input (a fresh process per size; ${rounds} round${rounds > 1 ? 's' : ''}, median).`,
    `Ratio: time at 2n over time at n (linear ≈ 2×, target ≤ ${MAX_RATIO}×); "flat" when the 8× call takes under ${FLAT_MS} ms.`,
    'Peak memory: rise of the child\'s maxRSS over the first call, in MB.',
    '',
    table(['function', 'input', '1× size', 'ms at 1× / 2× / 4× / 8×', 'ratio per doubling', 'peak MB at 1× / 2× / 4× / 8×', 'growth'], rows),
  ].join('\n');
}

if (process.argv[2] === '--growth-child') await child(process.argv[3]!, Number(process.argv[4]));
