// Bundles the report library (report/notebook/entry.ts and everything it imports) into one
// CommonJS file that tslab notebooks can `require`, or reuses the bundle already there when
// nothing it was built from has changed (the stamp beside it, library-bundle-inputs.ts).
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as esbuild from "esbuild";
import { writeFileAtomic } from "../../runners/dataset/atomic.js";
import { isUpToDate, makeStamp, writeStamp } from "../../functions/node/packaging/stamp.js";
import { inputFiles, installedEsbuildVersion, stampPathFor } from "./library-bundle-inputs.js";
import { ReportBuildError, renderMessages } from "./messages.js";
import { paths, repoRoot } from "./paths.js";

// Modules read files next to themselves through import.meta.url, which CommonJS has not: give each
// source file its own URL.
const importMetaUrlPlugin: esbuild.Plugin = {
  name: "import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes("node_modules")) return undefined;
      const source = readFileSync(args.path, "utf8");
      return { contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "ts" };
    });
  },
};

// vega-canvas's Node build awaits an optional `canvas` package at top level, which CommonJS cannot
// express. Without that package (not a dependency) both builds give no canvas, so the browser build
// draws the same SVGs as the report's own renderer (report/render/svg.ts).
const vegaCanvasPlugin: esbuild.Plugin = {
  name: "vega-canvas-without-node-canvas",
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: join(paths.nodeModules, "vega-canvas", "build", "vega-canvas.browser.js") }));
  },
};

// Everything here is part of the bundle's stamp: the absolute paths too, since the bundle embeds
// its sources' file URLs. The plugins' behaviour is covered by stamping this file's own content.
const BUILD_OPTIONS: esbuild.BuildOptions = {
  entryPoints: [paths.libraryEntry],
  absWorkingDir: repoRoot,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  legalComments: "none",
  external: ["tslab"],
};
const PLUGINS = [importMetaUrlPlugin, vegaCanvasPlugin];
/** Files that shape the bundle without esbuild listing them as inputs: this recipe and the tsconfig esbuild reads. */
const RECIPE_FILES = [relative(repoRoot, fileURLToPath(import.meta.url)), "tsconfig.json"];

/** The bundle's file (what the notebooks `require`), its code (part of every cache key), and whether it was reused unchanged. */
export interface LibraryBundle {
  path: string;
  code: string;
  reused: boolean;
}

export async function bundleLibrary(outFile: string = paths.libraryBundle): Promise<LibraryBundle> {
  const stampPath = stampPathFor(outFile);
  const settings = JSON.stringify({ esbuild: installedEsbuildVersion(paths.nodeModules), options: BUILD_OPTIONS, plugins: PLUGINS.map((p) => p.name) });
  if (isUpToDate(stampPath, outFile, settings, repoRoot)) return { path: outFile, code: readFileSync(outFile, "utf8"), reused: true };

  const { code, inputs } = await runEsbuild();
  let current = "";
  try {
    current = readFileSync(outFile, "utf8");
  } catch {
    // first build
  }
  if (current !== code) writeFileAtomic(outFile, code);
  // Written after the bundle, so a stamp never vouches for a bundle not yet in place.
  writeStamp(stampPath, makeStamp(settings, inputFiles(repoRoot, inputs, RECIPE_FILES), repoRoot, Buffer.from(code)));
  return { path: outFile, code, reused: false };
}

/** The bundle's code and the files esbuild read for it (relative to the repository root). */
async function runEsbuild(): Promise<{ code: string; inputs: string[] }> {
  // Loaded only when bundling: a build that reuses the bundle does not pay for esbuild's start.
  const esbuild = await import("esbuild");
  try {
    const result = await esbuild.build({ ...BUILD_OPTIONS, write: false, metafile: true, logLevel: "silent", plugins: PLUGINS });
    return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
  } catch (error) {
    const errors = (error as { errors?: esbuild.Message[] }).errors ?? [];
    const where = errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ""}${e.text}`);
    throw new ReportBuildError(renderMessages.bundleFailed(where.length ? where : [(error as Error).message]));
  } finally {
    // esbuild keeps a service process (about 150 MB) alive for later calls; a build bundles once.
    await esbuild.stop();
  }
}
