// Provenance of each dataset for the report's title page, as structured data (the renderer
// formats it).
import type { Datasets } from "./load/datasets.js";

export interface DatasetProvenance {
  name: string;
  target: "local" | "aws";
  source: string;
  createdAt: string;
  /** "Intel Xeon …, 2 cores, Linux …" for the local lab; the region on AWS. */
  where: string;
  memorySizes: number[];
  architecture: string;
  limitsEnforced: { cpu: boolean; memory: boolean; note: string | null } | null;
  runtimeVersions: { runtime: string; version: string }[];
  protocol: { requestsPerFunction: number; concurrency: number; warmupRequests: number; pauseMs: number } | null;
  billing: { rule: string; description: string };
  git: { commit: string; dirty: boolean } | null;
  counts: { invocations: number; requests: number };
  corrections: string[];
  warnings: string[];
  isFixture: boolean;
}

export function describeDatasets(data: Datasets): DatasetProvenance[] {
  const order = data.manifest.runtimes.map((r) => r.id);
  return data.datasets.map(({ meta }) => ({
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
    protocol: meta.protocol
      ? { requestsPerFunction: meta.protocol.requestsPerFunction, concurrency: meta.protocol.concurrency, warmupRequests: meta.protocol.warmupRequests, pauseMs: meta.protocol.pauseMs }
      : null,
    billing: meta.billing,
    git: meta.git,
    counts: meta.counts,
    corrections: meta.source.corrections,
    warnings: meta.warnings,
    isFixture: meta.source.kind === "fixture",
  }));
}
