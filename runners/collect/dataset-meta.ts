// meta.json for datasets that come from existing logs (collect) or an export (import): no protocol,
// no machine; what was read and what was corrected is said in source and warnings.
import type { Architecture, BillingRuleId, DatasetMeta, InvocationRow } from "../dataset/contract.js";
import { datasetMeta } from "../dataset/meta.js";

export interface SourceMetaInput {
  name: string;
  kind: "collect" | "import";
  detail: string;
  corrections?: string[];
  warnings?: string[];
  rows: readonly InvocationRow[];
  architecture: Architecture;
  region: string | null;
  billing: { rule: BillingRuleId; description: string };
  createdAt?: string;
  /** One import or one collection (runners/dataset/campaign.ts). */
  campaign: string;
  /** Runtime → the version its INIT_START lines name (e.g. "nodejs:20.v33"). */
  runtimeVersions?: Record<string, string>;
  /** Duplicate REPORT lines dropped (collect). */
  duplicatesDropped?: number;
}

export function sourceMeta(i: SourceMetaInput): Omit<DatasetMeta, "complete" | "counts"> {
  const memorySizes = [...new Set(i.rows.map((r) => r.memoryMB))].sort((a, b) => a - b);
  return datasetMeta({
    name: i.name,
    target: i.kind === "import" ? "import" : "aws",
    createdAt: i.createdAt ?? new Date().toISOString(),
    campaign: i.campaign,
    source: {
      kind: i.kind,
      detail: i.detail,
      corrections: i.corrections ?? [],
      ...(i.duplicatesDropped !== undefined ? { duplicatesDropped: i.duplicatesDropped } : {}),
    },
    protocol: null,
    memorySizes,
    architecture: i.architecture,
    runtimeVersions: i.runtimeVersions ?? {},
    machine: null,
    region: i.region,
    billing: i.billing,
    warnings: i.warnings ?? [],
  });
}
