// Field validation shared by save and the search family: fields are checked in contract order
// and the first failing one is reported.
import { json, type ProxyResponse } from "./response.js";

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

type Problem = "invalid field" | "out of range";
type Rule = (value: unknown) => Problem | undefined;

const text: Rule = (v) => (typeof v === "string" && v !== "" ? undefined : "invalid field");

const decimalWithin =
  (accept: (n: number) => boolean): Rule =>
  (v) => {
    if (typeof v !== "string" || !DECIMAL.test(v)) return "invalid field";
    return accept(Number(v)) ? undefined : "out of range";
  };

export const rules = {
  owner: text,
  name: text,
  lat: decimalWithin((n) => n >= -90 && n <= 90),
  lon: decimalWithin((n) => n >= -180 && n <= 180),
  radius: decimalWithin((n) => n > 0),
} satisfies Record<string, Rule>;

export type FieldName = keyof typeof rules;

export type FieldsResult<K extends FieldName> = { ok: true; fields: Record<K, string> } | { ok: false; response: ProxyResponse };

/** Validates `payload` against the named fields, in the order given. Extra fields are ignored. */
export function readFields<K extends FieldName>(payload: unknown, order: readonly K[]): FieldsResult<K> {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    return { ok: false, response: json(400, { error: "body must be a JSON object" }) };
  }
  const record = payload as Record<string, unknown>;
  const fields = {} as Record<K, string>;
  for (const field of order) {
    const value = record[field];
    if (value === undefined || value === null) {
      return { ok: false, response: json(400, { error: "missing field", field }) };
    }
    const problem = rules[field](value);
    if (problem) return { ok: false, response: json(400, { error: problem, field }) };
    fields[field] = value as string;
  }
  return { ok: true, fields };
}
