// Every user-facing message of the manifest and the artefact builds, so tests can assert on them
// by value. The manifest's name the file (`source`) and the field path in it.
export const manifestMessages = {
  schema: (source: string, path: string, why: string) => `${source}: ${path || "(root)"}: ${why}`,
  duplicateRuntime: (source: string, id: string) => `${source}: runtimes: duplicate id "${id}"`,
  duplicateFunction: (source: string, id: string) => `${source}: functions: duplicate id "${id}"`,
  entryUnknownRuntime: (where: string, runtime: string) => `${where}.runtime: unknown runtime "${runtime}"`,
  entryUnknownFunction: (where: string, fn: string) => `${where}.function: unknown function "${fn}"`,
  duplicateEntry: (where: string, pair: string) => `${where}: duplicate entry ${pair}`,
  unknownReference: (source: string, fn: string, ref: string) => `${source}: functions.${fn}: refers to unknown function "${ref}"`,
  unknownBuildRuntime: (source: string, fn: string, runtime: string) => `${source}: functions.${fn}.runtimes: unknown runtime "${runtime}"`,
  noTemplate: (source: string, runtime: string, fn: string) =>
    `${source}: runtimes.${runtime}.family.entry: no entry template to build functions.${fn} from (add one, or list the entry)`,
  noEntries: (source: string) => `${source}: entries: none (list one, or give a function "runtimes" built from its runtimes' family.entry)`,
  unreadable: (path: string, why: string) => `${path}: cannot read manifest (${why})`,
  invalidJson: (path: string, why: string) => `${path}: invalid JSON (${why})`,
  unknownId: (kind: "runtime" | "function", id: string, known: readonly string[]) => `unknown ${kind} "${id}" (manifest has: ${known.join(", ")})`,
};

export const buildMessages = {
  unknownSelection: (kind: string, unknown: readonly string[], known: readonly string[]) =>
    `unknown ${kind} ${unknown.map((x) => `"${x}"`).join(", ")} (manifest has: ${known.join(", ")})`,
  noMatch: () => "no manifest entry matches the selected runtimes and functions",
  missingAfterBuild: (missing: readonly string[]) => `artefacts missing after build: ${missing.join(", ")}`,
  failed: (pair: string, how: string, command: string, tail: string) => `build failed for ${pair} (${how}): ${command}\n${tail}`,
  wroteNothing: (pair: string, artefact: string) => `build of ${pair} succeeded but wrote no artefact at ${artefact}`,
};

/** What the functions' commands (build:functions, template, function add) print. */
export const cliMessages = {
  notPositive: () => "expected a whole number of at least 1",
  artefactsPresent: (total: number, built: number) => `${total} artefacts present (${built} built, ${total - built} up to date)`,
  templateWritten: (path: string) => `wrote ${path}`,
  failed: (command: string, why: string) => `${command}: ${why}`,
};
