// The DynamoDB latency model: parsing, the seeded sampler, and the delaying proxy on loopback.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { delaySampler, parseDbLatency, SOTO_202_SAMPLE_MS, startDelayProxy, type DelayProxy } from "./db-latency.js";
import { labMessages } from "./messages.js";

describe("parseDbLatency", () => {
  it("the default model is the published sample, with its source", () => {
    const m = parseDbLatency("soto-202");
    expect(m.source).toContain("https://github.com/soto-project/soto/issues/202");
    expect(Object.keys(m.parameters)).toHaveLength(11);
    const sorted = [...SOTO_202_SAMPLE_MS].sort((a, b) => a - b);
    expect((sorted[4]! + sorted[5]!) / 2).toBeCloseTo(6.4355, 4);
    expect(sorted.reduce((a, b) => a + b, 0) / sorted.length).toBeCloseTo(9.4801, 4);
  });
  it("fixed and off", () => {
    expect(parseDbLatency("fixed:2.5")).toMatchObject({ model: "fixed:2.5", parameters: { delayMs: 2.5 } });
    expect(parseDbLatency("0")).toMatchObject({ model: "0", parameters: {} });
  });
  it.each(["fast", "fixed:", "fixed:-1", "lognormal:5"])("rejects %s clearly", (v) => {
    expect(() => parseDbLatency(v)).toThrow(labMessages.badDbLatency(v));
  });
});

describe("delaySampler", () => {
  it("draws from the sample only, reproducibly, covering it", () => {
    const a = delaySampler(parseDbLatency("soto-202"));
    const b = delaySampler(parseDbLatency("soto-202"));
    const xs = Array.from({ length: 2000 }, () => a());
    expect(Array.from({ length: 2000 }, () => b())).toEqual(xs);
    expect(new Set(xs)).toEqual(new Set(SOTO_202_SAMPLE_MS));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(8.5);
    expect(mean).toBeLessThan(10.5);
  });
});

let upstream: Server | null = null;
let proxy: DelayProxy | null = null;
afterEach(async () => {
  await proxy?.stop();
  proxy = null;
  upstream?.closeAllConnections();
  await new Promise<void>((r) => (upstream ? upstream.close(() => r()) : r()));
  upstream = null;
});

async function echoServer(): Promise<number> {
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => res.end(Buffer.concat(chunks)));
  });
  await new Promise<void>((r) => upstream!.listen(0, "127.0.0.1", () => r()));
  return (upstream.address() as AddressInfo).port;
}

describe("startDelayProxy", () => {
  it("holds each request for the delay, passes bodies intact, and concurrent calls overlap their waits", async () => {
    proxy = await startDelayProxy(await echoServer(), () => 150);
    const t0 = performance.now();
    const one = await fetch(proxy.endpoint, { method: "POST", body: "x".repeat(200_000) });
    expect((await one.text()).length).toBe(200_000);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    const t1 = performance.now();
    const bodies = await Promise.all(Array.from({ length: 6 }, (_, i) => fetch(proxy!.endpoint, { method: "POST", body: `req-${i}` }).then((r) => r.text())));
    const elapsed = performance.now() - t1;
    expect(bodies).toEqual(Array.from({ length: 6 }, (_, i) => `req-${i}`));
    expect(elapsed).toBeGreaterThanOrEqual(145);
    // Six calls one after the other would take 900 ms.
    expect(elapsed).toBeLessThan(600);
  });
});
