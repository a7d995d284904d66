// Benchmark: sorting a Float64Array with the built-in sort and with the radix sort of
// report/lib/metrics/sort.ts, on FIXTURE durations (seeded, made up: microsecond-rounded with a
// long tail, as in datasets). Prints the median time of each and which one sortFloat64InPlace
// uses at that length; checks the two orders are identical. Never fails on time.
//   node --import tsx bench/sort.ts [sizes, default 1000,2000,3000,4000,5000,6000,10000,50000,100000,1000000]
import { loadavg } from "node:os";
import { seededRandom } from "../report/test/fixtures/generate.js";
import { RADIX_SORT_MIN_LENGTH, radixSortFloat64 } from "../report/lib/metrics/sort.js";

const sizes = (process.argv[2] ?? "1000,2000,3000,4000,5000,6000,10000,50000,100000,1000000").split(",").map(Number);

function durations(n: number): Float64Array {
  const random = seededRandom(n);
  return Float64Array.from({ length: n }, () => Math.round((2 + random() * 30) * (random() < 0.02 ? 1 + random() * 5 : 1) * 1000) / 1000);
}

/** Median milliseconds of one sort of a fresh copy, over enough repetitions for about 0.5 s per size. */
function median(sort: (a: Float64Array) => unknown, values: Float64Array): number {
  const reps = Math.max(5, Math.min(1001, Math.round(2e6 / values.length)));
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const copy = values.slice();
    const t0 = performance.now();
    sort(copy);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[reps >> 1]!;
}

console.log(`load average ${loadavg()[0]!.toFixed(2)}; radix sort from ${RADIX_SORT_MIN_LENGTH} elements`);
console.log("elements   built-in ms   radix ms   built-in/radix   sortFloat64InPlace uses");
for (const n of sizes) {
  const values = durations(n);
  const a = values.slice().sort();
  const b = radixSortFloat64(values.slice());
  const wa = new Uint32Array(a.buffer);
  const wb = new Uint32Array(b.buffer);
  for (let i = 0; i < wa.length; i++) if (wa[i] !== wb[i]) throw new Error(`the radix order differs from the built-in one at element ${i >> 1} of ${n}`);
  // Both warmed up before timing.
  median((x) => x.sort(), values);
  median(radixSortFloat64, values);
  const builtIn = median((x) => x.sort(), values);
  const radix = median(radixSortFloat64, values);
  const uses = n >= RADIX_SORT_MIN_LENGTH ? "radix" : "built-in";
  console.log(
    `${String(n).padStart(8)}   ${builtIn.toFixed(3).padStart(11)}   ${radix.toFixed(3).padStart(8)}   ${(builtIn / radix).toFixed(2).padStart(14)}   ${uses}`,
  );
}
