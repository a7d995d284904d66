// Bundles the report library (report/notebook/entry.ts and everything it imports) into one
// CommonJS file that tslab notebooks can `require`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { writeFileAtomic } from "../../runners/dataset/atomic.js";
import { ReportBuildError, renderMessages } from "./messages.js";
import { paths } from "./paths.js";

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

/** The bundle's file (what the notebooks `require`) and its code (part of every cache key). */
export interface LibraryBundle {
  path: string;
  code: string;
}

export async function bundleLibrary(outFile: string = paths.libraryBundle): Promise<LibraryBundle> {
  let result: esbuild.BuildResult<{ write: false }>;
  try {
    result = await esbuild.build({
      entryPoints: [paths.libraryEntry],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      write: false,
      logLevel: "silent",
      legalComments: "none",
      external: ["tslab"],
      plugins: [importMetaUrlPlugin, vegaCanvasPlugin],
    });
  } catch (error) {
    const errors = (error as { errors?: esbuild.Message[] }).errors ?? [];
    const where = errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ""}${e.text}`);
    throw new ReportBuildError(renderMessages.bundleFailed(where.length ? where : [(error as Error).message]));
  } finally {
    // esbuild keeps a service process (about 150 MB) alive for later calls; a build bundles once.
    await esbuild.stop();
  }
  const code = result.outputFiles[0]!.text;
  let current = "";
  try {
    current = readFileSync(outFile, "utf8");
  } catch {
    // first build
  }
  if (current !== code) writeFileAtomic(outFile, code);
  return { path: outFile, code };
}
