// The fixed slice of the fuzz suite (issue #13) that CI runs: every target
// of tests/fuzz/targets with one seed and a small case count, asserting no
// failure of any kind. `npm run fuzz` runs the same targets with 10⁵ cases.
// A failure prints the first failing input of each kind, shrunk, as a repro.
import { describe, expect, it } from 'vitest';
import { failureCount, formatReport, runTarget } from './harness.js';
import { TARGETS } from './targets/index.js';

const SEED = 1304;

describe('issue #13: fuzz slice (fixed seed, small case counts)', () => {
  // Generous timeouts: a hang costs its own duration (up to the per-case budget) before it is reported.
  it.each(TARGETS.map((target) => [target.name, target] as const))('%s: no throws, hangs, positions out of range, pollution or broken invariants', async (_, target) => {
    const report = await runTarget(target, { cases: target.sliceCases, seed: SEED, budgetMs: 60_000, shrinkMs: 15_000 });
    if (report.batchNote !== undefined && !report.batchNote.endsWith('validated')) console.warn(`${target.name}: ${report.batchNote}`);
    expect(report.casesRun).toBe(target.sliceCases);
    expect(failureCount(report), formatReport(report)).toBe(0);
  }, 180_000);
});
