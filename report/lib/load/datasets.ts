// Loads one or more dataset folders into two arquero tables (invocations, requests), each row
// tagged with its dataset's name; several datasets concatenate.
import { isAbsolute, join, resolve } from "node:path";
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { DATASET_FILES, type DatasetMeta } from "../../../runners/dataset/contract.js";
import { loadManifest, namedRuntime, type Manifest, type RuntimeKind } from "../../../functions/manifest.js";
import { checkRowsMatchMeta, dropDuplicateInvocations } from "./consistency.js";
import { readCsvColumns, type ColumnValues } from "./csv.js";
import { readMeta } from "./meta.js";
import { DatasetError, loadMessages } from "./messages.js";
import { invocationFields, requestFields } from "./normalise.js";

export interface LoadedDataset {
  name: string;
  dir: string;
  meta: DatasetMeta;
  /** What the loader corrected (identical repeated rows dropped), for the title page. */
  corrections: string[];
}

export interface Datasets {
  manifest: Manifest;
  datasets: LoadedDataset[];
  /** One row per REPORT line: the contract columns plus `dataset` and `runtimeKind`. */
  invocations: ColumnTable;
  /** One row per client request: the contract columns plus `dataset`. */
  requests: ColumnTable;
}

export interface LoadOptions {
  /** Defaults to functions/manifest.json. */
  manifest?: Manifest;
  /** Base for relative paths; defaults to process.cwd(). */
  cwd?: string;
}

export async function loadDatasets(paths: readonly string[], options: LoadOptions = {}): Promise<Datasets> {
  if (paths.length === 0) throw new DatasetError(loadMessages.noDatasets());
  const manifest = options.manifest ?? loadManifest();
  const cwd = options.cwd ?? process.cwd();
  const kinds = new Map<string, RuntimeKind>();
  const kindOf = (runtime: string): RuntimeKind => {
    let kind = kinds.get(runtime);
    if (kind === undefined) kinds.set(runtime, (kind = namedRuntime(manifest, runtime).kind));
    return kind;
  };

  const datasets: LoadedDataset[] = [];
  const invocationParts: ColumnTable[] = [];
  const requestParts: ColumnTable[] = [];
  for (const p of paths) {
    const dir = isAbsolute(p) ? p : resolve(cwd, p);
    const meta = readMeta(dir, p);
    const twin = datasets.find((d) => d.name === meta.name);
    if (twin) throw new DatasetError(loadMessages.duplicateName(meta.name, twin.dir, dir));
    const corrections: string[] = [];
    datasets.push({ name: meta.name, dir, meta, corrections });

    const invShown = join(p, DATASET_FILES.invocations);
    const read = await readCsvColumns(join(dir, DATASET_FILES.invocations), invocationFields(), {
      // A dataset of averages (contract: meta.averages) has no raw invocations.
      allowNoRows: meta.averages !== undefined,
      shown: invShown,
      expectedRows: meta.counts.invocations,
    });
    checkCount(invShown, meta.counts.invocations, read.rows);
    checkRowsMatchMeta(invShown, read.columns, read.rows, meta);
    const inv = dropDuplicateInvocations(invShown, read.columns, read.rows);
    if (inv.dropped > 0) corrections.push(loadMessages.duplicatesDropped(DATASET_FILES.invocations, inv.dropped));
    const runtimes = inv.columns.runtime as string[];
    invocationParts.push(
      aq.table({
        dataset: constant(meta.name, inv.rows),
        ...inv.columns,
        runtimeKind: runtimes.map(kindOf),
      } as Record<string, ColumnValues>),
    );
    const req = await readCsvColumns(join(dir, DATASET_FILES.requests), requestFields(), {
      allowNoRows: true,
      shown: join(p, DATASET_FILES.requests),
      expectedRows: meta.counts.requests,
    });
    checkCount(join(p, DATASET_FILES.requests), meta.counts.requests, req.rows);
    checkRowsMatchMeta(join(p, DATASET_FILES.requests), req.columns, req.rows, meta);
    requestParts.push(aq.table({ dataset: constant(meta.name, req.rows), ...req.columns } as Record<string, ColumnValues>));
  }
  return {
    manifest,
    datasets,
    invocations: concatAll(invocationParts),
    requests: concatAll(requestParts),
  };
}

function checkCount(path: string, expected: number, actual: number): void {
  if (expected !== actual) throw new DatasetError(loadMessages.countMismatch(path, expected, actual));
}

function constant(value: string, n: number): string[] {
  return new Array<string>(n).fill(value);
}

function concatAll(parts: ColumnTable[]): ColumnTable {
  const [first, ...rest] = parts;
  return rest.length === 0 ? first! : first!.concat(...rest);
}
