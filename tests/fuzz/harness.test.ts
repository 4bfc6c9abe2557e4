// The fuzz harness judges other code; these tests show it can tell a failing
// entry point from a sound one, for every kind of failure it reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FuzzTarget, pollutionSinceStart, runTarget } from './harness.js';
import { build, readOnce } from './hostile.js';
import { positionChecker } from './positions.js';

const base = { description: 'test', defaultCases: 50, sliceCases: 50, caseBudgetMs: 1_000, recipes: fc.integer({ min: 0, max: 100 }) };
const run = (target: FuzzTarget<number, number, unknown>) => runTarget(target, { cases: 50, seed: 42, budgetMs: 30_000, shrinkMs: 5_000 });

describe('fuzz harness', () => {
  it('passes a sound entry point', async () => {
    const report = await run({ ...base, name: 'sound', call: (n) => n * 2, check: (out, n) => (out === n * 2 ? [] : [{ kind: 'invariant', message: 'wrong' }]) });
    expect(report.counts).toEqual({ throw: 0, hang: 0, position: 0, pollution: 0, invariant: 0, batch: 0 });
    expect(report.casesRun).toBe(50);
  });

  it('counts throws, but not documented errors, and shrinks the first one', async () => {
    class Documented extends Error {}
    const report = await run({ ...base, name: 'throws', call: (n) => { if (n > 10) throw new RangeError(`too big: ${n}`); if (n === 0) throw new Documented(); return n; }, documentedError: (e) => e instanceof Documented });
    expect(report.counts.throw).toBeGreaterThan(0);
    expect(report.failures[0]?.kind).toBe('throw');
    expect(report.failures[0]?.shrunk).toMatch(/^11\n/);
  });

  it('reports a case over its budget as a hang', async () => {
    const report = await run({ ...base, name: 'slow', caseBudgetMs: 5, recipes: fc.constant(1), call: () => { const end = performance.now() + 20; while (performance.now() < end); } });
    expect(report.counts.hang).toBe(50);
    expect(report.worstMs).toBeGreaterThanOrEqual(20);
  });

  it('detects prototype pollution and puts the prototype back', async () => {
    const report = await run({ ...base, name: 'polluting', call: (n) => { if (n % 5 === 0) (Object.prototype as Record<string, unknown>).fuzzPolluted = true; } });
    expect(report.counts.pollution).toBeGreaterThan(0);
    expect(report.failures.find((f) => f.kind === 'pollution')?.message).toContain('Object.prototype.fuzzPolluted was added');
    expect('fuzzPolluted' in {}).toBe(false);
    expect(pollutionSinceStart()).toEqual([]);
  });

  it('gives the same cases for the same seed', async () => {
    const seen: number[][] = [[], []];
    for (const list of seen) await run({ ...base, name: 'seeded', call: (n) => list.push(n) });
    expect(seen[0]).toEqual(seen[1]);
  });
});

describe('positions', () => {
  const inside = positionChecker('ab\n\ncd\r\n');
  it('accepts every column of a line and the one past its end', () => {
    expect([inside({ line: 1, column: 1 }, 'x'), inside({ line: 1, column: 3 }, 'x'), inside({ line: 2, column: 1 }, 'x'), inside({ line: 4, column: 1 }, 'x')]).toEqual([undefined, undefined, undefined, undefined]);
  });
  it('refuses a column past the end of its line, a line past the end, and zero', () => {
    expect(inside({ line: 1, column: 4 }, 'x')).toMatch(/line 1 has 2 characters/);
    expect(inside({ line: 5, column: 1 }, 'x')).toMatch(/4 lines/);
    expect(inside({ line: 0, column: 1 }, 'x')).toBeDefined();
  });
});

describe('hostile values and the read-once oracle', () => {
  it('reads an array with an own iterator by index (issue #13.5)', () => {
    const value = build({ kind: 'own-iterator', base: ['choe'], yields: ['kim', 'xi', 'putin'] });
    expect([...(value as string[])]).toEqual(['kim', 'xi', 'putin']);
    expect(readOnce(value)).toEqual({ ok: true, value: ['choe'] });
  });
  it('cannot read a throwing getter, a revoked proxy or a typed array as plain data', () => {
    expect(readOnce(build({ kind: 'throwing-getter', base: ['a'], at: '0' })).ok).toBe(false);
    expect(readOnce(build({ kind: 'revoked-proxy', base: {} })).ok).toBe(false);
    expect(readOnce(build({ kind: 'typed-array', type: 'Uint8Array', length: 3 })).ok).toBe(false);
  });
  it('keeps an own __proto__ key as data, not as a prototype', () => {
    const read = readOnce(build({ kind: 'json', text: '{"__proto__": {"polluted": "yes"}}' }));
    expect(read.ok && Object.keys(read.value as object)).toEqual(['__proto__']);
    expect(read.ok && Object.getPrototypeOf(read.value)).toBe(Object.prototype);
  });
});
