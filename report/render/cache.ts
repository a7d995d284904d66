// The renderer's caches, all content-hashed (quarto's freeze, framework's atomic writes): executed
// notebook outputs, figure SVGs, printed PDFs, and the columnar copies of the checked datasets that
// the notebooks read (with the title page's provenance beside them). Each key covers every input of
// what it stores; a damaged entry is a miss; writes are atomic.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { writeFileAtomic } from "../../runners/dataset/atomic.js";
import { RENDERER_VERSION } from "./paths.js";
import type { MimeBundle } from "../notebook/show.js";
import { COLUMNAR_FILES, COLUMNAR_FORMAT, type ColumnarEntry } from "../lib/load/columnar.js";

export interface CachedExecution {
  hash: string;
  notebook: string;
  seconds: number;
  outputs: MimeBundle[];
}

export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Every file under a dataset folder, as (relative path, content hash), sorted. */
export function datasetFingerprint(dir: string): string {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) files.push(p);
    }
  };
  walk(dir);
  return files
    .sort()
    .map((f) => `${relative(dir, f)}:${statSync(f).size}:${sha256(readFileSync(f))}`)
    .join("\n");
}

export interface NotebookInputs {
  notebookSource: string;
  parameters: string;
  datasetFingerprints: string[];
  librarySource: string;
}

export function executionHash(inputs: NotebookInputs): string {
  return sha256(
    JSON.stringify({
      renderer: RENDERER_VERSION,
      notebook: sha256(inputs.notebookSource),
      parameters: inputs.parameters,
      datasets: inputs.datasetFingerprints.map(sha256),
      library: sha256(inputs.librarySource),
    }),
  );
}

/** Where each kind of entry lives under the cache folder (executed notebooks at its top). */
const ENTRIES = {
  notebook: { folder: "", extension: "json" },
  svg: { folder: "svg", extension: "svg" },
  pdf: { folder: "pdf", extension: "pdf" },
} as const;

export type CacheKind = keyof typeof ENTRIES;

const entryFile = (cacheDir: string, kind: CacheKind, key: string): string => join(cacheDir, ENTRIES[kind].folder, `${key}.${ENTRIES[kind].extension}`);

/** The entry's bytes; undefined when there is none or it cannot be read (a miss). */
export function readEntry(cacheDir: string, kind: CacheKind, key: string): Buffer | undefined {
  const file = entryFile(cacheDir, kind, key);
  if (!existsSync(file)) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** A JSON entry that passes `valid`; anything else (missing, not JSON, the wrong shape) is a miss. */
export function readJsonEntry<T>(cacheDir: string, kind: CacheKind, key: string, valid: (entry: T) => boolean): T | undefined {
  const bytes = readEntry(cacheDir, kind, key);
  if (bytes === undefined) return undefined;
  try {
    const entry = JSON.parse(bytes.toString("utf8")) as T;
    return valid(entry) ? entry : undefined;
  } catch {
    return undefined; // a damaged entry is a miss
  }
}

export function writeEntry(cacheDir: string, kind: CacheKind, key: string, content: string | Uint8Array): void {
  writeFileAtomic(entryFile(cacheDir, kind, key), content);
}

export function readCached(cacheDir: string, hash: string): CachedExecution | undefined {
  return readJsonEntry<CachedExecution>(cacheDir, "notebook", hash, (entry) => entry.hash === hash && Array.isArray(entry.outputs));
}

export function writeCached(cacheDir: string, entry: CachedExecution): void {
  writeEntry(cacheDir, "notebook", entry.hash, JSON.stringify(entry));
}

/** A figure's SVG depends on its spec only. */
export const svgKey = (spec: Record<string, unknown>): string => sha256(JSON.stringify(spec));

/** A PDF depends on the print page and its stylesheets (what Chromium loads). */
export const pdfKey = (printInputs: readonly string[]): string => sha256(JSON.stringify(printInputs));

/**
 * The columnar copy of a checked dataset (report/lib/load/columnar.ts), keyed by the dataset's
 * content and the library that checked it: a changed file or loader makes a new entry. An entry is
 * a folder (the notebooks read its files directly), under datasets/.
 */
export function columnarKey(datasetFingerprint: string, librarySource: string): string {
  return sha256(JSON.stringify({ renderer: RENDERER_VERSION, format: COLUMNAR_FORMAT, dataset: sha256(datasetFingerprint), library: sha256(librarySource) }));
}

export const columnarDir = (cacheDir: string, key: string): string => join(cacheDir, "datasets", key);

/**
 * The entry under `key` when it is whole (its file parses, names this key, and every table file has
 * its recorded size and hash), else undefined: a damaged or partial entry is a miss, rebuilt.
 * `Extra` is what the writer stored beside the dataset (the title page's provenance).
 */
export function readColumnarCache<Extra>(cacheDir: string, key: string): (ColumnarEntry & Extra) | undefined {
  const dir = columnarDir(cacheDir, key);
  try {
    const entry = JSON.parse(readFileSync(join(dir, COLUMNAR_FILES.entry), "utf8")) as ColumnarEntry & Extra;
    if (entry.format !== COLUMNAR_FORMAT || entry.key !== key) return undefined;
    for (const file of [entry.files.invocations, entry.files.requests]) {
      const path = join(dir, file.name);
      if (statSync(path).size !== file.bytes || sha256(readFileSync(path)) !== file.sha256) return undefined;
    }
    return entry;
  } catch {
    return undefined;
  }
}

/**
 * Completes an entry whose table files are written (report/lib/load/columnar.ts writeColumnarTable,
 * into columnarDir): the entry file, written last and atomically, makes it whole.
 */
export function writeColumnarCache<Extra extends object>(
  cacheDir: string,
  key: string,
  dataset: ColumnarEntry["dataset"],
  files: ColumnarEntry["files"],
  extra: Extra,
): ColumnarEntry & Extra {
  const entry = { ...extra, format: COLUMNAR_FORMAT, key, dataset, files };
  writeFileAtomic(join(columnarDir(cacheDir, key), COLUMNAR_FILES.entry), JSON.stringify(entry));
  return entry;
}
