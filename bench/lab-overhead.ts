// Added latency of the lab's API front + Runtime API per warm invocation (p50), against calling
// the same Node handler directly in-process. Target: <= 0.5 ms. Prints figures; never fails on time.
//   node --import tsx bench/lab-overhead.ts [--iterations 2000] [--artefact <zip>] [--cpusets]
// The subject comes from the manifest: the runtime started through aws-lambda-ric (its handler is
// also imported in-process, which only a Node.js handler can be) and its first measured function
// that needs no database (the default --artefact is that entry's).
// --cpusets places the roles as a bench run does (runners/lab/cpu-plan.ts): this process (front,
// Runtime API, load) on the support cores, the instance on the run cores, with its CPU cap.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { benchmarkFunctions, findEntry, loadManifest, repoRoot } from "../functions/manifest.js";
import { payloadFor } from "../runners/bench/drive.js";
import { unpackArtefact } from "../runners/lab/artefacts.js";
import { allowedCpus, detectCgroups, type Cgroups, type SupportPartition } from "../runners/lab/cgroups.js";
import { cpuList, layout } from "../runners/lab/cpu-plan.js";
import { proxyEvent } from "../runners/lab/api-gateway.js";
import { startFront } from "../runners/lab/front.js";
import { Lab, routeOf } from "../runners/lab/lab.js";
import { zipTestFunction } from "../runners/lab/test-support.js";

const { values } = parseArgs({
  options: { iterations: { type: "string", default: "2000" }, artefact: { type: "string" }, cpusets: { type: "boolean", default: false } },
});
const iterations = Number(values.iterations);
const warmup = Math.max(100, Math.floor(iterations / 10));
const tmp = mkdtempSync(join(tmpdir(), "lambench-overhead-"));
const manifest = loadManifest();
const runtime = manifest.runtimes.find((r) => r.family.start === "aws-lambda-ric");
if (!runtime) throw new Error("functions/manifest.json: no runtime whose family starts through aws-lambda-ric");
const fn = benchmarkFunctions(manifest).find((f) => f.tableAccess === "none" && findEntry(manifest, runtime.id, f.id));
if (!fn) throw new Error(`functions/manifest.json: no measured function without table access for runtime ${runtime.id}`);
const entry = findEntry(manifest, runtime.id, fn.id)!;
const route = routeOf(runtime.id, fn.id);
const artefact = values.artefact ? resolve(values.artefact) : resolve(repoRoot, entry.artefact);
let zip = artefact;
try {
  unpackArtefact(zip, join(tmp, "probe"));
} catch {
  console.log(`(${artefact} not built: using the lab's test-only Node handler)`);
  zip = zipTestFunction("node", tmp);
}
const codeDir = unpackArtefact(zip, join(tmp, "cache"));

// Placement first, so every measurement below runs where a bench run would put it.
const uncapped: Cgroups = {
  support: { version: null, cpu: false, memory: false, note: "overhead benchmark runs uncapped" },
  cpusets: false,
  create: () => null,
  cleanStale: () => [],
};
let cgroups: Cgroups = uncapped;
let support: SupportPartition | null = null;
if (values.cpusets) {
  cgroups = detectCgroups();
  const roles = layout(allowedCpus());
  support =
    cgroups.partition?.({ support: cpuList(roles.support), init: cpuList(roles.init), run: cpuList(roles.run), initPriority: roles.initSharesSupport }) ?? null;
  if (support) {
    support.join(process.pid);
    console.log(
      `cpusets: this process on core(s) ${cpuList(roles.support)}, the instance initialising on ${cpuList(roles.init)} and running on ${cpuList(roles.run)} (capped at 1769/1769 of a core)`,
    );
  } else console.log("cpusets: not available here (no writable cpuset cgroup); measured without them");
}

const body = payloadFor(fn.payload)(0);

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

// 1. The handler called in-process.
// The entry's handler ("index.handler"): the bundle's module file and its export.
const dot = entry.handler.lastIndexOf(".");
const handlers = (await import(pathToFileURL(join(codeDir, `${entry.handler.slice(0, dot)}.mjs`)).href)) as Record<
  string,
  (e: unknown, c: unknown) => Promise<unknown>
>;
const mod = { handler: handlers[entry.handler.slice(dot + 1)]! };
const event = proxyEvent(`/${route}`, "POST", { "content-type": "application/json" }, Buffer.from(body));
const context = { awsRequestId: "bench", getRemainingTimeInMillis: () => 30_000 };
const direct = await time(iterations, () => mod.handler(event, context));

async function overHttp(url: string): Promise<number[]> {
  const u = new URL(url);
  const pool = new Pool(u.origin, { connections: 1 });
  const res = await time(iterations, async () => {
    const r = await pool.request({ path: u.pathname, method: "POST", body, headers: { "content-type": "application/json" } });
    await r.body.dump();
  });
  await pool.close();
  return res;
}

// 2. The same handler behind a bare HTTP server in-process: the client hop alone.
const plain = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    void mod.handler(proxyEvent(`/${route}`, "POST", req.headers, Buffer.concat(chunks)), context).then((r) => {
      const out = r as { statusCode: number; body: string };
      res.writeHead(out.statusCode, { "Content-Type": "application/json" }).end(out.body);
    });
  });
});
await new Promise<void>((r) => plain.listen(0, "127.0.0.1", () => r()));
const plainTimes = await overHttp(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/${route}`);
plain.close();

// 3. Through the lab: front -> Runtime API -> instance process (uncapped unless --cpusets, so only the plumbing differs).
const lab = new Lab({ logDir: join(tmp, "logs"), cgroups });
lab.deploy({
  functionName: `overhead-${runtime.id}-${fn.id}`,
  runtime: runtime.id,
  function: fn.id,
  lambdaRuntime: runtime.lambdaRuntime,
  kind: runtime.kind,
  start: runtime.family.start,
  handler: entry.handler,
  codeDir,
  memoryMB: 1769,
  timeoutMs: 30_000,
  region: "us-east-1",
  environment: {},
});
const front = await startFront(lab);
const labTimes = await overHttp(`${front.url}/${route}`);
// 4. The Runtime API alone: lab.invoke in-process (no front), and the Duration the lab reports.
const eventBytes = Buffer.from(JSON.stringify(event));
const durations: number[] = [];
const invokeTimes = await time(iterations, async () => {
  const r = await lab.invoke(route, eventBytes);
  if (!("throttled" in r)) durations.push(r.record.durationMs);
});
await front.stop();
await lab.stop();
await support?.release();
rmSync(tmp, { recursive: true, force: true });

const d = p50(direct);
const p = p50(plainTimes);
const l = p50(labTimes);
console.log(`iterations: ${iterations} (after ${warmup} warm-up calls each), sequential, keep-alive`);
console.log(`handler in-process                 p50 ${d.toFixed(3)} ms`);
console.log(`bare HTTP server + handler         p50 ${p.toFixed(3)} ms`);
console.log(`lab (front + Runtime API + process) p50 ${l.toFixed(3)} ms`);
console.log(
  `Runtime API only (lab.invoke, no front) p50 ${p50(invokeTimes).toFixed(3)} ms; reported Duration p50 ${p50(durations.slice(warmup)).toFixed(3)} ms`,
);
console.log(`added by the lab vs direct call     ${(l - d).toFixed(3)} ms`);
console.log(`added by front + Runtime API (vs bare HTTP server) ${(l - p).toFixed(3)} ms  (target <= 0.5 ms: ${l - p <= 0.5 ? "met" : "NOT met"})`);
