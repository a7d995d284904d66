// CloudWatch's text format for the platform lines Lambda writes around each invocation:
//   START RequestId: <id> Version: $LATEST
//   END RequestId: <id>
//   REPORT RequestId: <id>\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t
// Each REPORT field ends with a tab, including the last one; optional fields follow in Lambda's
// order: Init Duration, then Status and Error Type on a failed invocation.
import type { ReportRecord } from "../collect/report-line.js";

/** What the lab writes: the fields of a REPORT line the shared parser reads back. */
export type ReportFields = Pick<
  ReportRecord,
  "requestId" | "durationMs" | "billedDurationMs" | "memorySizeMB" | "maxMemoryUsedMB" | "initDurationMs" | "status" | "errorType"
>;

export function startLine(requestId: string, version = "$LATEST"): string {
  return `START RequestId: ${requestId} Version: ${version}`;
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export function reportLine(r: ReportFields): string {
  const fields = [
    `RequestId: ${r.requestId}`,
    `Duration: ${r.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${r.billedDurationMs} ms`,
    `Memory Size: ${r.memorySizeMB} MB`,
    `Max Memory Used: ${r.maxMemoryUsedMB} MB`,
  ];
  if (r.initDurationMs !== null) fields.push(`Init Duration: ${r.initDurationMs.toFixed(2)} ms`);
  if (r.status !== "success") {
    fields.push(`Status: ${r.status}`);
    if (r.errorType) fields.push(`Error Type: ${r.errorType}`);
  }
  return `REPORT ${fields.map((f) => `${f}\t`).join("")}`;
}
