// The renderer's caches, all content-hashed (quarto's freeze, framework's atomic writes): executed
// notebook outputs, figure SVGs, printed PDFs and the datasets' provenance. Each key covers every
// input of what it stores; a damaged entry is a miss; writes are atomic.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { writeFileAtomic } from "../../runners/dataset/atomic.js";
import { RENDERER_VERSION } from "./paths.js";
import type { MimeBundle } from "../notebook/show.js";

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
  provenance: { folder: "datasets-checked", extension: "json" },
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

/** A dataset's provenance depends on its files and on the library that loads and describes it. */
export const provenanceKey = (fingerprint: string, librarySource: string): string =>
  sha256(JSON.stringify({ fingerprint, library: sha256(librarySource) }));
