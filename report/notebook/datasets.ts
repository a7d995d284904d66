import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** What the notebooks read from a dataset's meta.json before loading it. */
export interface DatasetSummary {
  dir: string;
  target: unknown;
  architecture: unknown;
  memorySizes: number[];
}

function summary(dir: string): DatasetSummary | null {
  try {
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as Record<string, unknown>;
    if (meta.complete !== true) return null;
    const memorySizes = Array.isArray(meta.memorySizes) ? meta.memorySizes.filter((m): m is number => typeof m === "number") : [];
    return { dir, target: meta.target, architecture: meta.architecture, memorySizes };
  } catch {
    return null;
  }
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    // Hidden folders are a dataset being swapped in (runners/dataset/atomic.ts staging), never one to read.
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => join(dir, entry.name))
    .sort();
}

/** The dataset folders under dataDir whose meta.json says `complete: true`, sorted by name. */
export function findCompleteDatasets(dataDir: string): string[] {
  return subfolders(resolve(dataDir)).filter((dir) => summary(dir) !== null);
}

/** The complete datasets in dataDir and in its subfolders that are not datasets (e.g. data/reruns/), sorted by path. */
export function completeDatasetsBelow(dataDir: string): DatasetSummary[] {
  const found: DatasetSummary[] = [];
  for (const dir of subfolders(resolve(dataDir))) {
    const own = summary(dir);
    if (own) found.push(own);
    else if (!existsSync(join(dir, "meta.json"))) found.push(...subfolders(dir).map(summary).filter((s): s is DatasetSummary => s !== null));
  }
  return found.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}
