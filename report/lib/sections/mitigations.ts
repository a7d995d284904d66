// Mitigations: (a) more memory, (b) provisioned concurrency as a what-if, (c) code optimisation
// (the concurrency gain of a concurrent variant over its base function).
import { concurrencyGainBars } from "../figures/concurrency-gain-bars.js";
import { memorySizeComparison } from "../figures/memory-size-comparison.js";
import { performanceIndexBars } from "../figures/performance-index-bars.js";
import { provisionedComparison, PROVISIONED_MEASURES } from "../figures/provisioned-comparison.js";
import { concurrencyGain } from "../findings/concurrency-gain.js";
import { gbSecondsPerThousand } from "../findings/gb-seconds.js";
import { memorySizeEffects, type MemorySizeEffect } from "../findings/memory-size-effect.js";
import { architecturesOf, comparableSizes, settingsBySize } from "../findings/memory-sizes.js";
import { provisioned } from "../findings/provisioned.js";
import { trialScopeOf } from "../findings/statistics.js";
import { worstCaseIndex } from "../findings/worst-case.js";
import { CONCURRENCY_GAIN_COLUMNS } from "../metrics/concurrency-gain.js";
import { round } from "../narrative/format.js";
import { messages } from "../narrative/messages.js";
import type { Block, SectionResult } from "../section.js";
import type { SectionInput } from "./builder.js";
import {
  bullets,
  figure,
  figureContext,
  leaderSentences,
  markdown,
  PI_FUNCTION_COLUMNS,
  piBars,
  sizesNote,
  table,
  valueBar,
  valueBars,
  whenCompared,
} from "./shared.js";
import { subtitle } from "./subtitle.js";

export function mitigationsSection(input: SectionInput): SectionResult {
  return { id: "mitigations", title: "Mitigations", blocks: [...moreMemory(input), ...provisionedConcurrency(input), ...codeOptimisation(input)] };
}

function moreMemory({ analysis: a, bootstrap }: SectionInput): Block[] {
  const ctx = figureContext(a);
  const sizes = settingsBySize(a);
  const worst = worstCaseIndex(a, bootstrap);
  const gbs = gbSecondsPerThousand(a, bootstrap);
  const blocks: Block[] = [markdown(messages.memorySizesIntro())];
  const architectures = architecturesOf(a);
  for (const architecture of architectures) {
    const { sizes: ofArchitecture, excluded } = comparableSizes(a, architecture);
    const note = sizesNote(excluded);
    if (note) blocks.push(markdown(note));
    else if (ofArchitecture.length < 2)
      blocks.push(markdown(messages.oneMemorySize(ofArchitecture[0]?.memoryMB ?? 0, architectures.length > 1 ? architecture : undefined)));
  }
  const labels = sizes.map((s) => s.label);
  const inSizes = <T extends { setting: string }>(rows: T[]) => rows.filter((r) => labels.includes(r.setting));
  blocks.push(
    ...whenCompared(
      a,
      figure(
        "mitigation-memory-pi",
        "Performance Index of max Total Duration per memory size",
        performanceIndexBars(
          piBars(inSizes(worst.overall)),
          { ...ctx, settings: labels },
          "Performance Index of max Total Duration per memory size",
          subtitle(a, "one panel per memory size; error bars: confidence intervals; higher is better"),
        ),
      ),
    ),
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
    blocks.push(markdown(bullets(effects.map((e) => messages.memorySizeEffect(named(e), e.fromMB, e.toMB, e.worstChangePct, e.gbsChangePct)))));
    blocks.push(
      table(
        "mitigation-memory",
        "Change from the smallest to the largest memory size (%)",
        ["architecture", "runtime", "fromMB", "toMB", "worstChangePct", "gbsChangePct"],
        effects,
      ),
    );
  }
  return blocks;
}

function provisionedConcurrency({ analysis: a, bootstrap }: SectionInput): Block[] {
  const ctx = figureContext(a);
  const blocks: Block[] = [markdown(messages.provisionedIntro())];
  const { pi: after, leaders, hasManaged } = provisioned(a, bootstrap);
  if (!hasManaged) blocks.push(markdown(messages.noManagedRuntimes()));
  const before = worstCaseIndex(a, bootstrap);
  const sentences = leaders.flatMap((lead) => leaderSentences(lead.setting, "the worst case once managed INIT is removed", lead, { pi: after, unit: "ms" }));
  blocks.push(
    ...whenCompared(
      a,
      figure(
        "mitigation-provisioned-pi",
        "Performance Index of max Total Duration, managed INIT removed",
        performanceIndexBars(
          piBars(after.overall),
          ctx,
          "Performance Index of max Total Duration, managed INIT removed",
          subtitle(a, "what-if for provisioned concurrency; error bars: confidence intervals; higher is better"),
        ),
      ),
    ),
    markdown(bullets(sentences)),
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

function codeOptimisation({ analysis: a, bootstrap }: SectionInput): Block[] {
  const { pair, gains, bySetting, pairsPresent } = concurrencyGain(a, bootstrap);
  if (!pair || gains.length === 0) return [markdown(messages.noVariantPair(pairsPresent))];
  const ctx = figureContext(a);
  const sentences = bySetting.map((s) => messages.concurrencyGain(s.setting, s.gains));
  return [
    markdown(`${messages.concurrencyIntro(pair.base, pair.variant)} ${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`),
    figure(
      "mitigation-concurrency-gain",
      `Concurrency gain of ${pair.variant} over ${pair.base}`,
      concurrencyGainBars(
        gains.map((g) => ({
          setting: g.setting,
          runtime: g.runtime,
          gainPct: round(g.gainPct),
          gainPctLower: round(g.gainPctLower),
          gainPctUpper: round(g.gainPctUpper),
        })),
        ctx,
        `Concurrency gain of ${pair.variant} over ${pair.base}`,
        subtitle(a, "median Duration; error bars: confidence intervals; higher is better"),
      ),
    ),
    markdown(bullets(sentences)),
    table(
      "mitigation-concurrency-gain",
      "Concurrency gain per runtime and setting, with confidence intervals",
      ["setting", ...CONCURRENCY_GAIN_COLUMNS.filter((c) => !["dataset", "memoryMB", "architecture"].includes(c)), "gainPctLower", "gainPctUpper"],
      gains,
    ),
  ];
}
