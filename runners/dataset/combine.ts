// Combines datasets from separate runs into one (`npm run combine`), so that runs at the same
// memory size become one setting the report compares: rows are concatenated, each source's trials
// renumbered after the previous source's, and meta.json says where every part came from.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import { ARCHITECTURES, DATASET_FILES, INVOCATION_STATUSES, metaSchema, type DatasetMeta, type InvocationRow, type RequestRow } from "./contract.js";
import { combineMessages as msg } from "./messages.js";
import { datasetMeta } from "./meta.js";

export interface SourceDataset {
  dir: string;
  meta: DatasetMeta;
  invocations: InvocationRow[];
  requests: RequestRow[];
}

type Cells = Record<string, string>;

function readCsv(path: string): Cells[] {
  return parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true, bom: true }) as Cells[];
}

function number(path: string, line: number, field: string, text: string | undefined, optional = false): number | null {
  if ((text === undefined || text === "") && optional) return null;
  const n = Number(text);
  if (text === undefined || text === "" || !Number.isFinite(n)) throw new Error(msg.badField(path, line, field, text ?? ""));
  return n;
}

/** Reads a complete dataset folder (trial absent → 1). */
export function readDataset(dir: string): SourceDataset {
  const metaPath = join(dir, DATASET_FILES.meta);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(metaPath, "utf8"));
  } catch (e) {
    throw new Error(msg.unreadable(metaPath, (e as Error).message), { cause: e });
  }
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) throw new Error(msg.unreadable(metaPath, `${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}`));
  if (!parsed.data.complete) throw new Error(msg.incomplete(dir));
  const invPath = join(dir, DATASET_FILES.invocations);
  const invocations = readCsv(invPath).map((c, i): InvocationRow => {
    const n = (field: string, optional = false) => number(invPath, i + 2, field, c[field], optional);
    if (!(ARCHITECTURES as readonly string[]).includes(c.architecture ?? ""))
      throw new Error(msg.badField(invPath, i + 2, "architecture", c.architecture ?? ""));
    if (!(INVOCATION_STATUSES as readonly string[]).includes(c.status ?? "")) throw new Error(msg.badField(invPath, i + 2, "status", c.status ?? ""));
    return {
      runtime: c.runtime!,
      function: c.function!,
      memoryMB: n("memoryMB")!,
      architecture: c.architecture as InvocationRow["architecture"],
      trial: c.trial === undefined ? 1 : n("trial")!,
      requestId: c.requestId!,
      timestamp: c.timestamp!,
      instanceId: c.instanceId ?? "",
      durationMs: n("durationMs")!,
      billedDurationMs: n("billedDurationMs")!,
      maxMemoryUsedMB: n("maxMemoryUsedMB")!,
      initDurationMs: n("initDurationMs", true),
      restoreDurationMs: n("restoreDurationMs", true),
      status: c.status as InvocationRow["status"],
      errorType: c.errorType ?? "",
    };
  });
  const reqPath = join(dir, DATASET_FILES.requests);
  const requests = readCsv(reqPath).map((c, i): RequestRow => {
    const n = (field: string) => number(reqPath, i + 2, field, c[field])!;
    return {
      runtime: c.runtime!,
      function: c.function!,
      memoryMB: n("memoryMB"),
      trial: c.trial === undefined ? 1 : n("trial"),
      seq: n("seq"),
      startedAt: c.startedAt!,
      latencyMs: n("latencyMs"),
      httpStatus: n("httpStatus"),
    };
  });
  return { dir, meta: parsed.data, invocations, requests };
}

const same = <T>(values: readonly T[]): boolean => values.every((v) => JSON.stringify(v) === JSON.stringify(values[0]));

export interface Combined {
  meta: Omit<DatasetMeta, "complete" | "counts">;
  invocations: InvocationRow[];
  requests: RequestRow[];
}

/** One dataset from several: same target, architecture and billing rule required; trials renumbered in the order given. */
export function combineDatasets(
  sources: readonly SourceDataset[],
  o: { name: string; campaign: string; createdAt?: string; git: DatasetMeta["git"] },
): Combined {
  if (sources.length < 2) throw new Error(msg.tooFew());
  const metas = sources.map((s) => s.meta);
  const label = (s: SourceDataset) => `${s.meta.name} (${basename(s.dir)})`;
  for (const [field, values] of [
    ["target", metas.map((m) => m.target)],
    ["architecture", metas.map((m) => m.architecture)],
    ["billing rule", metas.map((m) => m.billing.rule)],
  ] as const) {
    if (!same(values))
      throw new Error(
        msg.mismatch(
          field,
          sources.map((s, i) => `${label(s)}: ${values[i]}`),
        ),
      );
  }
  const warnings: string[] = [];
  const invocations: InvocationRow[] = [];
  const requests: RequestRow[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const s of sources) {
    const trials = Math.max(1, ...s.invocations.map((r) => r.trial), ...s.requests.map((r) => r.trial));
    for (const r of s.invocations) invocations.push({ ...r, trial: r.trial + offset });
    for (const r of s.requests) requests.push({ ...r, trial: r.trial + offset });
    parts.push(msg.part(s.meta.name, s.meta.campaign ?? null, offset + 1, offset + trials));
    for (const w of s.meta.warnings) warnings.push(`${s.meta.name}: ${w}`);
    offset += trials;
  }
  const ids = new Set<string>();
  const repeated = invocations.filter((r) => (ids.has(r.requestId) ? true : (ids.add(r.requestId), false))).length;
  if (repeated > 0) throw new Error(msg.sharedRequests(repeated));
  if (!same(metas.map((m) => m.protocol))) warnings.push(msg.protocolsDiffer());
  if (!same(metas.map((m) => m.machine))) warnings.push(msg.machinesDiffer());
  const runtimeVersions: Record<string, string> = {};
  for (const m of metas) {
    for (const [runtime, version] of Object.entries(m.runtimeVersions)) {
      const known = runtimeVersions[runtime]?.split(" | ") ?? [];
      runtimeVersions[runtime] = [...new Set([...known, version])].join(" | ");
    }
  }
  const kinds = metas.map((m) => m.source.kind);
  return {
    meta: datasetMeta(
      {
        name: o.name,
        target: metas[0]!.target,
        createdAt: o.createdAt ?? new Date().toISOString(),
        campaign: o.campaign,
        source: {
          kind: same(kinds) ? kinds[0]! : "import",
          detail: msg.detail(parts),
          corrections: metas.flatMap((m) => m.source.corrections.map((c) => `${m.name}: ${c}`)),
        },
        protocol: same(metas.map((m) => m.protocol)) ? metas[0]!.protocol : null,
        memorySizes: [...new Set(metas.flatMap((m) => m.memorySizes))].sort((a, b) => a - b),
        architecture: metas[0]!.architecture,
        runtimeVersions,
        machine: same(metas.map((m) => m.machine)) ? metas[0]!.machine : null,
        region: same(metas.map((m) => m.region)) ? metas[0]!.region : null,
        billing: metas[0]!.billing,
        warnings,
      },
      o.git,
    ),
    invocations,
    requests,
  };
}
