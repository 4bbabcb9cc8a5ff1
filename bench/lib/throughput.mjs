// Throughput comparison of several implementations of the same operation, measured in one process
// so the ratios are fair: a warm-up for every case first, then rounds in rotating order, median.
import { median } from './median.mjs';

/**
 * @param {{ name: string, run: () => string }[]} cases
 * @param {{ iterations?: number, rounds?: number, warmup?: number }} [options]
 * @returns {{ name: string, opsPerSecond: number, rounds: number[] }[]}
 */
export function compareThroughput(cases, { iterations = 20_000, rounds = 7, warmup = 5_000 } = {}) {
  // Summing output lengths keeps every call observable, so no engine can skip the work.
  let checksum = 0;
  for (const { run } of cases) for (let i = 0; i < warmup; i++) checksum += run().length;

  const samples = new Map(cases.map(({ name }) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    // Rotating the order spreads GC pauses and CPU frequency drift over all cases.
    for (let k = 0; k < cases.length; k++) {
      const { name, run } = cases[(round + k) % cases.length];
      const start = performance.now();
      for (let i = 0; i < iterations; i++) checksum += run().length;
      const seconds = (performance.now() - start) / 1000;
      samples.get(name).push(iterations / seconds);
    }
  }
  if (checksum === 0) throw new Error('benchmark cases returned empty strings');

  return cases.map(({ name }) => ({
    name,
    opsPerSecond: median(samples.get(name)),
    rounds: samples.get(name),
  }));
}
