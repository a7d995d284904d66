import type { Analysis } from "../analysis.js";
import { expectedRange } from "../figures/expected-range.js";
import { PERCENTILE_DEFINITION } from "../metrics/percentile.js";
import { stat } from "../metrics/statistics.js";
import { TOTAL_DURATION } from "../metrics/total-duration.js";
import { messages } from "../narrative/messages.js";
import { round } from "../narrative/format.js";
import type { SectionResult } from "../section.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { levelWithFirst } from "./leaders.js";
import { figure, figureContext, markdown, perFunction, table, trialScopeOf, withIntervalColumns, perTrial, trialDisagreements } from "./shared.js";
import { subtitle } from "./subtitle.js";

const STATS = [0.1, 0.2, 0.5, 0.8, 0.9].map((p) => stat.percentile(p));

export function expectedRangeSection(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): SectionResult {
  const ctx = figureContext(a);
  const rows = perFunction(a, TOTAL_DURATION, STATS, a.functions, bootstrap);
  const trialMedians = perTrial(a, TOTAL_DURATION, stat.median());
  const sentences: string[] = [];
  for (const s of a.settings) {
    for (const fn of a.functions) {
      const group = rows.filter((r) => r.setting === s.label && r.function === fn && r.p50 !== null);
      if (group.length === 0) continue;
      const byMedian = [...group].sort((x, y) => (x.p50 as number) - (y.p50 as number));
      const lowest = levelWithFirst(byMedian, (r) => ({ lower: r.p50Lower as number | null, upper: r.p50Upper as number | null }), (r) => r.p50 as number);
      const width = (r: (typeof group)[number]) => (r.p90 as number) - (r.p10 as number);
      const narrowest = [...group].sort((x, y) => width(x) - width(y))[0]!;
      const highest = byMedian[byMedian.length - 1]!;
      sentences.push(
        messages.expectedRangeFunction(
          s.label,
          fn,
          lowest.map((r) => ({ runtime: r.runtime, value: r.p50 as number })),
          group.length,
          { runtime: highest.runtime, value: highest.p50 as number },
          narrowest.runtime,
          width(narrowest),
        ),
      );
    }
  }
  for (const d of trialDisagreements(trialMedians)) sentences.push(messages.trialsDisagree(d.setting, d.function, "median Total Duration", d.leaders));
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
      markdown(`${messages.expectedRangeIntro()} ${messages.percentileDefinition(PERCENTILE_DEFINITION)} ${messages.variantsElsewhere(a.pairs.filter((p) => a.functionsMeasured.includes(p.variant)).map((p) => p.variant))} ${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`),
      figure(
        "expected-range",
        "Expected range of Total Duration",
        expectedRange(
          figureRows,
          ctx,
          subtitle(a, `p10–p90 band, p20–p80 highlighted, median tick with its confidence interval${trialMedians.length ? "; open circles: each trial's median" : ""}`),
          trialMedians,
        ),
      ),
      markdown(sentences.map((s) => `- ${s}`).join("\n")),
      table(
        "expected-range",
        "Total Duration percentiles (ms) per function and runtime, with confidence intervals",
        ["setting", "function", "runtime", ...withIntervalColumns(STATS.map((s) => s.name))],
        rows,
      ),
    ],
  };
}
