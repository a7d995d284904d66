// Reads the shared conformance vectors (functions/conformance) and turns a case into an event.
import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../manifest.js";

const conformanceDir = join(repoRoot, "functions", "conformance");

export type Item = Record<string, string>;

export interface Case {
  name: string;
  seed?: Item[];
  request: { body?: string | null; isBase64Encoded?: boolean };
  expect: { statusCode: number; body?: unknown; bodyText?: string; table?: Item[] };
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(conformanceDir, file), "utf8"));

export function loadCases(fn: string): Case[] {
  const vectors = readJson(`${fn}.json`) as { function: string; cases?: Case[]; casesOf?: string };
  if (vectors.function !== fn) throw new Error(`${fn}.json: "function" is ${vectors.function}, expected ${fn}`);
  // A function with another's behaviour (conc, warmup: search) answers that function's cases.
  if (vectors.casesOf !== undefined) return loadCases(vectors.casesOf);
  if (!vectors.cases) throw new Error(`${fn}.json: neither "cases" nor "casesOf"`);
  return vectors.cases;
}

/** The CreateTable input for `geo`, without the file's comment. */
export function tableDefinition(): CreateTableCommandInput {
  const { $comment: _comment, ...table } = readJson("table.json") as CreateTableCommandInput & { $comment?: string };
  return table;
}

/** event.json with body/isBase64Encoded taken from the case; an absent key stays absent. */
export function eventFor(request: Case["request"]): Record<string, unknown> {
  const { $comment: _comment, body: _body, isBase64Encoded: _b64, ...event } = readJson("event.json") as Record<string, unknown>;
  if ("body" in request) event["body"] = request.body;
  event["isBase64Encoded"] = request.isBase64Encoded ?? false;
  return event;
}
