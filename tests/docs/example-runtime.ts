// The checks an instrumented example calls (see `instrument` in examples-lib.ts).
// One example runs at a time: `beginRun` resets the record, `endRun` settles it.
import { format } from 'node:util';
import { expect } from 'vitest';
import type { Claim } from './examples-lib.js';

let claims: readonly Claim[] = [];
let reached = new Set<number>();
let pending: Promise<void>[] = [];

export function beginRun(next: readonly Claim[]): void {
  claims = next;
  reached = new Set();
  pending = [];
}

/** Waits for `// throws` checks on promises, then fails if a claim was never reached. */
export async function endRun(): Promise<void> {
  await Promise.all(pending);
  const missed = claims.filter((_, index) => !reached.has(index));
  if (missed.length > 0) {
    throw new Error(`Claims never reached (a branch not taken?): ${missed.map((c) => `line ${c.line}: ${c.source}`).join('; ')}`);
  }
}

const label = (index: number) => {
  const claim = claims[index];
  return claim ? `line ${claim.line}: ${claim.source} //=> ${claim.expected}` : `claim ${index}`;
};

export function __check(index: number, actual: unknown, expected: unknown): void {
  reached.add(index);
  expect(actual, label(index)).toEqual(expected);
}

export function __print(index: number, args: unknown[], expected: string): void {
  reached.add(index);
  expect(format(...args), label(index)).toBe(expected);
}

const errorName = (error: unknown) =>
  error instanceof Error ? [error.name, error.constructor.name] : [typeof error];

export function __throws(index: number, run: () => unknown, name: string): void {
  reached.add(index);
  const claim = claims[index];
  const where = claim ? `line ${claim.line}: ${claim.source}` : `claim ${index}`;
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    expect(errorName(error), `${where} throws ${name}`).toContain(name);
    return;
  }
  if (result instanceof Promise) {
    pending.push(
      result.then(
        () => {
          throw new Error(`${where}: expected a rejection with ${name}, but it resolved`);
        },
        (error: unknown) => {
          expect(errorName(error), `${where} rejects with ${name}`).toContain(name);
        },
      ),
    );
    return;
  }
  throw new Error(`${where}: expected it to throw ${name}, but it returned ${format(result)}`);
}
