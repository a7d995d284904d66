// A maxday/lambda-perf daily file as a reference dataset: AWS's own Init Duration and Max Memory
// Used of hello-world functions on one day, kept as published in meta.json's `reference` (with the
// day, the file and the source) and two header-only CSVs, so the report can put the lab next to
// AWS without the reference ever entering a finding.
import { BILLING_RULES, type DatasetMeta } from "../dataset/contract.js";
import { datasetMeta } from "../dataset/meta.js";
import type { LambdaPerfDay } from "../lab/lambda-perf.js";
import { lambdaPerfMessages as msg } from "./messages.js";

/** The dataset name an import of this day gets without --name. */
export const lambdaPerfDatasetName = (day: Pick<LambdaPerfDay, "date">): string => `lambda-perf-${day.date}`;

/** meta.json of an imported lambda-perf day: measured on AWS, no protocol or machine, one import campaign. */
export function lambdaPerfMeta(i: {
  name: string;
  file: string;
  day: LambdaPerfDay;
  campaign: string;
  createdAt?: string;
}): Omit<DatasetMeta, "complete" | "counts"> {
  const { day } = i;
  const architectures = new Set(day.entries.map((e) => e.architecture));
  return datasetMeta({
    name: i.name,
    target: "aws",
    createdAt: i.createdAt ?? new Date().toISOString(),
    campaign: i.campaign,
    source: { kind: "import", detail: msg.detail(i.file, day.generatedAt, day.entries.length, day.source), corrections: [] },
    protocol: null,
    memorySizes: [...new Set(day.entries.map((e) => e.memoryMB))].sort((a, b) => a - b),
    // The contract asks for one; each entry keeps its own, and the report matches on the entry's.
    architecture: architectures.has("x86_64") ? "x86_64" : "arm64",
    runtimeVersions: {},
    machine: null,
    region: null,
    billing: { rule: "as-reported", description: BILLING_RULES["as-reported"].description },
    warnings: [],
    reference: { kind: "lambda-perf", date: day.date, generatedAt: day.generatedAt, source: day.source, file: i.file, entries: day.entries },
  });
}
