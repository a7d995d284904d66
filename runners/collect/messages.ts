// Every user-facing reason and error of the collectors, in one place so tests can assert on them.

export const reportMessages = {
  missingField: (field: string) => `missing field "${field}"`,
  duplicateField: (field: string) => `field "${field}" appears twice`,
  badNumber: (field: string, value: string) => `field "${field}" is not a number: "${value}"`,
  badUnit: (field: string, value: string, unit: string) => `field "${field}" should be a number in ${unit}, got "${value}"`,
  badField: (field: string, value: string) => `field "${field}" has an unreadable value ${value}`,
  unknownStatus: (value: string) => `unknown Status "${value}" (expected success, error, failure or timeout)`,
  badJson: (why: string) => `platform.report line is not valid JSON: ${why}`,
  orphanXRay: () => "XRAY line with no REPORT line before it in the same log stream",
};

export const collectMessages = {
  noReportLines: (groups: readonly string[], from: string, to: string, unmapped: ReadonlyMap<string, number>) =>
    `no REPORT lines found for ${groups.join(", ")} between ${from} and ${to}` +
    (unmapped.size ? `; REPORT lines skipped as unmapped (no runtime/function): ${[...unmapped].map(([g, n]) => `${g} (${n})`).join(", ")}` : ""),
  describeFailed: (name: string, why: string) =>
    `could not read the configuration of Lambda function ${name} (${why}): its runtime comes from INIT_START lines or is recorded as unknown`,
  unmapped: (group: string | undefined, stream: string) => `no runtime/function mapping for log group "${group ?? "(none)"}" (stream "${stream}")`,
  mappingFile: (file: string, where: string, why: string) => `${file}: ${where}: ${why}`,
  insightsCap: (from: string, to: string, cap: number) =>
    `Logs Insights query for ${from} .. ${to} still returns ${cap} rows in a 1-second window; cannot split further`,
  insightsFailed: (status: string, queryId: string) => `Logs Insights query ${queryId} ended with status ${status}`,
  insightsTimeout: (queryId: string, ms: number) => `Logs Insights query ${queryId} did not complete within ${ms} ms`,
  badInsightsTimestamp: (value: string) => `unreadable @timestamp "${value}" in a Logs Insights result`,
  badTime: (option: string, value: string) => `${option}: expected an ISO-8601 time or a duration like 90m, 6h, 2d; got "${value}"`,
  timeBeforeEpoch: (option: string, value: string) =>
    `${option}: "${value}" reaches back before 1970-01-01, where CloudWatch Logs has nothing; give a shorter duration (e.g. 30d) or an ISO-8601 time`,
  duplicatesDropped: (n: number) => `${n} duplicate REPORT lines (same request id, e.g. from overlapping log ranges) were dropped`,
  untilBeforeSince: (until: string, since: string) => `--until (${until}) must be after --since (${since})`,
  noRegion: () =>
    "no AWS region is configured: pass --region <region> (e.g. --region eu-west-1), or set AWS_REGION, or set region for your profile in ~/.aws/config",
  cloudWatchDetail: (method: "filter" | "insights", groups: readonly string[], since: string, until: string) =>
    `CloudWatch Logs ${method === "insights" ? "Logs Insights" : "FilterLogEvents"}: ${groups.join(", ")}, ${since} .. ${until}`,
};

/** The collect and import commands' options (runners/collect/options.ts) and the lines they print. */
export const optionMessages = {
  badArchitecture: (value: string, known: readonly string[]) => `--architecture: expected ${known.join(" or ")}, got "${value}"`,
  badMethod: (value: string) => `--method: expected filter or insights, got "${value}"`,
  badMaxAttempts: (value: string) => `--max-attempts: expected a positive integer, got "${value}"`,
  badMemory: (value: string) => `--memory: expected a whole number of MB from 128 to 10240 (not bytes), got "${value}"`,
  powerTuningArguments: () => "--power-tuning takes one result file and needs --runtime and --function (power-tuning's output does not name them)",
  corrected: (text: string) => `corrected: ${text}`,
  unreadableSkipped: (n: number) => `${n} REPORT lines could not be read and were skipped`,
  unmappedSkipped: (group: string, n: number) => `${n} REPORT lines from ${group} had no runtime/function mapping and were skipped`,
  unreadableLine: (reason: string, line: string) => `unreadable REPORT line: ${reason}: ${line.slice(0, 200)}`,
  unreadableEvent: (file: string, position: number, reason: string) => `unreadable REPORT line (${file}, event ${position + 1}): ${reason}`,
  collected: (events: number, invocations: number, dir: string) => `${events} events read, ${invocations} invocations → ${dir}`,
  imported: (invocations: number, dir: string) => `${invocations} invocations → ${dir}`,
  importedAverages: (sizes: readonly number[], dir: string) => `${sizes.length} memory sizes of averages (${sizes.join(", ")} MB) → ${dir}`,
};

export const inputMessages = {
  missing: (file: string) => `${file}: file not found (check the path; relative paths are taken from the current folder)`,
  isFolder: (file: string) => `${file}: is a folder, not a file`,
  binary: (file: string, why: string, firstBytes: string) =>
    `${file}: not a text file: ${why} (first bytes ${firstBytes}); expected a text export (CSV or log lines)`,
};

export const importMessages = {
  csvSyntax: (file: string, line: number, column: number | undefined, why: string) =>
    `${file}: line ${line}${column === undefined ? "" : `, column ${column}`}: ${why}`,
  missingColumn: (file: string, column: string, seen: readonly string[]) => `${file}: line 1: missing column "${column}" (columns present: ${seen.join(", ")})`,
  badValue: (file: string, line: number, column: string, value: string, why: string) => `${file}: line ${line}, column "${column}": ${why} (value "${value}")`,
  unknownLayout: (file: string, seen: readonly string[]) =>
    `${file}: line 1: not a known Logs Insights export (columns: ${seen.join(", ")}); expected either @message or the seed query's columns Timestamp, InitDuration, Duration, BilledDuration, MaxMemoryUsed, Runtime, Function`,
  empty: (file: string) => `${file}: no data rows`,
  noMemoryColumn: (file: string) => `${file}: the seed query's export has no memory column: pass --memory <MB> (the configured memory size)`,
  badEvent: (file: string, where: string, why: string) => `${file}: ${where}: ${why}`,
  someUntimed: (file: string) => `${file}: some lines start with a time and some do not; give every line its time (as \`aws logs tail\` prints them) or none`,
  noRows: (files: readonly string[], why: readonly string[]) =>
    `${files.join(", ")}: no REPORT lines could be imported${why.length ? ` (${why.join("; ")})` : ""}`,
  untimed: (file: string) => `${file} has no times: its events are timed by line order from 1970-01-01 (durations are unaffected)`,
  mixedBilling: (files: readonly string[]) =>
    `${files.join(", ")}: these files need different billing rules (a seed-query export whose billed duration was recomputed, and raw REPORT lines as reported); import them separately`,
  memoryInBytes: (file: string, column: string, divisor: string) =>
    `${column}: values above Lambda's largest memory size (10,240 MB) that read as bytes: divided by ${divisor} (${file})`,
  memoryUnreadable: (file: string, line: number, column: string, value: number) =>
    `${file}: line ${line}, column "${column}": ${value} cannot be read as MB or as bytes (the column mixes values above and below Lambda's largest memory size, 10,240 MB, or the value is too large even as bytes); convert the column to MB`,
};

export const powerTuningMessages = {
  invalidJson: (file: string, why: string) => `${file}: not valid JSON (${why}); expected aws-lambda-power-tuning's output`,
  noStats: (file: string) =>
    `${file}: no "stats" in the power-tuning output (results.stats): run the state machine with "includeOutputResults": true so its output lists every power value's averages`,
  badField: (file: string, field: string, why: string) => `${file}: ${field}: ${why}`,
  duplicatePower: (file: string, power: number) => `${file}: power ${power} MB appears twice in results.stats`,
  detail: (file: string, runtime: string, fn: string, powers: number[]) =>
    `aws-lambda-power-tuning output ${file}: averages for ${runtime}/${fn} at ${powers.join(", ")} MB (averages only, no raw invocations)`,
};

export const lambdaPerfMessages = {
  detail: (file: string, generatedAt: string, entries: number, source: string) =>
    `maxday/lambda-perf daily file ${file}, generated ${generatedAt}: AWS's own measurements of hello-world functions, ${entries} entries (${source}); a reference for the lab, never part of the findings`,
  oneFile: (files: readonly string[]) =>
    `--lambda-perf takes one daily file (data/YYYY/YYYY-MM-DD.json of maxday/lambda-perf), got ${files.length}: ${files.join(", ")}`,
  imported: (entries: number, date: string, dir: string) =>
    `${entries} lambda-perf entries of ${date} → ${dir} (a reference dataset: the report's Lab vs AWS section reads it; no finding does)`,
};
