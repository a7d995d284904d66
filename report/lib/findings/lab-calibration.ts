// The lab next to AWS: a hello-world-like function's Init Duration and Max Memory Used in each lab
// setting beside a reference dataset's AWS measurements (maxday/lambda-perf) for the same runtime,
// memory size and architecture, with their ratio and each side's order of runtimes. Nothing is
// rescaled: the lab measures, and this shows how far that is from AWS.
import { benchmarkFunctions, type Manifest } from "../../../functions/manifest.js";
import type { ReferenceEntry, ReferenceMeta } from "../../../runners/dataset/contract.js";
import type { Analysis } from "../analysis.js";
import { dataColumn } from "../metrics/grouping.js";
import { memo } from "../metrics/memo.js";
import { percentileOfSorted } from "../metrics/percentile.js";

export interface LabColdRow {
  runtime: string;
  initDurationMs: number;
  maxMemoryUsedMB: number;
}

/** What the lookup needs of a runtime: the manifest's runtime fields. */
export interface CalibratedRuntime {
  id: string;
  lambdaRuntime: string;
  kind: "managed" | "custom";
  language: string;
}

export interface CalibrationRow {
  runtime: string;
  lambdaPerfName: string | null;
  labInitMedianMs: number | null;
  awsInitMedianMs: number | null;
  /** lab / AWS */
  initRatio: number | null;
  labMaxMemoryMedianMB: number | null;
  awsMaxMemoryMB: number | null;
  memoryRatio: number | null;
  labColdStarts: number;
  /** Cold starts behind AWS's Init Duration median (0 when the reference has no entry). */
  awsColdStarts: number;
}

/**
 * lambda-perf's name for a runtime: managed ones by their Lambda id without dots ("nodejs22x",
 * "python311"), custom ones as "<language>_on_<provided id with _>" ("go_on_provided_al2023").
 */
export function lambdaPerfKey(runtime: Pick<CalibratedRuntime, "lambdaRuntime" | "kind" | "language">): string {
  return runtime.kind === "custom" ? `${runtime.language}_on_${runtime.lambdaRuntime.replaceAll(".", "_")}` : runtime.lambdaRuntime.replaceAll(".", "");
}

export function findLambdaPerf(
  entries: readonly ReferenceEntry[],
  key: string,
  memoryMB: number,
  architecture: string,
  packaging = "zip",
): ReferenceEntry | undefined {
  return entries.find((e) => e.name === `lambda-perf-${key}-${packaging}-${memoryMB}-${architecture}`);
}

/** The manifest's hello-world-like function: the first benchmark function that touches no table (`wave`). */
export function helloWorldFunction(manifest: Manifest): string | null {
  return benchmarkFunctions(manifest).find((f) => f.tableAccess === "none")?.id ?? null;
}

const median = (xs: readonly number[]) => (xs.length === 0 ? null : percentileOfSorted(Float64Array.from(xs).sort(), 0.5));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

export function calibrate(
  reference: { entries: readonly ReferenceEntry[] },
  runtimes: readonly CalibratedRuntime[],
  cold: readonly LabColdRow[],
  memoryMB: number,
  architecture: string,
): CalibrationRow[] {
  return runtimes.map((r) => {
    const aws = findLambdaPerf(reference.entries, lambdaPerfKey(r), memoryMB, architecture) ?? null;
    const mine = cold.filter((c) => c.runtime === r.id);
    const labInit = median(mine.map((c) => c.initDurationMs));
    const labMem = median(mine.map((c) => c.maxMemoryUsedMB));
    const awsInit = aws ? median(aws.initDurationsMs) : null;
    return {
      runtime: r.id,
      lambdaPerfName: aws?.name ?? null,
      labInitMedianMs: labInit,
      awsInitMedianMs: awsInit,
      initRatio: ratio(labInit, awsInit),
      labMaxMemoryMedianMB: labMem,
      awsMaxMemoryMB: aws?.maxMemoryUsedMB ?? null,
      memoryRatio: ratio(labMem, aws?.maxMemoryUsedMB ?? null),
      labColdStarts: mine.length,
      awsColdStarts: aws?.initDurationsMs.length ?? 0,
    };
  });
}

/**
 * Runtime ids from the lowest value to the highest, runtimes of equal value in one group (a tie is
 * no order); runtimes without a value left out.
 */
export function orderBy(rows: readonly CalibrationRow[], value: (r: CalibrationRow) => number | null): string[][] {
  const groups: string[][] = [];
  let last: number | null = null;
  for (const r of rows.filter((x) => value(x) !== null).sort((a, b) => value(a)! - value(b)!)) {
    const v = value(r)!;
    if (last === v) groups.at(-1)!.push(r.runtime);
    else groups.push([r.runtime]);
    last = v;
  }
  return groups;
}

/** How two orders of runtimes relate, on the runtimes both rank. */
export type OrderAgreement = "same" | "opposite-pair" | "ties-differ";

export function orderAgreement(a: readonly string[][], b: readonly string[][]): OrderAgreement {
  const rank = (groups: readonly string[][]) => new Map(groups.flatMap((g, i) => g.map((id) => [id, i] as const)));
  const [ra, rb] = [rank(a), rank(b)];
  const common = [...ra.keys()].filter((id) => rb.has(id));
  let ties = false;
  for (const x of common)
    for (const y of common) {
      const [da, db] = [Math.sign(ra.get(x)! - ra.get(y)!), Math.sign(rb.get(x)! - rb.get(y)!)];
      if (da * db < 0) return "opposite-pair";
      if (da !== db) ties = true;
    }
  return ties ? "ties-differ" : "same";
}

export interface CalibrationOrder {
  /** Lowest first; runtimes of equal value share a group. */
  lab: string[][];
  aws: string[][];
  agreement: OrderAgreement;
}

/** One lab setting (dataset × memory size × architecture) beside one reference. */
export interface CalibrationSetting {
  /** The reference dataset's name. */
  reference: string;
  dataset: string;
  memoryMB: number;
  architecture: string;
  /** The setting's label, as every section names it. */
  setting: string;
  rows: CalibrationRow[];
  initOrder: CalibrationOrder;
  memoryOrder: CalibrationOrder;
}

export interface LabCalibration {
  /** The function compared (null: the manifest has none that touches no table). */
  function: string | null;
  references: { name: string; reference: ReferenceMeta }[];
  /** Lab datasets (target local) present. */
  labDatasets: string[];
  settings: CalibrationSetting[];
}

/** Every lab setting beside every reference dataset loaded (none: the section says how to add one); computed once per analysis. */
export function labCalibration(a: Analysis): LabCalibration {
  return memo(a, "labCalibration", () => computeLabCalibration(a));
}

function computeLabCalibration(a: Analysis): LabCalibration {
  const fn = helloWorldFunction(a.manifest);
  const references = a.data.references.map((d) => ({ name: d.name, reference: d.meta.reference! }));
  const labDatasets = a.data.datasets.filter((d) => d.meta.target === "local").map((d) => d.name);
  if (fn === null || references.length === 0 || labDatasets.length === 0) return { function: fn, references, labDatasets, settings: [] };
  const { cold, ran } = functionRows(a, fn);
  const settings = a.settings
    .filter((s) => labDatasets.includes(s.dataset))
    .flatMap((s) => {
      const here = cold.filter((c) => c.dataset === s.dataset && c.memoryMB === s.memoryMB && c.architecture === s.architecture);
      const runtimes = a.manifest.runtimes.filter((r) => ran.has(settingRuntimeKey(s.dataset, s.memoryMB, s.architecture, r.id)));
      return references.map(({ name, reference }) => {
        const rows = calibrate(reference, runtimes, here, s.memoryMB, s.architecture);
        return {
          reference: name,
          dataset: s.dataset,
          memoryMB: s.memoryMB,
          architecture: s.architecture,
          setting: s.label,
          rows,
          initOrder: calibrationOrder(
            orderBy(rows, (r) => r.labInitMedianMs),
            orderBy(rows, (r) => r.awsInitMedianMs),
          ),
          memoryOrder: calibrationOrder(
            orderBy(rows, (r) => r.labMaxMemoryMedianMB),
            orderBy(rows, (r) => r.awsMaxMemoryMB),
          ),
        };
      });
    });
  return { function: fn, references, labDatasets, settings };
}

interface SettingColdRow extends LabColdRow {
  dataset: string;
  memoryMB: number;
  architecture: string;
}

const settingRuntimeKey = (dataset: string, memoryMB: number, architecture: string, runtime: string) =>
  `${dataset}\u0000${memoryMB}\u0000${architecture}\u0000${runtime}`;

/**
 * In one pass: the function's successful cold invocations (an Init Duration reported), and every
 * setting × runtime where the lab ran it at all (so a runtime with no cold start is shown as such).
 */
function functionRows(a: Analysis, fn: string): { cold: SettingColdRow[]; ran: Set<string> } {
  const col = (name: string) => dataColumn(a.table, name);
  const [dataset, runtime, func, memoryMB, architecture, init, memory, status] = [
    "dataset",
    "runtime",
    "function",
    "memoryMB",
    "architecture",
    "initDurationMs",
    "maxMemoryUsedMB",
    "status",
  ].map(col) as [
    ArrayLike<string>,
    ArrayLike<string>,
    ArrayLike<string>,
    ArrayLike<number>,
    ArrayLike<string>,
    ArrayLike<number | null>,
    ArrayLike<number>,
    ArrayLike<string>,
  ];
  const cold: SettingColdRow[] = [];
  const ran = new Set<string>();
  for (let i = 0; i < a.table.totalRows(); i++) {
    if (func[i] !== fn) continue;
    ran.add(settingRuntimeKey(dataset[i]!, memoryMB[i]!, architecture[i]!, runtime[i]!));
    const initMs = init[i];
    if (status[i] !== "success" || initMs === null || initMs === undefined || Number.isNaN(initMs)) continue;
    cold.push({
      dataset: dataset[i]!,
      runtime: runtime[i]!,
      memoryMB: memoryMB[i]!,
      architecture: architecture[i]!,
      initDurationMs: initMs,
      maxMemoryUsedMB: memory[i]!,
    });
  }
  return { cold, ran };
}

const calibrationOrder = (lab: string[][], aws: string[][]): CalibrationOrder => ({ lab, aws, agreement: orderAgreement(lab, aws) });
