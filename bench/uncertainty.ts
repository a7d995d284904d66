// Benchmark: the cost of the report's confidence intervals over 1,000,000 invocation rows (an
// in-memory FIXTURE table with a made-up duration model; the timings are the measurement, not
// the rows). Every group, the statistics the report shows, Performance Index intervals and cost
// intervals, at the default resample count. Prints seconds; never fails on time.
//   node --import tsx bench/uncertainty.ts [rows] [resamples] [trials]
// With trials ≥ 2 the rows carry a trial column (each group's rows split evenly, each trial's
// durations scaled by its own factor), so every interval is the two-level one.
import * as aq from "arquero";
import { loadManifest } from "../functions/manifest.js";
import { billedDurationMs } from "../runners/dataset/contract.js";
import { costByGroup, loadPriceTable } from "../report/lib/cost/index.js";
import { withBilledDuration } from "../report/lib/metrics/billed.js";
import { COLD_START, withColdStart } from "../report/lib/metrics/cold-start.js";
import { GROUP_KEYS } from "../report/lib/metrics/grouping.js";
import { stat, sortedGroups } from "../report/lib/metrics/statistics.js";
import { TOTAL_DURATION, withTotalDuration } from "../report/lib/metrics/total-duration.js";
import { bootstrapOptions, bootstrapSummary, DEFAULT_BOOTSTRAP, performanceIndexIntervals, piCellsOf, seededRandom } from "../report/lib/uncertainty/index.js";

const rows = Number(process.argv[2] ?? 1_000_000);
const resamples = Number(process.argv[3] ?? DEFAULT_BOOTSTRAP.resamples);
const trials = Number(process.argv[4] ?? 1);
const options = bootstrapOptions({ resamples });
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(2);

const manifest = loadManifest();
const functions = manifest.functions.filter((f) => f.role === "benchmark");
const perGroup = Math.round(rows / (manifest.runtimes.length * functions.length));

let t0 = performance.now();
const random = seededRandom(1);
const n = perGroup * manifest.runtimes.length * functions.length;
const columns = {
  dataset: new Array<string>(n).fill("fixture-bench"),
  memoryMB: new Float64Array(n).fill(128),
  architecture: new Array<string>(n).fill("x86_64"),
  runtime: new Array<string>(n),
  runtimeKind: new Array<string>(n),
  function: new Array<string>(n),
  durationMs: new Float64Array(n),
  initDurationMs: new Array<number | null>(n),
  billedDurationMs: new Float64Array(n),
  maxMemoryUsedMB: new Float64Array(n),
  trial: new Float64Array(n),
};
let i = 0;
manifest.runtimes.forEach((rt, position) => {
  for (const fn of functions) {
    const trialFactors = trials > 1 ? Array.from({ length: trials }, () => Math.exp(0.05 * random.normal())) : [1];
    for (let k = 0; k < perGroup; k++, i++) {
      const trial = Math.floor((k * trials) / perGroup);
      columns.trial[i] = trial + 1;
      const duration = Math.round((5 + position) * (1 + fn.id.length / 3) * trialFactors[trial]! * Math.exp(0.3 * random.normal()) * 1000) / 1000;
      const init = k < 10 ? Math.round(100 * (1 + position) * Math.exp(0.2 * random.normal()) * 1000) / 1000 : null;
      columns.runtime[i] = rt.id;
      columns.runtimeKind[i] = rt.kind;
      columns.function[i] = fn.id;
      columns.durationMs[i] = duration;
      columns.initDurationMs[i] = init;
      columns.billedDurationMs[i] = billedDurationMs("aws-2025-08", rt.kind, duration, init);
      columns.maxMemoryUsedMB[i] = 20 + Math.floor(random.uniform() * 10);
    }
  }
});
const table = withBilledDuration(withColdStart(withTotalDuration(aq.table(columns))), "as-reported");
console.log(
  `fixture table: ${table.numRows().toLocaleString("en-US")} rows in ${manifest.runtimes.length * functions.length} groups of ${trials} trial(s), built in ${seconds(t0)} s (not part of the cost)`,
);

// The per-group sort is shared with the point statistics (metrics/statistics.ts caches it per
// table), so the report pays it once whether or not it draws intervals.
t0 = performance.now();
for (const column of [TOTAL_DURATION, COLD_START, "initDurationMs", "maxMemoryUsedMB", "billedMs", "durationMs"]) sortedGroups(table, GROUP_KEYS, column);
console.log(`shared per-group sort of 6 columns (paid by the point analysis too): ${seconds(t0)} s`);

const tail = [0.95, 0.96, 0.97, 0.98, 0.99, 0.995, 0.999].map((p) => stat.percentile(p));
const expectedRange = [0.1, 0.2, 0.5, 0.8, 0.9].map((p) => stat.percentile(p));
const prices = loadPriceTable();
const steps: [string, () => unknown][] = [
  [
    "Total Duration: p10 p20 p50 p80 p90, p95…p99.9, max",
    () => bootstrapSummary(table, GROUP_KEYS, TOTAL_DURATION, [...expectedRange, ...tail, stat.max()], options),
  ],
  [
    "Cold Start max, Init max, Max Memory max, Duration median",
    () => {
      bootstrapSummary(table, GROUP_KEYS, COLD_START, [stat.max()], options);
      bootstrapSummary(table, GROUP_KEYS, "initDurationMs", [stat.max()], options);
      bootstrapSummary(table, GROUP_KEYS, "maxMemoryUsedMB", [stat.max()], options);
      return bootstrapSummary(table, GROUP_KEYS, "durationMs", [stat.median()], options);
    },
  ],
  ["Billed Duration mean", () => bootstrapSummary(table, GROUP_KEYS, "billedMs", [stat.mean()], options)],
  [
    "Performance Index intervals (max total, max cold start, max memory, mean billed)",
    () => {
      performanceIndexIntervals(piCellsOf(table, TOTAL_DURATION), stat.max(), options);
      performanceIndexIntervals(piCellsOf(table, COLD_START), stat.max(), options);
      performanceIndexIntervals(piCellsOf(table, "maxMemoryUsedMB"), stat.max(), options);
      return performanceIndexIntervals(piCellsOf(table, "billedMs"), stat.mean(), options);
    },
  ],
  [
    "Cost per million under aws-2025-08 and aws-pre-2025-08 (rule recomputation included)",
    () => {
      costByGroup(table, { rule: "aws-2025-08", prices, uncertainty: options });
      return costByGroup(table, { rule: "aws-pre-2025-08", prices, uncertainty: options });
    },
  ],
];
const total = performance.now();
for (const [name, run] of steps) {
  t0 = performance.now();
  run();
  console.log(`  ${seconds(t0)} s  ${name}`);
}
console.log(
  `bootstrap intervals for the report's statistics: ${seconds(total)} s at ${options.resamples.toLocaleString("en-US")} resamples (${options.method}); the whole report's analysis target is ≤ 3 s`,
);
