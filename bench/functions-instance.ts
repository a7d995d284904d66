// Runs one manifest entry's artefact "directly": the lab's Instance (its Runtime API and runtime
// process) without the lab's pool, API front or cgroup limits. Durations are the Instance's own
// Lambda-style measurements: Init Duration from process start to the first /next, Duration from
// handing out an event to its response.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { unzipSync } from "fflate";
import type { ManifestEntry, RuntimeSpec } from "../functions/manifest.js";
import { mapProxyResult, proxyEvent } from "../runners/lab/api-gateway.js";
import type { Cgroups } from "../runners/lab/cgroups.js";
import type { ResolvedInterpreters } from "../runners/lab/interpreters.js";
import { Instance, type FunctionConfig, type InvokeResult } from "../runners/lab/instance.js";
import type { ArtefactSize, ColdSample, EntryResult } from "./functions-summary.js";

/** No cgroups: the handler runs with the machine's full CPU and memory. */
export const uncapped: Cgroups = {
  support: { version: null, cpu: false, memory: false, note: "bench/functions.ts runs handlers uncapped" },
  cpusets: false,
  create: () => null,
  cleanStale: () => [],
};

export interface RunSettings {
  coldStarts: number;
  invocations: number;
  /** Only sets AWS_LAMBDA_FUNCTION_MEMORY_SIZE and Node's heap flags; nothing is capped. */
  memoryMB: number;
  timeoutMs: number;
  region: string;
  environment: Record<string, string>;
  interpreters: ResolvedInterpreters;
  logDir: string;
}

export function artefactSize(zipPath: string): ArtefactSize {
  const bytes = readFileSync(zipPath);
  const files = Object.entries(unzipSync(new Uint8Array(bytes))).filter(([name]) => !name.endsWith("/"));
  return { zipBytes: bytes.byteLength, unzippedBytes: files.reduce((n, [, data]) => n + data.byteLength, 0), files: files.length };
}

/** The last lines the runtime wrote to the log streams of this function, for error messages. */
function logTail(logDir: string, functionName: string, lines = 5): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(...readFileSync(path, "utf8").split("\n").filter(Boolean));
    }
  };
  try {
    walk(join(logDir, functionName));
  } catch {
    return "";
  }
  return out
    .slice(-lines)
    .map((l) => {
      try {
        return (JSON.parse(l) as { message: string }).message.trim();
      } catch {
        return l;
      }
    })
    .join(" | ");
}

class InvocationFailed extends Error {}

/** Every instance started and not yet shut down, so an interrupt can kill their process groups. */
const live = new Set<Instance>();

export async function stopAllInstances(): Promise<void> {
  await Promise.all([...live].map((i) => i.shutdown()));
}

/** Fails unless the handler answered with an API Gateway proxy result of status 200. */
function checkOk(result: InvokeResult): number {
  const { outcome } = result;
  if (outcome.kind === "failed") throw new InvocationFailed(`invocation ${outcome.status}: ${outcome.errorType || "no error type"}`);
  if (outcome.kind === "function-error") throw new InvocationFailed(`function error: ${outcome.payload.toString("utf8").slice(0, 200)}`);
  const http = mapProxyResult(outcome.payload);
  if (http.statusCode !== 200) throw new InvocationFailed(`status ${http.statusCode}: ${http.body.toString("utf8").slice(0, 200)}`);
  return http.body.byteLength;
}

export interface EntryTarget {
  entry: ManifestEntry;
  runtime: RuntimeSpec;
  codeDir: string;
  /** The request body for sequence number seq. */
  body: (seq: number) => string;
}

/**
 * coldStarts fresh instances, each invoked once; the last of them then serves `invocations`
 * warm ones. Stops at the first failure and returns what it measured with the reason.
 */
export async function measureEntry(target: EntryTarget, settings: RunSettings, nextSeq: () => number, result: EntryResult): Promise<EntryResult> {
  const { entry, runtime } = target;
  const config: FunctionConfig = {
    functionName: `bench-${entry.runtime}-${entry.function}`,
    runtime: entry.runtime,
    function: entry.function,
    lambdaRuntime: runtime.lambdaRuntime,
    kind: runtime.kind,
    start: runtime.family.start,
    handler: entry.handler,
    codeDir: target.codeDir,
    memoryMB: settings.memoryMB,
    timeoutMs: settings.timeoutMs,
    region: settings.region,
    environment: settings.environment,
  };
  const deps = { cgroups: uncapped, interpreters: settings.interpreters, logDir: settings.logDir, onGone: () => {} };
  const invoke = async (instance: Instance) => {
    const event = proxyEvent(`/${entry.runtime}/${entry.function}`, "POST", { "content-type": "application/json" }, Buffer.from(target.body(nextSeq())));
    const r = await instance.invoke(randomUUID(), Buffer.from(JSON.stringify(event)));
    return { bytes: checkOk(r), record: r.record };
  };
  let kept: Instance | null = null;
  const mine = new Set<Instance>();
  try {
    for (let i = 0; i < settings.coldStarts; i++) {
      const instance = new Instance(config, deps);
      live.add(instance);
      mine.add(instance);
      await instance.start();
      const { bytes, record } = await invoke(instance);
      if (record.initDurationMs === null) throw new InvocationFailed("first invocation reported no Init Duration");
      const sample: ColdSample = { initMs: record.initDurationMs, firstMs: record.durationMs };
      result.cold.push(sample);
      result.responseBytes ??= bytes;
      // The last one stays for the warm invocations, so no idle instance waits during cold starts.
      if (i === settings.coldStarts - 1) kept = instance;
      else {
        await instance.shutdown();
        live.delete(instance);
        mine.delete(instance);
      }
    }
    for (let i = 0; kept && i < settings.invocations; i++) result.warm.push((await invoke(kept)).record.durationMs);
  } catch (e) {
    if (!(e instanceof InvocationFailed)) throw e;
    const tail = logTail(settings.logDir, config.functionName);
    result.problem = `${e.message}${tail ? ` (log: ${tail})` : ""}`;
  } finally {
    await Promise.all([...mine].map((i) => i.shutdown()));
    for (const i of mine) live.delete(i);
  }
  return result;
}
