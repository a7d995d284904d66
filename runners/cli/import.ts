// `npm run import -- file.csv [--name <name>] [--memory <MB>]`: a Logs Insights CSV export → data/<name>/.
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { Command } from "commander";
import { defaultManifestPath, loadManifest } from "../../functions/manifest.js";
import { ARCHITECTURES, type Architecture } from "../dataset/contract.js";
import { writeDataset } from "../dataset/write.js";
import { sourceMeta } from "../collect/dataset-meta.js";
import { importInsightsCsv } from "../collect/import-csv.js";
import { readMappingFile, streamMapping } from "../collect/mapping.js";

const program = new Command()
  .name("import")
  .description("Import a CloudWatch Logs Insights CSV export (raw @message rows, or the seed query's columns) as a dataset")
  .argument("<file.csv>", "the exported CSV")
  .option("--name <name>", "dataset name (default: the file name without .csv)")
  .option("--out <dir>", "output folder", "data")
  .option("--memory <MB>", "configured memory size (needed for the seed query's export, which has no memory column)")
  .option("--architecture <arch>", `${ARCHITECTURES.join(" | ")}`, "x86_64")
  .option("--region <region>", "AWS region the logs came from, for meta.json")
  .option("--mapping <file.json>", 'raw exports: {"<log group>": {"runtime", "function", "architecture"?, "memoryMB"?}} (default: from the function name)')
  .option("--manifest <path>", "the manifest listing runtimes and functions", defaultManifestPath)
  .parse();

try {
  const [file] = program.args as [string];
  const o = program.opts<{ name?: string; out: string; memory?: string; architecture: string; region?: string; mapping?: string; manifest: string }>();
  if (!(ARCHITECTURES as readonly string[]).includes(o.architecture)) throw new Error(`--architecture: expected ${ARCHITECTURES.join(" or ")}, got "${o.architecture}"`);
  const architecture = o.architecture as Architecture;
  let memoryMB: number | undefined;
  if (o.memory !== undefined) {
    if (!/^\d+$/.test(o.memory) || Number(o.memory) < 128) throw new Error(`--memory: expected a whole number of MB ≥ 128, got "${o.memory}"`);
    memoryMB = Number(o.memory);
  }
  const manifest = loadManifest(o.manifest);
  const mapping = streamMapping({ ...(o.mapping ? { file: readMappingFile(o.mapping) } : {}), manifest, architecture });
  const result = importInsightsCsv(readFileSync(file, "utf8"), { source: file, manifest, architecture, mapping, ...(memoryMB ? { memoryMB } : {}) });
  if (result.rows.length === 0) throw new Error(`${file}: no REPORT rows could be imported (${result.warnings.join("; ")})`);
  const name = o.name ?? basename(file).replace(/\.csv$/i, "");
  const dir = resolve(o.out, name);
  writeDataset(
    dir,
    sourceMeta({
      name,
      kind: "import",
      detail: `Logs Insights CSV export ${basename(file)} (${result.layout === "seed" ? "seed query columns" : "@message rows"})`,
      corrections: result.corrections,
      warnings: result.warnings,
      rows: result.rows,
      architecture,
      region: o.region ?? null,
      billing: result.billing,
    }),
    result.rows,
    [],
  );
  for (const c of result.corrections) console.log(`corrected: ${c}`);
  for (const w of result.warnings) console.error(`warning: ${w}`);
  for (const u of result.unreadable.slice(0, 10)) console.error(`unreadable REPORT line (row ${u.position + 2}): ${u.reason}`);
  console.log(`${result.rows.length} invocations → ${dir}`);
} catch (e) {
  console.error(`import: ${(e as Error).message}`);
  process.exit(1);
}
