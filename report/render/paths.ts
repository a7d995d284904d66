// Where the renderer finds its inputs and puts its outputs, relative to the repository root.
import { join } from "node:path";
import { repoRoot } from "../../functions/manifest.js";

export { repoRoot };

export const paths = {
  notebooks: join(repoRoot, "notebooks"),
  data: join(repoRoot, "data"),
  templates: join(repoRoot, "templates"),
  site: join(repoRoot, "report", "site"),
  pdf: join(repoRoot, "report", "lambench-report.pdf"),
  compareSite: join(repoRoot, "report", "site-compare"),
  comparePdf: join(repoRoot, "report", "lambench-comparison.pdf"),
  cache: join(repoRoot, ".cache", "report"),
  /** The notebooks require the library from here (see notebooks/README.md). */
  libraryBundle: join(repoRoot, ".cache", "report-lib", "report-lib.cjs"),
  libraryEntry: join(repoRoot, "report", "notebook", "entry.ts"),
  executeScript: join(repoRoot, "report", "render", "execute.py"),
  python: join(repoRoot, ".venv", "bin", "python"),
  nodeModules: join(repoRoot, "node_modules"),
} as const;

/** Bumped when the renderer changes what it stores in the cache. */
export const RENDERER_VERSION = "2";
