// esbuild settings for a Lambda Node.js bundle: one minified ESM file with every dependency
// inside (the SDK too, so its version is the one pinned here, not the runtime's).
import { build, version as esbuildVersion, type BuildOptions } from "esbuild";

// ESM output cannot call require(); bundled CommonJS dependencies (ngeohash, parts of the SDK)
// still do, so give the module a real one.
const REQUIRE_BANNER = 'import { createRequire as __lambenchCreateRequire } from "node:module"; const require = __lambenchCreateRequire(import.meta.url);';

export const BUNDLE_FILE = "index.mjs";

export function bundleOptions(entryPoint: string, workingDir: string): BuildOptions {
  return {
    absWorkingDir: workingDir,
    entryPoints: [entryPoint],
    outfile: BUNDLE_FILE,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    minify: true,
    mainFields: ["module", "main"],
    legalComments: "none",
    banner: { js: REQUIRE_BANNER },
    write: false,
    metafile: true,
    logLevel: "silent",
  };
}

/** A digest of everything besides input files that shapes the output. */
export function bundleSettingsKey(entryPoint: string): string {
  return JSON.stringify({ esbuildVersion, entryPoint, options: bundleOptions(entryPoint, ".") });
}

export interface Bundle {
  code: Uint8Array;
  /** Input files, relative to the working directory. */
  inputs: string[];
}

export async function bundle(entryPoint: string, workingDir: string): Promise<Bundle> {
  const result = await build(bundleOptions(entryPoint, workingDir));
  const output = result.outputFiles?.[0];
  if (!output) throw new Error(`esbuild produced no output for ${entryPoint}`);
  return { code: output.contents, inputs: Object.keys(result.metafile?.inputs ?? {}) };
}
