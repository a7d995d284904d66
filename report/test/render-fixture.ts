// Shared by the renderer's build tests: FIXTURE datasets (made-up numbers) in a temp dir and build
// options pointing every output there.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { BuildOptions } from "../render/build.js";
import { paths } from "../render/paths.js";
import { generateFixtureDataset } from "./fixtures/generate.js";

export interface RenderWorkspace {
  root: string;
  datasets: string[];
  options: (overrides?: Partial<BuildOptions>) => BuildOptions;
  lines: string[];
}

export function renderWorkspace(): RenderWorkspace {
  const root = mkdtempSync(join(tmpdir(), "lambench-render-"));
  const datasets = [join(root, "data", "fixture-a"), join(root, "data", "fixture-b")];
  generateFixtureDataset(datasets[0]!, { name: "fixture-a", seed: 11, memorySizes: [128, 1024] });
  generateFixtureDataset(datasets[1]!, { name: "fixture-b", seed: 12, memorySizes: [512] });
  const lines: string[] = [];
  return {
    root,
    datasets,
    lines,
    options: (overrides = {}) => ({
      datasets,
      siteDir: join(root, "site"),
      pdfPath: join(root, "report.pdf"),
      cacheDir: join(root, "cache"),
      notebooksDir: paths.notebooks,
      templatesDir: paths.templates,
      force: false,
      section: null,
      concurrency: 2,
      isolateKernels: false,
      log: (line) => lines.push(line),
      ...overrides,
    }),
  };
}

/** Every file under dir with its content, by relative path (to compare two builds or check one is untouched). */
export function snapshotDir(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}
