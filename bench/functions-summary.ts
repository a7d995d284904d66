// Figures of bench/functions.ts: one entry's raw samples summarised, and the size, timing and
// comparison tables printed from the summaries. Pure, so the formatting is testable.
import { percentileOfSorted } from "../report/lib/metrics/percentile.js";

export interface ArtefactSize {
  zipBytes: number;
  unzippedBytes: number;
  files: number;
}

/** One fresh instance: Init Duration (process start to first /next) and its first invocation's Duration. */
export interface ColdSample {
  initMs: number;
  firstMs: number;
}

export interface EntryResult {
  runtime: string;
  function: string;
  size: ArtefactSize | null;
  cold: ColdSample[];
  /** Durations of the invocations after the first on one instance. */
  warm: number[];
  /** Body length of the first response, as a cross-runtime sanity check (same work, same bytes). */
  responseBytes: number | null;
  /** Why the entry is incomplete (missing artefact, failed invocation); null when complete. */
  problem: string | null;
}

export interface EntrySummary {
  runtime: string;
  function: string;
  size: ArtefactSize | null;
  coldN: number;
  initMedianMs: number | null;
  firstMedianMs: number | null;
  /** Median over instances of Init Duration + first Duration (the Cold Start Duration). */
  coldMedianMs: number | null;
  coldMinMs: number | null;
  coldMaxMs: number | null;
  warmN: number;
  warmMedianMs: number | null;
  warmP90Ms: number | null;
  responseBytes: number | null;
  problem: string | null;
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => percentileOfSorted(sorted(xs), 0.5);

export function summarise(r: EntryResult): EntrySummary {
  const warm = sorted(r.warm);
  const cold = sorted(r.cold.map((c) => c.initMs + c.firstMs));
  return {
    runtime: r.runtime,
    function: r.function,
    size: r.size,
    coldN: r.cold.length,
    initMedianMs: median(r.cold.map((c) => c.initMs)),
    firstMedianMs: median(r.cold.map((c) => c.firstMs)),
    coldMedianMs: percentileOfSorted(cold, 0.5),
    coldMinMs: cold[0] ?? null,
    coldMaxMs: cold[cold.length - 1] ?? null,
    warmN: warm.length,
    warmMedianMs: percentileOfSorted(warm, 0.5),
    warmP90Ms: percentileOfSorted(warm, 0.9),
    responseBytes: r.responseBytes,
    problem: r.problem,
  };
}

/** Each value divided by the smallest positive one; null stays null (no figure, no ratio). */
export function ratiosToBest(values: ReadonlyArray<number | null>): Array<number | null> {
  const present = values.filter((v): v is number => v !== null && v > 0);
  if (present.length === 0) return values.map(() => null);
  const best = Math.min(...present);
  return values.map((v) => (v === null || v <= 0 ? null : v / best));
}

type Align = "left" | "right";

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (align[i] === "right" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const DASH = "-";
export const fmtMs = (v: number | null) => (v === null ? DASH : v.toFixed(2));
export const fmtKiB = (bytes: number | null | undefined) => (bytes === null || bytes === undefined ? DASH : (bytes / 1024).toFixed(1));
export const fmtRatio = (v: number | null) => (v === null ? DASH : `${v.toFixed(2)}x`);

export function sizeTable(summaries: readonly EntrySummary[]): string {
  return renderTable(
    ["runtime", "function", "zip bytes", "zip KiB", "unzipped KiB", "files", "note"],
    summaries.map((s) => [
      s.runtime,
      s.function,
      s.size ? String(s.size.zipBytes) : DASH,
      fmtKiB(s.size?.zipBytes),
      fmtKiB(s.size?.unzippedBytes),
      s.size ? String(s.size.files) : DASH,
      s.size ? "" : (s.problem ?? ""),
    ]),
    ["left", "left", "right", "right", "right", "right", "left"],
  );
}

export function timingTable(summaries: readonly EntrySummary[]): string {
  return renderTable(
    ["runtime", "function", "cold n", "init ms", "first ms", "cold ms", "cold min-max", "warm n", "warm p50 ms", "warm p90 ms", "resp B", "note"],
    summaries.map((s) => [
      s.runtime,
      s.function,
      String(s.coldN),
      fmtMs(s.initMedianMs),
      fmtMs(s.firstMedianMs),
      fmtMs(s.coldMedianMs),
      s.coldMinMs === null || s.coldMaxMs === null ? DASH : `${s.coldMinMs.toFixed(1)}-${s.coldMaxMs.toFixed(1)}`,
      String(s.warmN),
      fmtMs(s.warmMedianMs),
      fmtMs(s.warmP90Ms),
      s.responseBytes === null ? DASH : String(s.responseBytes),
      s.problem ?? "",
    ]),
    ["left", "left", "right", "right", "right", "right", "right", "right", "right", "right", "right", "left"],
  );
}

/** Per function (in the given order), each runtime against the fastest cold and warm and the smallest zip. */
export function comparisonTable(summaries: readonly EntrySummary[], functionOrder: readonly string[]): string {
  const rows: string[][] = [];
  for (const fn of functionOrder) {
    const group = summaries.filter((s) => s.function === fn);
    if (group.length === 0) continue;
    const cold = ratiosToBest(group.map((s) => s.coldMedianMs));
    const init = ratiosToBest(group.map((s) => s.initMedianMs));
    const warm = ratiosToBest(group.map((s) => s.warmMedianMs));
    const zip = ratiosToBest(group.map((s) => s.size?.zipBytes ?? null));
    group.forEach((s, i) => {
      rows.push([
        fn,
        s.runtime,
        fmtMs(s.coldMedianMs),
        fmtRatio(cold[i]!),
        fmtRatio(init[i]!),
        fmtMs(s.warmMedianMs),
        fmtRatio(warm[i]!),
        fmtKiB(s.size?.zipBytes),
        fmtRatio(zip[i]!),
      ]);
    });
  }
  return renderTable(["function", "runtime", "cold ms", "cold vs best", "init vs best", "warm p50 ms", "warm vs best", "zip KiB", "zip vs smallest"], rows, [
    "left",
    "left",
    "right",
    "right",
    "right",
    "right",
    "right",
    "right",
    "right",
  ]);
}
