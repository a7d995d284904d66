// The report build's dataset step: every dataset is loaded and checked once, before any notebook
// runs, into the columnar copy the notebooks read (render/cache.ts); its meta.json comes from the
// one dataset index.
import { existsSync, rmSync, statSync } from "node:fs";
import { stagingDirFor, swapDir } from "../../runners/dataset/atomic.js";
import type { ColumnarEntry, ColumnarFile, ColumnarTable } from "../lib/load/columnar.js";
import type { DatasetProvenance, LoadedDataset } from "../lib/index.js";
import type { LibraryBundle } from "./library-bundle.js";
import { columnarDir, columnarKey, datasetFingerprint, readColumnarCache, writeColumnarCache } from "./cache.js";
import { provenanceHtml } from "./html.js";
import { Worker } from "node:worker_threads";
import { ReportBuildError, renderMessages } from "./messages.js";

export interface DatasetStepOptions {
  /** Absolute dataset folders. */
  datasets: string[];
  /** The user named the datasets (--data): one that cannot be loaded fails the build (default true). */
  datasetsExplicit?: boolean;
  cacheDir: string;
  log: (line: string) => void;
}

/** What the title page needs of a dataset, stored beside its columnar copy. */
interface Described {
  provenance: DatasetProvenance[];
}

export interface CheckedDatasets {
  /** The dataset folders that loaded, in the order given. */
  usable: string[];
  /** Their names (meta.json's, as the dataset index read them). */
  names: string[];
  /** Their columnar copies (render/cache.ts), which the notebooks load. */
  columnar: string[];
  fingerprints: string[];
  notices: string[];
  /** What the title page says of each usable dataset, in order. */
  described: DatasetProvenance[];
  /** The title page's provenance HTML. */
  provenance: string;
}

/** Fails fast, before the library is bundled, when a dataset folder named on the command line is not there. */
export function requireDatasetFolders(dirs: readonly string[]): void {
  for (const dir of dirs) if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ReportBuildError(renderMessages.missingDataset(dir));
}

/**
 * Loads and checks every dataset once, before any notebook runs, into a columnar copy that the
 * notebooks read (cached by content and library, so an unchanged dataset is not read again); a bad
 * dataset is thus reported once, by the build, instead of by every notebook. Named datasets (--data)
 * must all load; of the datasets found in data/, one that does not is left out with a title-page
 * warning.
 */
export async function checkDatasets(options: DatasetStepOptions, bundle: LibraryBundle): Promise<CheckedDatasets> {
  const explicit = options.datasetsExplicit ?? true;
  const library = import("../notebook/library.js"); // needed last; loads while the first copy runs
  const result: CheckedDatasets = { usable: [], names: [], columnar: [], fingerprints: [], notices: [], described: [], provenance: "" };
  const checked: (ColumnarEntry & Described)[] = [];
  const names = new Map<string, string>();
  for (const dir of options.datasets) {
    let copy: Awaited<ReturnType<typeof cachedOrCopied>>;
    try {
      copy = await cachedOrCopied(dir, options, bundle);
      const name = copy.entry.dataset.name;
      const twin = names.get(name);
      if (twin !== undefined) throw new RefusedDataset(renderMessages.duplicateDataset(name, twin, dir));
      names.set(name, dir);
      checked.push(copy.entry);
    } catch (error) {
      if (!(error instanceof RefusedDataset)) throw error;
      if (explicit) throw new ReportBuildError(renderMessages.badDataset(error.message));
      result.notices.push(renderMessages.skippedDataset(dir, error.message));
      options.log(renderMessages.progress.skipped(dir, error.message));
      continue;
    }
    result.usable.push(dir);
    result.names.push(copy.entry.dataset.name);
    result.columnar.push(columnarDir(options.cacheDir, copy.key));
    result.fingerprints.push(copy.fingerprint);
  }
  if (result.usable.length === 0) throw new ReportBuildError(renderMessages.noUsableDataset(result.notices));
  // The title page describes reference datasets too; they join no protocol group.
  const loaded = checked
    .filter(({ dataset }) => dataset.meta.reference === undefined)
    .map(({ dataset }) => ({ name: dataset.name, meta: dataset.meta }) as LoadedDataset);
  result.described = checked.flatMap((c) => c.provenance);
  result.provenance = provenanceHtml(result.described, (await library).protocolGroups(loaded), result.notices);
  return result;
}

/** A dataset the checks refused (the library's DatasetError, as a worker reported it), or a second dataset of one name. */
class RefusedDataset extends Error {}

/** A worker's table, or its error thrown: a refused dataset as RefusedDataset. */
function copied<Copy>(copy: Copy | WorkerError): Copy {
  if (copy !== null && typeof copy === "object" && "error" in copy) {
    const { message, dataset } = (copy as WorkerError).error;
    throw dataset ? new RefusedDataset(message) : new Error(message);
  }
  return copy;
}

/**
 * The dataset's columnar copy from the cache, or made now. The copy starts at once, into a staging
 * folder, while this thread hashes the dataset's files for the cache key (a third of a second at a
 * million rows, no longer spent before the copy starts); on a hit the copy is stopped and dropped.
 */
async function cachedOrCopied(
  dir: string,
  options: DatasetStepOptions,
  bundle: LibraryBundle,
): Promise<{ key: string; fingerprint: string; entry: ColumnarEntry & Described }> {
  const started = performance.now();
  const staging = stagingDirFor(columnarDir(options.cacheDir, "copy"));
  // Both files at once, one thread each; the invocations' error first, as reading one file after the other reports it.
  const workers = [
    copyInWorker<InvocationsCopy>(bundle.path, dir, staging, "invocations"),
    copyInWorker<RequestsCopy>(bundle.path, dir, staging, "requests"),
  ] as const;
  try {
    const fingerprint = datasetFingerprint(dir);
    const key = columnarKey(fingerprint, bundle.code);
    const cached = readColumnarCache<Described>(options.cacheDir, key);
    if (cached) return { key, fingerprint, entry: cached };
    const [invocations, requests] = [copied(await workers[0].result), copied(await workers[1].result)];
    swapDir(staging, columnarDir(options.cacheDir, key));
    const files = { invocations: invocations.file, requests: requests.file };
    const entry = writeColumnarCache(options.cacheDir, key, invocations.dataset, files, { provenance: invocations.provenance });
    options.log(renderMessages.progress.datasetChecked(dir, (performance.now() - started) / 1000));
    return { key, fingerprint, entry };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    rmSync(staging, { recursive: true, force: true });
  }
}

/** What a worker sends back: its table's file, with the dataset as loaded and its provenance from the invocations; or the error. */
type WorkerError = { error: { message: string; dataset: boolean } };
type InvocationsCopy = { dataset: ColumnarEntry["dataset"]; provenance: DatasetProvenance[]; file: ColumnarFile };
type RequestsCopy = { file: ColumnarFile };

// Runs the library bundle the notebooks run (plain CommonJS), so the worker needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const library = require(workerData.library);
const { dir, out, table } = workerData;
// The requests take a third of the invocations' time: on a machine with few cores their thread
// yields to the invocations', which the build waits for, and to the notebook kernel starting
// meanwhile. Linux only (a thread's id from /proc); elsewhere both run at the same priority.
if (table === "requests") {
  try {
    const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
    require("node:os").setPriority(tid, 10);
  } catch {}
}
async function copyInvocations() {
  const data = await library.loadDatasets([dir], { requests: false });
  // A reference dataset (meta.reference) is loaded apart from the measured ones, and copied the same way.
  const { name, meta, corrections } = [...data.datasets, ...data.references][0];
  const file = library.writeColumnarTable(out, table, library.encodeDatasetTable(table, data.invocations));
  return { dataset: { name, meta, corrections }, provenance: library.describeDatasets(data), file };
}
async function copyRequests() {
  const requests = await library.loadCheckedRequests(dir);
  return { file: library.writeColumnarTable(out, table, library.encodeDatasetTable(table, requests)) };
}
(table === "invocations" ? copyInvocations() : copyRequests()).then((copy) => parentPort.postMessage(copy)).catch((error) => {
  parentPort.postMessage({ error: { message: String(error && error.message || error), dataset: error instanceof library.DatasetError } });
});
`;

/**
 * Loads, checks and encodes one table of a dataset (invocations: with the dataset's description)
 * in a worker thread, which writes the table's file into `out`: the rows as parsed (strings
 * included) and the encoded table live in the worker's memory, given back when it ends, before the
 * notebooks' kernels need theirs. stop() ends the worker, done or not.
 */
function copyInWorker<Copy>(
  libraryPath: string,
  dir: string,
  out: string,
  table: ColumnarTable,
): { result: Promise<Copy | WorkerError>; stop: () => Promise<void> } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { library: libraryPath, dir, out, table } });
  const result = new Promise<Copy | WorkerError>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`dataset worker exited (code ${code}) before answering`)));
  });
  result.catch(() => undefined); // a hit stops the worker unheard
  return { result, stop: async () => void (await worker.terminate()) };
}
