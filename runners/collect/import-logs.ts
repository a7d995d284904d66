// Reads a file of raw CloudWatch log events into LogEvents, one event per line:
//  - plain text: the message itself ("REPORT RequestId: …", "INIT_START Runtime Version: …"),
//    optionally after an ISO-8601 time and a log stream, as `aws logs tail` prints them;
//  - JSON lines: a CloudWatch event {"timestamp", "message", "logStreamName"?, "logGroupName"?}, or
//    a record of Lambda's JSON log format ({"time", "type": "platform.report", "record"}) itself;
//  - a whole `aws logs filter-log-events` answer ({"events": [...]}).
// Events that name no log group belong to `logGroupName` (by default the file's name).
import { importMessages as msg } from "./messages.js";
import type { LogEvent } from "./log-events.js";
import { ImportError } from "./import-csv.js";

export interface RawLogFile {
  events: LogEvent[];
  format: "text" | "json-lines" | "filter-log-events";
  /** True when no line carried a time: events are timed by line order from the epoch. */
  untimed: boolean;
}

const TAIL_PREFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d))\s+(?:(\d{4}\/\d\d\/\d\d\/\S+)\s+)?/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function timeOf(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

/** One JSON value (a line, or an element of "events") → an event, or a reason it is not one. */
function eventOf(doc: unknown, fallback: { logGroupName: string; position: number }): LogEvent | string {
  if (!isRecord(doc)) return "not a JSON object";
  if (typeof doc.message === "string") {
    const timestamp = timeOf(doc.timestamp);
    if (timestamp === null) return 'no "timestamp" (epoch milliseconds or ISO-8601)';
    return {
      message: doc.message,
      timestamp,
      logStreamName: typeof doc.logStreamName === "string" ? doc.logStreamName : "",
      logGroupName: typeof doc.logGroupName === "string" ? doc.logGroupName : fallback.logGroupName,
    };
  }
  if (typeof doc.type === "string") {
    const timestamp = timeOf(doc.time);
    if (timestamp === null) return 'a Lambda log record without "time"';
    return { message: JSON.stringify(doc), timestamp, logStreamName: "", logGroupName: fallback.logGroupName };
  }
  return 'neither a CloudWatch event ("message") nor a Lambda log record ("type")';
}

function jsonTime(message: string): number | null {
  try {
    const doc = JSON.parse(message) as unknown;
    return isRecord(doc) ? timeOf(doc.time) : null;
  } catch {
    return null;
  }
}

export function readRawLogFile(text: string, o: { source: string; logGroupName: string }): RawLogFile {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") && /^\{\s*"events"\s*:/.test(trimmed)) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new ImportError(msg.csvSyntax(o.source, 1, undefined, `not valid JSON: ${(e as Error).message}`));
    }
    const list = isRecord(doc) && Array.isArray(doc.events) ? doc.events : [];
    const events = list.map((item, i) => {
      const e = eventOf(item, { logGroupName: o.logGroupName, position: i });
      if (typeof e === "string") throw new ImportError(msg.badEvent(o.source, `events[${i}]`, e));
      return e;
    });
    return { events, format: "filter-log-events", untimed: false };
  }
  const lines = text.split(/\r?\n/);
  const jsonLines = trimmed.startsWith("{");
  const events: LogEvent[] = [];
  let timed = 0;
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    if (jsonLines) {
      let doc: unknown;
      try {
        doc = JSON.parse(line);
      } catch (e) {
        throw new ImportError(msg.badEvent(o.source, `line ${i + 1}`, `not valid JSON: ${(e as Error).message}`));
      }
      const e = eventOf(doc, { logGroupName: o.logGroupName, position: i });
      if (typeof e === "string") throw new ImportError(msg.badEvent(o.source, `line ${i + 1}`, e));
      events.push(e);
      timed++;
      return;
    }
    const prefix = TAIL_PREFIX.exec(line);
    const message = prefix ? line.slice(prefix[0].length) : line;
    const json = message.trimStart().startsWith("{") ? jsonTime(message) : null;
    const timestamp = prefix ? Date.parse(prefix[1]!) : json;
    if (timestamp !== null) timed++;
    events.push({ message, timestamp: timestamp ?? i, logStreamName: prefix?.[2] ?? "", logGroupName: o.logGroupName });
  });
  if (timed > 0 && timed < events.length) throw new ImportError(msg.someUntimed(o.source));
  return { events, format: jsonLines ? "json-lines" : "text", untimed: timed === 0 };
}
