/**
 * How `fromGift`'s cost grows on the four input shapes of issue #13.1 (each was
 * quadratic: 19–24 s at 8×): one question with N identical `~b` answers, one
 * ordering with N identical lines, one matching with N identical pairs, and N
 * questions sharing one title. Each shape and size (1×, 2×, 4×, 8×) runs in a
 * fresh child process, so its peak memory is its own: the child reports the
 * median time of a call and how far the call raised its peak RSS and its heap
 * (with --expose-gc, collected before). The ratio per doubling should stay
 * ≤ 2.5× (linear within noise).
 *
 * Run alone: `npx tsx --expose-gc bench/growth-gift.ts [--quick]`, or from
 * bench/run.ts as a section (see runGiftGrowth). It imports the source through
 * tsx, so it needs no build.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fromGift } from '../src/gift/index.js';
import { fmt, median, table } from './harness.js';

/** The shapes, each at its 1× size (8× is the size quoted in the issue). */
const SHAPES = {
  'N identical answers (~b)': { base: 2_000, text: (n: number) => `::t::Q?{=a ${Array(n).fill('~b').join(' ')}}` },
  'N identical ordering lines': { base: 2_000, text: (n: number) => `::t::Q?{>1 ALL\n${Array(n).fill('b').join('\n')}\n}` },
  'N identical matching pairs': { base: 2_500, text: (n: number) => `::t::Q?{${Array(n).fill('=a -> b').join(' ')}}` },
  'N questions, one title': { base: 2_000, text: (n: number) => Array(n).fill('::t::Q?{=a ~b}').join('\n\n') },
} as const;
type Shape = keyof typeof SHAPES;
const FACTORS = [1, 2, 4, 8] as const;

interface Sample {
  readonly chars: number;
  readonly ms: number;
  readonly peakRssMb: number;
  readonly heapMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** In the child: time `fromGift` on one shape and size, and report as JSON. */
function measure(shape: Shape, n: number, targetMs: number): Sample {
  const text = SHAPES[shape].text(n);
  fromGift(SHAPES[shape].text(Math.max(2, n >> 4))); // warm-up on a small input of the same shape
  gc?.();
  const rssBefore = process.resourceUsage().maxRSS;
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = 0;
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 3 || (performance.now() - start < targetMs && times.length < 50)) {
    const t0 = performance.now();
    const result = fromGift(text);
    times.push(performance.now() - t0);
    // Heap with the result still alive: what one call holds on to, at its end.
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed - heapBefore);
    if (result.issues.length === 0 && result.quizzes.length === 0) throw new Error('nothing read');
    gc?.();
  }
  return {
    chars: text.length,
    ms: median(times),
    peakRssMb: (process.resourceUsage().maxRSS - rssBefore) / 1024,
    heapMb: heapPeak / 2 ** 20,
  };
}

/** Every shape at 1×, 2×, 4×, 8×, each size in its own process; a Markdown table. */
export function runGiftGrowth({ quick }: { quick: boolean }): string {
  const rows: string[][] = [];
  const file = fileURLToPath(import.meta.url);
  let worst = 0;
  for (const shape of Object.keys(SHAPES) as Shape[]) {
    let previous: Sample | undefined;
    for (const factor of FACTORS) {
      const n = SHAPES[shape].base * factor;
      const output = execFileSync(process.execPath, [...process.execArgv, file, '--child', shape, String(n), String(quick ? 100 : 300)], { encoding: 'utf8' });
      const sample = JSON.parse(output.trim().split('\n').at(-1)!) as Sample;
      const ratio = previous ? sample.ms / previous.ms : undefined;
      if (ratio !== undefined) worst = Math.max(worst, ratio);
      rows.push([
        shape.replace('N', n.toLocaleString('en-US')),
        `${factor}×`,
        `${(sample.chars / 1024).toFixed(0)} KB`,
        fmt(sample.ms),
        ratio === undefined ? '' : `${ratio.toFixed(2)}×`,
        sample.peakRssMb.toFixed(1),
        sample.heapMb.toFixed(1),
      ]);
      previous = sample;
    }
  }
  return [
    table(['input', 'size', 'text', 'ms per call (median)', 'time ratio per doubling', 'peak RSS rise (MB)', 'heap held at end (MB)'], rows),
    '',
    `Worst ratio per doubling: ${worst.toFixed(2)}× (target ≤ 2.5×: linear within noise).`,
  ].join('\n');
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const [, shape, n, targetMs] = args as [string, Shape, string, string];
  console.log(JSON.stringify(measure(shape, Number(n), Number(targetMs))));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(runGiftGrowth({ quick: args.includes('--quick') }));
}
