// Loads one or more dataset folders into two arquero tables (invocations, requests), each row
// tagged with its dataset's name; several datasets concatenate. A folder is either a dataset as
// the runners write it (meta.json from the dataset index, CSVs read and checked here) or the
// columnar copy the report build made of one after checking it (columnar.ts), read as it is.
import { isAbsolute, join, resolve } from "node:path";
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { DATASET_FILES, type DatasetMeta } from "../../../runners/dataset/contract.js";
import { loadManifest, namedRuntime, type Manifest, type RuntimeKind } from "../../../functions/manifest.js";
import { isColumnarDataset, readColumnarDataset, type DecodedColumns } from "./columnar.js";
import { checkRowsMatchMeta, dropDuplicateInvocations } from "./consistency.js";
import { readCsvColumns, type ColumnValues, type CsvColumns } from "./csv.js";
import { datasetIndex, type DatasetIndex } from "./dataset-index.js";
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
  /** The measured datasets: every finding reads these. */
  datasets: LoadedDataset[];
  /**
   * Reference datasets (contract: meta.reference, e.g. an imported lambda-perf day): AWS numbers the
   * lab is compared with, kept apart so they never enter a finding; only the Lab vs AWS section reads them.
   */
  references: LoadedDataset[];
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
  /** Where meta.json readings come from; defaults to the process's one index. */
  index?: DatasetIndex;
  /**
   * false: the datasets' requests.csv is neither read nor checked here, and `requests` must not be
   * read (the report build reads that file at the same time in another thread, with
   * loadCheckedRequests). Default true.
   */
  requests?: boolean;
}

/** One dataset's rows as read: the file's columns, before the loader tags them. */
interface DatasetPart {
  meta: DatasetMeta;
  corrections: string[];
  invocations: Record<string, unknown>;
  invocationRows: number;
  /** Read when the requests table is first asked for. */
  requests: () => DecodedColumns | CsvColumns;
}

/**
 * Columnar datasets loaded in this process, by folder list: a notebook kernel that runs several
 * notebooks in turn loads them once, and the analysis cached on the tables is shared too. Columnar
 * folders are named by their content's hash, so an entry is never stale.
 */
const columnarLoads = new Map<string, Promise<Datasets>>();

export async function loadDatasets(paths: readonly string[], options: LoadOptions = {}): Promise<Datasets> {
  if (paths.length === 0) throw new DatasetError(loadMessages.noDatasets());
  const cwd = options.cwd ?? process.cwd();
  const dirs = paths.map((p) => (isAbsolute(p) ? p : resolve(cwd, p)));
  if (options.manifest || !dirs.every(isColumnarDataset)) return load(paths, dirs, options);
  const key = dirs.join("\0");
  let loaded = columnarLoads.get(key);
  if (!loaded) {
    loaded = load(paths, dirs, options);
    columnarLoads.set(key, loaded);
    loaded.catch(() => columnarLoads.delete(key));
  }
  return loaded;
}

async function load(paths: readonly string[], dirs: readonly string[], options: LoadOptions): Promise<Datasets> {
  const manifest = options.manifest ?? loadManifest();
  const kinds = new Map<string, RuntimeKind>();
  const kindOf = (runtime: string): RuntimeKind => {
    let kind = kinds.get(runtime);
    if (kind === undefined) kinds.set(runtime, (kind = namedRuntime(manifest, runtime).kind));
    return kind;
  };

  const datasets: LoadedDataset[] = [];
  const references: LoadedDataset[] = [];
  const invocationParts: ColumnTable[] = [];
  const requestParts: (() => ColumnTable)[] = [];
  for (const [i, p] of paths.entries()) {
    const dir = dirs[i]!;
    const part = isColumnarDataset(dir) ? columnarPart(dir) : await checkedPart(p, dir, options.index ?? datasetIndex, options.requests ?? true);
    const { meta, corrections } = part;
    const twin = [...datasets, ...references].find((d) => d.name === meta.name);
    if (twin) throw new DatasetError(loadMessages.duplicateName(meta.name, twin.dir, dir));
    (meta.reference !== undefined ? references : datasets).push({ name: meta.name, dir, meta, corrections });
    const runtimes = part.invocations.runtime as ArrayLike<string>;
    invocationParts.push(
      aq.table({
        dataset: constant(meta.name, part.invocationRows),
        ...part.invocations,
        runtimeKind: Array.from(runtimes, kindOf),
      } as Record<string, ColumnValues>),
    );
    requestParts.push(() => {
      const { columns, rows } = part.requests();
      return aq.table({ dataset: constant(meta.name, rows), ...columns } as Record<string, ColumnValues>);
    });
  }
  let requests: ColumnTable | undefined;
  return {
    manifest,
    datasets,
    references,
    invocations: concatAll(invocationParts),
    // Built when first read: the analysis reads only invocations, so a kernel never holds the requests of a columnar copy.
    get requests() {
      return (requests ??= concatAll(requestParts.map((part) => part())));
    },
  };
}

/** A dataset folder as the runners write it: meta.json from the index, both CSVs (or invocations.csv only) read and checked. */
async function checkedPart(p: string, dir: string, index: DatasetIndex, readRequests: boolean): Promise<DatasetPart> {
  const meta = index.meta(dir, p);
  if (meta.reference !== undefined && (meta.counts.invocations > 0 || meta.counts.requests > 0))
    throw new DatasetError(loadMessages.referenceWithRows(join(p, DATASET_FILES.meta)));
  const corrections: string[] = [];
  const invShown = join(p, DATASET_FILES.invocations);
  const read = await readCsvColumns(join(dir, DATASET_FILES.invocations), invocationFields(), {
    // A dataset of averages (contract: meta.averages) or a reference (meta.reference) has no raw invocations.
    allowNoRows: meta.averages !== undefined || meta.reference !== undefined,
    shown: invShown,
    expectedRows: meta.counts.invocations,
  });
  checkCount(invShown, meta.counts.invocations, read.rows);
  checkRowsMatchMeta(invShown, read.columns, read.rows, meta);
  const inv = dropDuplicateInvocations(invShown, read.columns, read.rows);
  if (inv.dropped > 0) corrections.push(loadMessages.duplicatesDropped(DATASET_FILES.invocations, inv.dropped));
  const req = readRequests ? await checkedRequests(p, dir, meta) : undefined;
  const requests = (): CsvColumns => {
    if (!req) throw new Error(`${join(p, DATASET_FILES.requests)} was not read (loadDatasets with requests: false)`);
    return req;
  };
  return { meta, corrections, invocations: inv.columns, invocationRows: inv.rows, requests };
}

/** requests.csv of a dataset folder, read and checked: every field, the count and each row's memory size and runtime against meta.json. */
async function checkedRequests(p: string, dir: string, meta: DatasetMeta): Promise<CsvColumns> {
  const shown = join(p, DATASET_FILES.requests);
  const req = await readCsvColumns(join(dir, DATASET_FILES.requests), requestFields(), { allowNoRows: true, shown, expectedRows: meta.counts.requests });
  checkCount(shown, meta.counts.requests, req.rows);
  checkRowsMatchMeta(shown, req.columns, req.rows, meta);
  return req;
}

/**
 * The requests table of one dataset folder as the runners write it, read and checked as
 * loadDatasets reads and checks it (the report build reads it so in a thread of its own while
 * another loads the invocations, with `requests: false`).
 */
export async function loadCheckedRequests(path: string, options: Pick<LoadOptions, "cwd" | "index"> = {}): Promise<ColumnTable> {
  const dir = isAbsolute(path) ? path : resolve(options.cwd ?? process.cwd(), path);
  const meta = (options.index ?? datasetIndex).meta(dir, path);
  const { columns, rows } = await checkedRequests(path, dir, meta);
  return aq.table({ dataset: constant(meta.name, rows), ...columns } as Record<string, ColumnValues>);
}

/** The columnar copy the report build made of a checked dataset (its checks already passed). */
function columnarPart(dir: string): DatasetPart {
  const { entry, invocations, requests } = readColumnarDataset(dir);
  return {
    meta: entry.dataset.meta,
    corrections: entry.dataset.corrections,
    invocations: invocations.columns,
    invocationRows: invocations.rows,
    requests,
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
