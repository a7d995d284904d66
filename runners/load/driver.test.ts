import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoadOptionsError, runLoad } from "./driver.js";
import { loadMessages } from "./messages.js";

// Test server: records each request's body and the peak number of requests in flight; the path
// picks the behaviour (/ok echoes, /status/<n> answers n, /slow never answers in time).
let server: Server;
let base: string;
const bodies: string[] = [];
let inFlight = 0;
let peak = 0;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = "";
    req.on("data", (c: Buffer) => (s += c.toString()));
    req.on("end", () => resolve(s));
  });
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    const body = await readBody(req);
    if (req.headers["content-type"] !== "application/json" || req.method !== "POST") res.statusCode = 415;
    bodies.push(body);
    const status = /^\/status\/(\d+)$/.exec(req.url ?? "")?.[1];
    const delay = req.url === "/slow" ? 2000 : 5;
    setTimeout(() => {
      inFlight--;
      res.writeHead(status ? Number(status) : res.statusCode, { "content-type": "application/json" });
      res.end(body);
    }, delay);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("runLoad", () => {
  it("sends n POSTs with per-seq bodies, never more than c in flight, and reports every request", async () => {
    bodies.length = 0;
    peak = 0;
    const progress: number[] = [];
    const before = Date.now();
    const result = await runLoad({
      url: `${base}/ok`,
      requests: 57,
      concurrency: 4,
      body: (seq) => JSON.stringify({ seq }),
      onProgress: (done, total) => {
        expect(total).toBe(57);
        progress.push(done);
      },
    });
    expect(result.rows).toHaveLength(57);
    expect(result.rows.map((r) => r.seq)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    expect(result.statusCounts).toEqual({ 200: 57 });
    expect(result.errors).toEqual({});
    expect(new Set(bodies)).toEqual(new Set(Array.from({ length: 57 }, (_, i) => JSON.stringify({ seq: i + 1 }))));
    expect(peak).toBe(4);
    expect(progress).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    for (const row of result.rows) {
      expect(row.latencyMs).toBeGreaterThanOrEqual(4);
      expect(Date.parse(row.startedAt)).toBeGreaterThanOrEqual(before - 1);
      expect(row.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    // ~15 rounds of >= 5 ms each at concurrency 4.
    expect(result.durationMs).toBeGreaterThanOrEqual(70);
    expect(result.requestsPerSecond).toBeCloseTo(57 / (result.durationMs / 1000), 6);
  });

  it("records HTTP error statuses as they come", async () => {
    const result = await runLoad({ url: `${base}/status/502`, requests: 5, concurrency: 2, body: () => "{}" });
    expect(result.statusCounts).toEqual({ 502: 5 });
    expect(result.rows.every((r) => r.httpStatus === 502)).toBe(true);
  });

  it("turns a per-request timeout into httpStatus 0 and counts the error", async () => {
    const result = await runLoad({ url: `${base}/slow`, requests: 2, concurrency: 2, body: () => "{}", timeoutMs: 200 });
    expect(result.statusCounts).toEqual({ 0: 2 });
    expect(Object.values(result.errors).reduce((a, b) => a + b, 0)).toBe(2);
    expect(result.rows.every((r) => r.latencyMs < 1500)).toBe(true);
  });

  it("turns a refused connection into httpStatus 0 rows", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const result = await runLoad({ url: `http://127.0.0.1:${port}/x`, requests: 3, concurrency: 1, body: () => "{}", timeoutMs: 1000 });
    expect(result.statusCounts).toEqual({ 0: 3 });
    expect(result.errors).toEqual({ ECONNREFUSED: 3 });
  });

  it("rejects bad options with a clear error", async () => {
    await expect(runLoad({ url: base, requests: 0, concurrency: 1, body: () => "" })).rejects.toThrow(
      new LoadOptionsError(loadMessages.notPositiveInteger("requests", 0)),
    );
    await expect(runLoad({ url: base, requests: 1, concurrency: 1.5, body: () => "" })).rejects.toThrow(
      new LoadOptionsError(loadMessages.notPositiveInteger("concurrency", 1.5)),
    );
    await expect(runLoad({ url: "nope", requests: 1, concurrency: 1, body: () => "" })).rejects.toThrow(new LoadOptionsError(loadMessages.notUrl("nope")));
  });
});
