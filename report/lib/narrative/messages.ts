// Every sentence the report prints, as functions of the numbers (STYLE habit 11). Sections
// compute the numbers; this module only words them. Formatting lives in format.ts.
import { factor, gbs, list, mb, ms, pct } from "./format.js";

export interface Ranked {
  runtime: string;
  pi: number;
}

const inSetting = (setting: string) => `In **${setting}**`;

export const messages = {
  // Conventions stated wherever they matter.
  piDefinition: () =>
    "The Performance Index (PI) compares runtimes function by function: for a lower-is-better value v, PI(r) = max v / v(r), so the worst runtime scores 1 and a runtime scoring 4 is four times as good. A runtime's overall index is the mean of its per-function indexes.",
  percentileDefinition: (definition: string) => `Percentiles use ${definition}.`,
  coldStartConvention: () =>
    "Cold Start Duration is the Total Duration (Duration + Init Duration) of an invocation that started a new instance and **0 for a warm invocation**, so statistics over it count warm invocations as 0.",
  variantsElsewhere: (variants: string[]) =>
    variants.length ? `The concurrent variant${variants.length > 1 ? "s" : ""} ${list(variants.map((v) => `\`${v}\``))} appear${variants.length > 1 ? "" : "s"} only under Mitigations (c).` : "",
  noData: (what: string) => `No data for ${what} in the datasets given, so this part is left out.`,

  // Performance-index headlines, shared by several sections.
  piLeader: (setting: string, metric: string, ranked: Ranked[]) => {
    if (ranked.length < 2) return `${inSetting(setting)}, only ${ranked[0]?.runtime ?? "no runtime"} has data for ${metric}, so there is nothing to compare.`;
    const [first, second] = ranked as [Ranked, Ranked];
    const last = ranked[ranked.length - 1]!;
    return `${inSetting(setting)}, ${first.runtime} leads on ${metric} with an index of ${factor(first.pi)}: ${factor(first.pi / last.pi)} as good as ${last.runtime}, the last, and ${factor(first.pi / second.pi)} as good as ${second.runtime}, the runner-up.`;
  },
  piUndefined: (runtimes: string[], metric: string) =>
    `${list(runtimes)} recorded a ${metric} of 0 for some function; a zero has no finite index, so those functions are left out of ${runtimes.length > 1 ? "their" : "its"} overall index.`,

  expectedRangeIntro: () =>
    "The expected range shows Total Duration from the 10th to the 90th percentile (light band), with the 20th–80th percentile range highlighted and the median marked. It leaves the outliers out on purpose; the next sections are about them.",
  expectedRangeFunction: (setting: string, fn: string, fastest: string, fastestMedian: number, slowest: string, slowestMedian: number, narrowest: string, width: number) =>
    `${inSetting(setting)}, \`${fn}\`: ${fastest} has the lowest median (${ms(fastestMedian)}) and ${slowest} the highest (${ms(slowestMedian)}); ${narrowest} has the narrowest p10–p90 range (${ms(width)}).`,

  worstCaseIntro: () => "The worst case is the maximum Total Duration (Duration + Init Duration) each runtime reached for each function: the slowest response a user saw.",
  worstCaseSpread: (setting: string, best: string, bestMax: number, worst: string, worstMax: number, worstFn: string) =>
    `${inSetting(setting)}, ${best}'s worst case stays at or under ${ms(bestMax)} for every function, while ${worst} reaches ${ms(worstMax)} on \`${worstFn}\`.`,

  tailIntro: () =>
    "The tail plots Total Duration from the 95th to the 100th percentile. With a burst of concurrent requests, cold starts typically land in the last percentiles, which is where the lines climb.",
  tailFunction: (setting: string, fn: string, lowest: string, p99: number, steadiest: string, ratio: number) =>
    `${inSetting(setting)}, \`${fn}\`: ${lowest} has the lowest 99th percentile (${ms(p99)}); ${steadiest}'s tail is the flattest, its maximum ${factor(ratio)} its 95th percentile.`,

  coldStartIntro: () => "A cold start prepares a new instance (Init Duration) and then runs its first invocation, which is often slower than later ones.",
  coldStartGap: (setting: string, runtime: string, fn: string, gap: number) =>
    `${inSetting(setting)}, the largest gap between max Cold Start and max Init Duration — roughly the first invocation's own time — is ${runtime}'s on \`${fn}\` (${ms(gap)}).`,
  noColdStarts: (setting: string) => `${inSetting(setting)}, no invocation reported an Init Duration, so there were no cold starts to compare.`,

  memoryIntro: () => "Max Memory Used is the peak memory of the instance that served an invocation; the dashed line marks the configured memory size.",
  memoryHeadroom: (setting: string, runtime: string, fn: string, used: number, configured: number) =>
    `${inSetting(setting)}, the highest peak is ${runtime}'s on \`${fn}\`: ${mb(used)} of the ${mb(configured)} configured (${pct((used / configured) * 100)}).`,

  billedIntro: () =>
    "Billed Duration is the time AWS charges for, rounded up to the millisecond; the index compares the mean billed duration per invocation, which is proportional to the duration cost of the run. GB-seconds multiply billed time by the configured memory (1 GB = 1024 MB).",
  billedRule: (dataset: string, rule: string, description: string) => `**${dataset}** uses the billing rule \`${rule}\`: ${description}`,
  billedGbs: (setting: string, cheapest: string, cheapestGbs: number, dearest: string, dearestGbs: number) =>
    `${inSetting(setting)}, the cheapest runtime per 1,000 invocations over all functions is ${cheapest} (${gbs(cheapestGbs)}), the dearest ${dearest} (${gbs(dearestGbs)}).`,

  memorySizesIntro: () =>
    "(a) **More memory.** On Lambda, more memory also means more CPU, and a higher price per millisecond. The panels put each memory size side by side.",
  oneMemorySize: (size: number) =>
    `Only one memory size (${mb(size)}) is present in the datasets given, so there is nothing to compare across sizes; the figures below show that size alone. Add a dataset measured at another size to see the effect.`,
  memorySizeEffect: (runtime: string, fromSize: number, toSize: number, worstChangePct: number, gbsChangePct: number) =>
    `${runtime}: going from ${mb(fromSize)} to ${mb(toSize)} changes the worst case by ${pct(worstChangePct)} and the GB-seconds per invocation by ${pct(gbsChangePct)}.`,
  provisionedIntro: () =>
    "(b) **Provisioned concurrency** keeps instances initialised ahead of time. As a what-if from the data at hand, the worst case is recomputed with Init Duration removed for the managed runtimes only (custom runtimes keep theirs).",
  noManagedRuntimes: () => "None of the runtimes present is a managed runtime, so removing managed INIT changes nothing.",
  provisionedLeader: (setting: string, ranked: Ranked[]) => messages.piLeader(setting, "the worst case with managed INIT removed", ranked),
  concurrencyIntro: (base: string, variant: string) =>
    `(c) **Code optimisation.** \`${variant}\` does \`${base}\`'s work with its queries issued concurrently. Concurrency gain = median Duration of \`${base}\` / median Duration of \`${variant}\` − 1.`,
  noVariantPair: () =>
    "No function in the manifest is marked as the concurrent variant of another (or the datasets lack one side of such a pair), so there is no concurrency gain to show.",
  concurrencyGain: (setting: string, gains: { runtime: string; gainPct: number }[]) =>
    `${inSetting(setting)}: ${list(gains.map((g) => `${g.runtime} ${pct(g.gainPct)}`))}.`,

  summaryIntro: (datasets: string[]) => `Findings computed from ${list(datasets.map((d) => `**${d}**`))}; every number below comes from the sections that follow.`,
  summaryWorstCase: (setting: string, first: Ranked, last: Ranked) =>
    `Worst case (${setting}): ${first.runtime} leads, ${factor(first.pi / last.pi)} as good as ${last.runtime}.`,
  summaryColdStart: (setting: string, first: Ranked, last: Ranked) =>
    `Cold start (${setting}): ${first.runtime} leads, ${factor(first.pi / last.pi)} as good as ${last.runtime}.`,
  summaryMemory: (setting: string, first: Ranked, last: Ranked) =>
    `Memory (${setting}): ${first.runtime} uses the least, ${last.runtime} the most (indexes ${factor(first.pi)} and ${factor(last.pi)}).`,
  summaryBilled: (setting: string, first: Ranked, last: Ranked) =>
    `Billed duration (${setting}): ${first.runtime} is billed least, ${factor(first.pi / last.pi)} less than ${last.runtime}.`,
  summaryConcurrency: (runtime: string, setting: string, gainPct: number) =>
    `Concurrency: ${runtime} gains the most from concurrent queries (${pct(gainPct)} in ${setting}).`,
  summaryMemorySize: (runtime: string, changePct: number, fromSize: number, toSize: number) =>
    `Memory size: ${runtime}'s worst case changes most from ${mb(fromSize)} to ${mb(toSize)} (${pct(changePct)}).`,
  fixtureWarning: (datasets: string[]) =>
    `**Fixture data:** ${list(datasets)} ${datasets.length > 1 ? "are" : "is a"} generated test fixture${datasets.length > 1 ? "s" : ""} with made-up numbers, not measurements.`,
};
