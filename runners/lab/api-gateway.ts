// API Gateway (REST API, Lambda proxy integration) in both directions: an HTTP request becomes
// the proxy event, the function's result becomes the HTTP response.
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { readFileSync } from "node:fs";
import { repoRoot } from "../../functions/manifest.js";
import { join } from "node:path";

type EventTemplate = Record<string, unknown> & { requestContext: Record<string, unknown> };
const template = JSON.parse(readFileSync(join(repoRoot, "functions", "conformance", "event.json"), "utf8")) as EventTemplate;
delete template.$comment;

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const json = (statusCode: number, body: unknown): HttpResponse => ({
  statusCode,
  headers: { "Content-Type": "application/json" },
  body: Buffer.from(JSON.stringify(body)),
});

export const internalServerError = (): HttpResponse => json(502, { message: "Internal server error" });
export const tooManyRequests = (): HttpResponse => json(429, { message: "Too Many Requests" });
export const notFound = (): HttpResponse => json(404, { message: "Missing Authentication Token" });

export function proxyEvent(path: string, method: string, headers: IncomingHttpHeaders, body: Buffer, stage = "prod"): Record<string, unknown> {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    single[k] = values[values.length - 1]!;
    multi[k] = values;
  }
  const proxy = path.replace(/^\//, "");
  return {
    ...template,
    path,
    httpMethod: method,
    headers: single,
    multiValueHeaders: multi,
    pathParameters: { proxy },
    requestContext: {
      ...template.requestContext,
      httpMethod: method,
      path: `/${stage}${path}`,
      stage,
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
    },
    body: body.length === 0 ? null : body.toString("utf8"),
    isBase64Encoded: false,
  };
}

function isStringRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Maps a proxy-integration result like API Gateway: anything malformed is a 502. */
export function mapProxyResult(payload: Buffer): HttpResponse {
  let result: unknown;
  try {
    result = JSON.parse(payload.toString("utf8"));
  } catch {
    return internalServerError();
  }
  if (!isStringRecord(result)) return internalServerError();
  const status = result.statusCode;
  if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599) return internalServerError();
  const headers: Record<string, string | string[]> = {};
  if (result.multiValueHeaders !== undefined && result.multiValueHeaders !== null) {
    if (!isStringRecord(result.multiValueHeaders)) return internalServerError();
    for (const [k, v] of Object.entries(result.multiValueHeaders)) {
      if (!Array.isArray(v)) return internalServerError();
      headers[k] = v.map(String);
    }
  }
  if (result.headers !== undefined && result.headers !== null) {
    if (!isStringRecord(result.headers)) return internalServerError();
    for (const [k, v] of Object.entries(result.headers)) headers[k] = String(v);
  }
  if (!Object.keys(headers).some((k) => k.toLowerCase() === "content-type")) headers["Content-Type"] = "application/json";
  const body = result.body;
  if (body !== undefined && body !== null && typeof body !== "string") return internalServerError();
  const text = body ?? "";
  return { statusCode: status, headers, body: result.isBase64Encoded === true ? Buffer.from(text, "base64") : Buffer.from(text) };
}
