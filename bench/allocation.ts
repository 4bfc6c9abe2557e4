/**
 * Bytes allocated per unit of work, counted exactly from V8's own heap
 * figures: the used heap after the work, less before, plus what every garbage
 * collection in between freed (`v8.GCProfiler` reports the used heap before and
 * after each one). Not a timing, so load does not disturb it; run after the
 * contender is warm (optimised code allocates less than the interpreter).
 */
import { GCProfiler, getHeapStatistics } from 'node:v8';

const gc = (globalThis as { gc?: () => void }).gc;

interface HeapFigures {
  readonly heapStatistics: { readonly usedHeapSize: number };
}

export function bytesPerUnit(units: number, pass: () => void, passes = 3): number {
  pass(); // warm
  gc?.();
  const profiler = new GCProfiler();
  const start = getHeapStatistics().used_heap_size;
  profiler.start();
  for (let i = 0; i < passes; i++) pass();
  const end = getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop() as unknown as { statistics: { beforeGC: HeapFigures; afterGC: HeapFigures }[] };
  // Allocation is what the heap grew by, with every collection's frees added back.
  let freed = 0;
  for (const { beforeGC, afterGC } of statistics) freed += beforeGC.heapStatistics.usedHeapSize - afterGC.heapStatistics.usedHeapSize;
  return Math.max(0, end - start + freed) / (units * passes);
}
