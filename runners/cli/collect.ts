// `npm run collect -- --log-group <g>… --since … --until … [--mapping file.json] --name … [--out data]`:
// REPORT lines of any Lambda functions in CloudWatch Logs → data/<name>/.
import { Command } from "commander";
import cliProgress from "cli-progress";
import { defaultManifestPath, loadManifest } from "../../functions/manifest.js";
import { ARCHITECTURES, BILLING_RULES } from "../dataset/contract.js";
import { newCampaign } from "../dataset/campaign.js";
import { datasetMessages } from "../dataset/messages.js";
import { datasetDir, publishDataset } from "../dataset/publish.js";
import { configuredRegion, createLogsClient } from "../collect/cloudwatch.js";
import { collectFromCloudWatch } from "../collect/collect.js";
import { sourceMeta } from "../collect/dataset-meta.js";
import { createFunctionsClient, describeFunctions } from "../collect/function-config.js";
import { functionNameOf, readMappingFile, streamMapping } from "../collect/mapping.js";
import { collectMessages, optionMessages } from "../collect/messages.js";
import { normalizeCollectOptions } from "../collect/options.js";
import { quietSdkNodeVersionWarning, sdkErrorMessage } from "../aws/sdk-env.js";

quietSdkNodeVersionWarning();

const program = new Command()
  .name("collect")
  .description("Collect Lambda REPORT lines from CloudWatch Logs into a dataset (credentials and region from the standard AWS configuration)")
  .requiredOption("--log-group <names...>", "log groups, e.g. /aws/lambda/my-fn (repeatable)")
  .requiredOption("--since <time>", "start, ISO-8601 or e.g. 6h (ago)")
  .option("--until <time>", "end, ISO-8601 (default: now)")
  .requiredOption("--name <name>", "dataset name")
  .option("--out <dir>", "output folder", "data")
  .option("--force", "replace an existing dataset of the same name", false)
  .option(
    "--mapping <file.json>",
    '{"<log group>": {"runtime", "function", "architecture"?, "memoryMB"?}} (default: function = the log group\'s function name; runtime and architecture from Lambda\'s GetFunctionConfiguration, else "unknown")',
  )
  .option("--no-describe", "do not call lambda:GetFunctionConfiguration for runtimes and architectures")
  .option("--architecture <arch>", `default architecture: ${ARCHITECTURES.join(" | ")}`, "x86_64")
  .option("--method <m>", "filter (FilterLogEvents) | insights (Logs Insights)", "filter")
  .option("--region <region>", "AWS region (default: the standard AWS configuration)")
  .option("--max-attempts <n>", "attempts per API call, throttling retries included", "8")
  .option("--manifest <path>", "the manifest listing runtimes and functions", defaultManifestPath)
  .parse();

const bar = new cliProgress.SingleBar(
  { format: "{group} {value} events, {calls} calls {duration_formatted}", hideCursor: true },
  cliProgress.Presets.shades_classic,
);
try {
  const o = program.opts<{
    logGroup: string[];
    since: string;
    until?: string;
    name: string;
    out: string;
    force: boolean;
    mapping?: string;
    architecture: string;
    method: string;
    region?: string;
    maxAttempts: string;
    manifest: string;
    describe: boolean;
  }>();
  const { since, until, architecture, method, maxAttempts } = normalizeCollectOptions(o, Date.now());
  const policy = { force: o.force };
  const dir = datasetDir(o.out, o.name, policy);
  const manifest = loadManifest(o.manifest);
  const client = createLogsClient({ ...(o.region ? { region: o.region } : {}), maxAttempts });
  const region = await configuredRegion(client);
  const file = o.mapping ? readMappingFile(o.mapping) : undefined;
  const warnings: string[] = [];
  let configurations;
  if (o.describe) {
    const functions = createFunctionsClient({ region, maxAttempts });
    const described = await describeFunctions(functions, o.logGroup.filter((g) => !file?.[g]).map(functionNameOf));
    functions.destroy();
    configurations = described.configurations;
    warnings.push(...described.failures);
  }
  const mapping = streamMapping({ ...(file ? { file } : {}), manifest, architecture, ...(configurations ? { configurations } : {}) });
  bar.start(0, 0, { group: "", calls: 0 });
  const result = await collectFromCloudWatch(client, {
    logGroupNames: o.logGroup,
    since,
    until,
    mapping,
    method,
    onProgress: (p) => bar.update(p.events, { group: p.logGroupName, calls: p.calls }),
  });
  bar.stop();
  client.destroy();
  if (result.unreadable.length > 0) warnings.push(optionMessages.unreadableSkipped(result.unreadable.length));
  if (result.duplicates > 0) warnings.push(collectMessages.duplicatesDropped(result.duplicates));
  for (const [g, n] of result.unmapped) warnings.push(optionMessages.unmappedSkipped(g, n));
  if (result.rows.length === 0)
    throw new Error(collectMessages.noReportLines(o.logGroup, new Date(since).toISOString(), new Date(until).toISOString(), result.unmapped));
  publishDataset(
    dir,
    sourceMeta({
      name: o.name,
      campaign: newCampaign("collect"),
      duplicatesDropped: result.duplicates,
      kind: "collect",
      detail: collectMessages.cloudWatchDetail(method, o.logGroup, new Date(since).toISOString(), new Date(until).toISOString()),
      warnings,
      rows: result.rows,
      architecture,
      region,
      billing: { rule: "as-reported", description: BILLING_RULES["as-reported"].description },
    }),
    result.rows,
    [],
    policy,
  );
  for (const w of warnings) console.error(datasetMessages.warning(w));
  for (const u of result.unreadable.slice(0, 10)) console.error(optionMessages.unreadableLine(u.reason, u.line));
  console.log(optionMessages.collected(result.events, result.rows.length, dir));
} catch (e) {
  bar.stop();
  console.error(datasetMessages.failed("collect", sdkErrorMessage(e)));
  process.exit(1);
}
