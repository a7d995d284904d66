// REPORT records → the dataset contract's invocation rows. Which runtime/function a log stream
// belongs to is the caller's knowledge (lab: its own run; AWS: the stack; collect: a mapping file).
import type { Architecture, InvocationRow } from "../dataset/contract.js";
import type { LocatedReport } from "./log-events.js";

export interface FunctionIdentity {
  runtime: string;
  function: string;
  architecture: Architecture;
  /** Defaults to the REPORT line's Memory Size. */
  memoryMB?: number;
  /** The bench's trial the stream belongs to; defaults to 1 (a single-trial source). */
  trial?: number;
}

/** Answers which function a log stream belongs to; null when it is not part of the dataset. */
export type StreamMapping = (source: { logGroupName?: string; logStreamName: string }) => FunctionIdentity | null;

export interface InvocationRowsResult {
  rows: InvocationRow[];
  /** Records whose request id was already seen (kept: the first). */
  duplicates: number;
  /** Records no mapping claimed, by log group (or "(none)"). */
  unmapped: Map<string, number>;
}

/** Exact ISO-8601 UTC with milliseconds; timestamps are epoch milliseconds. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

export function toInvocationRows(records: readonly LocatedReport[], mapping: StreamMapping): InvocationRowsResult {
  const seen = new Set<string>();
  const rows: InvocationRow[] = [];
  const unmapped = new Map<string, number>();
  let duplicates = 0;
  for (const r of records) {
    if (seen.has(r.requestId)) {
      duplicates++;
      continue;
    }
    const source = r.logGroupName === undefined ? { logStreamName: r.logStreamName } : { logGroupName: r.logGroupName, logStreamName: r.logStreamName };
    const identity = mapping(source);
    if (identity === null) {
      const key = r.logGroupName ?? "(none)";
      unmapped.set(key, (unmapped.get(key) ?? 0) + 1);
      continue;
    }
    seen.add(r.requestId);
    rows.push({
      runtime: identity.runtime,
      function: identity.function,
      memoryMB: identity.memoryMB ?? r.memorySizeMB,
      architecture: identity.architecture,
      trial: identity.trial ?? 1,
      requestId: r.requestId,
      timestamp: isoTimestamp(r.timestamp),
      instanceId: r.logStreamName,
      durationMs: r.durationMs,
      billedDurationMs: r.billedDurationMs,
      maxMemoryUsedMB: r.maxMemoryUsedMB,
      initDurationMs: r.initDurationMs,
      restoreDurationMs: r.restoreDurationMs,
      status: r.status,
      errorType: r.errorType,
    });
  }
  return { rows, duplicates, unmapped };
}
