// issue #12: fuzz the handler in-process with random requests (fixed seed): it
// never throws and never answers 5xx, except 503 with a JSON body when the
// store fails. `npm run fuzz:server` runs the same with 10^5 requests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, failingStore, fuzzTarget, requestArbitrary, toRequest } from './fuzz-requests.js';

describe('issue #12: fuzzed HTTP requests', () => {
  it('never throws, never answers 5xx, always sends a JSON error body', { timeout: 60_000 }, async () => {
    const { handle, token, attemptId } = await fuzzTarget();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArbitrary(token, attemptId), async (spec) => {
        const request = toRequest(spec);
        if (!request) return;
        const status = await check(handle, request, false);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }),
      { seed: 1234, numRuns: 2_000 },
    );
    // The requests reached the routes, not only the 404 and 400 paths.
    for (const status of [200, 400, 401, 404, 405, 413, 415]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  });

  it('answers 503 with a JSON body, never a throw, when every store call fails', { timeout: 60_000 }, async () => {
    const broken = await fuzzTarget(failingStore());
    let unavailable = 0;
    await fc.assert(
      fc.asyncProperty(requestArbitrary(broken.token, broken.attemptId), async (spec) => {
        const request = toRequest(spec);
        if (!request) return;
        const status = await check(broken.handle, request, true);
        expect(status === 503 || status < 500).toBe(true);
        if (status === 503) unavailable++;
      }),
      { seed: 4321, numRuns: 1_000 },
    );
    expect(unavailable).toBeGreaterThan(0);
  });
});
