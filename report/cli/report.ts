// npm run report -- [--data <dir>[,<dir>…]] [--section <id>] [--out <dir>] [--pdf <file> | --no-pdf] [--force]
//                   [--billing-rule <rule>] [--prices <file>] [--strategy cost|speed|balanced] [--balanced-weight <w>]
// npm run report -- --compare <baseline> <candidate> [--min-effect <fraction>] [--billing-rule <rule>] [--out <dir>] [--no-pdf]
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
  .option("--jobs <n>", "notebooks executed in parallel (default: the number of cores; 1 when the datasets hold over 500,000 invocations)")
  .option("--isolated-kernels", "start a fresh kernel for every notebook (slower)")
  .option(
    "--billing-rule <rule>",
    "recompute billed duration and cost under aws-2025-08, aws-pre-2025-08 or as-reported (default: as reported in each dataset)",
  )
  .option("--prices <file>", "price table (JSON, format of report/lib/cost/prices.json; default: the bundled, dated table)")
  .option("--seed <n>", "seed of the bootstrap confidence intervals (default: the library's fixed seed, so rebuilds are identical)")
  .option("--resamples <n>", "bootstrap resamples per interval (default: 2000)")
  .option("--strategy <name>", "recommendation strategy named in the text and the Summary: cost, speed or balanced (default: all three)")
  .option("--balanced-weight <w>", "weight of the balanced strategy, 0 (speed) to 1 (cost) (default: 0.5, as power-tuning)")
  .option("--compare <dirs...>", "build a comparison report of two runs instead: baseline folder, then candidate folder (site: report/site-compare)")
  .option("--min-effect <fraction>", "with --compare: smallest relative change that counts (default 0.05)")
  .parse();

try {
  const request = normalizeReportOptions(program.opts<RawReportOptions>(), (line) => console.log(line));
  if (request.kind === "compare") {
    // Loaded only for a comparison, so the ordinary report starts as fast as before.
    const { buildComparisonReport } = await import("../render/compare-build.js");
    await buildComparisonReport(request.options);
  } else await buildReport(request.options);
} catch (error) {
  if (error instanceof ReportBuildError) {
    console.error(`report: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
