// Shared by the renderer's build tests: FIXTURE datasets (made-up numbers) in a temp dir and build
// options pointing every output there.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { BuildOptions } from "../render/options.js";
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

/** Every file under dir by relative path: its text for html/csv/json (readable diffs), else its sha256. */
export function snapshotDir(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const content = readFileSync(p);
        files.set(relative(dir, p), /\.(html|csv|json)$/.test(p) ? content.toString("utf8") : createHash("sha256").update(content).digest("hex"));
      }
    }
  };
  walk(dir);
  return files;
}
