// Adds a user's own function to the manifest: the function (if new) and one sparse entry for the
// runtime it is written for, pointing the build at the user's code. The manifest keeps its layout:
// the new lines are inserted as one-line JSON objects at the end of their arrays.
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, extname, isAbsolute, relative, resolve } from "node:path";
import { parseManifest, repoRoot, type Manifest } from "../manifest.js";
import { scaffoldMessages as msg } from "./messages.js";

export interface AddFunctionInput {
  runtime: string;
  /** "<path>[:<export>]": a handler file (Node .ts/.mjs/.js, Python .py) or a module folder (Go, Rust). */
  handler: string;
  name?: string;
  payload?: unknown;
  requirements?: string;
  warmup?: string;
  tableAccess?: string;
  /** Shell-style current folder the paths are relative to (default: the project root). */
  cwd?: string;
}

export interface AddFunctionResult {
  text: string;
  manifest: Manifest;
  runtime: string;
  function: string;
  artefact: string;
}

const ID = /^[a-z][a-z0-9-]*$/;
const FILE_KINDS: Record<string, { extensions: string[]; folderMarker?: string; expected: string }> = {
  typescript: { extensions: [".ts", ".mts", ".mjs", ".js"], expected: "a .ts, .mjs or .js handler file" },
  python: { extensions: [".py"], expected: "a .py handler file" },
  go: { extensions: [], folderMarker: "go.mod", expected: "a Go module folder (with go.mod, package main)" },
  rust: { extensions: [], folderMarker: "Cargo.toml", expected: "a Rust crate folder (with Cargo.toml, one binary)" },
};

/** `{ "id": "x", "payload": { "a": 1 } }`: the manifest's one-object-per-line layout. */
const oneLine = (value: unknown): string => JSON.stringify(value, null, 1).replace(/\n\s*/g, " ");

/** Inserts `line` as the last element of the top-level array `key` of a JSON text. */
function appendToArray(text: string, key: string, line: string): string {
  const start = text.indexOf(`"${key}": [`);
  if (start < 0) throw new Error(msg.malformedArray(key, "no"));
  let depth = 0;
  let inString = false;
  for (let i = text.indexOf("[", start); i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      depth--;
      if (depth === 0) {
        const before = text.slice(0, i).trimEnd();
        const empty = before.endsWith("[");
        return `${before}${empty ? "" : ","}\n    ${line}\n  ${text.slice(i)}`;
      }
    }
  }
  throw new Error(msg.malformedArray(key, "unterminated"));
}

export function addFunction(manifestText: string, input: AddFunctionInput): AddFunctionResult {
  const manifest = parseManifest(JSON.parse(manifestText));
  const runtime = manifest.runtimes.find((r) => r.id === input.runtime);
  if (!runtime)
    throw new Error(
      msg.unknownRuntime(
        input.runtime,
        manifest.runtimes.map((r) => r.id),
      ),
    );
  const colon = input.handler.lastIndexOf(":");
  const [pathText, exportName] = colon > 0 ? [input.handler.slice(0, colon), input.handler.slice(colon + 1)] : [input.handler, "handler"];
  const cwd = input.cwd ?? repoRoot;
  const path = isAbsolute(pathText) ? pathText : resolve(cwd, pathText);
  if (!existsSync(path)) throw new Error(msg.handlerMissing(pathText));
  const source = relative(repoRoot, path);
  if (source.startsWith("..") || isAbsolute(source)) throw new Error(msg.handlerOutside(pathText));
  const kind = FILE_KINDS[runtime.language];
  if (!kind) throw new Error(msg.badHandlerFile(runtime.id, pathText, "a language the builder knows"));
  const isFolder = statSync(path).isDirectory();
  const fits = kind.folderMarker ? isFolder && existsSync(resolve(path, kind.folderMarker)) : !isFolder && kind.extensions.includes(extname(path));
  if (!fits) throw new Error(msg.badHandlerFile(runtime.id, pathText, kind.expected));

  const fn =
    input.name ??
    basename(path, extname(path))
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^[^a-z]+/, "");
  if (!ID.test(fn)) throw new Error(msg.badName(fn));
  if (manifest.entries.some((e) => e.runtime === runtime.id && e.function === fn)) throw new Error(msg.entryExists(runtime.id, fn));
  const existing = manifest.functions.find((f) => f.id === fn);
  if (existing && !manifest.entries.some((e) => e.function === fn && e.source !== undefined)) throw new Error(msg.builtInName(fn));
  if (input.warmup !== undefined && !/^(self|none|[a-z][a-z0-9-]*)$/.test(input.warmup)) throw new Error(msg.badWarmup(input.warmup));
  if (input.tableAccess !== undefined && !["none", "put", "query-index"].includes(input.tableAccess)) throw new Error(msg.badTableAccess(input.tableAccess));

  let text = manifestText;
  if (!existing) {
    const spec = {
      id: fn,
      tableAccess: input.tableAccess ?? "none",
      description: "your own function",
      ...(input.warmup && input.warmup !== "self" ? { warmup: input.warmup } : {}),
      payload: input.payload ?? {},
    };
    text = appendToArray(text, "functions", oneLine(spec));
  }
  const handler =
    runtime.language === "typescript" ? `index.${exportName}` : runtime.language === "python" ? `${basename(path, ".py")}.${exportName}` : "bootstrap";
  const artefact = `functions/user/dist/${runtime.id}/${fn}.zip`;
  const entry = {
    runtime: runtime.id,
    function: fn,
    handler,
    build: `node --import tsx functions/user/cli/build.ts ${runtime.id} ${fn}`,
    artefact,
    source,
    ...(input.requirements ? { requirements: relative(repoRoot, resolve(cwd, input.requirements)) } : {}),
  };
  text = appendToArray(text, "entries", oneLine(entry));
  return { text, manifest: parseManifest(JSON.parse(text)), runtime: runtime.id, function: fn, artefact };
}

/** Reads a payload file: JSON, or a clear error. */
export function readPayload(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(msg.badPayload(path, (e as Error).message), { cause: e });
  }
}
