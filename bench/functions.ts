// Speed and size of every manifest artefact, run directly on this machine (no API front, no
// cgroup caps): zip and unzipped size, cold start (Init Duration and first Duration, median of
// fresh instances) and warm Duration (median, p90), against in-process dynalite. Prints tables,
// never fails on time.
//   node --import tsx bench/functions.ts [--runtime node,go] [--function search,conc]
//     [--invocations 200] [--cold-starts 5] [--memory 1024] [--build]
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import { functionSpec, loadManifest, ManifestError, repoRoot, runtimeSpec, type Manifest, type ManifestEntry } from "../functions/manifest.js";
import { payloadFor } from "../runners/bench/drive.js";
import { unpackArtefact } from "../runners/lab/artefacts.js";
import { resolveInterpreters } from "../runners/lab/interpreters.js";
import { BENCH_CREDENTIALS, BENCH_REGION, startBenchDynamoDb } from "./functions-dynamodb.js";
import { artefactSize, measureEntry, stopAllInstances, type RunSettings } from "./functions-instance.js";
import { comparisonTable, sizeTable, summarise, timingTable, type EntryResult } from "./functions-summary.js";

const positiveInt = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer >= ${min}, got "${value}"`);
  return n;
};
const idList = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const program = new Command()
  .name("bench/functions.ts")
  .description("Artefact size, cold start and warm invoke time of every manifest entry, run directly (no lab front, no cgroup caps)")
  .option("--runtime <ids>", "only these runtimes (comma-separated)", idList)
  .option("--function <ids>", "only these functions (comma-separated)", idList)
  .option("--invocations <n>", "warm invocations per entry", positiveInt(1), 200)
  .option("--cold-starts <n>", "fresh instances per entry (median reported)", positiveInt(1), 5)
  .option("--memory <mb>", "memory size the runtime is told (Node heap flags); nothing is capped", positiveInt(128), 1024)
  .option("--build", "build missing artefacts with their manifest build command first", false)
  .parse();
const opts = program.opts<{ runtime?: string[]; function?: string[]; invocations: number; coldStarts: number; memory: number; build: boolean }>();

function selectEntries(m: Manifest): ManifestEntry[] {
  try {
    for (const r of opts.runtime ?? []) runtimeSpec(m, r);
    for (const f of opts.function ?? []) functionSpec(m, f);
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    program.error(`error: ${e.message}`);
  }
  return m.entries.filter((e) => (!opts.runtime || opts.runtime.includes(e.runtime)) && (!opts.function || opts.function.includes(e.function)));
}

const manifest = loadManifest();
const entries = selectEntries(manifest);
if (opts.build) {
  for (const e of entries.filter((e) => !existsSync(resolve(repoRoot, e.artefact)))) {
    console.error(`building ${e.runtime}/${e.function}: ${e.build}`);
    try {
      execSync(e.build, { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"] });
    } catch {
      console.error(`build of ${e.runtime}/${e.function} failed; it is reported as missing`);
    }
  }
}

const scratch = mkdtempSync(join(tmpdir(), "lambench-bench-functions-"));
const db = await startBenchDynamoDb(manifest);
const interpreters = resolveInterpreters();
const settings: RunSettings = {
  coldStarts: opts.coldStarts,
  invocations: opts.invocations,
  memoryMB: opts.memory,
  timeoutMs: 30_000,
  region: BENCH_REGION,
  environment: { ...BENCH_CREDENTIALS, AWS_ENDPOINT_URL_DYNAMODB: db.endpoint, TABLE_NAME: db.tableName },
  interpreters,
  logDir: join(scratch, "logs"),
};
let cleaning: Promise<void> | null = null;
// Once only: an interrupt and the main loop's finally may both ask.
const cleanup = () =>
  (cleaning ??= (async () => {
    await stopAllInstances();
    await db.stop();
    rmSync(scratch, { recursive: true, force: true });
  })());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping instances`);
    void cleanup().finally(() => process.exit(130));
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const cpu = cpus();
console.log(`bench/functions.ts ${new Date().toISOString()}`);
console.log(`machine: ${cpu.length} x ${cpu[0]?.model ?? "?"}; load average at start ${load()}`);
console.log(`interpreters: ${interpreters.versions.node ?? "node: not installed"}, ${interpreters.versions.python ?? "python: not found"}`);
console.log(
  `settings: ${opts.coldStarts} cold starts and ${opts.invocations} warm invocations per entry, memory ${opts.memory} MB (uncapped), dynalite in-process at ${db.endpoint}, table reset and seeded before each entry`,
);

const results: EntryResult[] = [];
try {
  for (const entry of entries) {
    const result: EntryResult = { runtime: entry.runtime, function: entry.function, size: null, cold: [], warm: [], responseBytes: null, problem: null };
    results.push(result);
    const zip = resolve(repoRoot, entry.artefact);
    if (!existsSync(zip)) {
      result.problem = `missing artefact ${entry.artefact} (build: ${entry.build})`;
      console.error(`${entry.runtime}/${entry.function}: ${result.problem}`);
      continue;
    }
    result.size = artefactSize(zip);
    await db.reset();
    const target = {
      entry,
      runtime: runtimeSpec(manifest, entry.runtime),
      codeDir: unpackArtefact(zip, join(scratch, "artefacts")),
      body: payloadFor(functionSpec(manifest, entry.function).payload),
    };
    const started = performance.now();
    // Per entry (the table is reset too), so every runtime gets the same bodies and the response sizes compare.
    let seq = 0;
    await measureEntry(target, settings, () => seq++, result);
    const s = summarise(result);
    console.error(
      `${entry.runtime}/${entry.function}: cold ${s.coldMedianMs?.toFixed(1) ?? "-"} ms, warm p50 ${s.warmMedianMs?.toFixed(2) ?? "-"} ms (${((performance.now() - started) / 1000).toFixed(1)} s)${result.problem ? `; ${result.problem}` : ""}`,
    );
  }
} finally {
  await cleanup();
}

const summaries = results.map(summarise);
const functionOrder = manifest.functions.map((f) => f.id).filter((f) => summaries.some((s) => s.function === f));
console.log(`\nArtefact sizes (KiB = 1024 bytes; unzipped = sum of file sizes)\n${sizeTable(summaries)}`);
console.log(
  `\nTimes in ms, Lambda-style: init = Init Duration (process start to first Runtime API /next), first = the first invocation's Duration, cold = init + first (median over ${opts.coldStarts} fresh instances each); warm = Duration of ${opts.invocations} later invocations on one instance; resp B = first response body bytes\n${timingTable(summaries)}`,
);
console.log(`\nComparison per function (ratio to the best runtime; 1.00x = best)\n${comparisonTable(summaries, functionOrder)}`);
console.log(`\nload average at end ${load()}`);
