// Provenance of each dataset for the report's title page, as structured data (the renderer
// formats it).
import type { DatasetMeta } from "../../runners/dataset/contract.js";
import { inManifestOrder, namedRuntime } from "../../functions/manifest.js";
import type { Datasets } from "./load/datasets.js";

export interface DatasetProvenance {
  name: string;
  target: DatasetMeta["target"];
  source: string;
  createdAt: string;
  /** "Intel Xeon …, 2 cores, Linux …" for the local lab; the region on AWS. */
  where: string;
  memorySizes: number[];
  architecture: string;
  limitsEnforced: { cpu: boolean; memory: boolean; note: string | null } | null;
  runtimeVersions: { runtime: string; version: string }[];
  /** Labels of the runtimes in the dataset's rows, in report order (for datasets that record no versions). */
  runtimes: string[];
  protocol: { requestsPerFunction: number; concurrency: number; warmupRequests: number; pauseMs: number; tablePrimedBy?: string | null } | null;
  /** Trial count and seed, for datasets that record them (meta.trials). */
  trials?: { count: number; seed: number; stopping?: { targetPrecision: number; achieved: number | null; met: boolean } } | null;
  billing: { rule: string; description: string };
  git: { commit: string; dirty: boolean } | null;
  counts: { invocations: number; requests: number };
  corrections: string[];
  warnings: string[];
  isFixture: boolean;
  /** Local lab conditions as one line (CPU plan, oversubscription, DynamoDB latency); absent or null when not recorded. */
  lab?: string | null;
}

/** meta.json's lab conditions in a line for the title page (the Method section says them in full). */
export function labConditions(lab: DatasetMeta["lab"]): string | null {
  if (!lab) return null;
  const p = lab.cpuPlan;
  const cores = (ids: number[]) => ids.join(",");
  return [
    `CPU plan ${p.enforced ? "enforced" : "NOT enforced"}: support core(s) ${cores(p.support)}, init ${cores(p.init)}${p.initSharesSupport ? " (shared with support)" : ""}, run ${cores(p.run)}; concurrency ${p.concurrency} at ${p.memoryMB} MB needs ${p.instanceCores.toFixed(2)} of ${p.run.length} run core(s)`,
    lab.oversubscribed ? "OVERSUBSCRIBED (--oversubscribe)" : null,
    lab.dbLatency ? `DynamoDB latency model ${lab.dbLatency.model}` : "no DynamoDB latency model",
  ]
    .filter((x): x is string => x !== null)
    .join("; ");
}

export function describeDatasets(data: Datasets): DatasetProvenance[] {
  const order = data.manifest.runtimes.map((r) => r.id);
  const present = new Map<string, Set<string>>();
  const [ds, rt] = [data.invocations.column("dataset"), data.invocations.column("runtime")] as unknown as ArrayLike<string>[];
  for (let i = 0; i < (ds?.length ?? 0); i++) {
    if (i > 0 && ds![i] === ds![i - 1] && rt![i] === rt![i - 1]) continue;
    if (!present.has(ds![i]!)) present.set(ds![i]!, new Set());
    present.get(ds![i]!)!.add(rt![i]!);
  }
  const runtimesOf = (dataset: string) => inManifestOrder(order, present.get(dataset) ?? []).map((id) => namedRuntime(data.manifest, id).label);
  // Reference datasets are listed too (with their source and date), though no finding reads them.
  return [...data.datasets, ...data.references].map(({ meta, corrections }) => ({
    name: meta.name,
    target: meta.target,
    source: meta.source.detail ? `${meta.source.kind}: ${meta.source.detail}` : meta.source.kind,
    createdAt: meta.createdAt,
    where: meta.machine ? `${meta.machine.cpuModel}, ${meta.machine.cores} cores, ${meta.machine.os}` : (meta.region ?? "unknown"),
    memorySizes: meta.memorySizes,
    architecture: meta.architecture,
    limitsEnforced: meta.machine
      ? { cpu: meta.machine.cpuLimitEnforced, memory: meta.machine.memoryLimitEnforced, note: meta.machine.limitNote ?? null }
      : null,
    runtimeVersions: Object.entries(meta.runtimeVersions)
      .sort(([a], [b]) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity) || a.localeCompare(b))
      .map(([runtime, version]) => ({ runtime, version })),
    // A reference has no rows: its runtimes are the ones its entries name (lambda-perf's names).
    runtimes: meta.reference ? [...new Set(meta.reference.entries.map((e) => e.runtime))] : runtimesOf(meta.name),
    protocol: meta.protocol
      ? {
          requestsPerFunction: meta.protocol.requestsPerFunction,
          concurrency: meta.protocol.concurrency,
          warmupRequests: meta.protocol.warmupRequests,
          pauseMs: meta.protocol.pauseMs,
          tablePrimedBy: meta.protocol.tablePrimedBy ?? null,
        }
      : null,
    trials: meta.trials
      ? {
          count: meta.trials.count,
          seed: meta.trials.seed,
          ...(meta.trials.stopping
            ? { stopping: { targetPrecision: meta.trials.stopping.targetPrecision, achieved: meta.trials.stopping.achieved, met: meta.trials.stopping.met } }
            : {}),
        }
      : null,
    billing: meta.billing,
    git: meta.git,
    counts: meta.counts,
    corrections: [...meta.source.corrections, ...corrections],
    warnings: meta.warnings,
    isFixture: meta.source.kind === "fixture",
    lab: labConditions(meta.lab),
  }));
}
