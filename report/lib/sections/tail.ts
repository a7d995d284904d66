import { tailLines } from "../figures/tail-lines.js";
import { trialScopeOf } from "../findings/statistics.js";
import { tail, TAIL_PERCENTILES, TAIL_STATS } from "../findings/tail.js";
import { PERCENTILE_DEFINITION } from "../metrics/percentile.js";
import { round } from "../narrative/format.js";
import { messages } from "../narrative/messages.js";
import type { SectionResult } from "../section.js";
import { lowerColumn, upperColumn } from "../uncertainty/index.js";
import type { SectionInput } from "./builder.js";
import { bullets, figure, figureContext, markdown, table, withIntervalColumns } from "./shared.js";
import { subtitle } from "./subtitle.js";

export function tailSection({ analysis: a, bootstrap }: SectionInput): SectionResult {
  const ctx = figureContext(a);
  const { rows, functions } = tail(a, bootstrap);
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
  const sentences = functions.map((f) => messages.tailFunction(f.setting, f.function, f.lowest, f.runtimes, f.steadiest.runtime, f.steadiest.ratio));
  return {
    id: "tail",
    title: "Tail",
    blocks: [
      markdown(
        `${messages.tailIntro()} ${messages.percentileDefinition(PERCENTILE_DEFINITION)} ${messages.intervalNote(bootstrap.confidence, trialScopeOf(a))}`,
      ),
      figure(
        "tail",
        "Tail of Total Duration (p95 to p100)",
        tailLines(lines, ctx, subtitle(a, "one panel per function; shaded: confidence interval; lower is better")),
      ),
      markdown(bullets(sentences)),
      table(
        "tail",
        "Total Duration (ms) from p95 to p100, with confidence intervals",
        ["setting", "function", "runtime", ...withIntervalColumns(TAIL_STATS.map((s) => s.name))],
        rows,
      ),
    ],
  };
}
