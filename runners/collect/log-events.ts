// Turns a batch of log events (CloudWatch FilterLogEvents, Logs Insights, or local stream files)
// into REPORT records, counting every REPORT line it cannot read instead of failing on it.
import { isXRayLine, parseReportLine, parseXRayLine, ReportParseError, type ReportRecord } from "./report-line.js";
import { reportMessages as msg } from "./messages.js";

export interface LogEvent {
  message: string;
  /** Milliseconds since the epoch (CloudWatch's event timestamp). */
  timestamp: number;
  logStreamName: string;
  logGroupName?: string;
}

export interface LocatedReport extends ReportRecord {
  timestamp: number;
  logStreamName: string;
  logGroupName?: string;
}

export interface UnreadableLine {
  /** Index of the event in the batch (0-based). */
  position: number;
  line: string;
  reason: string;
}

export interface ParsedLogEvents {
  records: LocatedReport[];
  unreadable: UnreadableLine[];
}

function streamKey(e: LogEvent): string {
  return `${e.logGroupName ?? ""}\u0000${e.logStreamName}`;
}

/**
 * Parses every event; non-REPORT events are skipped, unreadable REPORT lines are reported with
 * their position. An "XRAY TraceId" event right after a REPORT event of the same stream is
 * attached to it (Lambda may write the X-Ray segment as its own line).
 */
export function parseLogEvents(events: readonly LogEvent[]): ParsedLogEvents {
  const records: LocatedReport[] = [];
  const unreadable: UnreadableLine[] = [];
  const lastInStream = new Map<string, LocatedReport>();
  for (let position = 0; position < events.length; position++) {
    const e = events[position]!;
    try {
      if (isXRayLine(e.message)) {
        const previous = lastInStream.get(streamKey(e));
        if (previous === undefined) throw new ReportParseError(msg.orphanXRay());
        if (previous.xray === null) previous.xray = parseXRayLine(e.message);
        continue;
      }
      const record = parseReportLine(e.message);
      if (record === null) continue;
      // Extend the fresh record in place: copying it per line costs more than parsing it.
      const located = record as LocatedReport;
      located.timestamp = e.timestamp;
      located.logStreamName = e.logStreamName;
      if (e.logGroupName !== undefined) located.logGroupName = e.logGroupName;
      records.push(located);
      lastInStream.set(streamKey(e), located);
    } catch (err) {
      if (!(err instanceof ReportParseError)) throw err;
      unreadable.push({ position, line: e.message, reason: err.reason });
    }
  }
  return { records, unreadable };
}
