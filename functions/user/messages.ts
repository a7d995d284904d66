// Every user-facing message of the user-function scaffold and builder, so tests assert on them by value.
import type { ManifestEntry } from "../manifest.js";

const pair = (e: Pick<ManifestEntry, "runtime" | "function">) => `${e.runtime}/${e.function}`;

export const userBuildMessages = {
  noEntry: (runtime: string, fn: string) => `functions/manifest.json has no entry for ${runtime}/${fn}`,
  noSource: (e: ManifestEntry) => `${pair(e)}: the manifest entry has no "source" (the handler file or module folder to build)`,
  missing: (e: ManifestEntry, field: string, path: string) => `${pair(e)}: ${field} ${path} not found (paths are relative to the project root)`,
  commandMissing: (command: string, why: string) => `cannot run ${command} (${why}); install it to build this function`,
  commandFailed: (command: string, cwd: string, output: string) => `${command} failed in ${cwd}:\n${output}`,
  rustBinaries: (folder: string, found: string[]) =>
    `${folder}: expected exactly one binary in target/release to ship as bootstrap, found ${found.length ? found.join(", ") : "none"}`,
  unsupportedLanguage: (runtime: string, language: string) =>
    `runtime ${runtime}: no user-function build for language "${language}" (typescript, python, go, rust)`,
  usage: () => "usage: node --import tsx functions/user/cli/build.ts <runtime> <function> [x86_64|arm64]",
  built: (runtime: string, fn: string, artefact: string, bytes: number) => `${runtime}/${fn}: ${artefact} (${bytes} bytes)`,
  failed: (runtime: string | undefined, fn: string | undefined, why: string) => `build ${runtime ?? "?"}/${fn ?? "?"}: ${why}`,
};

export const scaffoldMessages = {
  usage: () =>
    "usage: npm run function -- add --runtime <id> --handler <file>[:<export>] [--name <id>] [--payload <file.json>] [--requirements <file>] [--warmup self|none|<function>] [--table-access none|put|query-index]",
  unknownRuntime: (runtime: string, known: string[]) => `--runtime: unknown "${runtime}" (manifest has: ${known.join(", ")})`,
  badName: (name: string) => `--name: "${name}" is not a function id (lower-case letters, digits and dashes, starting with a letter); pass --name`,
  handlerMissing: (path: string) => `--handler: ${path} not found`,
  handlerOutside: (path: string) => `--handler: ${path} is outside the project; put the code inside the project folder so builds and tests find it`,
  badHandlerFile: (runtime: string, path: string, expected: string) => `--handler: ${path} does not fit runtime ${runtime} (expected ${expected})`,
  entryExists: (runtime: string, fn: string) => `functions/manifest.json already has an entry for ${runtime}/${fn}; choose another --name`,
  builtInName: (fn: string) => `--name: "${fn}" is a built-in function of another kind; choose another --name`,
  badPayload: (path: string, why: string) => `--payload: ${path}: ${why}`,
  badWarmup: (value: string) => `--warmup: expected self, none or a function id, got "${value}"`,
  badTableAccess: (value: string) => `--table-access: expected none, put or query-index, got "${value}"`,
  added: (runtime: string, fn: string, artefact: string) => `added ${runtime}/${fn} to functions/manifest.json (artefact ${artefact}); template regenerated`,
  malformedArray: (key: string, why: "no" | "unterminated") => `functions/manifest.json: ${why} "${key}" array`,
};
