// The load driver, with ab's semantics: `requests` POSTs in total, at most `concurrency` in flight,
// each with its own JSON body, over keep-alive connections (undici Pool, one connection per slot).
import { performance } from "node:perf_hooks";
import { Pool } from "undici";
import { loadMessages as msg } from "./messages.js";

export interface LoadOptions {
  /** Full URL of the endpoint, e.g. http://127.0.0.1:3000/<runtime>/<function>. */
  url: string;
  requests: number;
  concurrency: number;
  /** JSON body of request number `seq` (1-based, in start order). */
  body: (seq: number) => string;
  /** Per-request limit, applied to connecting, to waiting for the headers and to each pause in the body. Default 30 s. */
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
  /** Extra headers (content-type is always application/json). */
  headers?: Record<string, string>;
}

export interface LoadRequestRow {
  seq: number;
  /** ISO-8601 UTC, millisecond precision. */
  startedAt: string;
  latencyMs: number;
  /** 0 when no HTTP status arrived (connection error, timeout). */
  httpStatus: number;
}

export interface LoadResult {
  rows: LoadRequestRow[];
  durationMs: number;
  requestsPerSecond: number;
  /** HTTP status → count; 0 counts transport errors. */
  statusCounts: Record<number, number>;
  /** Transport errors by code (e.g. ECONNREFUSED, UND_ERR_ABORTED for timeouts). */
  errors: Record<string, number>;
}

export class LoadOptionsError extends Error {}

function validate(o: LoadOptions): void {
  const positiveInt = (n: number) => Number.isInteger(n) && n > 0;
  if (!positiveInt(o.requests)) throw new LoadOptionsError(msg.notPositiveInteger("requests", o.requests));
  if (!positiveInt(o.concurrency)) throw new LoadOptionsError(msg.notPositiveInteger("concurrency", o.concurrency));
  if (o.timeoutMs !== undefined && !(o.timeoutMs > 0)) throw new LoadOptionsError(msg.notPositive("timeoutMs", o.timeoutMs));
  let url: URL;
  try {
    url = new URL(o.url);
  } catch {
    throw new LoadOptionsError(msg.notUrl(o.url));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new LoadOptionsError(msg.notHttp(o.url));
}

function errorCode(e: unknown): string {
  if (typeof e === "object" && e !== null) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    const name = (e as { name?: unknown }).name;
    if (typeof name === "string") return name;
  }
  return "UNKNOWN";
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  validate(options);
  const { requests, concurrency, body, onProgress } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const url = new URL(options.url);
  const path = url.pathname + url.search;
  const headers = { ...options.headers, "content-type": "application/json" };
  const pool = new Pool(url.origin, {
    connections: Math.min(concurrency, requests),
    pipelining: 1,
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  const startedWall = new Float64Array(requests);
  const latencies = new Float64Array(requests);
  const statuses = new Uint16Array(requests);
  const statusCounts: Record<number, number> = {};
  const errors: Record<string, number> = {};
  let nextSeq = 1;
  let done = 0;

  const one = async (seq: number): Promise<void> => {
    const payload = body(seq);
    startedWall[seq - 1] = Date.now();
    const t0 = performance.now();
    let httpStatus = 0;
    try {
      // undici's connect/headers/body timeouts bound the request without a timer per request.
      const res = await pool.request({ path, method: "POST", headers, body: payload });
      httpStatus = res.statusCode;
      await res.body.dump({ limit: Number.MAX_SAFE_INTEGER });
    } catch (e) {
      // A status that arrived stays: the body failed after the response started.
      if (httpStatus === 0) errors[errorCode(e)] = (errors[errorCode(e)] ?? 0) + 1;
    }
    latencies[seq - 1] = performance.now() - t0;
    statuses[seq - 1] = httpStatus;
    statusCounts[httpStatus] = (statusCounts[httpStatus] ?? 0) + 1;
    done++;
    onProgress?.(done, requests);
  };

  const worker = async (): Promise<void> => {
    while (nextSeq <= requests) await one(nextSeq++);
  };

  const start = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  } finally {
    await pool.close();
  }
  const durationMs = performance.now() - start;
  const rows: LoadRequestRow[] = Array.from({ length: requests }, (_, i) => ({
    seq: i + 1,
    startedAt: new Date(startedWall[i]!).toISOString(),
    latencyMs: latencies[i]!,
    httpStatus: statuses[i]!,
  }));
  return { rows, durationMs, requestsPerSecond: requests / (durationMs / 1000), statusCounts, errors };
}
