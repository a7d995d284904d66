// Reads a function's local log streams back into invocation rows with the same collector that
// reads CloudWatch (runners/collect), so the lab and AWS datasets come from one parser.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Architecture, InvocationRow } from "../dataset/contract.js";
import { parseLogEvents, type LogEvent, type UnreadableLine } from "../collect/log-events.js";
import { labMessages } from "./messages.js";
import { toInvocationRows } from "../collect/invocation-rows.js";

export interface LocalFunctionLogs {
  functionName: string;
  runtime: string;
  function: string;
  memoryMB: number;
  architecture: Architecture;
  /** The bench trial the rows belong to (default 1). */
  trial?: number;
}

function streamFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? streamFiles(path) : [path];
  });
}

/** Every log event of a function's streams, ordered by time (stable within a stream). */
export function readLogEvents(logDir: string, functionName: string): LogEvent[] {
  const groupDir = join(logDir, functionName);
  const events: LogEvent[] = [];
  for (const file of streamFiles(groupDir)) {
    const logStreamName = relative(groupDir, file);
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (!line) return;
        let e: { timestamp?: unknown; message?: unknown };
        try {
          e = JSON.parse(line) as typeof e;
        } catch {
          throw new Error(labMessages.notLogEvent(file, i + 1));
        }
        if (typeof e.timestamp !== "number" || typeof e.message !== "string") {
          throw new Error(labMessages.badLogEvent(file, i + 1));
        }
        events.push({ timestamp: e.timestamp, message: e.message, logStreamName, logGroupName: `/aws/lambda/${functionName}` });
      });
  }
  return events.sort((a, b) => a.timestamp - b.timestamp);
}

export interface CollectedRows {
  rows: InvocationRow[];
  unreadable: UnreadableLine[];
}

export function collectFunction(logDir: string, fn: LocalFunctionLogs): CollectedRows {
  const { records, unreadable } = parseLogEvents(readLogEvents(logDir, fn.functionName));
  const { rows } = toInvocationRows(records, () => ({
    runtime: fn.runtime,
    function: fn.function,
    architecture: fn.architecture,
    memoryMB: fn.memoryMB,
    trial: fn.trial ?? 1,
  }));
  return { rows, unreadable };
}
