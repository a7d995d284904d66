// One validated dataset index: every dataset folder's meta.json is read and checked (meta.ts) once,
// and every reader asks the index instead of parsing meta.json itself: the loader, the notebooks'
// dataset lists (report/notebook/datasets.ts), the comparison's options and the report build.
// A reading is kept while meta.json is unchanged (same inode, size and modification time), so a
// dataset swapped in or rewritten is read again and never served stale.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { DATASET_FILES, type DatasetMeta } from "../../../runners/dataset/contract.js";
import { inspectMeta, type MetaReading } from "./meta.js";

export class DatasetIndex {
  private readonly readings = new Map<string, { signature: string; reading: MetaReading }>();

  /** `inspect` is meta.ts's reader; tests pass a counting one. */
  constructor(private readonly inspect: (dir: string, shown: string) => MetaReading = inspectMeta) {}

  /** The reading of the dataset folder `dir` (absolute), read and checked on first use only. */
  reading(dir: string, shown = dir): MetaReading {
    const key = `${dir}\0${shown}`;
    const signature = metaSignature(dir);
    const known = this.readings.get(key);
    if (known && known.signature === signature) return known.reading;
    const reading = this.inspect(dir, shown);
    this.readings.set(key, { signature, reading });
    return reading;
  }

  /** The validated meta.json of a complete dataset, or its DatasetError (file and field named). */
  meta(dir: string, shown = dir): DatasetMeta {
    const reading = this.reading(dir, shown);
    if (reading.status !== "ok") throw reading.error;
    return reading.meta;
  }

  /**
   * The folders directly under dataDir that hold a dataset said to be complete, sorted: valid ones,
   * and ones whose meta.json is refused (so the build reports them instead of skipping them
   * silently). Datasets still being written, and folders without meta.json, are not listed.
   */
  listed(dataDir: string): string[] {
    return subfolders(resolve(dataDir)).filter((dir) => {
      const { status } = this.reading(dir);
      return status === "ok" || status === "refused";
    });
  }

  /** The valid complete datasets in dataDir and in its subfolders that are not datasets (e.g. data/reruns/), sorted by path. */
  validBelow(dataDir: string): { dir: string; meta: DatasetMeta }[] {
    const found: { dir: string; meta: DatasetMeta }[] = [];
    const add = (dir: string) => {
      const reading = this.reading(dir);
      if (reading.status === "ok") found.push({ dir, meta: reading.meta });
    };
    for (const dir of subfolders(resolve(dataDir))) {
      if (existsSync(join(dir, DATASET_FILES.meta))) add(dir);
      else subfolders(dir).forEach(add);
    }
    return found.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  }
}

/** The index every reader in this process shares. */
export const datasetIndex = new DatasetIndex();

function metaSignature(dir: string): string {
  try {
    const s = statSync(join(dir, DATASET_FILES.meta), { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return "absent";
  }
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (
    readdirSync(dir, { withFileTypes: true })
      // Hidden folders are a dataset being swapped in (runners/dataset/atomic.ts staging), never one to read.
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
      .map((entry) => join(dir, entry.name))
      .sort()
  );
}
