/**
 * The fuzz harness: runs one target over generated cases with fast-check,
 * seeded, and classifies every case. It is shared by `npm run fuzz`
 * (scripts/fuzz.ts, 10⁵ cases per cheap target) and the fixed CI slice
 * (tests/fuzz/slice.test.ts, a few hundred).
 *
 * A case fails when the call under test
 * - throws anything but the target's documented error (`throw`),
 * - takes longer than the target's per-case budget (`hang`; the call is
 *   synchronous, so it is measured, not interrupted: the CLI target kills
 *   its child process instead),
 * - reports a line/column outside the text it read (`position`),
 * - leaves a property on `Object.prototype`, `Array.prototype` or
 *   `Function.prototype` that was not there before, or changes one (`pollution`),
 * - or breaks one of the target's own invariants (`invariant`: scores out of
 *   bounds, check and score disagreeing, exports a validator refuses…).
 *
 * Inputs are generated as plain *recipes* and turned into the hostile value
 * (a Proxy, a throwing getter, a 10⁷-byte typed array) by `prepare`, outside
 * the timed call: fast-check can then print and shrink a counterexample
 * without touching a trap, and the printed recipe is the repro.
 */
import fc from 'fast-check';

/** Why a case failed. */
export type FailureKind = 'throw' | 'hang' | 'position' | 'pollution' | 'invariant';
export const FAILURE_KINDS: readonly FailureKind[] = ['throw', 'hang', 'position', 'pollution', 'invariant'];

/** A problem `check` found with a case's output. */
export interface Problem {
  readonly kind: 'position' | 'invariant';
  readonly message: string;
}

/** One entry point under fuzz: how to make inputs, call it, and judge the output. */
export interface FuzzTarget<Recipe, Input = Recipe, Output = unknown> {
  /** The name given to `--target=`. */
  readonly name: string;
  /** One line: what is called on what. */
  readonly description: string;
  /** Cases run by `npm run fuzz` when `--cases` is not given. */
  readonly defaultCases: number;
  /** Cases in the CI slice (fixed seed). */
  readonly sliceCases: number;
  /** A call taking longer than this is a `hang`. */
  readonly caseBudgetMs: number;
  /** Plain, printable descriptions of inputs. */
  readonly recipes: fc.Arbitrary<Recipe>;
  /** Builds the input from a recipe (not timed; may build Proxies, huge arrays…). */
  readonly prepare?: (recipe: Recipe) => Input;
  /** The call under test (timed; an async call is timed until it settles). */
  readonly call: (input: Input) => Output | Promise<Output>;
  /** Whether a thrown value is a documented, typed error of this entry point (not a failure). */
  readonly documentedError?: (error: unknown) => boolean;
  /** Problems with the output (not timed). May be empty. */
  readonly check?: (output: Output, input: Input, recipe: Recipe) => readonly Problem[];
  /**
   * Checks run once on outputs collected over many cases (an external
   * validator that is slow to start, such as xmllint with the QTI schemas).
   * Failures found here are reported with their recipe, unshrunk.
   */
  readonly batch?: BatchCheck<Recipe, Output>;
}

/** A validator run once over many outputs. */
export interface BatchCheck<Recipe, Output> {
  /** Why the batch check cannot run here (printed), or undefined when it can. */
  readonly skipReason: () => string | undefined;
  /** Files (or any values) to validate for one case. */
  readonly collect: (output: Output, recipe: Recipe) => readonly BatchItem[];
  /** Validates items; returns a message per rejected item index. */
  readonly verify: (items: readonly BatchItem[]) => ReadonlyMap<number, string>;
  /** Items per validator run. */
  readonly size: number;
}

/** One thing for a batch validator: a file name and its content. */
export interface BatchItem {
  readonly name: string;
  readonly content: string;
}

/** The first failing case of one kind. */
export interface FirstFailure {
  readonly kind: FailureKind | 'batch';
  /** 0-based index of the case in the run. */
  readonly index: number;
  readonly message: string;
  /** The recipe as generated. */
  readonly recipe: string;
  /** The recipe after fast-check shrank it (still failing the same way), when shrinking ran. */
  readonly shrunk?: string;
}

/** What one run of a target found. */
export interface TargetReport {
  readonly target: string;
  readonly seed: number;
  readonly casesRequested: number;
  readonly casesRun: number;
  /** Whether the time budget ended the run before every case ran. */
  readonly stoppedByBudget: boolean;
  readonly counts: Readonly<Record<FailureKind | 'batch', number>>;
  /** The slowest call, in ms, and the median. */
  readonly worstMs: number;
  readonly medianMs: number;
  readonly worstRecipe: string;
  readonly failures: readonly FirstFailure[];
  /** Batch checks: how many outputs were validated, or why none were. */
  readonly batchNote?: string;
  readonly elapsedMs: number;
}

export interface RunOptions {
  readonly cases: number;
  readonly seed: number;
  /** Stop starting new cases after this long (the report says so). */
  readonly budgetMs: number;
  /** Shrink the first failure of each kind (default true; hangs are never shrunk, each step would take seconds). */
  readonly shrink?: boolean;
  /** How long shrinking one failure may take (default 60 s). */
  readonly shrinkMs?: number;
  /** Called every 1,000 cases. */
  readonly progress?: (done: number) => void;
}

// ---------------------------------------------------------------- prototype pollution

const WATCHED: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
];

type Snapshot = ReadonlyMap<PropertyKey, PropertyDescriptor>[];
const snapshot = (): Snapshot =>
  WATCHED.map(([, object]) => new Map(Reflect.ownKeys(object).map((key) => [key, Object.getOwnPropertyDescriptor(object, key)!])));
const BASELINE = snapshot();

/**
 * What differs from the prototypes as they were when the harness loaded, put
 * back as it was so one polluting case does not fail every case after it.
 */
export function pollutionSinceStart(): string[] {
  const found: string[] = [];
  WATCHED.forEach(([name, object], i) => {
    const before = BASELINE[i]!;
    for (const key of Reflect.ownKeys(object)) {
      const was = before.get(key);
      const now = Object.getOwnPropertyDescriptor(object, key)!;
      if (!was) {
        found.push(`${name}.${String(key)} was added`);
        delete (object as Record<PropertyKey, unknown>)[key];
      } else if (was.value !== now.value || was.get !== now.get || was.set !== now.set) {
        found.push(`${name}.${String(key)} was changed`);
        Object.defineProperty(object, key, was);
      }
    }
    for (const [key, was] of before) {
      if (!Object.prototype.hasOwnProperty.call(object, key)) {
        found.push(`${name}.${String(key)} was deleted`);
        Object.defineProperty(object, key, was);
      }
    }
  });
  return found;
}

// ---------------------------------------------------------------- one case

interface Outcome {
  readonly kind?: FailureKind;
  readonly message: string;
  readonly ms: number;
  readonly output?: unknown;
}

const describeError = (error: unknown): string => {
  if (error instanceof Error) return `${error.name}: ${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 4).join('\n')}` : ''}`;
  try {
    return `non-Error thrown: ${String(error)}`;
  } catch {
    return 'non-Error thrown (cannot be printed)';
  }
};

/** Runs one case and says what, if anything, was wrong with it (the first problem found). */
export async function runCase<R, I, O>(target: FuzzTarget<R, I, O>, recipe: R): Promise<Outcome> {
  let input: I;
  try {
    input = target.prepare ? target.prepare(recipe) : (recipe as unknown as I);
  } catch (error) {
    // A broken generator is the harness's bug, not the target's: say so loudly.
    throw new Error(`fuzz target ${target.name}: prepare() threw on ${fc.stringify(recipe)}: ${describeError(error)}`);
  }
  const start = performance.now();
  let output: O | undefined;
  let thrown: { error: unknown } | undefined;
  try {
    output = await target.call(input);
  } catch (error) {
    thrown = { error };
  }
  const ms = performance.now() - start;
  const pollution = pollutionSinceStart();
  if (pollution.length > 0) return { kind: 'pollution', message: pollution.join('; '), ms };
  if (ms > target.caseBudgetMs) return { kind: 'hang', message: `took ${Math.round(ms)} ms (budget ${target.caseBudgetMs} ms)`, ms };
  if (thrown) {
    if (target.documentedError?.(thrown.error)) return { message: '', ms };
    return { kind: 'throw', message: describeError(thrown.error), ms };
  }
  let problems: readonly Problem[] = [];
  try {
    problems = target.check ? target.check(output as O, input, recipe) : [];
  } catch (error) {
    problems = [{ kind: 'invariant', message: `reading the output threw: ${describeError(error)}` }];
  }
  const after = pollutionSinceStart();
  if (after.length > 0) return { kind: 'pollution', message: `while reading the output: ${after.join('; ')}`, ms };
  const first = problems.find((p) => p.kind === 'position') ?? problems[0];
  return first ? { kind: first.kind, message: first.message, ms, output } : { message: '', ms, output };
}

// ---------------------------------------------------------------- a whole run

const stringify = (value: unknown, max = 2000): string => {
  // fc.record builds null-prototype objects; the marker says nothing about the input.
  const text = fc.stringify(value).replaceAll('{__proto__:null,', '{').replaceAll('{__proto__:null}', '{}');
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
};

/** Runs `cases` cases of `target` (fewer if the budget runs out) and reports. */
export async function runTarget<R, I, O>(target: FuzzTarget<R, I, O>, options: RunOptions): Promise<TargetReport> {
  const started = performance.now();
  const counts: Record<FailureKind | 'batch', number> = { throw: 0, hang: 0, position: 0, pollution: 0, invariant: 0, batch: 0 };
  const firsts = new Map<FailureKind, { index: number; message: string; recipe: R }>();
  const latencies = new Float64Array(options.cases);
  let worst = { ms: 0, recipe: undefined as R | undefined };
  let index = 0;
  const batchable = target.batch && target.batch.skipReason() === undefined;
  const pending: { index: number; recipe: R; item: BatchItem }[] = [];
  const batchFailures: FirstFailure[] = [];
  let batchChecked = 0;
  const flush = () => {
    if (!target.batch || pending.length === 0) return;
    const rejected = target.batch.verify(pending.map((p) => p.item));
    batchChecked += pending.length;
    const seen = new Set<number>();
    for (const [i, message] of rejected) {
      const { index: caseIndex, recipe } = pending[i]!;
      if (seen.has(caseIndex)) continue;
      seen.add(caseIndex);
      counts.batch++;
      if (batchFailures.length === 0) batchFailures.push({ kind: 'batch', index: caseIndex, message: `${pending[i]!.item.name}: ${message}`, recipe: stringify(recipe) });
    }
    pending.length = 0;
  };

  await fc.check(
    fc.asyncProperty(target.recipes, async (recipe) => {
      const outcome = await runCase(target, recipe);
      latencies[index] = outcome.ms;
      if (outcome.ms > worst.ms) worst = { ms: outcome.ms, recipe };
      if (outcome.kind) {
        counts[outcome.kind]++;
        if (!firsts.has(outcome.kind)) firsts.set(outcome.kind, { index, message: outcome.message, recipe });
      } else if (batchable && 'output' in outcome) {
        for (const item of target.batch!.collect(outcome.output as O, recipe)) pending.push({ index, recipe, item });
        if (pending.length >= target.batch!.size) flush();
      }
      index++;
      if (options.progress && index % 1000 === 0) options.progress(index);
      return true;
    }),
    { seed: options.seed, numRuns: options.cases, interruptAfterTimeLimit: options.budgetMs, markInterruptAsFailure: false },
  );
  flush();
  const casesRun = index;

  // Shrink the first failure of each kind: replay the same seed, failing on that kind only.
  const failures: FirstFailure[] = [];
  for (const [kind, first] of firsts) {
    let shrunk: string | undefined;
    if ((options.shrink ?? true) && kind !== 'hang') {
      const result = await fc.check(
        fc.asyncProperty(target.recipes, async (recipe) => (await runCase(target, recipe)).kind !== kind),
        { seed: options.seed, numRuns: first.index + 1, interruptAfterTimeLimit: options.shrinkMs ?? 60_000, markInterruptAsFailure: false },
      );
      if (result.failed && result.counterexample) {
        const [minimal] = result.counterexample;
        const again = await runCase(target, minimal);
        shrunk = `${stringify(minimal)}\n    → ${again.message.split('\n')[0]}`;
      }
    }
    failures.push({ kind, index: first.index, message: first.message, recipe: stringify(first.recipe), ...(shrunk ? { shrunk } : {}) });
  }
  failures.push(...batchFailures);
  const sorted = Array.from(latencies.subarray(0, casesRun)).sort((a, b) => a - b);
  const skip = target.batch?.skipReason();
  return {
    target: target.name,
    seed: options.seed,
    casesRequested: options.cases,
    casesRun,
    stoppedByBudget: casesRun < options.cases,
    counts,
    worstMs: worst.ms,
    medianMs: sorted.length ? sorted[sorted.length >> 1]! : 0,
    worstRecipe: worst.recipe === undefined ? '' : stringify(worst.recipe, 300),
    failures,
    ...(target.batch ? { batchNote: skip ?? `${batchChecked} outputs validated` } : {}),
    elapsedMs: performance.now() - started,
  };
}

/** The number of failing cases in a report. */
export const failureCount = (report: TargetReport): number => Object.values(report.counts).reduce((sum, n) => sum + n, 0);

/** A report as text: one summary line, then each first failure. */
export function formatReport(report: TargetReport): string {
  const c = report.counts;
  const lines = [
    `${report.target}: ${report.casesRun.toLocaleString('en-US')} cases (seed ${report.seed}${report.stoppedByBudget ? `, budget reached before ${report.casesRequested.toLocaleString('en-US')}` : ''}) ` +
      `in ${(report.elapsedMs / 1000).toFixed(1)} s — throws ${c.throw}, hangs ${c.hang}, positions out of range ${c.position}, ` +
      `pollution ${c.pollution}, invariants ${c.invariant}${report.batchNote !== undefined ? `, rejected by validator ${c.batch} (${report.batchNote})` : ''}; ` +
      `worst ${report.worstMs.toFixed(1)} ms, median ${report.medianMs.toFixed(3)} ms per case`,
  ];
  for (const failure of report.failures) {
    lines.push(`  first ${failure.kind} (case ${failure.index}): ${failure.message.split('\n').join('\n      ')}`);
    lines.push(`    input: ${failure.recipe}`);
    if (failure.shrunk) lines.push(`    shrunk: ${failure.shrunk}`);
  }
  return lines.join('\n');
}
