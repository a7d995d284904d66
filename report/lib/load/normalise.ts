// The one normaliser (STYLE habit 9): turns CSV text fields into typed column values, checking
// every field. Each converter returns the value or a reason; the reader turns the reason into an
// error naming file, line and field.
import { ARCHITECTURES, INVOCATION_COLUMNS, INVOCATION_STATUSES, NAME_PATTERN, REQUEST_COLUMNS } from "../../../runners/dataset/contract.js";

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

/** Checks a parsed (finite) number: the value, or the reason it is refused. */
export type NumberCheck = (n: number) => number | Refusal;

/** A numeric field: text → Number(text) → check. The reader may parse the number itself and apply `check`. */
function numeric(check: NumberCheck, optional = false): Pick<FieldSpec, "convert" | "check"> {
  const required: Converter = (text) => {
    const n = number(text);
    return n instanceof Refusal ? n : check(n);
  };
  return { convert: optional ? (text) => (text === "" ? null : required(text)) : required, check };
}

const nonNegative: NumberCheck = (n) => (n >= 0 ? n : new Refusal("is negative"));
const positiveInteger: NumberCheck = (n) => (Number.isInteger(n) && n > 0 ? n : new Refusal("is not a positive integer"));
const nonNegativeInteger: NumberCheck = (n) => (Number.isInteger(n) && n >= 0 ? n : new Refusal("is not a non-negative integer"));

const text: Converter = (t) => t;
const nonEmpty: Converter = (t) => (t === "" ? new Refusal("is empty") : t);
const isoTime: Converter = (t) => (ISO_UTC.test(t) ? t : new Refusal("is not an ISO-8601 UTC timestamp"));

/** A runtime or function name: any name is accepted (the manifest only labels and orders the ones it lists). */
function name(what: string): FieldSpec {
  const seen = new Map<string, string>();
  return {
    kind: "string",
    convert: (t) => {
      const known = seen.get(t);
      if (known !== undefined) return known;
      if (!NAME_PATTERN.test(t)) return new Refusal(`is not a ${what} name (letters, digits, ".", "-", "_"; at most 64)`);
      if (seen.size < 4096) seen.set(t, t);
      return t;
    },
  };
}

function oneOf(allowed: readonly string[], what: string): FieldSpec {
  // Returning the canonical string shares one copy across a million rows.
  const canonical = new Map(allowed.map((a) => [a, a]));
  const list = allowed.join(", ");
  return { convert: (t) => canonical.get(t) ?? new Refusal(`is not a known ${what} (expected one of: ${list})`), kind: "string", allowed };
}

export type ColumnKind = "string" | "number" | "nullableNumber";
export interface FieldSpec {
  /** The whole rule: text → value or Refusal. */
  convert: Converter;
  kind: ColumnKind;
  /** Numeric fields: what `convert` applies after Number(text), for readers that parse numbers themselves. */
  check?: NumberCheck;
  /** Enumerated fields: the only values `convert` accepts (each returned as itself). */
  allowed?: readonly string[];
  /** Optional columns: every row's value when the file has no such column (required when undefined). */
  absent?: FieldValue;
}

/** Field specs for invocations.csv, in contract column order. */
export function invocationFields(): Record<(typeof INVOCATION_COLUMNS)[number], FieldSpec> {
  return {
    runtime: name("runtime"),
    function: name("function"),
    memoryMB: { ...numeric(positiveInteger), kind: "number" },
    architecture: oneOf(ARCHITECTURES, "architecture"),
    // Datasets from before trials, and imports, have no trial column: one trial.
    trial: { ...numeric(positiveInteger), kind: "number", absent: 1 },
    requestId: { convert: nonEmpty, kind: "string" },
    timestamp: { convert: isoTime, kind: "string" },
    // Empty when the source does not say (the seed query's Logs Insights export has no log stream).
    instanceId: { convert: text, kind: "string" },
    durationMs: { ...numeric(nonNegative), kind: "number" },
    billedDurationMs: { ...numeric(nonNegative), kind: "number" },
    maxMemoryUsedMB: { ...numeric(nonNegative), kind: "number" },
    initDurationMs: { ...numeric(nonNegative, true), kind: "nullableNumber" },
    restoreDurationMs: { ...numeric(nonNegative, true), kind: "nullableNumber" },
    status: oneOf(INVOCATION_STATUSES, "status"),
    errorType: { convert: text, kind: "string" },
  };
}

/** Field specs for requests.csv, in contract column order. */
export function requestFields(): Record<(typeof REQUEST_COLUMNS)[number], FieldSpec> {
  const inv = invocationFields();
  return {
    runtime: inv.runtime,
    function: inv.function,
    memoryMB: inv.memoryMB,
    trial: inv.trial,
    seq: { ...numeric(nonNegativeInteger), kind: "number" },
    startedAt: { convert: isoTime, kind: "string" },
    latencyMs: { ...numeric(nonNegative), kind: "number" },
    httpStatus: { ...numeric(nonNegativeInteger), kind: "number" },
  };
}
