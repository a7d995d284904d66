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
  unmapped: (group: string | undefined, stream: string) =>
    `no runtime/function mapping for log group "${group ?? "(none)"}" (stream "${stream}")`,
  mappingFile: (file: string, where: string, why: string) => `${file}: ${where}: ${why}`,
  insightsCap: (from: string, to: string, cap: number) =>
    `Logs Insights query for ${from} .. ${to} still returns ${cap} rows in a 1-second window; cannot split further`,
  insightsFailed: (status: string, queryId: string) => `Logs Insights query ${queryId} ended with status ${status}`,
  insightsTimeout: (queryId: string, ms: number) => `Logs Insights query ${queryId} did not complete within ${ms} ms`,
};

export const importMessages = {
  csvSyntax: (file: string, line: number, column: number | undefined, why: string) =>
    `${file}: line ${line}${column === undefined ? "" : `, column ${column}`}: ${why}`,
  missingColumn: (file: string, column: string, seen: readonly string[]) =>
    `${file}: line 1: missing column "${column}" (columns present: ${seen.join(", ")})`,
  badValue: (file: string, line: number, column: string, value: string, why: string) =>
    `${file}: line ${line}, column "${column}": ${why} (value "${value}")`,
  unknownLayout: (file: string, seen: readonly string[]) =>
    `${file}: line 1: not a known Logs Insights export (columns: ${seen.join(", ")}); expected either @message or the seed query's columns Timestamp, InitDuration, Duration, BilledDuration, MaxMemoryUsed, Runtime, Function`,
  empty: (file: string) => `${file}: no data rows`,
};
