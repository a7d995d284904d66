// Reads one Lambda REPORT log line, in either of the formats Lambda writes to CloudWatch Logs:
//  - text:  "REPORT RequestId: <id>\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\t
//            Max Memory Used: 40 MB\tInit Duration: 150.20 ms" (fields in any order; optional
//            Init / Restore / Billed Restore Duration, Status + Error Type, XRAY TraceId/SegmentId/Sampled)
//  - JSON:  {"time":…,"type":"platform.report","record":{"requestId":…,"metrics":{"durationMs":…,…},"status":…}}
import type { InvocationStatus } from "../dataset/contract.js";
import { reportMessages as msg } from "./messages.js";

export interface XRaySegment {
  traceId: string;
  segmentId: string;
  sampled: boolean;
}

export interface ReportRecord {
  format: "text" | "json";
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMB: number;
  maxMemoryUsedMB: number;
  initDurationMs: number | null;
  restoreDurationMs: number | null;
  billedRestoreDurationMs: number | null;
  status: InvocationStatus;
  errorType: string;
  xray: XRaySegment | null;
  /** The JSON format's own "time" field; null for text lines (the log event carries the time). */
  time: string | null;
}

export class ReportParseError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "ReportParseError";
  }
}

// A key is one or more capitalised words followed by ": " (e.g. "Billed Restore Duration: ").
// Values never look like that, so the text between two keys is the first key's value. Key words
// start with a capital then a lower-case letter, so a unit ("MB") is not read as part of the key
// that follows it on space-separated lines; XRAY is the one all-capitals word Lambda uses.
const KEY = /(?:^|[\t \n])((?:XRAY|[A-Z][a-z][A-Za-z]*)(?: [A-Z][a-z][A-Za-z]*)*):(?=[ \t]|$)/g;
const NUMBER = /^\d+(?:\.\d+)?$/;

const NUMERIC_FIELDS = {
  Duration: { prop: "durationMs", unit: "ms" },
  "Billed Duration": { prop: "billedDurationMs", unit: "ms" },
  "Memory Size": { prop: "memorySizeMB", unit: "MB" },
  "Max Memory Used": { prop: "maxMemoryUsedMB", unit: "MB" },
  "Init Duration": { prop: "initDurationMs", unit: "ms" },
  "Restore Duration": { prop: "restoreDurationMs", unit: "ms" },
  "Billed Restore Duration": { prop: "billedRestoreDurationMs", unit: "ms" },
} as const;
type NumericKey = keyof typeof NUMERIC_FIELDS;

const REQUIRED_TEXT_FIELDS = ["RequestId", "Duration", "Billed Duration", "Memory Size", "Max Memory Used"] as const;

/** Lambda's status words → the contract's statuses ("failure" is the Telemetry API's word for an error). */
function toStatus(raw: string): InvocationStatus {
  switch (raw) {
    case "success":
      return "success";
    case "timeout":
      return "timeout";
    case "error":
    case "failure":
      return "error";
    default:
      throw new ReportParseError(msg.unknownStatus(raw));
  }
}

function parseMeasure(key: string, value: string, unit: string): number {
  const space = value.lastIndexOf(" ");
  const n = space < 0 ? value : value.slice(0, space);
  const u = space < 0 ? "" : value.slice(space + 1);
  if (u !== unit) throw new ReportParseError(msg.badUnit(key, value, unit));
  if (!NUMBER.test(n)) throw new ReportParseError(msg.badNumber(key, value));
  return Number(n);
}

/** The "XRAY TraceId: … SegmentId: … Sampled: …" fields, from a REPORT line or the line after it. */
function xrayFrom(fields: Map<string, string>): XRaySegment | null {
  const traceId = fields.get("XRAY TraceId");
  if (traceId === undefined) return null;
  const segmentId = fields.get("SegmentId") ?? "";
  const sampled = fields.get("Sampled");
  if (sampled !== undefined && sampled !== "true" && sampled !== "false") {
    throw new ReportParseError(msg.badField("Sampled", sampled));
  }
  return { traceId, segmentId, sampled: sampled === "true" };
}

function splitFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let key: string | null = null;
  let valueStart = 0;
  KEY.lastIndex = 0;
  for (let m = KEY.exec(text); m !== null; m = KEY.exec(text)) {
    if (key !== null) fields.set(key, text.slice(valueStart, m.index).trim());
    key = m[1]!;
    if (fields.has(key)) throw new ReportParseError(msg.duplicateField(key));
    valueStart = KEY.lastIndex;
  }
  if (key !== null) fields.set(key, text.slice(valueStart).trim());
  return fields;
}

/**
 * The usual layout ("REPORT RequestId: …\tDuration: … ms\t…", one "Key: value" per tab-separated
 * segment, no newline) read with indexOf instead of the key regex: the 1,000,000-line budget is
 * spent here. Returns null when the line is laid out any other way; the general reader takes it.
 */
function splitTabFields(line: string): Map<string, string> | null {
  if (line.indexOf("\n") >= 0) return null;
  const fields = new Map<string, string>();
  let start = "REPORT ".length;
  while (start < line.length) {
    let end = line.indexOf("\t", start);
    if (end < 0) end = line.length;
    if (end > start) {
      const colon = line.indexOf(": ", start);
      if (colon < 0 || colon >= end) return null;
      const key = line.slice(start, colon);
      const value = line.slice(colon + 2, end);
      // A second key inside the value, or stray spaces: not the usual layout.
      if (value.indexOf(": ") >= 0 || fields.has(key) || value.trim() !== value) return null;
      fields.set(key, value);
    }
    start = end + 1;
  }
  return fields;
}

function parseText(line: string): ReportRecord {
  const fields = splitTabFields(line) ?? splitFields(line.slice("REPORT".length));
  for (const k of REQUIRED_TEXT_FIELDS) {
    if (!fields.get(k)) throw new ReportParseError(msg.missingField(k));
  }
  const numbers: Partial<Record<(typeof NUMERIC_FIELDS)[NumericKey]["prop"], number>> = {};
  for (const key of Object.keys(NUMERIC_FIELDS) as NumericKey[]) {
    const value = fields.get(key);
    if (value !== undefined) numbers[NUMERIC_FIELDS[key].prop] = parseMeasure(key, value, NUMERIC_FIELDS[key].unit);
  }
  const statusText = fields.get("Status");
  const status = statusText === undefined ? "success" : toStatus(statusText);
  return {
    format: "text",
    requestId: fields.get("RequestId")!,
    durationMs: numbers.durationMs!,
    billedDurationMs: numbers.billedDurationMs!,
    memorySizeMB: numbers.memorySizeMB!,
    maxMemoryUsedMB: numbers.maxMemoryUsedMB!,
    initDurationMs: numbers.initDurationMs ?? null,
    restoreDurationMs: numbers.restoreDurationMs ?? null,
    billedRestoreDurationMs: numbers.billedRestoreDurationMs ?? null,
    status,
    errorType: fields.get("Error Type") ?? "",
    xray: xrayFrom(fields),
    time: null,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function jsonNumber(metrics: Record<string, unknown>, name: string, required: true): number;
function jsonNumber(metrics: Record<string, unknown>, name: string, required: false): number | null;
function jsonNumber(metrics: Record<string, unknown>, name: string, required: boolean): number | null {
  const v = metrics[name];
  if (v === undefined || v === null) {
    if (required) throw new ReportParseError(msg.missingField(`record.metrics.${name}`));
    return null;
  }
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new ReportParseError(msg.badField(`record.metrics.${name}`, JSON.stringify(v)));
  return v;
}

/** The X-Ray trace header value "Root=1-…;Parent=…;Sampled=1" of the JSON format's tracing object. */
function xrayFromTracing(tracing: unknown): XRaySegment | null {
  if (!isRecord(tracing) || typeof tracing.value !== "string") return null;
  const parts = new Map(tracing.value.split(";").map((p) => p.split("=", 2) as [string, string]));
  const traceId = parts.get("Root");
  if (traceId === undefined) return null;
  return {
    traceId,
    segmentId: typeof tracing.spanId === "string" ? tracing.spanId : (parts.get("Parent") ?? ""),
    sampled: parts.get("Sampled") === "1",
  };
}

function parseJson(line: string): ReportRecord {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (e) {
    throw new ReportParseError(msg.badJson((e as Error).message));
  }
  if (!isRecord(doc)) throw new ReportParseError(msg.badJson("not an object"));
  const record = doc.record;
  if (!isRecord(record)) throw new ReportParseError(msg.missingField("record"));
  const requestId = record.requestId;
  if (typeof requestId !== "string" || requestId === "") throw new ReportParseError(msg.missingField("record.requestId"));
  const metrics = record.metrics;
  if (!isRecord(metrics)) throw new ReportParseError(msg.missingField("record.metrics"));
  const rawStatus = record.status;
  if (rawStatus !== undefined && typeof rawStatus !== "string") throw new ReportParseError(msg.badField("record.status", JSON.stringify(rawStatus)));
  const errorType = record.errorType;
  return {
    format: "json",
    requestId,
    durationMs: jsonNumber(metrics, "durationMs", true),
    billedDurationMs: jsonNumber(metrics, "billedDurationMs", true),
    memorySizeMB: jsonNumber(metrics, "memorySizeMB", true),
    maxMemoryUsedMB: jsonNumber(metrics, "maxMemoryUsedMB", true),
    initDurationMs: jsonNumber(metrics, "initDurationMs", false),
    restoreDurationMs: jsonNumber(metrics, "restoreDurationMs", false),
    billedRestoreDurationMs: jsonNumber(metrics, "billedRestoreDurationMs", false),
    status: rawStatus === undefined ? "success" : toStatus(rawStatus),
    errorType: typeof errorType === "string" ? errorType : "",
    xray: xrayFromTracing(record.tracing),
    time: typeof doc.time === "string" ? doc.time : null,
  };
}

// Cheap tests first: most log lines are neither, and must cost next to nothing.
const JSON_REPORT_TYPE = /"type"\s*:\s*"platform\.report"/;

/**
 * A REPORT record, or null when the line is not a REPORT line (function output, START/END,
 * other platform events). Throws ReportParseError for a REPORT line it cannot read.
 */
export function parseReportLine(line: string): ReportRecord | null {
  let start = 0;
  while (start < line.length && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
  const body = start === 0 ? line : line.slice(start);
  if (body.startsWith("REPORT ") || body.startsWith("REPORT\t")) return parseText(body.trimEnd());
  if (body.startsWith("{") && JSON_REPORT_TYPE.test(body)) return parseJson(body);
  return null;
}

/** True for the X-Ray line Lambda may write right after a text REPORT line. */
export function isXRayLine(line: string): boolean {
  return line.trimStart().startsWith("XRAY TraceId:");
}

/** Reads a stand-alone "XRAY TraceId: … SegmentId: … Sampled: …" line. */
export function parseXRayLine(line: string): XRaySegment {
  const xray = xrayFrom(splitFields(line.trim()));
  if (xray === null) throw new ReportParseError(msg.missingField("XRAY TraceId"));
  return xray;
}
