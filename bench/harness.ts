/**
 * Timing helpers. Each sample runs a contender long enough to swamp timer
 * resolution; contenders are interleaved round by round (in rotating order)
 * so that load from other processes on a shared machine hits them alike, and
 * the median sample is reported.
 */
import { loadavg } from 'node:os';

/** Results written here are read at the end, so no work can be optimised away. */
export const sink = { value: 0 };

const gc = (globalThis as { gc?: () => void }).gc;

export const now = (): number => performance.now();

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A contender: `pass()` does `units` units of work (e.g. scores every attempt once). */
export interface Contender {
  readonly name: string;
  readonly units: number;
  readonly pass: () => void;
}

export interface Measured {
  readonly name: string;
  /** Units per second in each round. */
  readonly rates: readonly number[];
  readonly median: number;
  readonly passesPerSample: number;
}

/** How many passes make a sample of at least `targetMs` (after a warm-up). */
function calibrate(contender: Contender, targetMs: number): number {
  let passes = 1;
  for (;;) {
    const start = now();
    for (let i = 0; i < passes; i++) contender.pass();
    const elapsed = now() - start;
    if (elapsed >= targetMs / 4 || passes >= 1 << 20) return Math.max(1, Math.ceil((passes * targetMs) / Math.max(elapsed, 0.001)));
    passes *= 2;
  }
}

/**
 * Runs `rounds` interleaved rounds; in each, every contender takes one sample
 * of about `targetMs`. Returns units/s per contender.
 */
export function interleave(contenders: readonly Contender[], rounds: number, targetMs: number): Measured[] {
  const passes = contenders.map((contender) => calibrate(contender, targetMs));
  const rates: number[][] = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const c = (round + k) % contenders.length;
      const contender = contenders[c]!;
      gc?.();
      const start = now();
      for (let i = 0; i < passes[c]!; i++) contender.pass();
      const seconds = (now() - start) / 1000;
      rates[c]!.push((passes[c]! * contender.units) / seconds);
    }
  }
  return contenders.map((contender, c) => ({
    name: contender.name,
    rates: rates[c]!,
    median: median(rates[c]!),
    passesPerSample: passes[c]!,
  }));
}

/** Formats a number with thin grouping and a fixed number of significant figures. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 10 ** digits) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(digits)).toLocaleString('en-US', { maximumSignificantDigits: digits });
}

/** Prints a Markdown table (so a run can be pasted into docs/performance.md as is). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
