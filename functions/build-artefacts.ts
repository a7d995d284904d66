// Builds the manifest's artefacts by running each entry's own build command from the repo root.
// Language-agnostic: an artefact whose bytes the command left unchanged is "up to date".
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { loadManifest, repoRoot, type Manifest, type ManifestEntry } from "./manifest.js";
import { buildMessages as msg } from "./messages.js";

export interface BuildArtefactsOptions {
  /** Runtime ids to build; all when absent or empty. */
  runtimes?: string[];
  /** Function ids to build; all when absent or empty. */
  functions?: string[];
  /** How many build commands may run at once (default 1). */
  jobs?: number;
  log?: (line: string) => void;
  manifest?: Manifest;
  /** Where commands run and artefact paths are resolved (default: the repo root). */
  root?: string;
}

export interface ArtefactResult {
  runtime: string;
  function: string;
  artefact: string;
  status: "built" | "up to date";
  bytes: number;
  ms: number;
}

export class BuildError extends Error {}

export function selectEntries(manifest: Manifest, runtimes: string[] = [], functions: string[] = []): ManifestEntry[] {
  const check = (kind: string, wanted: string[], known: string[]) => {
    const unknown = wanted.filter((x) => !known.includes(x));
    if (unknown.length > 0) {
      throw new BuildError(msg.unknownSelection(kind, unknown, known));
    }
  };
  check(
    "runtime",
    runtimes,
    manifest.runtimes.map((r) => r.id),
  );
  check(
    "function",
    functions,
    manifest.functions.map((f) => f.id),
  );
  const selected = manifest.entries.filter(
    (e) => (runtimes.length === 0 || runtimes.includes(e.runtime)) && (functions.length === 0 || functions.includes(e.function)),
  );
  if (selected.length === 0) throw new BuildError(msg.noMatch());
  return selected;
}

export async function buildArtefacts(options: BuildArtefactsOptions = {}): Promise<ArtefactResult[]> {
  const manifest = options.manifest ?? loadManifest();
  const root = options.root ?? repoRoot;
  const log = options.log ?? (() => {});
  const entries = selectEntries(manifest, options.runtimes, options.functions);
  const results: ArtefactResult[] = [];
  let failure: unknown;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < entries.length) {
      const entry = entries[next++]!;
      try {
        const result = await buildEntry(entry, root);
        results.push(result);
        log(describeResult(result));
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs ?? 1, entries.length)) }, worker));
  if (failure !== undefined) throw failure;

  const missing = entries.filter((e) => !existsSync(resolve(root, e.artefact)));
  if (missing.length > 0) {
    throw new BuildError(msg.missingAfterBuild(missing.map((e) => `${e.runtime}/${e.function} (${e.artefact})`)));
  }
  const order = (r: ArtefactResult) => entries.findIndex((e) => e.runtime === r.runtime && e.function === r.function);
  return results.sort((a, b) => order(a) - order(b));
}

async function buildEntry(entry: ManifestEntry, root: string): Promise<ArtefactResult> {
  const name = `${entry.runtime}/${entry.function}`;
  const artefact = resolve(root, entry.artefact);
  const before = contentHash(artefact);
  const started = performance.now();
  const run = await runShell(entry.build, root);
  const ms = performance.now() - started;
  if (run.code !== 0) {
    const tail = run.output.trimEnd().split("\n").slice(-20).join("\n");
    throw new BuildError(msg.failed(name, run.code === null ? `signal ${run.signal}` : `exit ${run.code}`, entry.build, tail));
  }
  const after = contentHash(artefact);
  if (after === undefined) throw new BuildError(msg.wroteNothing(name, entry.artefact));
  return {
    runtime: entry.runtime,
    function: entry.function,
    artefact: entry.artefact,
    status: after === before ? "up to date" : "built",
    bytes: statSync(artefact).size,
    ms,
  };
}

function contentHash(path: string): string | undefined {
  return existsSync(path) ? createHash("sha256").update(readFileSync(path)).digest("hex") : undefined;
}

interface ShellRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function runShell(command: string, cwd: string): Promise<ShellRun> {
  return new Promise((done) => {
    const child = spawn("sh", ["-c", command], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (e) => done({ code: -1, signal: null, output: `${output}${e.message}` }));
    child.on("close", (code, signal) => done({ code, signal, output }));
  });
}

export function describeResult(r: ArtefactResult): string {
  const name = `${r.runtime}/${r.function}`.padEnd(16);
  return `${name} ${r.status.padEnd(10)} ${formatBytes(r.bytes).padStart(9)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.artefact}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
