// The lab next to AWS (lambda-perf): Init Duration and Max Memory Used of the manifest's
// hello-world-like function (the first benchmark function that touches no table) in lab datasets,
// beside a lambda-perf daily file's measurements for the same runtime, memory size and
// architecture. Prints figures; never rescales them.
//   npm run bench:lab-calibration -- <lambda-perf YYYY-MM-DD.json> <lab dataset folder>... [--function <id>]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { loadManifest } from "../functions/manifest.js";
import { calibrate, helloWorldFunction, orderAgreement, orderBy, type CalibrationRow } from "../report/lib/findings/lab-calibration.js";
import { parseLambdaPerf } from "../runners/lab/lambda-perf.js";
import { readMeta } from "../report/lib/load/meta.js";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { function: { type: "string" } } });
const [perfFile, ...datasets] = positionals;
if (!perfFile || datasets.length === 0) {
  console.error("usage: npm run bench:lab-calibration -- <lambda-perf YYYY-MM-DD.json> <lab dataset folder>... [--function <id>]");
  process.exit(2);
}
const manifest = loadManifest();
const fn = values.function ?? helloWorldFunction(manifest);
if (!fn) {
  console.error("the manifest has no benchmark function that touches no table; name one with --function");
  process.exit(2);
}
const day = parseLambdaPerf(readFileSync(perfFile, "utf8"), perfFile);
console.log(`AWS reference: ${perfFile}, generated ${day.generatedAt}, ${day.source}; ten cold starts per entry, zip packaging`);
const num = (x: number | null, d = 1) => (x === null ? "—" : x.toFixed(d));

for (const dir of datasets) {
  const meta = readMeta(dir);
  const rows = (parse(readFileSync(join(dir, "invocations.csv"), "utf8"), { columns: true }) as Record<string, string>[]).filter(
    (r) => r.function === fn && r.initDurationMs !== "" && r.status === "success",
  );
  for (const memoryMB of meta.memorySizes) {
    const cold = rows
      .filter((r) => Number(r.memoryMB) === memoryMB)
      .map((r) => ({ runtime: r.runtime!, initDurationMs: Number(r.initDurationMs), maxMemoryUsedMB: Number(r.maxMemoryUsedMB) }));
    const runtimes = manifest.runtimes.filter((r) => cold.some((c) => c.runtime === r.id));
    const table: CalibrationRow[] = calibrate(day, runtimes, cold, memoryMB, meta.architecture);
    console.log(`\n${meta.name} (${fn}, ${memoryMB} MB ${meta.architecture}; lab runtime versions: ${Object.values(meta.runtimeVersions).join(", ")})`);
    console.log("runtime   lab Init p50 (n)   AWS Init p50   lab/AWS   lab Max Mem p50   AWS Max Mem   lab/AWS");
    for (const r of table) {
      console.log(
        `${r.runtime.padEnd(9)} ${`${num(r.labInitMedianMs)} ms (${r.labColdStarts})`.padEnd(18)} ${`${num(r.awsInitMedianMs)} ms`.padEnd(14)} ${num(r.initRatio, 2).padEnd(9)} ${`${num(r.labMaxMemoryMedianMB)} MB`.padEnd(17)} ${`${num(r.awsMaxMemoryMB)} MB`.padEnd(13)} ${num(r.memoryRatio, 2)}`,
      );
    }
    console.log(
      orderLine(
        "Init Duration",
        orderBy(table, (r) => r.labInitMedianMs),
        orderBy(table, (r) => r.awsInitMedianMs),
      ),
    );
    console.log(
      orderLine(
        "Max Memory Used",
        orderBy(table, (r) => r.labMaxMemoryMedianMB),
        orderBy(table, (r) => r.awsMaxMemoryMB),
      ),
    );
  }
}

/** "order by …: lab a < b = c; AWS …; (agreement)", "=" joining runtimes of equal value. */
function orderLine(measure: string, lab: string[][], aws: string[][]): string {
  const text = (groups: string[][]) => groups.map((g) => g.join(" = ")).join(" < ");
  return `order by ${measure}: lab ${text(lab)}; AWS ${text(aws)} (${orderAgreement(lab, aws)})`;
}
