// `npm run import`'s work: any mix of Logs Insights CSV exports and raw log-event files (text,
// JSON lines, a filter-log-events answer) → one set of invocation rows, with what was corrected
// and what readers should know.
import { basename, extname } from "node:path";
import { BILLING_RULES, type Architecture, type BillingRuleId, type InvocationRow } from "../dataset/contract.js";
import type { Manifest } from "../../functions/manifest.js";
import { rowsFromEvents } from "./collect.js";
import { ImportError, importInsightsCsv } from "./import-csv.js";
import { readRawLogFile } from "./import-logs.js";
import { observedRuntimes } from "./init-start.js";
import { streamMapping, UNKNOWN_RUNTIME, type MappingFile } from "./mapping.js";
import type { UnreadableLine } from "./log-events.js";
import { importMessages as msg } from "./messages.js";

export interface ImportInput {
  /** Shown in errors and in meta.json. */
  path: string;
  text: string;
}

export interface ImportFilesOptions {
  manifest: Manifest;
  architecture: Architecture;
  mapping?: MappingFile;
  /** Seed-layout CSVs: the configured memory size. */
  memoryMB?: number;
}

export interface ImportFilesResult {
  rows: InvocationRow[];
  corrections: string[];
  warnings: string[];
  billing: { rule: BillingRuleId; description: string };
  unreadable: (UnreadableLine & { file: string })[];
  /** One phrase per file, for meta.json's source detail. */
  described: string[];
  /** Runtime → versions named by INIT_START lines (comma-separated when several). */
  runtimeVersions: Record<string, string>;
  /** REPORT lines dropped because their request id was already imported (overlapping exports). */
  duplicates: number;
}

const isCsv = (path: string, text: string) => extname(path).toLowerCase() === ".csv" || /^\uFEFF?"?@?timestamp"?,/i.test(text);

/** A raw file's events belong to the log group its lines name, else to the file's name ("orders-api.log" → orders-api). */
export function groupOfFile(path: string): string {
  const name = basename(path);
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

export function importFiles(inputs: readonly ImportInput[], o: ImportFilesOptions): ImportFilesResult {
  const out: ImportFilesResult = {
    rows: [],
    corrections: [],
    warnings: [],
    billing: { rule: "as-reported", description: BILLING_RULES["as-reported"].description },
    unreadable: [],
    described: [],
    runtimeVersions: {},
    duplicates: 0,
  };
  const rules = new Set<BillingRuleId>();
  const seen = new Set<string>();
  let duplicates = 0;
  /** Adds the rows whose request id is new; returns how many were not. */
  const keepNew = (rows: readonly InvocationRow[]): number => {
    let repeated = 0;
    for (const row of rows) {
      if (seen.has(row.requestId)) repeated++;
      else {
        seen.add(row.requestId);
        out.rows.push(row);
      }
    }
    return repeated;
  };
  for (const input of inputs) {
    const architecture = o.architecture;
    if (isCsv(input.path, input.text)) {
      const r = importInsightsCsv(input.text, {
        source: input.path,
        manifest: o.manifest,
        architecture,
        mapping: streamMapping({ ...(o.mapping ? { file: o.mapping } : {}), manifest: o.manifest, architecture }),
        ...(o.memoryMB ? { memoryMB: o.memoryMB } : {}),
      });
      rules.add(r.billing.rule);
      out.billing = r.billing;
      out.corrections.push(...r.corrections);
      out.warnings.push(...r.warnings);
      out.unreadable.push(...r.unreadable.map((u) => ({ ...u, file: input.path })));
      duplicates += keepNew(r.rows);
      out.described.push(`Logs Insights CSV export ${basename(input.path)} (${r.layout === "seed" ? "seed query columns" : "@message rows"})`);
      continue;
    }
    const file = readRawLogFile(input.text, { source: input.path, logGroupName: groupOfFile(input.path) });
    const observed = observedRuntimes(file.events, o.manifest);
    const mapping = streamMapping({ ...(o.mapping ? { file: o.mapping } : {}), manifest: o.manifest, architecture, observed });
    const r = rowsFromEvents(file.events, mapping);
    for (const [runtime, names] of observed.versions) {
      if (!r.rows.some((row) => row.runtime === runtime)) continue;
      const known = out.runtimeVersions[runtime]?.split(", ") ?? [];
      out.runtimeVersions[runtime] = [...new Set([...known, ...names])].join(", ");
    }
    rules.add("as-reported");
    duplicates += keepNew(r.rows);
    duplicates += r.duplicates;
    for (const [g, n] of r.unmapped) out.warnings.push(`${n} REPORT lines from log group ${g} had no runtime/function mapping and were skipped`);
    if (r.unreadable.length > 0) out.warnings.push(`${r.unreadable.length} REPORT lines of ${input.path} could not be read and were skipped`);
    if (file.untimed) out.warnings.push(msg.untimed(input.path));
    out.unreadable.push(...r.unreadable.map((u) => ({ ...u, file: input.path })));
    out.described.push(`raw log events ${basename(input.path)} (${file.format})`);
  }
  if (rules.size > 1) throw new ImportError(msg.mixedBilling(inputs.map((i) => i.path)));
  out.duplicates = duplicates;
  if (duplicates > 0) out.warnings.push(`${duplicates} duplicate REPORT lines (same request id) were dropped`);
  const unknown = [...new Set(out.rows.filter((r) => r.runtime === UNKNOWN_RUNTIME).map((r) => r.function))];
  if (unknown.length > 0) {
    out.warnings.push(
      `no mapping, Lambda configuration or INIT_START line named the runtime of ${unknown.join(", ")}: recorded as runtime "${UNKNOWN_RUNTIME}" (give it with --mapping)`,
    );
  }
  return out;
}
