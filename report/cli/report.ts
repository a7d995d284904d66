// npm run report -- [--data <dir>[,<dir>…]] [--section <id>] [--out <dir>] [--pdf <file> | --no-pdf] [--force]
import { Command } from "commander";
import { buildReport } from "../render/build.js";
import { ReportBuildError } from "../render/messages.js";
import { normalizeReportOptions, type RawReportOptions } from "../render/options.js";

const program = new Command()
  .name("report")
  .description("Execute the section notebooks and write the static site and the PDF.")
  .option("--data <dirs>", "dataset folders, comma-separated (default: the complete datasets in data/)")
  .option("--section <id>", "re-execute this section's notebook; the others come from the cache")
  .option("--out <dir>", "site folder (default: report/site)")
  .option("--pdf <file>", "PDF path (default: report/lambench-report.pdf)")
  .option("--no-pdf", "skip the PDF")
  .option("--force", "re-execute every notebook, ignoring the cache")
  .option("--cache <dir>", "cache folder (default: .cache/report)")
  .option("--jobs <n>", "notebooks executed in parallel (default: the number of cores)")
  .option("--isolated-kernels", "start a fresh kernel for every notebook (slower)")
  .parse();

try {
  const options = normalizeReportOptions(program.opts<RawReportOptions>(), (line) => console.log(line));
  await buildReport(options);
} catch (error) {
  if (error instanceof ReportBuildError) {
    console.error(`report: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
