import { runtimeLabels, type Analysis, type Setting } from "../analysis.js";
import { protocolClass, protocolGroups } from "../comparability.js";
import { concurrencyGainBars } from "../figures/concurrency-gain-bars.js";
import { memorySizeComparison } from "../figures/memory-size-comparison.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { provisionedComparison, PROVISIONED_MEASURES } from "../figures/provisioned-comparison.js";
import { concurrencyGain, CONCURRENCY_GAIN_COLUMNS } from "../metrics/concurrency-gain.js";
import { memo } from "../metrics/memo.js";
import { WITHOUT_MANAGED_INIT } from "../metrics/provisioned.js";
import { SETTING_KEYS } from "../metrics/grouping.js";
import { stat } from "../metrics/statistics.js";
import { round } from "../narrative/format.js";
import { messages } from "../narrative/messages.js";
import type { Block, SectionResult } from "../section.js";
import { calibratedInterval, combinedDf, DEFAULT_BOOTSTRAP, deriveSeed, drawReplicates, estimateOfSorted, seededRandom, trialGroups, type BootstrapOptions, type TrialSample } from "../uncertainty/index.js";
import { levelWithFirst } from "./leaders.js";
import { gbSecondsPerThousand } from "./billed.js";
import { figure, figureContext, leaders, leaderSentences, markdown, performanceIndexOf, PI_FUNCTION_COLUMNS, piBars, table, valueBar, valueBars, whenCompared, trialScopeOf } from "./shared.js";
import { subtitle } from "./subtitle.js";
import { worstCase } from "./worst-case.js";

/** Architectures present, in load order. */
export const architecturesOf = (a: Analysis): string[] => [...new Set(a.settings.map((s) => s.architecture))];

/**
 * One setting per memory size (the first loaded) of one architecture (default: all), smallest size
 * first, then by architecture; only datasets of one protocol are combined (comparableSizes).
 */
export function settingsBySize(a: Analysis, architecture?: string): Setting[] {
  const archOrder = architecturesOf(a);
  const sizes = (architecture === undefined ? archOrder : [architecture]).flatMap((arch) => comparableSizes(a, arch).sizes);
  return sizes.sort((x, y) => x.memoryMB - y.memoryMB || archOrder.indexOf(x.architecture) - archOrder.indexOf(y.architecture));
}

export interface SizeSelection {
  /** One setting per memory size, all from datasets of one protocol class. */
  sizes: Setting[];
  /** Why datasets were left out of the memory-size comparison (or why there is none), or null. */
  note: string | null;
}

/**
 * The memory sizes of one architecture that may be compared: those of the protocol class
 * (lib/comparability.ts) covering the most sizes (the first loaded on a tie). A size measured only
 * under another protocol is left out, and the note says which datasets and how their protocols differ.
 */
export function comparableSizes(a: Analysis, architecture: string): SizeSelection {
  return memo(a, `comparableSizes:${architecture}`, () => {
    const metaOf = new Map(a.data.datasets.map((d) => [d.name, d]));
    const classes = new Map<string, Map<number, Setting>>();
    for (const s of a.settings) {
      if (s.architecture !== architecture) continue;
      const key = protocolClass(metaOf.get(s.dataset)!);
      const bySize = classes.get(key) ?? new Map<number, Setting>();
      if (!bySize.has(s.memoryMB)) bySize.set(s.memoryMB, s);
      classes.set(key, bySize);
    }
    const ranked = [...classes.values()].sort((x, y) => y.size - x.size);
    const chosen = [...(ranked[0]?.values() ?? [])].sort((x, y) => x.memoryMB - y.memoryMB);
    if (classes.size < 2) return { sizes: chosen, note: null };
    const datasetsIn = (c: Map<number, Setting>) => [...new Set([...c.values()].map((s) => s.dataset))];
    const groups = protocolGroups([...classes.values()].flatMap(datasetsIn).map((n) => metaOf.get(n)!));
    const sizesOf = (names: string[]) => [...new Set(a.settings.filter((s) => s.architecture === architecture && names.includes(s.dataset)).map((s) => s.memoryMB))].sort((x, y) => x - y);
    const described = groups.map((g) => ({ datasets: g.datasets, sizes: sizesOf(g.datasets), fields: g.fields }));
    const arch = architecturesOf(a).length > 1 ? architecture : undefined;
    if (chosen.length >= 2) {
      const kept = datasetsIn(ranked[0]!);
      return { sizes: chosen, note: messages.memorySizesLeftOut(described.filter((g) => g.datasets.some((n) => kept.includes(n))), described.filter((g) => !g.datasets.some((n) => kept.includes(n))), arch) };
    }
    const distinctSizes = new Set([...classes.values()].flatMap((c) => [...c.keys()]));
    return { sizes: chosen, note: distinctSizes.size >= 2 ? messages.memorySizesNotComparable(described, arch) : null };
  });
}

export interface MemorySizeEffect {
  runtime: string;
  architecture: string;
  fromMB: number;
  toMB: number;
  worstChangePct: number;
  gbsChangePct: number;
}

/** Per architecture and runtime: change in the summed per-function worst case and in GB-s, smallest → largest size. */
export function memorySizeEffects(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): MemorySizeEffect[] {
  return architecturesOf(a).flatMap((architecture) => memorySizeEffectsOf(a, architecture, bootstrap));
}

function memorySizeEffectsOf(a: Analysis, architecture: string, bootstrap: BootstrapOptions): MemorySizeEffect[] {
  const sizes = settingsBySize(a, architecture);
  if (sizes.length < 2) return [];
  const [from, to] = [sizes[0]!, sizes[sizes.length - 1]!];
  const worst = worstCase(a, bootstrap).perFunction;
  const gbs = gbSecondsPerThousand(a, bootstrap);
  const sum = (rows: { setting: string; runtimeId: string }[], s: Setting, id: string, value: (r: never) => number) =>
    rows.filter((r) => r.setting === s.label && r.runtimeId === id).reduce((t, r) => t + value(r as never), 0);
  return a.runtimes.flatMap((r) => {
    const w0 = sum(worst, from, r.id, (x: { value: number }) => x.value ?? 0);
    const w1 = sum(worst, to, r.id, (x: { value: number }) => x.value ?? 0);
    const g0 = sum(gbs, from, r.id, (x: { gbSecondsPer1000: number }) => x.gbSecondsPer1000);
    const g1 = sum(gbs, to, r.id, (x: { gbSecondsPer1000: number }) => x.gbSecondsPer1000);
    if (w0 <= 0 || g0 <= 0 || w1 <= 0) return [];
    return [{ runtime: r.label, architecture, fromMB: from.memoryMB, toMB: to.memoryMB, worstChangePct: (w1 / w0 - 1) * 100, gbsChangePct: (g1 / g0 - 1) * 100 }];
  });
}

export interface GainRow {
  setting: string;
  runtimeId: string;
  runtime: string;
  gainPct: number | null;
  gainPctLower: number | null;
  gainPctUpper: number | null;
  [column: string]: unknown;
}

/** Concurrency gains per setting and runtime, each with a bootstrap interval (both medians resampled independently). */
export function concurrencyGains(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): GainRow[] {
  return memo(a, `concurrencyGain:${JSON.stringify(bootstrap)}`, () => {
    const labelOf = runtimeLabels(a.runtimes);
    const groupKeys = [...SETTING_KEYS, "runtime", "function"];
    // The same grouping the medians were computed from (cached per table).
    const { keys, samples } = trialGroups(a.table, groupKeys, GAIN_VALUE);
    const sampleOf = new Map(keys.map((k, i) => [JSON.stringify(groupKeys.map((c) => k[c])), samples[i]!]));
    return (concurrencyGain(a.table, a.pairs, GAIN_VALUE).objects() as Record<string, unknown>[]).map((g) => {
      const setting = a.settings.find((s) => s.dataset === g.dataset && s.memoryMB === g.memoryMB && s.architecture === g.architecture)!;
      const sample = (fn: unknown) => sampleOf.get(JSON.stringify([...SETTING_KEYS.map((k) => g[k]), g.runtime, fn]));
      const interval = gainInterval(sample(g.base), sample(g.variant), g.gainPct as number | null, [...SETTING_KEYS.map((k) => g[k] as string | number), g.runtime as string, g.variant as string], bootstrap);
      return {
        ...g,
        setting: setting.label,
        runtimeId: g.runtime as string,
        runtime: labelOf(g.runtime as string),
        gainPct: g.gainPct as number | null,
        gainPctLower: interval?.lower ?? null,
        gainPctUpper: interval?.upper ?? null,
      };
    });
  });
}

/** The metric's column (concurrency-gain.ts: Duration, so INIT counts for neither side). */
const GAIN_VALUE = "durationMs";

function gainInterval(base: TrialSample | undefined, variant: TrialSample | undefined, estimate: number | null, stream: (string | number)[], o: BootstrapOptions) {
  if (!base?.pooled.length || !variant?.pooled.length || estimate === null) return null;
  const median = stat.median();
  const draw = (sample: TrialSample, side: string) => drawReplicates(sample, median, o, seededRandom(deriveSeed(o.seed, "concurrency-gain", side, ...stream)));
  const [b, v] = [draw(base, "base"), draw(variant, "variant")];
  const gains = new Float64Array(o.resamples);
  // A replicate whose variant median is 0 has no finite gain: it pushes the upper end to Infinity, as for the PI.
  for (let i = 0; i < gains.length; i++) gains[i] = v.replicates[i]! > 0 ? (b.replicates[i]! / v.replicates[i]! - 1) * 100 : Infinity;
  // The gain is a ratio: each median contributes its relative variance to the gain's.
  const relative = (d: typeof b, sample: TrialSample) => ({ contribution: d.calibration.variance / estimateOfSorted(sample.pooled, median) ** 2, df: d.calibration.df });
  return calibratedInterval(estimate, gains, o.confidence, false, combinedDf([relative(b, base), relative(v, variant)]));
}

export function provisioned(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP) {
  return performanceIndexOf(a, WITHOUT_MANAGED_INIT, stat.max(), bootstrap);
}

export function mitigationsSection(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): SectionResult {
  return { id: "mitigations", title: "Mitigations", blocks: [...moreMemory(a, bootstrap), ...provisionedConcurrency(a, bootstrap), ...codeOptimisation(a, bootstrap)] };
}

function moreMemory(a: Analysis, bootstrap: BootstrapOptions): Block[] {
  const ctx = figureContext(a);
  const sizes = settingsBySize(a);
  const worst = worstCase(a, bootstrap);
  const gbs = gbSecondsPerThousand(a, bootstrap);
  const blocks: Block[] = [markdown(messages.memorySizesIntro())];
  const architectures = architecturesOf(a);
  for (const architecture of architectures) {
    const { sizes: ofArchitecture, note } = comparableSizes(a, architecture);
    if (note) blocks.push(markdown(note));
    else if (ofArchitecture.length < 2) blocks.push(markdown(messages.oneMemorySize(ofArchitecture[0]?.memoryMB ?? 0, architectures.length > 1 ? architecture : undefined)));
  }
  const labels = sizes.map((s) => s.label);
  const inSizes = <T extends { setting: string }>(rows: T[]) => rows.filter((r) => labels.includes(r.setting));
  blocks.push(
    ...whenCompared(a, figure(
      "mitigation-memory-pi",
      "Performance Index of max Total Duration per memory size",
      performanceIndexBars(
        piBars(inSizes(worst.overall)),
        { ...ctx, settings: labels },
        "Performance Index of max Total Duration per memory size",
        subtitle(a, "one panel per memory size; error bars: confidence intervals; higher is better"),
      ),
    )),
    figure(
      "mitigation-memory-worst",
      "Max Total Duration per memory size",
      memorySizeComparison(
        valueBars(inSizes(worst.perFunction)).map(({ setting, function: fn, runtime, ...value }) => ({ function: fn, runtime, measure: setting, ...value })),
        ctx,
        "Max Total Duration per memory size",
        "Max Total Duration (ms)",
        labels,
        subtitle(a, "darker: smaller memory size; error bars: confidence intervals"),
      ),
    ),
    figure(
      "mitigation-memory-gbs",
      "GB-seconds per 1,000 invocations per memory size",
      memorySizeComparison(
        inSizes(gbs).map((r) => ({
          function: r.function,
          runtime: r.runtime,
          measure: r.setting,
          value: round(r.gbSecondsPer1000),
          valueLower: round(r.gbSecondsPer1000Lower),
          valueUpper: round(r.gbSecondsPer1000Upper),
        })),
        ctx,
        "GB-seconds per 1,000 invocations per memory size",
        "GB-s per 1,000 invocations",
        labels,
        subtitle(a, "darker: smaller memory size; error bars: confidence intervals"),
      ),
    ),
  );
  const effects = memorySizeEffects(a, bootstrap);
  if (effects.length) {
    const named = (e: MemorySizeEffect) => (architectures.length > 1 ? `${e.runtime} (${e.architecture})` : e.runtime);
    blocks.push(markdown(effects.map((e) => `- ${messages.memorySizeEffect(named(e), e.fromMB, e.toMB, e.worstChangePct, e.gbsChangePct)}`).join("\n")));
    blocks.push(
      table("mitigation-memory", "Change from the smallest to the largest memory size (%)", ["architecture", "runtime", "fromMB", "toMB", "worstChangePct", "gbsChangePct"], effects as never),
    );
  }
  return blocks;
}

function provisionedConcurrency(a: Analysis, bootstrap: BootstrapOptions): Block[] {
  const ctx = figureContext(a);
  const blocks: Block[] = [markdown(messages.provisionedIntro())];
  if (!a.runtimes.some((r) => r.kind === "managed")) blocks.push(markdown(messages.noManagedRuntimes()));
  const after = provisioned(a, bootstrap);
  const before = worstCase(a, bootstrap);
  const sentences = a.settings
    .flatMap((s) => leaderSentences(s.label, "the worst case once managed INIT is removed", leaders(after, s.label), { pi: after, unit: "ms" }));
  blocks.push(
    ...whenCompared(a, figure(
      "mitigation-provisioned-pi",
      "Performance Index of max Total Duration, managed INIT removed",
      performanceIndexBars(
        piBars(after.overall),
        ctx,
        "Performance Index of max Total Duration, managed INIT removed",
        subtitle(a, "what-if for provisioned concurrency; error bars: confidence intervals; higher is better"),
      ),
    )),
    markdown(sentences.map((s) => `- ${s}`).join("\n")),
    figure(
      "mitigation-provisioned-max",
      "Max Total Duration with and without managed INIT",
      provisionedComparison(
        before.perFunction.flatMap((r, i) => [
          { ...valueBar(r), measure: PROVISIONED_MEASURES[0]! },
          { ...valueBar(after.perFunction[i]!), measure: PROVISIONED_MEASURES[1]! },
        ]),
        ctx,
        subtitle(a, "darker: as measured; lighter: INIT removed for managed runtimes; error bars: confidence intervals"),
      ),
    ),
    table("mitigation-provisioned", "Max Total Duration (ms) with managed INIT removed, and its Performance Index", PI_FUNCTION_COLUMNS, after.perFunction),
  );
  return blocks;
}

function codeOptimisation(a: Analysis, bootstrap: BootstrapOptions): Block[] {
  const gains = concurrencyGains(a, bootstrap);
  const pair = a.pairs[0];
  if (!pair || gains.length === 0) {
    const needs = a.pairs.map((p) => ({ ...p, present: [p.base, p.variant].filter((f) => a.functionsMeasured.includes(f)) }));
    return [markdown(messages.noVariantPair(needs))];
  }
  const ctx = figureContext(a);
  const sentences = a.settings
    .map((s) => ({ s, g: gains.filter((g) => g.setting === s.label && g.gainPct !== null) }))
    .filter(({ g }) => g.length)
    .map(({ s, g }) => messages.concurrencyGain(s.label, g.map(gainValue)));
  return [
    markdown(`${messages.concurrencyIntro(pair.base, pair.variant)} ${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`),
    figure(
      "mitigation-concurrency-gain",
      `Concurrency gain of ${pair.variant} over ${pair.base}`,
      concurrencyGainBars(
        gains.map((g) => ({ setting: g.setting, runtime: g.runtime, gainPct: round(g.gainPct), gainPctLower: round(g.gainPctLower), gainPctUpper: round(g.gainPctUpper) })),
        ctx,
        `Concurrency gain of ${pair.variant} over ${pair.base}`,
        subtitle(a, "median Duration; error bars: confidence intervals; higher is better"),
      ),
    ),
    markdown(sentences.map((s) => `- ${s}`).join("\n")),
    table(
      "mitigation-concurrency-gain",
      "Concurrency gain per runtime and setting, with confidence intervals",
      ["setting", ...CONCURRENCY_GAIN_COLUMNS.filter((c) => !["dataset", "memoryMB", "architecture"].includes(c)), "gainPctLower", "gainPctUpper"],
      gains,
    ),
  ];
}

const gainValue = (g: GainRow) => ({ runtime: g.runtime, value: g.gainPct!, lower: g.gainPctLower, upper: g.gainPctUpper });

/** The largest gain of one setting, and the runtimes level with it (intervals overlapping), for the summary. */
export function leadingGains(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): { setting: string; level: ReturnType<typeof gainValue>[]; all: number } | null {
  const gains = concurrencyGains(a, bootstrap).filter((g) => g.gainPct !== null);
  const best = [...gains].sort((x, y) => y.gainPct! - x.gainPct!)[0];
  if (!best) return null;
  const ranked = gains.filter((g) => g.setting === best.setting).sort((x, y) => y.gainPct! - x.gainPct!);
  const level = levelWithFirst(ranked, (g) => ({ lower: g.gainPctLower, upper: g.gainPctUpper }), (g) => g.gainPct!);
  return { setting: best.setting, level: level.map(gainValue), all: ranked.length };
}
