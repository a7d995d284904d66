// Every sentence the report prints, as functions of the numbers (STYLE habit 11). Sections
// compute the numbers; this module only words them. Formatting lives in format.ts.
import { factor, factorRange, gbs, level as confidenceLevel, list, mb, ms, pct, pctRange } from "./format.js";
import type { TrialScope } from "../uncertainty/trials.js";

/** A runtime's overall index with its interval (null when it has none). */
export interface Ranked {
  runtime: string;
  pi: number;
  piLower: number | null;
  piUpper: number | null;
}

/** A runtime's value of some statistic (e.g. a median). */
export interface RuntimeValue {
  runtime: string;
  value: number;
}

/** A runtime's value with its interval (null ends when there is none). */
export interface RuntimeInterval extends RuntimeValue {
  lower: number | null;
  upper: number | null;
}

/** "153 % (140–160 %)". */
const pctWithInterval = (g: RuntimeInterval) => (g.lower === null || g.upper === null ? pct(g.value) : `${pct(g.value)} (${pctRange(g.lower, g.upper)})`);

/** Datasets of one protocol class, the memory sizes they hold, and the protocol fields that set them apart. */
export interface ProtocolGroupSizes {
  datasets: string[];
  sizes: number[];
  fields: Record<string, string>;
}
const groupDescription = (g: ProtocolGroupSizes) =>
  `${list(g.datasets)} at ${list(g.sizes.map(mb))}: ${Object.entries(g.fields)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`;

const inSetting = (setting: string) => `In **${setting}**`;

/** "5.3× (4.8–5.9×)": the index and its interval, when the interval says more than the index. */
const indexWithInterval = (r: Ranked) => {
  if (r.piLower === null || r.piUpper === null) return factor(r.pi);
  const range = factorRange(r.piLower, r.piUpper);
  return range === factor(r.pi) ? range : `${factor(r.pi)} (${range})`;
};
/** The unit a value is worded in. */
export type Unit = "ms" | "MB";

/** A function measured on one runtime only. */
export interface Alone {
  function: string;
  runtime: string;
}
const aloneList = (alone: readonly Alone[]) => list(alone.map((a) => `\`${a.function}\` on ${a.runtime} only`));

const names = (rs: readonly { runtime: string }[]) => list(rs.map((r) => r.runtime));
const noClearDifference = (rs: readonly { runtime: string }[]) => `no clear difference between ${names(rs)}`;

/**
 * Summary headline for a PI: `ranked` best first, `level` the runtimes level with the leader.
 * `lead` words a clear leader, `share` a shared lead.
 */
function headline(ranked: Ranked[], level: Ranked[], lead: (first: Ranked, last: Ranked) => string, share: (level: Ranked[], last: Ranked) => string): string {
  const last = ranked[ranked.length - 1]!;
  if (level.length >= ranked.length) return `${noClearDifference(ranked)}.`;
  return level.length === 1 ? lead(ranked[0]!, last) : share(level, last);
}

/**
 * "Rust has the lowest median (2 ms)", a shared lowest, or no clear difference at all; `highest`
 * adds "and Node.js the highest (8 ms)" where the lowest is not everyone.
 */
function lowestOf(what: string, whats: string, lowest: RuntimeValue[], all: number, highest?: RuntimeValue): string {
  const high = highest ? `${ms(highest.value)}` : "";
  if (all === 1) return `only ${lowest[0]!.runtime} has data (${what} ${ms(lowest[0]!.value)})`;
  if (lowest.length >= all) return `the ${whats} show no clear difference between ${list(lowest.map((r) => `${r.runtime} (${ms(r.value)})`))}`;
  if (lowest.length === 1)
    return `${lowest[0]!.runtime} has the lowest ${what} (${ms(lowest[0]!.value)})${highest ? ` and ${highest.runtime} the highest (${high})` : ""}`;
  return `${names(lowest)} have the lowest ${whats} (${list(lowest.map((r) => ms(r.value)))}), with no clear difference between them${highest ? `, and ${highest.runtime} has the highest (${high})` : ""}`;
}

/** Whether the intervals include run-to-run variation, from the groups' trial counts. */
export function trialsNote(t: TrialScope): string {
  if (t.max <= 1)
    return "Each group was measured in one trial (one run), so the intervals show the spread inside that run only: **run-to-run variation was not measured**.";
  const several = t.min === t.max ? `${t.min} trials` : `${Math.max(2, t.min)} to ${t.max} trials`;
  if (t.min >= 2)
    return `Each group was measured in ${several}, and the intervals come from a two-level bootstrap (trials, then invocations), so they include run-to-run variation.`;
  return `Groups measured in ${several} have two-level intervals that include run-to-run variation; for groups measured in one trial, **run-to-run variation was not measured**.`;
}

export const messages = {
  // Conventions stated wherever they matter.
  /** In table titles: a PI replicate whose value is 0 (e.g. a resample without a cold start) has no finite index. */
  unboundedNote: () => "an empty piUpper means the interval has no finite upper end: some resamples scored a value of 0",
  /** Read next to every Performance Index figure and sentence. */
  intervalNote: (confidence: number, trials: TrialScope) =>
    `Intervals (in brackets in the text, as error bars or shaded bands in the figures) are ${confidenceLevel(confidence)} confidence intervals (see Method); the text ranks runtimes only where their intervals do not overlap, and says "no clear difference" otherwise. ${trialsNote(trials)}`,
  piDefinition: () =>
    "The Performance Index (PI) compares runtimes function by function: for a lower-is-better value v, PI(r) = max v / v(r), so the worst runtime scores 1 and a runtime scoring 4 is four times as good. A runtime's overall index is the mean of its per-function indexes.",
  percentileDefinition: (definition: string) => `Percentiles use ${definition}.`,
  coldStartConvention: () =>
    "Cold Start Duration is the Total Duration (Duration + Init Duration) of an invocation that started a new instance and **0 for a warm invocation**, so statistics over it count warm invocations as 0.",
  variantsElsewhere: (variants: string[]) =>
    variants.length
      ? `The concurrent variant${variants.length > 1 ? "s" : ""} ${list(variants.map((v) => `\`${v}\``))} appear${variants.length > 1 ? "" : "s"} only under Mitigations (c).`
      : "",
  noData: (what: string) => `No data for ${what} in the datasets given, so this part is left out.`,

  // Performance-index headlines, shared by several sections.
  /** `ranked` best first; `level` the runtimes whose interval overlaps the leader's (the leader included). */
  piLeader: (setting: string, metric: string, ranked: Ranked[], level: Ranked[]) => {
    if (ranked.length < 2) return `${inSetting(setting)}, only ${ranked[0]?.runtime ?? "no runtime"} has data for ${metric}, so there is nothing to compare.`;
    const [first, second] = ranked as [Ranked, Ranked];
    const last = ranked[ranked.length - 1]!;
    // "Rust scores 5.3× (4.7–14×) and Go 2.4× (2.1–7.9×)"
    const withIndexes = (rs: Ranked[]) => list(rs.map((r, i) => `${r.runtime}${i === 0 ? " scores" : ""} ${indexWithInterval(r)}`));
    if (level.length >= ranked.length)
      return `${inSetting(setting)}, there is ${noClearDifference(ranked)} on ${metric}; their intervals overlap: ${withIndexes(ranked)}.`;
    const lastPart = `${last.runtime} comes last at ${factor(last.pi)}`;
    if (level.length === 1) {
      return `${inSetting(setting)}, ${first.runtime} leads on ${metric} with an index of ${indexWithInterval(first)}, clearly ahead of the runner-up, ${second.runtime}, at ${indexWithInterval(second)}${ranked.length > 2 ? `; ${lastPart}` : ""}.`;
    }
    return `${inSetting(setting)}, ${names(level)} lead on ${metric}, with no clear difference between them: ${withIndexes(level)}; ${lastPart}.`;
  },
  /** `alone`: the functions of the setting measured on one runtime only. */
  nothingCompares: (setting: string, metric: string, alone: Alone[]) =>
    `${inSetting(setting)}, no function ran on more than one runtime (${aloneList(alone)}), so no runtime is compared with another on ${metric}; the figures show each function's own values.`,
  /** One runtime alone in the setting: its own value per function instead of an index. */
  onlyRuntime: (setting: string, runtime: string, metric: string, values: { function: string; value: number }[], unit: Unit) =>
    `${inSetting(setting)}, only ${runtime} has data, so no runtime is compared with another on ${metric}${
      values.length ? `: ${list(values.map((v) => `${unit === "MB" ? mb(v.value) : ms(v.value)} on \`${v.function}\``))}` : ""
    }.`,
  notCompared: (setting: string, alone: Alone[]) =>
    `${inSetting(setting)}, ${aloneList(alone)}: ${alone.length > 1 ? "these functions ran" : "this function ran"} on one runtime only, so ${alone.length > 1 ? "they are" : "it is"} left out of the comparison and counted as 1× in ${alone.length > 1 ? "their runtimes' overall indexes" : "its runtime's overall index"}.`,
  piUndefined: (runtimes: string[], metric: string) =>
    `${list(runtimes)} recorded a ${metric} of 0 for some function; a zero has no finite index, so those functions are left out of ${runtimes.length > 1 ? "their" : "its"} overall index.`,

  expectedRangeIntro: () =>
    "The expected range shows Total Duration from the 10th to the 90th percentile (light band), with the 20th–80th percentile range highlighted and the median marked. It leaves the outliers out on purpose; the next sections are about them.",
  /** `lowest`: the runtimes level with the lowest median; `all`: how many runtimes have one. */
  expectedRangeFunction: (setting: string, fn: string, lowest: RuntimeValue[], all: number, highest: RuntimeValue, narrowest: string, width: number) =>
    `${inSetting(setting)}, \`${fn}\`: ${lowestOf("median", "medians", lowest, all, highest)}; ${all === 1 ? `its p10–p90 range spans ${ms(width)}` : `${narrowest} has the narrowest p10–p90 range (${ms(width)})`}.`,

  worstCaseIntro: () =>
    "The worst case is the maximum Total Duration (Duration + Init Duration) each runtime reached for each function: the slowest response a user saw.",
  /** `leaders`: each runtime that had the lowest value in some trial, with those trials (at least two runtimes). */
  trialsDisagree: (setting: string, fn: string, what: string, leaders: { runtime: string; trials: number[] }[]) =>
    `${inSetting(setting)}, the trials disagree on which runtime has the lowest ${what} of \`${fn}\`: ${list(
      leaders.map((l) => `${l.runtime} in trial${l.trials.length === 1 ? "" : "s"} ${list(l.trials.map(String))}`),
    )}.`,
  worstCaseSpread: (setting: string, best: string, bestMax: number, worst: string, worstMax: number, worstFn: string) =>
    `${inSetting(setting)}, ${best}'s worst case stays at or under ${ms(bestMax)} for every function, while ${worst} reaches ${ms(worstMax)} on \`${worstFn}\`.`,

  tailIntro: () =>
    "The tail plots Total Duration from the 95th to the 100th percentile. With a burst of concurrent requests, cold starts typically land in the last percentiles, which is where the lines climb.",
  /** `lowest`: the runtimes level with the lowest 99th percentile; `all`: how many runtimes have one. */
  tailFunction: (setting: string, fn: string, lowest: RuntimeValue[], all: number, steadiest: string, ratio: number) =>
    `${inSetting(setting)}, \`${fn}\`: ${lowestOf("99th percentile", "99th percentiles", lowest, all)}; ${all === 1 ? "its" : `${steadiest}'s tail rises the least in proportion: its`} maximum is ${factor(ratio)} its 95th percentile.`,

  coldStartIntro: () => "A cold start prepares a new instance (Init Duration) and then runs its first invocation, which is often slower than later ones.",
  coldStartGap: (setting: string, runtime: string, fn: string, gap: number) =>
    `${inSetting(setting)}, the largest gap between max Cold Start and max Init Duration — roughly the first invocation's own time — is ${runtime}'s on \`${fn}\` (${ms(gap)}).`,
  noColdStarts: (setting: string) => `${inSetting(setting)}, no invocation reported an Init Duration, so there were no cold starts to compare.`,

  memoryIntro: () => "Max Memory Used is the peak memory of the instance that served an invocation; the dashed line marks the configured memory size.",
  memoryHeadroom: (setting: string, runtime: string, fn: string, used: number, configured: number) =>
    `${inSetting(setting)}, the highest peak is ${runtime}'s on \`${fn}\`: ${mb(used)} of the ${mb(configured)} configured (${pct((used / configured) * 100)}).`,

  billedIntro: () =>
    "Billed Duration is the time AWS charges for, rounded up to the millisecond; the index compares the mean billed duration per invocation, which is proportional to the duration cost of the run. GB-seconds multiply billed time by the configured memory (1 GB = 1024 MB).",
  labCpuPlan: (
    dataset: string,
    p: {
      cpus: number[];
      support: number[];
      init: number[];
      run: number[];
      initSharesSupport: boolean;
      concurrency: number;
      memoryMB: number;
      instanceCores: number;
      enforced: boolean;
    },
  ) =>
    `**${dataset}** ran on ${p.cpus.length} core(s): the DynamoDB server, API front and load driver on core(s) ${p.support.join(", ")}; initialising instances on core(s) ${p.init.join(", ")}${p.initSharesSupport ? " (shared with the support roles, which the machine has too few cores to separate; an initialising instance outweighs them for CPU)" : ""}; running instances on core(s) ${p.run.join(", ")}, where ${p.concurrency} instances capped at ${p.memoryMB}/1769 of a core need ${p.instanceCores.toFixed(2)} core(s)${p.enforced ? " (enforced with cpusets)" : " (not enforced: no writable cpuset cgroup)"}.`,
  labOversubscribed: (dataset: string) =>
    `**${dataset}** was run with --oversubscribe: its running instances' CPU caps add up to more than the cores left for them, so they compete for CPU and its durations include that contention.`,
  labDbLatency: (dataset: string, description: string, source: string) =>
    `**${dataset}**: every DynamoDB call waits a declared network latency: ${description}. Source: ${source}.`,
  stoppingRule: (
    dataset: string,
    s: { targetPrecision: number; minTrials: number; maxTrials: number; achieved: number | null; met: boolean },
    trials: number,
  ) =>
    `**${dataset}** ran ${s.minTrials} trials, then added trials until the widest 95 % interval of a median Total Duration (per memory size, runtime and function; the two-level bootstrap) was within ±${pct(s.targetPrecision * 100)} of its median, up to ${s.maxTrials}: it stopped after ${trials} trials at ±${s.achieved === null ? "—" : pct(s.achieved * 100)}${s.met ? ", the target met" : ", **short of the target** (the maximum was reached)"}.`,
  tablePrimed: (dataset: string, by: string, requests: number) =>
    `**${dataset}**: before trial 1, ${requests} unmeasured requests of ${by} wrote the items the writing function writes in every segment, so every measured segment of every trial found the same table.`,
  tableNotPrimed: (dataset: string) =>
    `**${dataset}**: the table was not primed before trial 1 (not recorded, or no writing function in the run): segments that ran before the run's first writing segment may have queried an emptier table than later ones.`,
  labNoDbLatency: (dataset: string) => `**${dataset}**: DynamoDB calls were answered at loopback speed (no network latency model).`,
  billedRule: (dataset: string, rule: string, description: string) => `**${dataset}** uses the billing rule \`${rule}\`: ${description}`,
  billedGbs: (setting: string, cheapest: string, cheapestGbs: number, dearest: string, dearestGbs: number) =>
    `${inSetting(setting)}, summed over the functions, ${cheapest} uses the fewest GB-seconds per 1,000 invocations (${gbs(cheapestGbs)}) and ${dearest} the most (${gbs(dearestGbs)}).`,

  memorySizesIntro: () =>
    "(a) **More memory.** On Lambda, more memory also means more CPU, and a higher price per millisecond. The panels put each memory size side by side.",
  oneMemorySize: (size: number, architecture?: string) =>
    `Only one memory size (${mb(size)}) is present${architecture ? ` for ${architecture}` : ""} in the datasets given, so there is nothing to compare across sizes; the figures below show that size alone. Add a dataset measured at another size to see the effect.`,
  memorySizeEffect: (runtime: string, fromSize: number, toSize: number, worstChangePct: number, gbsChangePct: number) =>
    `${runtime}: going from ${mb(fromSize)} to ${mb(toSize)} changes the worst case by ${pct(worstChangePct)} and the GB-seconds per invocation by ${pct(gbsChangePct)}.`,
  provisionedIntro: () =>
    "(b) **Provisioned concurrency** keeps instances initialised ahead of time. As a what-if from the data at hand, the worst case is recomputed with Init Duration removed for the managed runtimes only (custom runtimes keep theirs).",
  noManagedRuntimes: () => "None of the runtimes present is a managed runtime, so removing managed INIT changes nothing.",
  provisionedLeader: (setting: string, ranked: Ranked[], level: Ranked[]) =>
    messages.piLeader(setting, "the worst case once managed INIT is removed", ranked, level),
  concurrencyIntro: (base: string, variant: string) =>
    `(c) **Code optimisation.** \`${variant}\` does \`${base}\`'s work with its queries issued concurrently. Concurrency gain = median Duration of \`${base}\` / median Duration of \`${variant}\` − 1.`,
  /** `pairs`: the manifest's base/variant pairs with the sides the datasets hold. */
  noVariantPair: (pairs: { base: string; variant: string; present: string[] }[]) =>
    pairs.length === 0
      ? "(c) **Code optimisation** needs a function and its concurrent variant (a manifest function with `concurrentVariantOf`); the manifest names none, so there is no concurrency gain to show."
      : `(c) **Code optimisation** needs a function and its concurrent variant measured on the same runtime (${list(pairs.map((p) => `\`${p.base}\` and \`${p.variant}\``))}); ${
          pairs.every((p) => p.present.length === 0)
            ? "the datasets given hold neither"
            : pairs.some((p) => p.present.length === 2)
              ? "no runtime ran both in the same setting"
              : `the datasets given hold only ${list(pairs.flatMap((p) => p.present).map((f) => `\`${f}\``))}`
        }, so there is no concurrency gain to show.`,
  concurrencyGain: (setting: string, gains: RuntimeInterval[]) => `${inSetting(setting)}: ${list(gains.map((g) => `${g.runtime} ${pctWithInterval(g)}`))}.`,

  summaryIntervals: (confidence: number, trials: TrialScope) =>
    `Each index comes with a ${confidenceLevel(confidence)} confidence interval; where the leader's interval overlaps another runtime's, the findings say "no clear difference" instead of ranking them (see Method). ${trialsNote(trials)}`,
  descriptiveStatements: () =>
    "Statements about the narrowest p10–p90 range, the tail that rises the least, the largest gap between max Cold Start and max Init Duration, GB-seconds summed over functions and changes across memory sizes describe the measured invocations and carry no interval.",
  appendixIntro: () =>
    "How the numbers in this report were made. Every statement below is generated from the parameters the report was built with and from the datasets' metadata.",
  summaryIntro: (datasets: string[]) =>
    `Findings computed from ${list(datasets.map((d) => `**${d}**`))}; every number below comes from the sections that follow.`,
  summaryWorstCase: (setting: string, ranked: Ranked[], level: Ranked[]) =>
    `Worst case (${setting}): ${headline(
      ranked,
      level,
      (first, last) => `${first.runtime} leads, ${factor(first.pi / last.pi)} as good as ${last.runtime}.`,
      (lead, last) => `${names(lead)} share the lead with no clear difference between them, up to ${factor(lead[0]!.pi / last.pi)} as good as ${last.runtime}.`,
    )}`,
  summaryColdStart: (setting: string, ranked: Ranked[], level: Ranked[]) =>
    `Cold start (${setting}): ${headline(
      ranked,
      level,
      (first, last) => `${first.runtime} leads, ${factor(first.pi / last.pi)} as good as ${last.runtime}.`,
      (lead, last) => `${names(lead)} share the lead with no clear difference between them, up to ${factor(lead[0]!.pi / last.pi)} as good as ${last.runtime}.`,
    )}`,
  summaryMemory: (setting: string, ranked: Ranked[], level: Ranked[]) =>
    `Memory (${setting}): ${headline(
      ranked,
      level,
      (first, last) => `${first.runtime} uses the least, ${last.runtime} the most (indexes ${factor(first.pi)} and ${factor(last.pi)}).`,
      (lead, last) => `${names(lead)} use the least with no clear difference between them, ${last.runtime} the most.`,
    )}`,
  summaryBilled: (setting: string, ranked: Ranked[], level: Ranked[]) =>
    `Billed duration (${setting}): ${headline(
      ranked,
      level,
      (first, last) => `${first.runtime} is billed least, ${last.runtime} most (indexes ${factor(first.pi)} and ${factor(last.pi)}).`,
      (lead, last) => `${names(lead)} are billed least with no clear difference between them, ${last.runtime} most.`,
    )}`,
  /** `level`: the largest gain and those whose intervals overlap it, of `all` runtimes in one setting. */
  summaryConcurrency: (setting: string, level: RuntimeInterval[], all: number) => {
    if (level.length === 1) return `Concurrency: ${level[0]!.runtime} gains the most from concurrent queries (${pct(level[0]!.value)} in ${setting}).`;
    const gains = list(level.map((g) => pct(g.value)));
    if (level.length >= all) return `Concurrency: in ${setting}, the gains from concurrent queries (${gains}) show ${noClearDifference(level)}.`;
    return `Concurrency: ${names(level)} gain the most from concurrent queries in ${setting}, with no clear difference between them (${gains}).`;
  },
  /** No runtime compared with another anywhere: `runtimes` present, `alone` the functions measured on one runtime. */
  summaryNothingCompares: (runtimes: string[], alone: Alone[]) =>
    runtimes.length === 1
      ? `Only ${runtimes[0]} has data, so no runtime is compared with another: the sections describe ${runtimes[0]}'s own numbers.`
      : `No function ran on more than one runtime (${aloneList(alone)}), so no runtime is compared with another: the sections describe each function's own numbers.`,
  memorySizesNotComparable: (groups: readonly ProtocolGroupSizes[], architecture?: string) =>
    `No memory-size finding${architecture ? ` for ${architecture}` : ""}: the memory sizes present come from datasets measured under different protocols (${groups.map(groupDescription).join("; ")}), so a change between them could come from the protocol rather than from the memory size.`,
  memorySizesLeftOut: (kept: readonly ProtocolGroupSizes[], leftOut: readonly ProtocolGroupSizes[], architecture?: string) =>
    `Memory sizes${architecture ? ` (${architecture})` : ""} are compared only within datasets measured under one protocol (${kept.map(groupDescription).join("; ")}); left out, as measured under a different protocol: ${leftOut.map(groupDescription).join("; ")}.`,
  summaryMemorySize: (runtime: string, changePct: number, fromSize: number, toSize: number) =>
    `Memory size: going from ${mb(fromSize)} to ${mb(toSize)} changes the worst case most for ${runtime}: it ${changePct < 0 ? "falls" : "rises"} by ${pct(Math.abs(changePct))}.`,
  fixtureWarning: (datasets: string[]) =>
    `**Fixture data:** ${list(datasets)} ${datasets.length > 1 ? "are" : "is a"} generated test fixture${datasets.length > 1 ? "s" : ""} with made-up numbers, not measurements.`,
};
