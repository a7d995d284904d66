// An aws-lambda-power-tuning result as a dataset of averages. The shapes read, from its README
// ("State Machine Output") and lambda/analyzer.js:
//   {"results": {"power", "cost", "duration", "stateMachine", "stats": [{"value", "averagePrice", "averageDuration"}]}}
//   the `results` object alone, or a Step Functions describe-execution answer whose "output" is that JSON as a string.
// `stats` is only present when the execution ran with "includeOutputResults": true.
import { z } from "zod";
import { BILLING_RULES, type Architecture, type AverageRow, type DatasetMeta } from "../dataset/contract.js";
import { datasetMeta } from "../dataset/meta.js";
import { powerTuningMessages as msg } from "./messages.js";

const stat = z.object({
  // power-tuning passes power values through as given: numbers, or strings such as "128".
  value: z
    .union([z.number(), z.string().regex(/^\d+$/, "expected a memory size in MB")])
    .transform(Number)
    .pipe(z.number().int().min(128, "expected a memory size ≥ 128 MB")),
  averagePrice: z.number().nonnegative(),
  averageDuration: z.number().nonnegative(),
});
const results = z.object({ stats: z.array(stat).min(1, "expected at least one power value") });

export interface PowerTuningImport {
  rows: AverageRow[];
  /** The size power-tuning itself recommended (results.power), when present. */
  recommendedMB: number | null;
}

export function importPowerTuning(text: string, o: { file: string; runtime: string; function: string; architecture: Architecture }): PowerTuningImport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(msg.invalidJson(o.file, (e as Error).message), { cause: e });
  }
  if (isObject(raw) && typeof raw.output === "string") {
    try {
      raw = JSON.parse(raw.output);
    } catch (e) {
      throw new Error(msg.invalidJson(`${o.file} (output)`, (e as Error).message), { cause: e });
    }
  }
  const prefix = isObject(raw) && isObject(raw.results) ? "results" : "";
  const body = prefix ? (raw as { results: unknown }).results : raw;
  if (!isObject(body) || body.stats === undefined) throw new Error(msg.noStats(o.file));
  const parsed = results.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = [prefix, ...issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))].join("").replace(/^\./, "");
    throw new Error(msg.badField(o.file, field || "(root)", issue.message));
  }
  const seen = new Set<number>();
  const rows = parsed.data.stats
    .map((s): AverageRow => {
      if (seen.has(s.value)) throw new Error(msg.duplicatePower(o.file, s.value));
      seen.add(s.value);
      return {
        runtime: o.runtime,
        function: o.function,
        memoryMB: s.value,
        architecture: o.architecture,
        averageDurationMs: s.averageDuration,
        averagePriceUsd: s.averagePrice,
      };
    })
    .sort((a, b) => a.memoryMB - b.memoryMB);
  const power = Number((body as { power?: unknown }).power);
  return { rows, recommendedMB: Number.isInteger(power) && power >= 128 ? power : null };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** meta.json of an imported power-tuning result: target aws, no protocol or machine, billing as AWS reported it. */
export function averagesMeta(i: {
  name: string;
  file: string;
  region: string | null;
  architecture: Architecture;
  rows: AverageRow[];
  createdAt?: string;
}): Omit<DatasetMeta, "complete" | "counts"> {
  const head = i.rows[0]!;
  return datasetMeta({
    name: i.name,
    target: "aws",
    createdAt: i.createdAt ?? new Date().toISOString(),
    source: {
      kind: "import",
      detail: msg.detail(
        i.file,
        head.runtime,
        head.function,
        i.rows.map((r) => r.memoryMB),
      ),
      corrections: [],
    },
    protocol: null,
    memorySizes: i.rows.map((r) => r.memoryMB),
    architecture: i.architecture,
    runtimeVersions: {},
    machine: null,
    region: i.region,
    billing: { rule: "as-reported", description: BILLING_RULES["as-reported"].description },
    warnings: [],
    averages: i.rows,
  });
}
