// The one registry of runtimes and functions. Everything else asks this module.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { manifestMessages as msg } from "./messages.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const defaultManifestPath = join(repoRoot, "functions", "manifest.json");

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, "lower-case id (letters, digits, dashes)");

/** How the lab starts an instance of a runtime family (see `family.start`). */
export const RUNTIME_STARTS = ["aws-lambda-ric", "awslambdaric", "bootstrap"] as const;
export type RuntimeStart = (typeof RUNTIME_STARTS)[number];

/**
 * A family's entry template: `{function}` is the entry's function id, `{source}` the function
 * whose code it ships (its `sourceOf`, else itself), `{folder}` the runtime's folder.
 */
const entryTemplateSchema = z.object({
  handler: z.string().min(1),
  build: z.string().min(1),
  artefact: z.string().min(1),
});

const runtimeSchema = z.object({
  id,
  label: z.string().min(1),
  lambdaRuntime: z.string().min(1),
  kind: z.enum(["managed", "custom"]),
  language: z.string().min(1),
  folder: z.string().min(1),
  color: z.string().optional(),
  /**
   * The runtime's family: how the lab starts an instance (`start`: AWS's runtime interface client
   * for Node.js, `aws-lambda-ric`, or for Python, `awslambdaric`, on the interpreter release the
   * Lambda runtime id names; or the artefact's own `bootstrap`), the command whose output names
   * the toolchain that built a `bootstrap` (recorded in meta.json runtimeVersions), and the
   * template its entries are derived from.
   */
  family: z.object({
    start: z.enum(RUNTIME_STARTS),
    toolchain: z.array(z.string().min(1)).min(1).optional(),
    entry: entryTemplateSchema.optional(),
  }),
});

const functionSchema = z.object({
  id,
  /** A function the bench measures (the default), or a helper called only to warm up. */
  role: z.enum(["benchmark", "warmup"]).default("benchmark"),
  /** What the code does to the geo table; the SAM template grants exactly this. */
  tableAccess: z.enum(["none", "put", "query-index"]),
  description: z.string().default(""),
  sourceOf: id.optional(),
  concurrentVariantOf: id.optional(),
  /** The request body the bench sends ({seq} in a string becomes the request's sequence number). */
  payload: z.unknown().default({}),
  /** What the bench calls before measuring: "self" (the default), "none", or another function's id. */
  warmup: z.union([z.literal("self"), z.literal("none"), id]).optional(),
  /**
   * The runtimes whose family template builds this function ("all", or a list of runtime ids):
   * one entry each is derived. Without it the function has only the entries listed explicitly.
   */
  runtimes: z.union([z.literal("all"), z.array(id)]).optional(),
});

const entrySchema = z.object({
  runtime: id,
  function: id,
  handler: z.string().min(1),
  /** A shell command run from the project root that writes `artefact`. */
  build: z.string().min(1),
  artefact: z.string().min(1),
  /** A user's own code: the handler file (Node, Python) or module folder (Go, Rust), relative to the project root. */
  source: z.string().min(1).optional(),
  /** Python: the function's own requirements file, vendored into its zip. */
  requirements: z.string().min(1).optional(),
});

const lambdaRuntimeIdsSchema = z.object({
  $comment: z.string().optional(),
  /** Regular expressions over a Lambda runtime id. */
  custom: z.string().min(1),
  managed: z.string().min(1),
  /** INIT_START's "Runtime Version: <language>:<version>.v<n>" → runtime id, per language ("*": any other). */
  fromRuntimeVersion: z.record(z.string(), z.string()),
});

const manifestSchema = z.object({
  $comment: z.string().optional(),
  schema: z.literal("lambench.manifest/1"),
  lambdaRuntimeIds: lambdaRuntimeIdsSchema.optional(),
  runtimes: z.array(runtimeSchema).min(1),
  functions: z.array(functionSchema).min(1),
  /** Entries beyond the derived ones; one for a derived (runtime, function) replaces it. */
  entries: z.array(entrySchema).default([]),
});

export type RuntimeSpec = z.infer<typeof runtimeSchema>;
export type RuntimeKind = RuntimeSpec["kind"] | "unknown";
export type FunctionSpec = z.infer<typeof functionSchema>;
export type ManifestEntry = z.infer<typeof entrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

export class ManifestError extends Error {}

/** Validates a parsed manifest and its cross-references; `source` names the file in errors. */
export function parseManifest(raw: unknown, source = "functions/manifest.json"): Manifest {
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ManifestError(msg.schema(source, issue.path.join("."), issue.message));
  }
  const m = parsed.data;
  const runtimes = new Set(m.runtimes.map((r) => r.id));
  const functions = new Set(m.functions.map((f) => f.id));
  const dupe = (ids: string[]) => ids.find((x, i) => ids.indexOf(x) !== i);
  const dr = dupe(m.runtimes.map((r) => r.id));
  if (dr) throw new ManifestError(msg.duplicateRuntime(source, dr));
  const df = dupe(m.functions.map((f) => f.id));
  if (df) throw new ManifestError(msg.duplicateFunction(source, df));
  const seen = new Set<string>();
  m.entries.forEach((e, i) => {
    const where = `${source}: entries.${i}`;
    if (!runtimes.has(e.runtime)) throw new ManifestError(msg.entryUnknownRuntime(where, e.runtime));
    if (!functions.has(e.function)) throw new ManifestError(msg.entryUnknownFunction(where, e.function));
    const key = `${e.runtime}/${e.function}`;
    if (seen.has(key)) throw new ManifestError(msg.duplicateEntry(where, key));
    seen.add(key);
  });
  for (const f of m.functions) {
    const warmup = f.warmup === "self" || f.warmup === "none" ? undefined : f.warmup;
    for (const ref of [f.sourceOf, f.concurrentVariantOf, warmup]) {
      if (ref !== undefined && !functions.has(ref)) {
        throw new ManifestError(msg.unknownReference(source, f.id, ref));
      }
    }
  }
  for (const f of m.functions) {
    for (const r of Array.isArray(f.runtimes) ? f.runtimes : []) {
      if (!runtimes.has(r)) throw new ManifestError(msg.unknownBuildRuntime(source, f.id, r));
    }
  }
  return { ...m, entries: withDerivedEntries(m, source) };
}

const pairKey = (e: Pick<ManifestEntry, "runtime" | "function">) => `${e.runtime}/${e.function}`;

/** `{function}`, `{source}` and `{folder}` of a family's entry template, filled in for one pair. */
function fillTemplate(template: string, runtime: RuntimeSpec, fn: FunctionSpec): string {
  return template
    .replaceAll("{function}", fn.id)
    .replaceAll("{source}", fn.sourceOf ?? fn.id)
    .replaceAll("{folder}", runtime.folder);
}

/**
 * The entries: runtimes × functions (each function's `runtimes`) from each runtime's family
 * template, runtime-major in manifest order, an explicit entry replacing the derived one of its
 * pair; then the other explicit entries in their order.
 */
function withDerivedEntries(m: Manifest, source: string): ManifestEntry[] {
  const explicit = new Map(m.entries.map((e) => [pairKey(e), e]));
  const derived: ManifestEntry[] = [];
  for (const r of m.runtimes) {
    for (const f of m.functions.filter((x) => x.runtimes === "all" || x.runtimes?.includes(r.id))) {
      const given = explicit.get(pairKey({ runtime: r.id, function: f.id }));
      if (given) {
        derived.push(given);
        continue;
      }
      const template = r.family.entry;
      if (!template) throw new ManifestError(msg.noTemplate(source, r.id, f.id));
      derived.push({
        runtime: r.id,
        function: f.id,
        handler: fillTemplate(template.handler, r, f),
        build: fillTemplate(template.build, r, f),
        artefact: fillTemplate(template.artefact, r, f),
      });
    }
  }
  const derivedKeys = new Set(derived.map(pairKey));
  const entries = [...derived, ...m.entries.filter((e) => !derivedKeys.has(pairKey(e)))];
  if (entries.length === 0) throw new ManifestError(msg.noEntries(source));
  return entries;
}

export function loadManifest(path = defaultManifestPath): Manifest {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ManifestError(msg.unreadable(path, (e as Error).message));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ManifestError(msg.invalidJson(path, (e as Error).message));
  }
  return parseManifest(raw, path);
}

export function findEntry(m: Manifest, runtime: string, fn: string): ManifestEntry | undefined {
  return m.entries.find((e) => e.runtime === runtime && e.function === fn);
}

export function runtimeSpec(m: Manifest, runtime: string): RuntimeSpec {
  const r = m.runtimes.find((x) => x.id === runtime);
  if (!r)
    throw new ManifestError(
      msg.unknownId(
        "runtime",
        runtime,
        m.runtimes.map((x) => x.id),
      ),
    );
  return r;
}

export function functionSpec(m: Manifest, fn: string): FunctionSpec {
  const f = m.functions.find((x) => x.id === fn);
  if (!f)
    throw new ManifestError(
      msg.unknownId(
        "function",
        fn,
        m.functions.map((x) => x.id),
      ),
    );
  return f;
}

/** The function the bench calls before measuring `fn` (itself unless the manifest says otherwise), or null for none. */
export function warmupOf(m: Manifest, fn: string): string | null {
  const w = functionSpec(m, fn).warmup ?? "self";
  if (w === "none") return null;
  return w === "self" ? fn : w;
}

/** The (runtime, function) pairs of `runtimes` × `functions` the manifest has an entry for, runtime-major. */
export function existingPairs(m: Manifest, runtimes: readonly string[], functions: readonly string[]): [string, string][] {
  return runtimes.flatMap((rt) => functions.filter((fn) => findEntry(m, rt, fn)).map((fn) => [rt, fn] as [string, string]));
}

/** Functions that are measured (not warm-up helpers), in manifest order. */
export function benchmarkFunctions(m: Manifest): FunctionSpec[] {
  return m.functions.filter((f) => f.role === "benchmark");
}

/**
 * What the report knows of a runtime name found in data: the manifest's label, kind and colour
 * when it lists the id; otherwise the name as given, with the kind its Lambda runtime id implies
 * (manifest `lambdaRuntimeIds`), or "unknown".
 */
export interface NamedRuntime {
  id: string;
  label: string;
  kind: RuntimeKind;
  color?: string;
  known: boolean;
}

export function namedRuntime(m: Manifest, name: string): NamedRuntime {
  const r = m.runtimes.find((x) => x.id === name);
  if (r) return { id: r.id, label: r.label, kind: r.kind, ...(r.color ? { color: r.color } : {}), known: true };
  return { id: name, label: name, kind: kindOfLambdaRuntime(m, name), known: false };
}

/** A Lambda runtime id's kind by the manifest's patterns; "unknown" when none matches. */
export function kindOfLambdaRuntime(m: Manifest, lambdaRuntime: string): RuntimeKind {
  const ids = m.lambdaRuntimeIds;
  if (!ids) return "unknown";
  if (new RegExp(ids.custom).test(lambdaRuntime)) return "custom";
  if (new RegExp(ids.managed).test(lambdaRuntime)) return "managed";
  return "unknown";
}

/** "nodejs:20.v13" (INIT_START's Runtime Version) → "nodejs20.x"; null when it does not read so. */
export function runtimeIdFromVersion(m: Manifest, runtimeVersion: string): string | null {
  const match = /^([a-z]+):([0-9a-z.]+?)\.v\d+$/.exec(runtimeVersion.trim());
  const rules = m.lambdaRuntimeIds?.fromRuntimeVersion;
  if (!match || !rules) return null;
  const [, language, version] = match as unknown as [string, string, string];
  const template = rules[language] ?? rules["*"];
  return template === undefined ? null : template.replaceAll("{language}", language).replaceAll("{version}", version);
}

/** Names in report order: the manifest's ids in manifest order, then any other name alphabetically. */
export function inManifestOrder(listed: readonly string[], names: Iterable<string>): string[] {
  const present = new Set(names);
  const known = listed.filter((id) => present.has(id));
  const others = [...present].filter((n) => !listed.includes(n)).sort((a, b) => a.localeCompare(b));
  return [...known, ...others];
}

/** True unless the manifest lists the function as a warm-up helper (unlisted names are the user's own functions). */
export function isMeasuredFunction(m: Manifest, name: string): boolean {
  return m.functions.find((f) => f.id === name)?.role !== "warmup";
}

/** Functions called only to warm others up (role "warmup"), in manifest order. */
export function warmupHelpers(m: Manifest): FunctionSpec[] {
  return m.functions.filter((f) => f.role === "warmup");
}
