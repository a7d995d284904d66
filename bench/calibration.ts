// Calibration of the report's intervals and comparison verdicts on synthetic data with known
// truth (DESIGN.md "Protocol"; STYLE: statistics are calibrated, not asserted). Prints figures,
// never fails on them. Everything is seeded: the same arguments print the same numbers on any
// machine, however busy.
//   (a) A/A: pairs of FIXTURE datasets from one generative model with between-trial variance,
//       compared with the report's own compareRuns; the share of comparisons called a change.
//   (b) Power: the candidate's Duration planted 10 % slower everywhere; the share detected.
//   (c) Coverage: two-level intervals of a median, p90 and mean on a model whose truth is known.
//   (d) --aa <dir> <dir>: two real datasets (e.g. two lab campaigns of the same code), compared;
//       how many comparisons are changes.
//   (e) Coverage of the exact order-statistic interval that very large one-trial groups get
//       (report/lib/uncertainty/order-statistic.ts), next to the bootstrap's at the same sizes.
//   npm run bench:calibration -- [--pairs 30] [--coverage 400] [--trials N] [--seed 20251101] [--aa data/x data/y] [--exact-only] [--exact-sizes 20,200,10000,100000]
import * as aq from "arquero";
import { Command } from "commander";
import { loadManifest, warmupHelpers } from "../functions/manifest.js";
import { analysisOf } from "../report/lib/analysis.js";
import { compareRuns, COMPARISON_METRICS, type Comparison } from "../report/lib/compare/index.js";
import { loadDatasets } from "../report/lib/load/datasets.js";
import { perTrial as perTrialStatistic, type TrialValueRow } from "../report/lib/findings/statistics.js";
import { TOTAL_DURATION } from "../report/lib/metrics/total-duration.js";
import { stat, type Statistic } from "../report/lib/metrics/statistics.js";
import {
  bootstrapInterval,
  calibratedInterval,
  DEFAULT_BOOTSTRAP,
  drawReplicates,
  estimateOfSorted,
  isExtreme,
  ORDER_STATISTIC_MIN,
  orderStatisticRanks,
  seededRandom,
  singleTrial,
  streamSeed,
  trialScope,
} from "../report/lib/uncertainty/index.js";
import { DEFAULTS } from "../runners/bench/options.js";
import { fixtureRows } from "../report/test/fixtures/generate.js";

const program = new Command()
  .option("--pairs <n>", "dataset pairs for (a) and for each spread of (b)", "10")
  .option("--coverage <n>", "replications for (c)", "400")
  .option("--trials <n>", "trials per dataset (default: the bench's default)")
  .option(
    "--requests <n>",
    "invocations per function per trial (the bench's default is more; fewer keep this quick, and only narrow the within-trial part)",
    "100",
  )
  .option("--spread <x>", "between-trial spread: sd of the log of each trial × runtime × function's duration factor", "0.05")
  .option("--power-spreads <list>", "spreads at which (b) is measured", "0.02,0.05,0.1")
  .option("--seed <n>", "seed of the synthetic data", "20251101")
  .option("--min-effect <x>", "comparison's minimum relative effect (the report's default)", "0.05")
  .option("--aa <dirs...>", "(d): two dataset folders of the same code to compare")
  .option("--exact-sizes <list>", "(e): group sizes at which the order-statistic interval is checked", "20,200,10000,100000")
  .option("--exact-only", "run (e) alone")
  .parse();
const opts = program.opts<{
  pairs: string;
  coverage: string;
  trials?: string;
  requests: string;
  spread: string;
  powerSpreads: string;
  seed: string;
  minEffect: string;
  aa?: string[];
  exactSizes: string;
  exactOnly?: boolean;
}>();

const trials = Number(opts.trials ?? DEFAULTS.trials);
const trialsSource = opts.trials ? "--trials" : "the bench's default, runners/bench/options.ts DEFAULTS.trials";
const pairs = Number(opts.pairs);
const perTrial = Number(opts.requests);
const spread = Number(opts.spread);
const seed = Number(opts.seed);
const minEffect = Number(opts.minEffect);
const confidence = DEFAULT_BOOTSTRAP.confidence;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const t0 = performance.now();

if (opts.aa) {
  await realAa(opts.aa);
} else {
  console.log(
    `Calibration on synthetic data (FIXTURE model: report/test/fixtures/generate.ts), seed ${seed}, ${pct(confidence)} intervals, ${DEFAULT_BOOTSTRAP.resamples} resamples.`,
  );
  console.log(
    `Trials per dataset: ${trials} (${trialsSource}); ${perTrial} invocations per runtime × function per trial (4 cold); between-trial spread σ = ${spread} (log scale, per trial × runtime × function); min effect ${pct(minEffect)}.`,
  );
  console.log(
    "Within a trial the model draws Duration = base × speed × (0.8 + 0.4U, plus U × 2 for 5 % outliers), × 3 when cold, Init Duration for cold invocations; numbers are made up.\n",
  );
  if (!opts.exactOnly) {
    aaAndPower();
    coverage();
  }
  orderStatisticCoverage();
}
console.log(`\n(${((performance.now() - t0) / 1000).toFixed(1)} s)`);

function table(rows: ReturnType<typeof fixtureRows>["invocations"]) {
  const manifest = loadManifest();
  const kind = new Map(manifest.runtimes.map((r) => [r.id, r.kind]));
  return aq.from(rows.map((r) => ({ ...r, runtimeKind: kind.get(r.runtime)! })));
}

function dataset(pair: number, side: number, factor: number, trialSpread = spread) {
  return table(
    fixtureRows({
      seed: seed + 2 * pair + side,
      trials,
      trialSpread,
      invocationsPerFunction: perTrial,
      dropFunctions: warmupHelpers(loadManifest()).map((f) => f.id),
      ...(factor === 1 ? {} : { slowdown: { factor } }),
    }).invocations,
  );
}

interface Tally {
  total: number;
  changes: number;
}

function tally(into: Map<string, Tally>, c: Comparison, counts: (verdict: string) => boolean) {
  for (const change of c.changes) {
    const t = into.get(change.metric) ?? { total: 0, changes: 0 };
    t.total++;
    if (counts(change.verdict)) t.changes++;
    into.set(change.metric, t);
  }
}

function printTally(title: string, byMetric: Map<string, Tally>) {
  const all = [...byMetric.values()].reduce((a, t) => ({ total: a.total + t.total, changes: a.changes + t.changes }), { total: 0, changes: 0 });
  console.log(`${title}: ${all.changes} of ${all.total} comparisons (${pct(all.changes / all.total)})`);
  for (const m of COMPARISON_METRICS) {
    const t = byMetric.get(m.id);
    if (t) console.log(`  ${m.label.padEnd(26)} ${String(t.changes).padStart(4)} of ${t.total} (${pct(t.changes / t.total)})`);
  }
}

function aaAndPower() {
  const aa = new Map<string, Tally>();
  const aaNoMinimum = new Map<string, Tally>();
  for (let p = 0; p < pairs; p++) {
    const baseline = dataset(p, 0, 1);
    const same = dataset(p, 1, 1);
    const uncertainty = { seed: seed + p };
    tally(aa, compareRuns(baseline, same, { minEffect, uncertainty }), (v) => v !== "no clear difference");
    tally(aaNoMinimum, compareRuns(baseline, same, { minEffect: 0, uncertainty }), (v) => v !== "no clear difference");
  }
  console.log(`(a) Synthetic A/A: ${pairs} pairs of datasets from one model, σ = ${spread} (target: at most 6 % changes at ${pct(confidence)})`);
  printTally(`    changes with min effect ${pct(minEffect)}`, aa);
  printTally("    changes with no min effect (interval alone)", aaNoMinimum);

  const spreads = opts.powerSpreads.split(",").map(Number);
  console.log(`\n(b) Power: the candidate's Duration 10 % longer in every group, ${pairs} pairs per spread (target: at least 80 % detected as regressions)`);
  for (const trialSpread of spreads) {
    const power = new Map<string, Tally>();
    for (let p = 0; p < pairs; p++) {
      const baseline = dataset(p + 2 * pairs, 0, 1, trialSpread);
      const slower = dataset(p + 2 * pairs, 1, 1.1, trialSpread);
      tally(power, compareRuns(baseline, slower, { minEffect, uncertainty: { seed: seed + p } }), (v) => v === "regression");
    }
    printTally(`    σ = ${trialSpread}: regressions detected`, power);
  }
  console.log("    (maxima and cold starts move less than 10 %: Init Duration is not slowed, and a max rests on a few invocations)");
}

/**
 * (c): per trial, durations m·exp(b + σ_w·z) with b ~ N(0, σ_b²) shared by the trial's invocations,
 * z ~ N(0, 1). Pooled over trials the values are lognormal with log-variance σ_b² + σ_w², whose
 * median, p90 and mean are known in closed form; the pooled sample's p90 with few trials sits
 * slightly inside the population's, as any estimator's would.
 */
function coverage() {
  const reps = Number(opts.coverage);
  const n = perTrial;
  const m = 10;
  const sigmaW = 0.3;
  console.log(`\n(c) Coverage of ${pct(confidence)} two-level intervals, ${reps} replications each (target: 93–97 %)`);
  console.log(`    model: ${n} values per trial, m·exp(b + ${sigmaW}·z), m = ${m}, b ~ N(0, σ_b²) per trial; truth = the pooled lognormal's statistic`);
  const statistics: [string, Statistic, (s2: number) => number][] = [
    ["median", stat.median(), () => m],
    ["p90", stat.percentile(0.9), (s2) => m * Math.exp(1.2815515655446004 * Math.sqrt(s2))],
    ["mean", stat.mean(), (s2) => m * Math.exp(s2 / 2)],
  ];
  for (const T of [...new Set([3, trials])].sort((a, b) => a - b)) {
    for (const sigmaB of [...new Set([0, spread, 0.15])]) {
      const random = seededRandom(seed + 1000 * T + Math.round(sigmaB * 1000));
      const covered = statistics.map(() => 0);
      const s2 = sigmaB * sigmaB + sigmaW * sigmaW;
      for (let r = 0; r < reps; r++) {
        const sample = Array.from({ length: T }, () => {
          const b = sigmaB * random.normal();
          return Float64Array.from({ length: n }, () => m * Math.exp(b + sigmaW * random.normal()));
        });
        statistics.forEach(([, s, truth], i) => {
          const interval = bootstrapInterval(sample, s, { seed: seed + r });
          if (interval.lower <= truth(s2) && truth(s2) <= interval.upper) covered[i]!++;
        });
      }
      console.log(
        `    T = ${String(T).padStart(2)}, σ_b = ${sigmaB.toFixed(2)}: ${statistics.map(([name], i) => `${name} ${pct(covered[i]! / reps)}`).join(", ")}`,
      );
    }
  }
  console.log(`    (binomial standard error of each figure: about ${pct(Math.sqrt((confidence * (1 - confidence)) / reps))})`);
}

/**
 * (e): one trial of n lognormal values m·exp(σ·z), whose median, p90 and p99 are known. The exact
 * interval is [x₍j₎, x₍k₎] from the binomial ranks (what the report prints for one-trial groups of
 * at least ORDER_STATISTIC_MIN invocations); the bootstrap's is computed at the same n for
 * comparison (what smaller groups get). The ranks' coverage is exact for any n, so small n are
 * shown too, where the rule is not applied.
 */
function orderStatisticCoverage() {
  const reps = Number(opts.coverage);
  const sizes = opts.exactSizes.split(",").map(Number);
  const m = 10;
  const sigma = 0.5;
  const o = { ...DEFAULT_BOOTSTRAP };
  console.log(
    `\n(e) Coverage of ${pct(confidence)} order-statistic intervals (exact ranks, no resampling) vs the bootstrap's, one trial, ${reps} replications each (target: at least ${pct(confidence)} for the exact interval)`,
  );
  console.log(`    model: n values m·exp(${sigma}·z), m = ${m}; the report uses the exact interval from n = ${ORDER_STATISTIC_MIN.toLocaleString("en-US")} on`);
  const statistics: [string, Statistic, number][] = [
    ["median", stat.median(), m],
    ["p90", stat.percentile(0.9), m * Math.exp(1.2815515655446004 * sigma)],
    ["p99", stat.percentile(0.99), m * Math.exp(2.3263478740408408 * sigma)],
  ];
  for (const n of sizes) {
    const random = seededRandom(seed + 7 * n);
    const exact = statistics.map(() => ({ covered: 0, defined: 0, width: 0 }));
    const boot = statistics.map(() => ({ covered: 0, width: 0 }));
    for (let r = 0; r < reps; r++) {
      const sorted = Float64Array.from({ length: n }, () => m * Math.exp(sigma * random.normal())).sort();
      statistics.forEach(([, s, truth], i) => {
        const p = s.kind === "percentile" ? s.p : 0.5;
        const ranks = orderStatisticRanks(n, p, confidence);
        if (ranks) {
          const [lower, upper] = [sorted[ranks.lower - 1]!, sorted[ranks.upper - 1]!];
          exact[i]!.defined++;
          exact[i]!.width += (upper - lower) / truth;
          if (lower <= truth && truth <= upper) exact[i]!.covered++;
        }
        // The bootstrap as intervalOfSample draws it (the rule bypassed).
        const draws = drawReplicates(singleTrial(sorted), s, o, seededRandom(streamSeed(o.seed + r, ["e", n], s)));
        const b = calibratedInterval(estimateOfSorted(sorted, s), draws.replicates, confidence, isExtreme(s), draws.calibration.df);
        boot[i]!.width += (b.upper - b.lower) / truth;
        if (b.lower <= truth && truth <= b.upper) boot[i]!.covered++;
      });
    }
    const cells = statistics.map(([name], i) => {
      const e = exact[i]!;
      const exactText = e.defined === 0 ? "no interval at this n" : `exact ${pct(e.covered / e.defined)} (width ${pct(e.width / e.defined)} of the truth)`;
      return `${name} ${exactText}, bootstrap ${pct(boot[i]!.covered / reps)} (width ${pct(boot[i]!.width / reps)})`;
    });
    console.log(`    n = ${n.toLocaleString("en-US").padStart(7)}${n >= ORDER_STATISTIC_MIN ? " (rule applies)" : ""}: ${cells.join("; ")}`);
  }
  console.log(`    (binomial standard error of each coverage: about ${pct(Math.sqrt((confidence * (1 - confidence)) / reps))})`);
}

async function realAa(dirs: string[]) {
  if (dirs.length !== 2) throw new Error(`--aa takes two dataset folders (got ${dirs.length}): npm run bench:calibration -- --aa data/run-a data/run-b`);
  const [a, b] = await Promise.all(dirs.map((d) => loadDatasets([d])));
  const [analysisA, analysisB] = [analysisOf(a!), analysisOf(b!)];
  const [before, after] = [analysisA.table, analysisB.table];
  const comparison = compareRuns(before, after, { minEffect });
  const keys = ["memoryMB", "architecture", "runtime", "function"];
  const describe = (t: aq.ColumnTable) => {
    const s = trialScope(t, keys);
    return s.min === s.max ? `${s.min} trial${s.min === 1 ? "" : "s"}` : `${s.min}–${s.max} trials`;
  };
  console.log(
    `(d) Real A/A: ${dirs[0]} (${describe(before)} per group) vs ${dirs[1]} (${describe(after)} per group), min effect ${pct(minEffect)}, ${pct(confidence)} intervals (target: at most 5 % changes)`,
  );
  const byMetric = new Map<string, Tally>();
  tally(byMetric, comparison, (v) => v !== "no clear difference");
  printTally("    changes", byMetric);
  const regressions = comparison.changes.filter((c) => c.verdict === "regression").length;
  const improvements = comparison.changes.filter((c) => c.verdict === "improvement").length;
  console.log(`    ${regressions} regressions, ${improvements} improvements`);
  // The spread to give the synthetic model (--spread) so that (a)–(c) describe runs like these.
  const logRatios = comparison.changes
    .filter((c) => c.metric === "total-p50" && c.baseline.estimate > 0 && c.candidate.estimate > 0)
    .map((c) => Math.log(c.candidate.estimate / c.baseline.estimate));
  if (logRatios.length > 0) {
    const rms = Math.sqrt(logRatios.reduce((t, x) => t + x * x, 0) / logRatios.length);
    console.log(
      `    p50 Total Duration, run vs run: rms log ratio ${rms.toFixed(3)} over ${logRatios.length} groups, i.e. about ${(rms / Math.SQRT2).toFixed(3)} per run (run-to-run plus within-run noise of the pooled median; with T trials per run, the per-trial spread is about √T times that)`,
    );
  }
  for (const [dir, analysis] of [
    [dirs[0]!, analysisA],
    [dirs[1]!, analysisB],
  ] as const) {
    // Every function measured, conc included (the findings' own list leaves it to Mitigations).
    const functions = [...new Set(analysis.table.array("function") as string[])];
    const spread = trialSpread(perTrialStatistic(analysis, TOTAL_DURATION, stat.median(), functions));
    if (spread)
      console.log(
        `    p50 Total Duration between the trials of ${dir}: rms over ${spread.groups} groups of the standard deviation of log per-trial medians ${spread.rms.toFixed(3)} (largest ${spread.largest.value.toFixed(3)}, ${spread.largest.group})`,
      );
  }
}

/** The between-trial spread of per-trial statistics: per group, the sample standard deviation of their logs; the rms over groups and the largest. */
function trialSpread(rows: readonly TrialValueRow[]): { rms: number; groups: number; largest: { group: string; value: number } } | null {
  const logs = new Map<string, number[]>();
  for (const r of rows) {
    if (r.trialValue === null || r.trialValue <= 0) continue;
    const group = `${r.setting} ${r.runtime}/${r.function}`;
    (logs.get(group) ?? logs.set(group, []).get(group)!).push(Math.log(r.trialValue));
  }
  const sd = (v: number[]) => {
    const mean = v.reduce((t, x) => t + x, 0) / v.length;
    return Math.sqrt(v.reduce((t, x) => t + (x - mean) ** 2, 0) / (v.length - 1));
  };
  const sds = [...logs].filter(([, v]) => v.length > 1).map(([group, v]) => ({ group, value: sd(v) }));
  if (sds.length === 0) return null;
  const largest = sds.reduce((m, s) => (s.value > m.value ? s : m));
  return { rms: Math.sqrt(sds.reduce((t, s) => t + s.value ** 2, 0) / sds.length), groups: sds.length, largest };
}
