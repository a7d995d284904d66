import type { Analysis } from "../analysis.js";
import { tailLines } from "../figures/tail-lines.js";
import { PERCENTILE_DEFINITION } from "../metrics/percentile.js";
import { stat } from "../metrics/statistics.js";
import { TOTAL_DURATION } from "../metrics/total-duration.js";
import { round } from "../narrative/format.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { DEFAULT_BOOTSTRAP, lowerColumn, upperColumn, type BootstrapOptions } from "../uncertainty/index.js";
import { levelWithFirst } from "./leaders.js";
import { figure, figureContext, markdown, perFunction, table, trialScopeOf, withIntervalColumns } from "./shared.js";
import { subtitle } from "./subtitle.js";

/** p95 to p100 in steps of 0.5. */
export const TAIL_PERCENTILES = Array.from({ length: 11 }, (_, i) => 95 + i * 0.5);
const STATS = TAIL_PERCENTILES.map((p) => stat.percentile(p / 100, `p${p}`));

export function tailSection(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): SectionResult {
  const ctx = figureContext(a);
  const rows = perFunction(a, TOTAL_DURATION, STATS, a.functions, bootstrap);
  const num = (v: unknown) => (v as number | null | undefined) ?? null;
  const lines = rows.flatMap((r) =>
    TAIL_PERCENTILES.map((p) => ({
      setting: r.setting,
      function: r.function,
      runtime: r.runtime,
      percentile: p,
      value: round(num(r[`p${p}`])),
      valueLower: round(num(r[lowerColumn(`p${p}`)])),
      valueUpper: round(num(r[upperColumn(`p${p}`)])),
    })),
  );
  const sentences: string[] = [];
  for (const s of a.settings) {
    for (const fn of a.functions) {
      const group = rows.filter((r) => r.setting === s.label && r.function === fn && r.p99 !== null);
      if (group.length === 0) continue;
      const byP99 = [...group].sort((x, y) => (x.p99 as number) - (y.p99 as number));
      const lowest = levelWithFirst(byP99, (r) => ({ lower: num(r.p99Lower), upper: num(r.p99Upper) }), (r) => r.p99 as number);
      const ratio = (r: (typeof group)[number]) => ((r.p95 as number) > 0 ? (r.p100 as number) / (r.p95 as number) : Infinity);
      const steadiest = [...group].sort((x, y) => ratio(x) - ratio(y))[0]!;
      sentences.push(
        messages.tailFunction(
          s.label,
          fn,
          lowest.map((r) => ({ runtime: r.runtime, value: r.p99 as number })),
          group.length,
          steadiest.runtime,
          ratio(steadiest),
        ),
      );
    }
  }
  return {
    id: "tail",
    title: "Tail",
    blocks: [
      markdown(`${messages.tailIntro()} ${messages.percentileDefinition(PERCENTILE_DEFINITION)} ${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`),
      figure("tail", "Tail of Total Duration (p95 to p100)", tailLines(lines, ctx, subtitle(a, "one panel per function; shaded: confidence interval; lower is better"))),
      markdown(sentences.map((s) => `- ${s}`).join("\n")),
      table("tail", "Total Duration (ms) from p95 to p100, with confidence intervals", ["setting", "function", "runtime", ...withIntervalColumns(STATS.map((s) => s.name))], rows),
    ],
  };
}
