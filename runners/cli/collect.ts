// `npm run collect -- --log-group <g>… --since … --until … [--mapping file.json] --name … [--out data]`:
// REPORT lines of any Lambda functions in CloudWatch Logs → data/<name>/.
import { resolve } from "node:path";
import { Command } from "commander";
import cliProgress from "cli-progress";
import { defaultManifestPath, loadManifest } from "../../functions/manifest.js";
import { ARCHITECTURES, BILLING_RULES, type Architecture } from "../dataset/contract.js";
import { writeDataset } from "../dataset/write.js";
import { createLogsClient } from "../collect/cloudwatch.js";
import { collectFromCloudWatch } from "../collect/collect.js";
import { sourceMeta } from "../collect/dataset-meta.js";
import { readMappingFile, streamMapping } from "../collect/mapping.js";

function time(option: string, value: string): number {
  // Relative: "90m", "6h", "2d" before now; otherwise an ISO-8601 time.
  const rel = /^(\d+)([mhd])$/.exec(value);
  if (rel) return Date.now() - Number(rel[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2] as "m" | "h" | "d"];
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${option}: expected an ISO-8601 time or a duration like 90m, 6h, 2d; got "${value}"`);
  return ms;
}

const program = new Command()
  .name("collect")
  .description("Collect Lambda REPORT lines from CloudWatch Logs into a dataset (credentials and region from the standard AWS configuration)")
  .requiredOption("--log-group <names...>", "log groups, e.g. /aws/lambda/my-fn (repeatable)")
  .requiredOption("--since <time>", "start, ISO-8601 or e.g. 6h (ago)")
  .option("--until <time>", "end, ISO-8601 (default: now)")
  .requiredOption("--name <name>", "dataset name")
  .option("--out <dir>", "output folder", "data")
  .option("--mapping <file.json>", '{"<log group>": {"runtime", "function", "architecture"?, "memoryMB"?}} (default: from the function name "…-<runtime>-<function>")')
  .option("--architecture <arch>", `default architecture: ${ARCHITECTURES.join(" | ")}`, "x86_64")
  .option("--method <m>", "filter (FilterLogEvents) | insights (Logs Insights)", "filter")
  .option("--region <region>", "AWS region (default: the standard AWS configuration)")
  .option("--max-attempts <n>", "attempts per API call, throttling retries included", "8")
  .option("--manifest <path>", "the manifest listing runtimes and functions", defaultManifestPath)
  .parse();

const bar = new cliProgress.SingleBar({ format: "{group} {value} events, {calls} calls {duration_formatted}", hideCursor: true }, cliProgress.Presets.shades_classic);
try {
  const o = program.opts<{
    logGroup: string[];
    since: string;
    until?: string;
    name: string;
    out: string;
    mapping?: string;
    architecture: string;
    method: string;
    region?: string;
    maxAttempts: string;
    manifest: string;
  }>();
  if (!(ARCHITECTURES as readonly string[]).includes(o.architecture)) throw new Error(`--architecture: expected ${ARCHITECTURES.join(" or ")}, got "${o.architecture}"`);
  if (o.method !== "filter" && o.method !== "insights") throw new Error(`--method: expected filter or insights, got "${o.method}"`);
  if (!/^\d+$/.test(o.maxAttempts) || Number(o.maxAttempts) < 1) throw new Error(`--max-attempts: expected a positive integer, got "${o.maxAttempts}"`);
  const since = time("--since", o.since);
  const until = o.until ? time("--until", o.until) : Date.now();
  if (until <= since) throw new Error(`--until (${new Date(until).toISOString()}) must be after --since (${new Date(since).toISOString()})`);
  const architecture = o.architecture as Architecture;
  const manifest = loadManifest(o.manifest);
  const mapping = streamMapping({ ...(o.mapping ? { file: readMappingFile(o.mapping) } : {}), manifest, architecture });
  const client = createLogsClient({ ...(o.region ? { region: o.region } : {}), maxAttempts: Number(o.maxAttempts) });
  const region = await client.config.region();
  bar.start(0, 0, { group: "", calls: 0 });
  const result = await collectFromCloudWatch(client, {
    logGroupNames: o.logGroup,
    since,
    until,
    mapping,
    method: o.method,
    onProgress: (p) => bar.update(p.events, { group: p.logGroupName, calls: p.calls }),
  });
  bar.stop();
  client.destroy();
  const warnings: string[] = [];
  if (result.unreadable.length > 0) warnings.push(`${result.unreadable.length} REPORT lines could not be read and were skipped`);
  if (result.duplicates > 0) warnings.push(`${result.duplicates} duplicate REPORT lines (same request id) were dropped`);
  for (const [g, n] of result.unmapped) warnings.push(`${n} REPORT lines from ${g} had no runtime/function mapping and were skipped`);
  if (result.rows.length === 0) throw new Error(`no REPORT lines found for ${o.logGroup.join(", ")} between ${new Date(since).toISOString()} and ${new Date(until).toISOString()}`);
  const dir = resolve(o.out, o.name);
  writeDataset(
    dir,
    sourceMeta({
      name: o.name,
      kind: "collect",
      detail: `CloudWatch Logs ${o.method === "insights" ? "Logs Insights" : "FilterLogEvents"}: ${o.logGroup.join(", ")}, ${new Date(since).toISOString()} .. ${new Date(until).toISOString()}`,
      warnings,
      rows: result.rows,
      architecture,
      region,
      billing: { rule: "as-reported", description: BILLING_RULES["as-reported"].description },
    }),
    result.rows,
    [],
  );
  for (const w of warnings) console.error(`warning: ${w}`);
  for (const u of result.unreadable.slice(0, 10)) console.error(`unreadable REPORT line: ${u.reason}: ${u.line.slice(0, 200)}`);
  console.log(`${result.events} events read, ${result.rows.length} invocations → ${dir}`);
} catch (e) {
  bar.stop();
  console.error(`collect: ${(e as Error).message}`);
  process.exit(1);
}
