// The one normaliser (STYLE habit 9): turns CSV text fields into typed column values, checking
// every field. Each converter returns the value or a reason; the reader turns the reason into an
// error naming file, line and field.
import { ARCHITECTURES, INVOCATION_COLUMNS, INVOCATION_STATUSES, REQUEST_COLUMNS } from "../../../runners/dataset/contract.js";
import type { Manifest } from "../../../functions/manifest.js";

export type FieldValue = string | number | null;
/** A converted value, or a Refusal giving the reason the text was refused. */
export type Converter = (text: string) => FieldValue | Refusal;

export class Refusal {
  constructor(readonly reason: string) {}
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/;

function number(text: string): number | Refusal {
  if (text === "") return new Refusal("is empty, expected a number");
  const n = Number(text);
  return Number.isFinite(n) ? n : new Refusal("is not a number");
}

const nonNegative: Converter = (text) => {
  const n = number(text);
  if (n instanceof Refusal) return n;
  return n >= 0 ? n : new Refusal("is negative");
};

const optionalNonNegative: Converter = (text) => (text === "" ? null : nonNegative(text));

const positiveInteger: Converter = (text) => {
  const n = number(text);
  if (n instanceof Refusal) return n;
  return Number.isInteger(n) && n > 0 ? n : new Refusal("is not a positive integer");
};

const nonNegativeInteger: Converter = (text) => {
  const n = number(text);
  if (n instanceof Refusal) return n;
  return Number.isInteger(n) && n >= 0 ? n : new Refusal("is not a non-negative integer");
};

const text: Converter = (t) => t;
const nonEmpty: Converter = (t) => (t === "" ? new Refusal("is empty") : t);
const isoTime: Converter = (t) => (ISO_UTC.test(t) ? t : new Refusal("is not an ISO-8601 UTC timestamp"));

function oneOf(allowed: readonly string[], what: string): Converter {
  // Returning the canonical string shares one copy across a million rows.
  const canonical = new Map(allowed.map((a) => [a, a]));
  const list = allowed.join(", ");
  return (t) => canonical.get(t) ?? new Refusal(`is not a known ${what} (expected one of: ${list})`);
}

export type ColumnKind = "string" | "number" | "nullableNumber";
export interface FieldSpec {
  convert: Converter;
  kind: ColumnKind;
}

/** Field specs for invocations.csv, in contract column order. */
export function invocationFields(manifest: Manifest): Record<(typeof INVOCATION_COLUMNS)[number], FieldSpec> {
  return {
    runtime: { convert: oneOf(manifest.runtimes.map((r) => r.id), "runtime in functions/manifest.json"), kind: "string" },
    function: { convert: oneOf(manifest.functions.map((f) => f.id), "function in functions/manifest.json"), kind: "string" },
    memoryMB: { convert: positiveInteger, kind: "number" },
    architecture: { convert: oneOf(ARCHITECTURES, "architecture"), kind: "string" },
    requestId: { convert: nonEmpty, kind: "string" },
    timestamp: { convert: isoTime, kind: "string" },
    instanceId: { convert: nonEmpty, kind: "string" },
    durationMs: { convert: nonNegative, kind: "number" },
    billedDurationMs: { convert: nonNegative, kind: "number" },
    maxMemoryUsedMB: { convert: nonNegative, kind: "number" },
    initDurationMs: { convert: optionalNonNegative, kind: "nullableNumber" },
    restoreDurationMs: { convert: optionalNonNegative, kind: "nullableNumber" },
    status: { convert: oneOf(INVOCATION_STATUSES, "status"), kind: "string" },
    errorType: { convert: text, kind: "string" },
  };
}

/** Field specs for requests.csv, in contract column order. */
export function requestFields(manifest: Manifest): Record<(typeof REQUEST_COLUMNS)[number], FieldSpec> {
  const inv = invocationFields(manifest);
  return {
    runtime: inv.runtime,
    function: inv.function,
    memoryMB: inv.memoryMB,
    seq: { convert: nonNegativeInteger, kind: "number" },
    startedAt: { convert: isoTime, kind: "string" },
    latencyMs: { convert: nonNegative, kind: "number" },
    httpStatus: { convert: nonNegativeInteger, kind: "number" },
  };
}
