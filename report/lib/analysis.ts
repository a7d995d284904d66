// The analysis view of loaded datasets: benchmark rows with every derived metric column, the
// runtimes/functions/settings present (in manifest order), computed once per Datasets object.
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { inManifestOrder, isMeasuredFunction, namedRuntime, type Manifest, type RuntimeKind } from "../../functions/manifest.js";
import type { Datasets } from "./load/datasets.js";
import { withBilledDuration } from "./metrics/billed.js";
import { withColdStart } from "./metrics/cold-start.js";
import { variantPairs, type VariantPair } from "./metrics/concurrency-gain.js";
import { dataColumn, dataRows, gather } from "./metrics/grouping.js";
import { memo } from "./metrics/memo.js";
import { withManagedInitRemoved } from "./metrics/provisioned.js";
import { withTotalDuration } from "./metrics/total-duration.js";

export interface Setting {
  dataset: string;
  memoryMB: number;
  architecture: string;
  /** Readable, unique: "dataset · 128 MB" (plus the architecture when several are present). */
  label: string;
}

export interface RuntimeInfo {
  id: string;
  label: string;
  kind: RuntimeKind;
  color: string;
  /** False for a name the manifest does not list (shown as given). */
  known: boolean;
}

/** The label a runtime name is shown with: its RuntimeInfo's (the manifest's label), else the name as given. */
export function runtimeLabels(runtimes: readonly RuntimeInfo[]): (name: string) => string {
  const labels = new Map(runtimes.map((r) => [r.id, r.label]));
  return (name) => labels.get(name) ?? name;
}

export interface Analysis {
  manifest: Manifest;
  /** Benchmark functions' invocations with derived columns (total, cold start, billed, GB-s…). */
  table: ColumnTable;
  runtimes: RuntimeInfo[];
  /** Functions compared across runtimes (benchmark functions that are not a concurrent variant). */
  functions: string[];
  /** Every measured function present (compared ones, variants and users' own), report order. */
  functionsMeasured: string[];
  pairs: VariantPair[];
  settings: Setting[];
  data: Datasets;
}

/** A fixed palette indexed by report position (a runtime's own `color` wins). */
export const PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d", "#bab0ac"];

export function analysisOf(data: Datasets): Analysis {
  return memo(data, "analysis", () => {
    const manifest = data.manifest;
    const measured = new Set(
      inManifestOrder([], distinct(data.invocations.column("function") as unknown as ArrayLike<string>)).filter((f) => isMeasuredFunction(manifest, f)),
    );
    const table = withManagedInitRemoved(withBilledDuration(withColdStart(withTotalDuration(benchmarkRows(data.invocations, measured))), "as-reported"));
    const runtimes = runtimesOf(manifest, distinct(table.column("runtime") as unknown as ArrayLike<string>));
    const variants = new Set(variantPairs(manifest).map((p) => p.variant));
    const functionOrder = manifest.functions.map((f) => f.id);
    const functionsMeasured = inManifestOrder(functionOrder, distinct(table.column("function") as unknown as ArrayLike<string>));
    const functions = functionsMeasured.filter((f) => !variants.has(f));
    return { manifest, table, runtimes, functions, functionsMeasured, pairs: variantPairs(manifest), settings: settingsOf(table), data };
  });
}

/** Runtime names present, in report order, with the manifest's label/kind/colour where it lists them. */
export function runtimesOf(manifest: Manifest, present: Iterable<string>): RuntimeInfo[] {
  const ids = inManifestOrder(
    manifest.runtimes.map((r) => r.id),
    present,
  );
  // Listed runtimes keep their manifest slot's colour; other names take the free slots in order.
  const listedSlots = new Set(ids.map((id) => manifest.runtimes.findIndex((x) => x.id === id)).filter((i) => i >= 0));
  const freeSlots = PALETTE.map((_, i) => i).filter((i) => !listedSlots.has(i));
  let nextFree = 0;
  return ids.map((id) => {
    const r = namedRuntime(manifest, id);
    const position = manifest.runtimes.findIndex((x) => x.id === id);
    const slot = position >= 0 ? position : (freeSlots[nextFree++ % freeSlots.length] ?? 0);
    return { id, label: r.label, kind: r.kind, known: r.known, color: r.color ?? PALETTE[slot % PALETTE.length]! };
  });
}

/** Columns the metrics read (ids and timestamps stay in data.invocations); `trial` where the data has it. */
const METRIC_INPUTS = [
  "dataset",
  "runtime",
  "function",
  "memoryMB",
  "architecture",
  "runtimeKind",
  "durationMs",
  "billedDurationMs",
  "maxMemoryUsedMB",
  "initDurationMs",
  "status",
];
const OPTIONAL_INPUTS = ["trial"];

/** The rows of benchmark functions (in table order, filter respected), as a new table of plain columns. */
function benchmarkRows(invocations: ColumnTable, benchmark: ReadonlySet<string>): ColumnTable {
  const ordered = invocations.isOrdered() ? invocations.indices() : dataRows(invocations);
  const fn = dataColumn(invocations, "function") as ArrayLike<string>;
  let n = 0;
  const rows = new Uint32Array(ordered.length);
  for (let k = 0; k < ordered.length; k++) if (benchmark.has(fn[ordered[k]!]!)) rows[n++] = ordered[k]!;
  const kept = rows.subarray(0, n);
  const present = invocations.columnNames();
  const columns = [...METRIC_INPUTS, ...OPTIONAL_INPUTS.filter((name) => present.includes(name))];
  return aq.table(Object.fromEntries(columns.map((name) => [name, gather(dataColumn(invocations, name), kept)])));
}

/** The distinct values of a column (a run of equal values costs one comparison). */
function distinct<T>(values: ArrayLike<T>): Set<T> {
  const seen = new Set<T>();
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[i - 1]) seen.add(values[i]!);
  return seen;
}

function settingsOf(table: ColumnTable): Setting[] {
  const seen = new Map<string, Omit<Setting, "label">>();
  const ds = table.column("dataset") as unknown as ArrayLike<string>;
  const mem = table.column("memoryMB") as unknown as ArrayLike<number>;
  const arch = table.column("architecture") as unknown as ArrayLike<string>;
  for (let i = 0; i < ds.length; i++) {
    if (i > 0 && ds[i] === ds[i - 1] && mem[i] === mem[i - 1] && arch[i] === arch[i - 1]) continue;
    const k = `${ds[i]}\u0000${mem[i]}\u0000${arch[i]}`;
    if (!seen.has(k)) seen.set(k, { dataset: ds[i]!, memoryMB: mem[i]!, architecture: arch[i]! });
  }
  const list = [...seen.values()];
  const severalArchitectures = new Set(list.map((s) => s.architecture)).size > 1;
  return list.map((s) => ({ ...s, label: `${s.dataset} · ${s.memoryMB} MB${severalArchitectures ? ` · ${s.architecture}` : ""}` }));
}

/** The setting of a grouped row (dataset, memoryMB, architecture). */
export function settingOf(analysis: Analysis, row: Record<string, unknown>): Setting {
  const s = analysis.settings.find((x) => x.dataset === row.dataset && x.memoryMB === row.memoryMB && x.architecture === row.architecture);
  if (!s) throw new Error(`no setting for ${JSON.stringify(row)}`);
  return s;
}
