// Per-notebook content-hash cache of executed outputs (quarto's freeze, framework's atomic writes).
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

export function readCached(cacheDir: string, hash: string): CachedExecution | undefined {
  const file = join(cacheDir, `${hash}.json`);
  if (!existsSync(file)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as CachedExecution;
    return entry.hash === hash && Array.isArray(entry.outputs) ? entry : undefined;
  } catch {
    return undefined; // a damaged entry is a miss
  }
}

export function writeCached(cacheDir: string, entry: CachedExecution): void {
  writeFileAtomic(join(cacheDir, `${entry.hash}.json`), JSON.stringify(entry));
}
