// `npm run combine -- data/a data/b --name ab`: datasets from separate runs → one dataset, so runs at
// the same memory size form one setting of the report (each run's trials kept apart).
import { resolve } from "node:path";
import { Command } from "commander";
import { gitState } from "../bench/provenance.js";
import { newCampaign } from "../dataset/campaign.js";
import { combineDatasets, readDataset } from "../dataset/combine.js";
import { combineMessages, datasetMessages } from "../dataset/messages.js";
import { datasetDir, publishDataset } from "../dataset/publish.js";

const program = new Command()
  .name("combine")
  .description(
    "Combine datasets from separate runs (same target, architecture and billing rule) into one; each run's trials are numbered after the previous one's",
  )
  .argument("<datasets...>", "dataset folders, in the order their trials are numbered")
  .requiredOption("--name <name>", "name of the combined dataset")
  .option("--out <dir>", "output folder", "data")
  .option("--force", "replace an existing dataset of the same name", false)
  .parse();

try {
  const o = program.opts<{ name: string; out: string; force: boolean }>();
  const policy = { force: o.force };
  const dir = datasetDir(o.out, o.name, policy);
  const sources = program.args.map((d) => readDataset(resolve(d)));
  const combined = combineDatasets(sources, { name: o.name, campaign: newCampaign("combine"), git: gitState() });
  publishDataset(dir, combined.meta, combined.invocations, combined.requests, policy);
  for (const w of combined.meta.warnings) console.error(datasetMessages.warning(w));
  console.log(combineMessages.combined(combined.meta.source.detail, combined.invocations.length, dir));
} catch (e) {
  console.error(datasetMessages.failed("combine", (e as Error).message));
  process.exit(1);
}
