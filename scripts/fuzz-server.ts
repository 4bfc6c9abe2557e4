/**
 * Fuzzes the exam handler with 10^5 random requests (issue #12) and prints
 * the statuses it answered. Exits 1 on a thrown error, a 5xx, or an error
 * without a JSON body. Then 10^4 more against a store that always fails,
 * where 503 (with a JSON body) is the only 5xx allowed.
 *
 *     npm run fuzz:server [-- runs seed]
 */
import fc from 'fast-check';
import { check, failingStore, fuzzTarget, requestArbitrary, toRequest } from '../tests/server/fuzz-requests.js';

const runs = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 1234);

async function fuzz(label: string, target: Awaited<ReturnType<typeof fuzzTarget>>, count: number, allow5xx: boolean) {
  const statuses = new Map<number, number>();
  let skipped = 0;
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(requestArbitrary(target.token, target.attemptId), async (spec) => {
      const request = toRequest(spec);
      if (!request) {
        skipped++;
        return;
      }
      const status = await check(target.handle, request, allow5xx);
      if (allow5xx && status >= 500 && status !== 503) throw new Error(`${status} from a failing store; expected 503`);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }),
    { seed, numRuns: count, endOnFailure: true },
  );
  const seconds = (performance.now() - started) / 1000;
  const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
  const by = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ');
  console.log(`${label}: ${sent} requests through the handler (${skipped} refused by fetch's Request before any server), seed ${seed}, ${seconds.toFixed(1)} s`);
  console.log(`  0 thrown, ${[...statuses.entries()].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0)} 5xx — ${by}`);
}

await fuzz('memory store', await fuzzTarget(), runs, false);
await fuzz('failing store', await fuzzTarget(failingStore()), Math.ceil(runs / 10), true);
