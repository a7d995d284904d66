import { expectedRange as expectedRangeFigure } from "../figures/expected-range.js";
import { expectedRange, EXPECTED_RANGE_STATS } from "../findings/expected-range.js";
import { trialScopeOf } from "../findings/statistics.js";
import { PERCENTILE_DEFINITION } from "../metrics/percentile.js";
import { round } from "../narrative/format.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import type { SectionInput } from "./builder.js";
import { bullets, figure, figureContext, markdown, table, withIntervalColumns } from "./shared.js";
import { subtitle } from "./subtitle.js";

export function expectedRangeSection({ analysis: a, bootstrap }: SectionInput): SectionResult {
  const ctx = figureContext(a);
  const { rows, functions, trialMedians, disagreements } = expectedRange(a, bootstrap);
  const sentences = functions.map((f) =>
    messages.expectedRangeFunction(f.setting, f.function, f.lowest, f.runtimes, f.highest, f.narrowest.runtime, f.narrowest.widthMs),
  );
  for (const d of disagreements) sentences.push(messages.trialsDisagree(d.setting, d.function, "median Total Duration", d.leaders));
  const figureRows = rows.map((r) => ({
    setting: r.setting,
    function: r.function,
    runtime: r.runtime,
    p10: round(r.p10 as number)!,
    p20: round(r.p20 as number)!,
    p50: round(r.p50 as number)!,
    p80: round(r.p80 as number)!,
    p90: round(r.p90 as number)!,
    p50Lower: round(r.p50Lower as number | null),
    p50Upper: round(r.p50Upper as number | null),
  }));
  return {
    id: "expected-range",
    title: "Expected range",
    blocks: [
      markdown(
        `${messages.expectedRangeIntro()} ${messages.percentileDefinition(PERCENTILE_DEFINITION)} ${messages.variantsElsewhere(a.pairs.filter((p) => a.functionsMeasured.includes(p.variant)).map((p) => p.variant))} ${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`,
      ),
      figure(
        "expected-range",
        "Expected range of Total Duration",
        expectedRangeFigure(
          figureRows,
          ctx,
          subtitle(
            a,
            `p10–p90 band, p20–p80 highlighted, median tick with its confidence interval${trialMedians.length ? "; open circles: each trial's median" : ""}`,
          ),
          trialMedians,
        ),
      ),
      markdown(bullets(sentences)),
      table(
        "expected-range",
        "Total Duration percentiles (ms) per function and runtime, with confidence intervals",
        ["setting", "function", "runtime", ...withIntervalColumns(EXPECTED_RANGE_STATS.map((s) => s.name))],
        rows,
      ),
    ],
  };
}
