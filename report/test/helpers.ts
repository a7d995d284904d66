// Shared test set-up: fixture datasets in a temp dir (never data/), loaded once per file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDatasets, type Datasets } from "../lib/index.js";
import { generateFixtureDataset, type FixtureOptions } from "./fixtures/generate.js";

export interface FixtureSet {
  dir: string;
  load: (specs: Record<string, FixtureOptions>) => Promise<Datasets>;
  cleanup: () => void;
}

export function fixtureSet(): FixtureSet {
  const dir = mkdtempSync(join(tmpdir(), "lambench-report-test-"));
  return {
    dir,
    load: async (specs) => {
      const paths = Object.entries(specs).map(([name, options]) => {
        const path = join(dir, name);
        generateFixtureDataset(path, { name, ...options });
        return path;
      });
      return loadDatasets(paths);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
