// Imports a CloudWatch Logs Insights CSV export. Two layouts are understood:
//  - raw:  @timestamp, @message (+ @logStream, @log): each @message goes through the REPORT parser;
//  - seed: Timestamp, InitDuration, Duration, BilledDuration, MaxMemoryUsed, Runtime, Function — the
//          column set of the seed analysis's published query. That query aliased its BilledDuration
//          column to Duration and divided Insights' byte counts by 1024², so those values are
//          detected and corrected, and every correction is described for meta.json.
import { parse, CsvError } from "csv-parse/sync";
import { BILLING_RULES, billedDurationMs, billingRuleAt, type Architecture, type BillingRuleId, type InvocationRow } from "../dataset/contract.js";
import type { Manifest } from "../../functions/manifest.js";
import { insightsTimestamp } from "./cloudwatch.js";
import { rowsFromEvents } from "./collect.js";
import type { StreamMapping } from "./invocation-rows.js";
import type { LogEvent, UnreadableLine } from "./log-events.js";
import { importMessages as msg } from "./messages.js";

export class ImportError extends Error {}

export const SEED_COLUMNS = ["Timestamp", "InitDuration", "Duration", "BilledDuration", "MaxMemoryUsed", "Runtime", "Function"] as const;
export const RAW_COLUMNS = ["@timestamp", "@message"] as const;

export interface ImportOptions {
  /** Shown in errors (the file name). */
  source: string;
  manifest: Manifest;
  architecture: Architecture;
  /** Raw layout: which runtime/function each @log group holds. */
  mapping: StreamMapping;
  /** Seed layout: the configured memory size (the export has no memory column). */
  memoryMB?: number;
}

export interface ImportResult {
  layout: "raw" | "seed";
  rows: InvocationRow[];
  corrections: string[];
  warnings: string[];
  billing: { rule: BillingRuleId; description: string };
  unreadable: UnreadableLine[];
}

interface CsvTable {
  header: string[];
  /** Data rows with their 1-based line number in the file. */
  rows: { line: number; cells: string[] }[];
}

function readCsv(text: string, source: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, bom: true, skip_empty_lines: true, trim: false }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const err = e as CsvError & { lines?: number; column?: number | string };
      const column = typeof err.column === "number" ? err.column + 1 : undefined;
      throw new ImportError(msg.csvSyntax(source, err.lines ?? 0, column, e.message));
    }
    throw e;
  }
  const [head, ...body] = records;
  if (head === undefined || body.length === 0) throw new ImportError(msg.empty(source));
  return { header: head.record.map((h) => h.trim()), rows: body.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

function detectLayout(header: string[], source: string): "raw" | "seed" {
  if (RAW_COLUMNS.every((c) => header.includes(c))) return "raw";
  if (SEED_COLUMNS.every((c) => header.includes(c))) return "seed";
  const missing = header.some((h) => h.startsWith("@")) ? RAW_COLUMNS.find((c) => !header.includes(c)) : undefined;
  if (missing) throw new ImportError(msg.missingColumn(source, missing, header));
  throw new ImportError(msg.unknownLayout(source, header));
}

function importRaw(t: CsvTable, o: ImportOptions): ImportResult {
  const col = (name: string) => t.header.indexOf(name);
  const [ts, message, stream, group] = [col("@timestamp"), col("@message"), col("@logStream"), col("@log")];
  const events: LogEvent[] = t.rows.map(({ line, cells }) => {
    const rawTs = cells[ts]!;
    let timestamp: number;
    try {
      timestamp = insightsTimestamp(rawTs);
    } catch {
      throw new ImportError(msg.badValue(o.source, line, "@timestamp", rawTs, "not a timestamp"));
    }
    const e: LogEvent = { message: cells[message]!, timestamp, logStreamName: stream >= 0 ? cells[stream]! : "" };
    if (group >= 0) e.logGroupName = cells[group]!.replace(/^\d{12}:/, "");
    return e;
  });
  const { rows, unreadable, duplicates, unmapped } = rowsFromEvents(events, o.mapping);
  const warnings: string[] = [];
  if (duplicates > 0) warnings.push(`${duplicates} duplicate REPORT lines (same request id) were dropped`);
  for (const [g, n] of unmapped) warnings.push(`${n} REPORT lines from log group ${g} had no runtime/function mapping and were skipped`);
  if (unreadable.length > 0) warnings.push(`${unreadable.length} REPORT lines could not be read and were skipped`);
  if (stream < 0) warnings.push("the export has no @logStream column: instanceId is empty");
  return {
    layout: "raw",
    rows,
    corrections: [],
    warnings,
    billing: { rule: "as-reported", description: BILLING_RULES["as-reported"].description },
    unreadable,
  };
}

const isWhole = (x: number) => Math.abs(x - Math.round(x)) < 1e-6;
// Insights reports memory in bytes of 10^6 per MB (its @maxMemoryUsed for "73 MB" is 73000000).
const MIB_TO_MB = (1024 * 1024) / 1_000_000;
/** Lambda's largest configurable memory size. */
export const LAMBDA_MAX_MEMORY_MB = 10_240;

function importSeed(t: CsvTable, o: ImportOptions): ImportResult {
  if (o.memoryMB === undefined) {
    throw new ImportError(msg.noMemoryColumn(o.source));
  }
  const col = Object.fromEntries(SEED_COLUMNS.map((c) => [c, t.header.indexOf(c)])) as Record<(typeof SEED_COLUMNS)[number], number>;
  const runtimeIds = new Map<string, string>();
  for (const r of o.manifest.runtimes) {
    for (const name of [r.id, r.label, r.language, r.lambdaRuntime]) runtimeIds.set(name.toLowerCase(), r.id);
  }
  const functionIds = new Set(o.manifest.functions.map((f) => f.id));
  const kinds = new Map(o.manifest.runtimes.map((r) => [r.id, r.kind]));

  const parsed = t.rows.map(({ line, cells }) => {
    const cell = (c: (typeof SEED_COLUMNS)[number]) => (cells[col[c]] ?? "").trim();
    const number = (c: (typeof SEED_COLUMNS)[number], optional: boolean): number | null => {
      const v = cell(c);
      if (v === "" && optional) return null;
      const n = Number(v);
      if (v === "" || !Number.isFinite(n) || n < 0) throw new ImportError(msg.badValue(o.source, line, c, v, "not a non-negative number"));
      return n;
    };
    const rawTs = cell("Timestamp");
    let timestamp: number;
    try {
      timestamp = insightsTimestamp(rawTs);
    } catch {
      throw new ImportError(msg.badValue(o.source, line, "Timestamp", rawTs, "not a timestamp"));
    }
    const runtime = runtimeIds.get(cell("Runtime").toLowerCase());
    if (runtime === undefined) throw new ImportError(msg.badValue(o.source, line, "Runtime", cell("Runtime"), "not a runtime of the manifest"));
    const fn = cell("Function").toLowerCase();
    if (!functionIds.has(fn)) throw new ImportError(msg.badValue(o.source, line, "Function", cell("Function"), "not a function of the manifest"));
    return {
      line,
      timestamp,
      runtime,
      function: fn,
      initDurationMs: number("InitDuration", true),
      durationMs: number("Duration", false)!,
      billed: number("BilledDuration", false)!,
      memory: number("MaxMemoryUsed", false)!,
    };
  });

  const corrections: string[] = [];
  const warnings: string[] = [
    "the seed query's export has no request id, log stream or status: requestId is 'csv-line-<n>', instanceId is empty, status is success",
  ];

  // BilledDuration aliased to Duration: every value equals Duration (real billed values are whole ms ≥ Duration).
  const aliased = parsed.every((p) => p.billed === p.durationMs) && parsed.some((p) => !isWhole(p.durationMs));
  const latest = new Date(Math.max(...parsed.map((p) => p.timestamp))).toISOString();
  const rule = aliased ? billingRuleAt(latest) : "as-reported";
  if (aliased) {
    corrections.push(
      `BilledDuration: the column repeats Duration on every row (the seed query aliased it), so billed duration was recomputed from Duration and Init Duration with billing rule "${rule}": ${BILLING_RULES[rule].description}`,
    );
  }
  // Memory divided by 1024² instead of 10⁶: the values turn whole when scaled back.
  // Tolerance covers an export rounded to 2 decimals (0.005 × 1.048576).
  // Bytes where MB belong: Lambda's largest memory size is 10,240 MB, so a larger value is bytes
  // (Insights' @maxMemoryUsed counts 10⁶ bytes per MB). Corrected when every value then reads as
  // a plausible MB figure; refused otherwise.
  if (parsed.some((p) => p.memory > LAMBDA_MAX_MEMORY_MB)) {
    const implausible = parsed.find(
      (p) => p.memory / 1_000_000 > LAMBDA_MAX_MEMORY_MB || p.memory > LAMBDA_MAX_MEMORY_MB !== parsed[0]!.memory > LAMBDA_MAX_MEMORY_MB,
    );
    if (implausible) throw new ImportError(msg.memoryUnreadable(o.source, implausible.line, "MaxMemoryUsed", implausible.memory));
    for (const p of parsed) p.memory = Math.round(p.memory / 1_000_000);
    corrections.push(msg.memoryInBytes(o.source, "MaxMemoryUsed", "10⁶ (Lambda's MB) and rounded to whole MB, as REPORT lines give them"));
  }
  const scaledBack = parsed.every((p) => Math.abs(p.memory * MIB_TO_MB - Math.round(p.memory * MIB_TO_MB)) < 0.006);
  const memoryDividedByMiB = scaledBack && parsed.some((p) => !isWhole(p.memory));
  if (memoryDividedByMiB) {
    corrections.push(
      "MaxMemoryUsed: the seed query divided Insights' byte count by 1024² while Lambda's MB is 10⁶ bytes; values were multiplied by 1.048576 (1024²/10⁶) and rounded to whole MB, as REPORT lines give them",
    );
  }

  const rows: InvocationRow[] = parsed.map((p) => ({
    runtime: p.runtime,
    function: p.function,
    memoryMB: o.memoryMB!,
    architecture: o.architecture,
    // A Logs Insights export is one trial: it says nothing about how the invocations were grouped.
    trial: 1,
    requestId: `csv-line-${p.line}`,
    timestamp: new Date(p.timestamp).toISOString(),
    instanceId: "",
    durationMs: p.durationMs,
    billedDurationMs: aliased
      ? billedDurationMs(rule as Exclude<BillingRuleId, "as-reported">, kinds.get(p.runtime)!, p.durationMs, p.initDurationMs)
      : p.billed,
    maxMemoryUsedMB: memoryDividedByMiB ? Math.round(p.memory * MIB_TO_MB) : p.memory,
    initDurationMs: p.initDurationMs,
    restoreDurationMs: null,
    status: "success",
    errorType: "",
  }));
  return { layout: "seed", rows, corrections, warnings, billing: { rule, description: BILLING_RULES[rule].description }, unreadable: [] };
}

export function importInsightsCsv(text: string, o: ImportOptions): ImportResult {
  const table = readCsv(text, o.source);
  const layout = detectLayout(table.header, o.source);
  for (const { line, cells } of table.rows) {
    if (cells.length !== table.header.length) {
      throw new ImportError(msg.csvSyntax(o.source, line, undefined, `expected ${table.header.length} fields, got ${cells.length}`));
    }
  }
  return layout === "raw" ? importRaw(table, o) : importSeed(table, o);
}
