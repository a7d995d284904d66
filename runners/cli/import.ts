// `npm run import -- <file>… [--name <name>] [--memory <MB>]`: Logs Insights CSV exports and raw
// CloudWatch log-event files (text, JSON lines) → data/<name>/.
// `npm run import -- result.json --power-tuning --runtime <id> --function <id>`: an aws-lambda-power-tuning result → a dataset of averages.
// `npm run import -- YYYY-MM-DD.json --lambda-perf`: a maxday/lambda-perf daily file → a reference dataset (the report's Lab vs AWS section).
import { Command } from "commander";
import { defaultManifestPath, loadManifest } from "../../functions/manifest.js";
import { ARCHITECTURES } from "../dataset/contract.js";
import { newCampaign } from "../dataset/campaign.js";
import { datasetMessages } from "../dataset/messages.js";
import { datasetDir, publishDataset } from "../dataset/publish.js";
import { sourceMeta } from "../collect/dataset-meta.js";
import { groupOfFile, importFiles } from "../collect/import-files.js";
import { averagesMeta, importPowerTuning } from "../collect/import-power-tuning.js";
import { lambdaPerfDatasetName, lambdaPerfMeta } from "../collect/import-lambda-perf.js";
import { parseLambdaPerf } from "../lab/lambda-perf.js";
import { readMappingFile } from "../collect/mapping.js";
import { importMessages, lambdaPerfMessages, optionMessages } from "../collect/messages.js";
import { normalizeImportOptions } from "../collect/options.js";
import { readTextInput } from "../collect/text-input.js";

const program = new Command()
  .name("import")
  .description(
    "Import REPORT lines as a dataset: CloudWatch Logs Insights CSV exports (raw @message rows, or the seed query's columns) and raw log-event files (one event per line, text or JSON)",
  )
  .argument(
    "<files...>",
    "CSV exports, and text or JSON-lines files of log events (a file's events belong to its log group, else to the function named like the file)",
  )
  .option("--power-tuning", "the file is aws-lambda-power-tuning's output (run with includeOutputResults: true): a dataset of averages per memory size")
  .option(
    "--lambda-perf",
    "the file is a maxday/lambda-perf daily file (data/YYYY/YYYY-MM-DD.json): a reference dataset of AWS measurements, named lambda-perf-<date> unless --name; the report's Lab vs AWS section puts the lab next to it, no finding reads it",
  )
  .option("--runtime <name>", "--power-tuning: the runtime of the tuned function (a manifest id, or any name)")
  .option("--function <name>", "--power-tuning: the tuned function's name")
  .option("--name <name>", "dataset name (default: the first file's name without its extension)")
  .option("--out <dir>", "output folder", "data")
  .option("--force", "replace an existing dataset of the same name", false)
  .option("--memory <MB>", "configured memory size (needed for the seed query's export, which has no memory column)")
  .option("--architecture <arch>", `${ARCHITECTURES.join(" | ")}`, "x86_64")
  .option("--region <region>", "AWS region the logs came from, for meta.json")
  .option(
    "--mapping <file.json>",
    '{"<log group or file name>": {"runtime", "function", "architecture"?, "memoryMB"?}} (default: function = the log group\'s function name, runtime from its INIT_START lines, else "unknown")',
  )
  .option("--manifest <path>", "the manifest that labels and orders runtimes and functions", defaultManifestPath)
  .parse();

try {
  const files = program.args;
  const o = program.opts<{
    name?: string;
    out: string;
    force: boolean;
    memory?: string;
    architecture: string;
    region?: string;
    mapping?: string;
    manifest: string;
    powerTuning?: boolean;
    lambdaPerf?: boolean;
    runtime?: string;
    function?: string;
  }>();
  const { architecture, memoryMB, powerTuning, lambdaPerf } = normalizeImportOptions(o, files);
  const policy = { force: o.force };
  if (lambdaPerf) {
    const { file } = lambdaPerf;
    const day = parseLambdaPerf(readTextInput(file), file);
    const name = o.name ?? lambdaPerfDatasetName(day);
    const dir = datasetDir(o.out, name, policy);
    publishDataset(dir, lambdaPerfMeta({ name, file, day, campaign: newCampaign("import") }), [], [], policy);
    console.log(lambdaPerfMessages.imported(day.entries.length, day.date, dir));
    process.exit(0);
  }
  const name = o.name ?? groupOfFile(files[0]!);
  const dir = datasetDir(o.out, name, policy, o.name === undefined ? "the file name (pass --name)" : "--name");
  if (powerTuning) {
    const { file } = powerTuning;
    const result = importPowerTuning(readTextInput(file), { ...powerTuning, architecture });
    publishDataset(
      dir,
      { ...averagesMeta({ name, file, region: o.region ?? null, architecture, rows: result.rows }), campaign: newCampaign("import") },
      [],
      [],
      policy,
    );
    console.log(
      optionMessages.importedAverages(
        result.rows.map((r) => r.memoryMB),
        dir,
      ),
    );
    process.exit(0);
  }
  const manifest = loadManifest(o.manifest);
  const result = importFiles(
    files.map((path) => ({ path, text: readTextInput(path) })),
    { manifest, architecture, ...(o.mapping ? { mapping: readMappingFile(o.mapping) } : {}), ...(memoryMB ? { memoryMB } : {}) },
  );
  if (result.rows.length === 0) throw new Error(importMessages.noRows(files, result.warnings));
  publishDataset(
    dir,
    sourceMeta({
      name,
      campaign: newCampaign("import"),
      duplicatesDropped: result.duplicates,
      kind: "import",
      detail: result.described.join("; "),
      corrections: result.corrections,
      warnings: result.warnings,
      rows: result.rows,
      architecture,
      region: o.region ?? null,
      billing: result.billing,
      runtimeVersions: result.runtimeVersions,
    }),
    result.rows,
    [],
    policy,
  );
  for (const c of result.corrections) console.log(optionMessages.corrected(c));
  for (const w of result.warnings) console.error(datasetMessages.warning(w));
  for (const u of result.unreadable.slice(0, 10)) console.error(optionMessages.unreadableEvent(u.file, u.position, u.reason));
  console.log(optionMessages.imported(result.rows.length, dir));
} catch (e) {
  console.error(datasetMessages.failed("import", (e as Error).message));
  process.exit(1);
}
