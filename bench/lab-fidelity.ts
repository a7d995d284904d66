// Lab fidelity checks (issue "Lab fidelity"): runs the local bench into a temporary folder (never
// data/) and prints, with 95 % bootstrap intervals, whether the lab behaves as Lambda does where it
// matters for the findings. Prints figures; never fails on them. Run it on a quiet machine.
//   npm run bench:lab-fidelity -- [--requests 200] [--memory 128,256] [--runtimes ...] [--functions ...]
//        [--db-latency soto-202] [--trials 8] [--skip-isolation] [--skip-overhead] [--overhead-iterations 2000] [--keep]
//   npm run bench:lab-fidelity -- --from data   checks 1-3 on existing datasets (<folder>/local-<memory>mb,
//        e.g. the committed ones) instead of a new run; the isolation check's quiet side is then those too,
//        and its busy run repeats their recorded protocol (requests, concurrency, warm-up, pause, trials).
// Without --requests and --trials a new run uses the bench's defaults.
// Intervals are the report's: two-level (trials, then invocations) where the data has several trials.
// 1. Memory direction: p50, p99 and max Total Duration at the larger memory size are not worse than
//    at the smaller beyond their intervals (256 MB has twice the CPU of 128 MB on Lambda).
// 2. Init independence: Init Duration medians agree across memory sizes (intervals overlap).
// 3. Concurrency gain: conc gains over search (median Duration) for every runtime, with the
//    declared DynamoDB latency model.
// 4. Isolation: the same protocol at the largest memory size with a CPU burner on the support
//    cores changes no p50 Total Duration beyond its interval.
// 5. Overhead: bench/lab-overhead.ts without and with cpusets (target <= 0.5 ms p50).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { loadManifest, repoRoot } from "../functions/manifest.js";
import { allowedCpus } from "../runners/lab/cgroups.js";
import { cpuList, layout } from "../runners/lab/cpu-plan.js";
import { stat } from "../report/lib/metrics/statistics.js";
import { metaSchema } from "../runners/dataset/contract.js";
import { DEFAULTS } from "../runners/bench/options.js";
import { bootstrapInterval, overlaps, type Interval } from "../report/lib/uncertainty/index.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: String(DEFAULTS.requests) },
    memory: { type: "string", default: "128,256" },
    runtimes: { type: "string" },
    functions: { type: "string" },
    "db-latency": { type: "string" },
    trials: { type: "string" },
    from: { type: "string" },
    "skip-isolation": { type: "boolean", default: false },
    "skip-overhead": { type: "boolean", default: false },
    "overhead-iterations": { type: "string", default: "2000" },
    keep: { type: "boolean", default: false },
  },
});

const out = mkdtempSync(join(tmpdir(), "lambench-fidelity-"));
const memorySizes = values.memory
  .split(",")
  .map(Number)
  .sort((a, b) => a - b);
const RESAMPLES = 2000;

/** The protocol options of the dataset the isolation check compares with (--from), so the busy run repeats it. */
function recordedProtocol(memoryMB: number): string[] {
  if (!values.from) return [];
  const meta = metaSchema.parse(JSON.parse(readFileSync(join(values.from, `local-${memoryMB}mb`, "meta.json"), "utf8")));
  const p = meta.protocol;
  if (!p) throw new Error(`${join(values.from, `local-${memoryMB}mb`, "meta.json")}: no recorded protocol to repeat for the isolation check`);
  return [
    "--requests",
    String(p.requestsPerFunction),
    "--concurrency",
    String(p.concurrency),
    "--warmup",
    String(p.warmupRequests),
    "--pause-ms",
    String(p.pauseMs),
    "--trials",
    String(meta.trials?.count ?? 1),
    "--runtimes",
    p.runtimes.join(","),
    "--functions",
    p.functions.join(","),
  ];
}

function bench(name: string, memory: string): void {
  const recorded = recordedProtocol(Number(memory));
  const args = [
    "--import",
    "tsx",
    join(repoRoot, "runners/cli/bench.ts"),
    "--memory",
    memory,
    ...(recorded.length > 0 ? recorded : ["--requests", values.requests]),
    "--out",
    out,
    "--work-dir",
    join(out, `.work-${name}`),
    "--name",
    name,
  ];
  for (const opt of ["runtimes", "functions", "db-latency", "trials"] as const) {
    const value = values[opt];
    if (recorded.length > 0 && opt !== "db-latency") continue;
    if (value) args.push(`--${opt}`, value);
  }
  console.log(`$ node ${args.slice(2).join(" ")}`);
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`bench exited with ${r.status}`);
}

interface Row {
  trial: number;
  runtime: string;
  function: string;
  durationMs: number;
  initDurationMs: number | null;
  status: string;
}

function rows(name: string, memoryMB: number, folder = out): Row[] {
  const text = readFileSync(join(folder, `${name}-${memoryMB}mb`, "invocations.csv"), "utf8");
  return (parse(text, { columns: true }) as Record<string, string>[])
    .filter((r) => r.status === "success")
    .map((r) => ({
      trial: r.trial ? Number(r.trial) : 1,
      runtime: r.runtime!,
      function: r.function!,
      durationMs: Number(r.durationMs),
      initDurationMs: r.initDurationMs ? Number(r.initDurationMs) : null,
      status: r.status!,
    }));
}

const groups = (rs: Row[]) => [...new Set(rs.map((r) => `${r.runtime}/${r.function}`))];
const of = (rs: Row[], key: string) => rs.filter((r) => `${r.runtime}/${r.function}` === key);
/** Values per trial (in trial order) of the rows that have one. */
function byTrial(rs: Row[], value: (r: Row) => number | null): number[][] {
  const trials = new Map<number, number[]>();
  for (const r of rs) {
    const v = value(r);
    if (v === null) continue;
    const values = trials.get(r.trial);
    if (values) values.push(v);
    else trials.set(r.trial, [v]);
  }
  return [...trials.entries()].sort(([a], [b]) => a - b).map(([, vs]) => vs);
}
const total = (rs: Row[]) => byTrial(rs, (r) => r.durationMs + (r.initDurationMs ?? 0));
const count = (trials: number[][]) => trials.reduce((n, t) => n + t.length, 0);
const fmt = (i: Interval | null) => (i ? `${i.estimate.toFixed(1)} [${i.lower.toFixed(1)}, ${i.upper.toFixed(1)}]` : "—");
const interval = (trials: number[][], s: ReturnType<typeof stat.median>, stream: string[]) =>
  count(trials) > 0 ? bootstrapInterval(trials, s, { resamples: RESAMPLES, stream }) : null;

try {
  if (values.from) console.log(`checks 1-3 on the datasets ${memorySizes.map((m) => join(values.from!, `local-${m}mb`)).join(", ")}`);
  else bench("fidelity", values.memory);
  const data = new Map(memorySizes.map((m) => [m, values.from ? rows("local", m, values.from) : rows("fidelity", m)]));
  const [small, large] = [memorySizes[0]!, memorySizes[memorySizes.length - 1]!];

  console.log(
    `\n1. Memory direction: Total Duration (ms), ${small} MB vs ${large} MB, estimate [95 % interval]; "worse" only when ${large} MB's interval lies wholly above ${small} MB's`,
  );
  for (const key of groups(data.get(small)!)) {
    const cells = [stat.median(), stat.percentile(0.99), stat.max()].map((s) => {
      const a = interval(total(of(data.get(small)!, key)), s, [key, String(small), s.name]);
      const b = interval(total(of(data.get(large)!, key)), s, [key, String(large), s.name]);
      const worse = a && b && b.lower > a.upper;
      return `${s.name} ${fmt(a)} → ${fmt(b)}${worse ? " WORSE" : ""}`;
    });
    console.log(`  ${key.padEnd(14)} ${cells.join(";  ")}`);
  }

  console.log(`\n2. Init independence: median Init Duration (ms), ${small} MB vs ${large} MB; "agree" when the intervals overlap`);
  for (const key of groups(data.get(small)!)) {
    const init = (m: number) => byTrial(of(data.get(m)!, key), (r) => r.initDurationMs);
    const a = interval(init(small), stat.median(), [key, String(small), "init"]);
    const b = interval(init(large), stat.median(), [key, String(large), "init"]);
    console.log(
      `  ${key.padEnd(14)} ${fmt(a)} (n=${count(init(small))}) vs ${fmt(b)} (n=${count(init(large))}): ${a && b ? (overlaps(a, b) ? "agree" : "DIFFER") : "not enough cold starts"}`,
    );
  }

  // The manifest's sequential/concurrent pairs (a function's concurrentVariantOf), not names of ours.
  const variants = loadManifest().functions.flatMap((f) => (f.concurrentVariantOf ? [{ sequential: f.concurrentVariantOf, concurrent: f.id }] : []));
  for (const { sequential, concurrent } of variants) {
    console.log(
      `\n3. Concurrency gain of ${concurrent} over ${sequential}: median Duration (warm and cold, handler time only), gain = ${sequential}/${concurrent} − 1 with the interval from both medians' intervals`,
    );
    for (const m of memorySizes) {
      for (const runtime of [...new Set(data.get(m)!.map((r) => r.runtime))]) {
        const d = (fn: string) => byTrial(of(data.get(m)!, `${runtime}/${fn}`), (r) => r.durationMs);
        const s = interval(d(sequential), stat.median(), [runtime, String(m), sequential]);
        const c = interval(d(concurrent), stat.median(), [runtime, String(m), concurrent]);
        if (!s || !c) continue;
        const gain = (x: number, y: number) => ((x / y - 1) * 100).toFixed(0);
        console.log(
          `  ${m} MB ${runtime.padEnd(7)} ${sequential} ${fmt(s)}, ${concurrent} ${fmt(c)}: gain ${gain(s.estimate, c.estimate)} % [${gain(s.lower, c.upper)}, ${gain(s.upper, c.lower)}]${s.lower > c.upper ? "" : " (no clear gain)"}`,
        );
      }
    }
  }

  if (!values["skip-isolation"]) {
    const support = cpuList(layout(allowedCpus()).support);
    console.log(
      `\n4. Isolation: ${large} MB again with a CPU burner pinned to the support core(s) ${support} (taskset); p50 Total Duration (ms) quiet vs busy`,
    );
    const burner = spawn("taskset", ["-c", support, process.execPath, "-e", "for(;;){}"], { stdio: "ignore" });
    try {
      bench("fidelity-busy", String(large));
    } finally {
      burner.kill("SIGKILL");
    }
    const busy = rows("fidelity-busy", large);
    for (const key of groups(data.get(large)!)) {
      const a = interval(total(of(data.get(large)!, key)), stat.median(), [key, "quiet"]);
      const b = interval(total(of(busy, key)), stat.median(), [key, "busy"]);
      console.log(`  ${key.padEnd(14)} ${fmt(a)} vs ${fmt(b)}: ${a && b ? (overlaps(a, b) ? "unchanged" : "CHANGED") : "—"}`);
    }
  }

  if (!values["skip-overhead"]) {
    for (const cpusets of [false, true]) {
      console.log(`\n5. Overhead per warm invoke${cpusets ? ", with cpusets" : ""} (bench/lab-overhead.ts)`);
      const args = [
        "--import",
        "tsx",
        join(repoRoot, "bench/lab-overhead.ts"),
        "--iterations",
        values["overhead-iterations"],
        ...(cpusets ? ["--cpusets"] : []),
      ];
      spawnSync(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"] });
    }
  }
  console.log(
    `\nprotocol: ${values.from ? `datasets from ${values.from}, ` : ""}--requests ${values.requests} --memory ${values.memory}${values.trials ? ` --trials ${values.trials}` : ""}${values.runtimes ? ` --runtimes ${values.runtimes}` : ""}${values.functions ? ` --functions ${values.functions}` : ""}; intervals: the report's bootstrap (two-level where there are several trials), ${RESAMPLES} resamples`,
  );
} finally {
  if (values.keep) console.log(`datasets kept in ${out}`);
  else rmSync(out, { recursive: true, force: true });
}
