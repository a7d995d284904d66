// Large inputs: the whole report (site and PDF, every notebook) over one generated FIXTURE dataset
// of 1,000,000 and 10,000,000 invocations (made-up numbers, written to a temp folder and removed;
// only the build is measured). Prints the build's wall time and its peak RSS summed over the
// process tree (the CLI, the notebook executor, the kernels, Chromium), sampled every 100 ms.
// A build whose tree passes --max-rss-gib (default 16) is stopped and reported as such, so the
// benchmark cannot take the machine down. Never fails on time.
//   node --import tsx bench/large-inputs.ts [--sizes 1000000,10000000] [--max-rss-gib 16] [--no-pdf] [--jobs <n>] [--work <dir>]
import { spawn, execFileSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { benchmarkFunctions, loadManifest } from "../functions/manifest.js";
import { BILLING_RULES, DATASET_FILES, billedDurationMs, metaSchema, type DatasetMeta } from "../runners/dataset/contract.js";
import { metaJson } from "../runners/dataset/write.js";
import { seededRandom } from "../report/test/fixtures/generate.js";
import { repoRoot } from "../report/render/paths.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const sizes = option("--sizes", "1000000,10000000").split(",").map(Number);
const maxRssBytes = Number(option("--max-rss-gib", "16")) * 2 ** 30;
const pdf = !args.includes("--no-pdf");
// --jobs <n>: passed to the build (default: the build's own choice, one kernel for inputs this large).
const jobs = args.includes("--jobs") ? option("--jobs", "") : undefined;
// --work <dir>: generate into (or reuse the dataset already in) this folder and keep it, e.g. to profile a build.
const keptWork = args.includes("--work") ? option("--work", "") : undefined;
const manifest = loadManifest();

/**
 * Streams a FIXTURE dataset of `total` invocations (one memory size, every runtime × benchmark
 * function, first 10 invocations of each group cold) and as many client requests, without
 * holding the rows in memory.
 */
function generate(dir: string, total: number): DatasetMeta {
  execFileSync("mkdir", ["-p", dir]);
  const runtimes = manifest.runtimes;
  const functions = benchmarkFunctions(manifest);
  const groups = runtimes.length * functions.length;
  const perGroup = Math.ceil(total / groups);
  const random = seededRandom(7);
  const rule = "aws-2025-08" as const;
  const inv = openSync(join(dir, DATASET_FILES.invocations), "w");
  const req = openSync(join(dir, DATASET_FILES.requests), "w");
  writeSync(
    inv,
    "runtime,function,memoryMB,architecture,trial,requestId,timestamp,instanceId,durationMs,billedDurationMs,maxMemoryUsedMB,initDurationMs,restoreDurationMs,status,errorType\n",
  );
  writeSync(req, "runtime,function,memoryMB,trial,seq,startedAt,latencyMs,httpStatus\n");
  let clock = Date.parse("2025-09-01T10:00:00.000Z");
  let written = 0;
  let invChunk = "";
  let reqChunk = "";
  runtimes.forEach((runtime, rank) => {
    for (const fn of functions) {
      for (let seq = 0; seq < perGroup && written < total; seq++, written++) {
        const cold = seq < 10;
        const duration = Math.round((2 + rank * 3) * (0.8 + random() * 0.4 + (random() < 0.02 ? random() * 5 : 0)) * (cold ? 3 : 1) * 1000) / 1000;
        const init = cold ? Math.round((40 + rank * 70) * (0.9 + random() * 0.2) * 1000) / 1000 : null;
        const at = new Date((clock += 3)).toISOString();
        invChunk += `${runtime.id},${fn.id},128,x86_64,1,r${written},${at},i-${runtime.id}-${fn.id}-${seq % 10},${duration},${billedDurationMs(rule, runtime.kind, duration, init)},${20 + rank * 10},${init ?? ""},,success,\n`;
        reqChunk += `${runtime.id},${fn.id},128,1,${seq},${at},${Math.round((duration + (init ?? 0) + 1) * 1000) / 1000},200\n`;
        if (invChunk.length > 1 << 22) {
          writeSync(inv, invChunk);
          writeSync(req, reqChunk);
          invChunk = reqChunk = "";
        }
      }
    }
  });
  writeSync(inv, invChunk);
  writeSync(req, reqChunk);
  closeSync(inv);
  closeSync(req);
  const meta: DatasetMeta = metaSchema.parse({
    schema: "lambench.dataset/1",
    name: `fixture-large-${total}`,
    target: "local",
    createdAt: "2025-09-01T12:00:00.000Z",
    complete: true,
    source: { kind: "fixture", detail: "bench/large-inputs.ts (made-up numbers for a benchmark)", corrections: [] },
    protocol: {
      requestsPerFunction: perGroup,
      concurrency: 10,
      warmupRequests: 0,
      pauseMs: 0,
      runtimes: runtimes.map((r) => r.id),
      functions: functions.map((f) => f.id),
    },
    memorySizes: [128],
    architecture: "x86_64",
    runtimeVersions: Object.fromEntries(runtimes.map((r) => [r.id, `${r.id} fixture`])),
    machine: { cpuModel: "fixture CPU", cores: 2, os: "fixture OS", cpuLimitEnforced: false, memoryLimitEnforced: false, limitNote: "fixture" },
    region: null,
    billing: { rule, description: BILLING_RULES[rule].description },
    git: null,
    counts: { invocations: written, requests: written },
    warnings: ["fixture data: made-up numbers for a benchmark"],
  });
  const metaFile = openSync(join(dir, DATASET_FILES.meta), "w");
  writeSync(metaFile, metaJson(meta));
  closeSync(metaFile);
  return meta;
}

/** RSS in bytes of `root` and all its descendants, from one `ps` listing. */
function treeRss(root: number): number {
  let out: string;
  try {
    out = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" });
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const line of out.trim().split("\n")) {
    const [pid, ppid, kb] = line.trim().split(/\s+/).map(Number) as [number, number, number];
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    rss.set(pid, kb * 1024);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

interface BuildFigures {
  seconds: number;
  peakRssBytes: number;
  outcome: "built" | "failed" | "stopped at the RSS cap";
  detail: string;
  stages: string[];
}

async function build(dataset: string, work: string): Promise<BuildFigures> {
  const cli = [
    "--import",
    "tsx",
    join(repoRoot, "report/cli/report.ts"),
    "--data",
    dataset,
    "--out",
    join(work, "site"),
    "--cache",
    join(work, "cache"),
    "--force",
  ];
  cli.push(...(pdf ? ["--pdf", join(work, "report.pdf")] : ["--no-pdf"]), ...(jobs ? ["--jobs", jobs] : []));
  const started = performance.now();
  const child = spawn(process.execPath, cli, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"], detached: true, env: { ...process.env, TZ: "UTC" } });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  let peak = 0;
  let stopped = false;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(child.pid!));
    if (peak > maxRssBytes && !stopped) {
      stopped = true;
      process.kill(-child.pid!, "SIGKILL");
    }
  }, 100);
  const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const lines = output.trim().split("\n");
  const tail = lines.slice(-3).join(" | ");
  // The build's own timing lines: where the time went (library bundle, each notebook, site, PDF).
  const stages = lines.filter((l) => /^\[(lib|jobs|data|fresh|failed|skip|site|pdf|done)\]/.test(l));
  return { seconds, peakRssBytes: peak, outcome: stopped ? "stopped at the RSS cap" : code === 0 ? "built" : "failed", detail: tail, stages };
}

const gib = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${gib(totalmem())}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (a busy machine makes every time longer)`,
);
console.log(`report build over one generated FIXTURE dataset, ${pdf ? "site and PDF" : "site only"}, empty cache (--force); RSS cap ${gib(maxRssBytes)}`);
for (const total of sizes) {
  const work = keptWork ?? mkdtempSync(join(tmpdir(), "lambench-large-"));
  try {
    const t0 = performance.now();
    const dataset = join(work, "data", `fixture-large-${total}`);
    const reused = keptWork !== undefined && existsSync(join(dataset, DATASET_FILES.meta));
    if (!reused) generate(dataset, total);
    rmSync(join(work, "cache"), { recursive: true, force: true });
    console.log(
      `\n${total.toLocaleString("en-US")} invocations (+ as many requests): ${reused ? `reused ${dataset}` : `generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`} (not part of the figures)`,
    );
    const figures = await build(dataset, work);
    console.log(
      `  build: ${figures.outcome} in ${figures.seconds.toFixed(1)} s, peak RSS over the process tree ${gib(figures.peakRssBytes)} (${(figures.peakRssBytes / 1e9).toFixed(2)} GB); load average after ${loadavg()[0]!.toFixed(2)}`,
    );
    if (total === 1_000_000 && pdf)
      console.log(
        `  targets for 1,000,000 invocations: ≤ 8 s (${figures.seconds <= 8 ? "met" : "not met"}), ≤ 1.5 GB peak RSS (${figures.peakRssBytes <= 1.5e9 ? "met" : "not met"})`,
      );
    for (const line of figures.stages) console.log(`    ${line}`);
    if (figures.outcome !== "built") console.log(`  last output: ${figures.detail}`);
  } finally {
    if (keptWork === undefined) rmSync(work, { recursive: true, force: true });
  }
}
