// The emulator's lifecycle against test-only functions (runners/lab/test-functions).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { collectFunction } from "./collect-local.js";
import { cpuQuotaUs } from "./cgroups.js";
import { startFront } from "./front.js";
import type { InvokeResult } from "./instance.js";
import type { LabInvokeResult } from "./lab.js";
import { startTestLab, type TestLab } from "./test-support.js";

let t: TestLab | null = null;

/** The lambench parent groups this process would use (v1: one per controller). */
function detectCgroupParents(): string[] {
  const own = new Map(
    readFileSync("/proc/self/cgroup", "utf8")
      .trim()
      .split("\n")
      .flatMap((l) => {
        const [, controllers, path] = l.split(":");
        return (controllers ?? "").split(",").map((c) => [c, path ?? "/"] as const);
      }),
  );
  return ["cpu", "memory"].map((c) => join("/sys/fs/cgroup", c, own.get(c) ?? "/", "lambench")).filter((d) => existsSync(dirname(d)));
}
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

const event = (body: unknown) => Buffer.from(JSON.stringify({ body: JSON.stringify(body) }));

function done(r: LabInvokeResult): InvokeResult {
  if ("throttled" in r) throw new Error("unexpectedly throttled");
  return r;
}

function payloadOf(r: InvokeResult): { statusCode: number; body: string } {
  if (r.outcome.kind !== "response") throw new Error(`expected a response, got ${JSON.stringify(r.outcome)}`);
  return JSON.parse(r.outcome.payload.toString("utf8")) as { statusCode: number; body: string };
}

describe.each(["node", "python", "custom"] as const)("lab routing (%s)", (runtime) => {
  it("cold start once, then warm on the same instance; Init Duration on the first REPORT only", async () => {
    t = startTestLab();
    t.deploy(runtime);
    const results: InvokeResult[] = [];
    for (let i = 0; i < 3; i++) results.push(done(await t.lab.invoke(`${runtime}/fn`, event({ n: i }))));
    expect(new Set(results.map((r) => r.record.instanceId)).size).toBe(1);
    expect(results[0]!.record.initDurationMs).toBeGreaterThan(0);
    expect(results.slice(1).map((r) => r.record.initDurationMs)).toEqual([null, null]);
    for (const r of results) {
      expect(r.record.status).toBe("success");
      expect(r.record.durationMs).toBeGreaterThan(0);
      expect(r.record.maxMemoryUsedMB).toBeGreaterThan(0);
    }
    const body = payloadOf(results[2]!).body;
    const text = runtime === "custom" ? Buffer.from(body, "base64").toString("utf8") : body;
    expect((JSON.parse(text) as { echo: unknown }).echo).toEqual({ n: 2 });
  });
});

describe("lab scaling and failures", () => {
  it("concurrent invocations start one instance each", async () => {
    t = startTestLab();
    t.deploy("node");
    const rs = (await Promise.all([0, 1, 2].map(() => t!.lab.invoke("node/fn", event({ sleepMs: 300 }))))).map(done);
    expect(new Set(rs.map((r) => r.record.instanceId)).size).toBe(3);
    expect(rs.every((r) => r.record.initDurationMs !== null)).toBe(true);
    const warm = done(await t.lab.invoke("node/fn", event({})));
    expect(rs.map((r) => r.record.instanceId)).toContain(warm.record.instanceId);
    expect(warm.record.initDurationMs).toBeNull();
  });

  it("cold starts beyond maxConcurrentInits wait for a running init to end before their process starts", async () => {
    t = startTestLab({ maxConcurrentInits: 1 });
    t.deploy("python", { environment: { LAB_TEST_NODE: process.execPath } });
    const both = Promise.all([0, 1].map(() => t!.lab.invoke("python/fn", event({ sleepMs: 200 }))));
    while (t.lab.liveInstances.length === 0) await new Promise((r) => setTimeout(r, 2));
    expect(t.lab.liveInstances).toHaveLength(1);
    const rs = (await both).map(done);
    expect(new Set(rs.map((r) => r.record.instanceId)).size).toBe(2);
  });

  it("beyond the concurrency limit invocations are throttled, and the front answers 429", async () => {
    t = startTestLab({ concurrencyLimit: 2 });
    t.deploy("node");
    const front = await startFront(t.lab);
    try {
      const statuses = await Promise.all(
        [0, 1, 2].map((i) =>
          fetch(`${front.url}/node/fn`, { method: "POST", body: JSON.stringify({ sleepMs: 800, i }) }).then(async (r) => [r.status, await r.text()] as const),
        ),
      );
      expect(statuses.map((s) => s[0]).sort()).toEqual([200, 200, 429]);
      expect(statuses.find((s) => s[0] === 429)![1]).toBe('{"message":"Too Many Requests"}');
    } finally {
      await front.stop();
    }
  });

  it("a function that runs past its timeout is killed and reported as Status: timeout; the next call starts a new instance", async () => {
    t = startTestLab();
    t.deploy("node", { timeoutMs: 400 });
    const slow = done(await t.lab.invoke("node/fn", event({ sleepMs: 5000 })));
    expect(slow.outcome).toEqual({ kind: "failed", status: "timeout", errorType: "" });
    expect(slow.record).toMatchObject({ status: "timeout", durationMs: 400 });
    const next = done(await t.lab.invoke("node/fn", event({})));
    expect(next.record.status).toBe("success");
    expect(next.record.instanceId).not.toBe(slow.record.instanceId);
    expect(next.record.initDurationMs).not.toBeNull();
  });

  it.each(["node", "python", "custom"] as const)("a crash during an invocation is Runtime.ExitError and the run goes on (%s)", async (runtime) => {
    t = startTestLab();
    t.deploy(runtime);
    const crash = done(await t.lab.invoke(`${runtime}/fn`, event({ crash: true })));
    expect(crash.record).toMatchObject({ status: "error", errorType: "Runtime.ExitError" });
    const next = done(await t.lab.invoke(`${runtime}/fn`, event({})));
    expect(next.record.status).toBe("success");
    expect(next.record.instanceId).not.toBe(crash.record.instanceId);
  });

  it("a handler error goes back to the caller as awslambdaric's error body; the instance stays warm", async () => {
    t = startTestLab();
    t.deploy("python");
    const err = done(await t.lab.invoke("python/fn", event({ throw: true }), "8f6e6034-dc36-47ad-a402-a82291ea299a"));
    expect(err.outcome.kind).toBe("function-error");
    const body = JSON.parse((err.outcome as { payload: Buffer }).payload.toString()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["errorMessage", "errorType", "requestId", "stackTrace"]);
    expect(body).toMatchObject({ errorType: "RuntimeError", errorMessage: "asked to throw", requestId: "8f6e6034-dc36-47ad-a402-a82291ea299a" });
    // User frames only: the runtime client's own frames are left out.
    expect((body.stackTrace as string[]).join("")).toContain("handler.py");
    expect((body.stackTrace as string[]).join("")).not.toContain("awslambdaric");
    const next = done(await t.lab.invoke("python/fn", event({})));
    expect(next.record.instanceId).toBe(err.record.instanceId);
  });

  it("a handler error goes back to the caller as aws-lambda-ric's error body (trace); the instance stays warm", async () => {
    t = startTestLab();
    t.deploy("node");
    const err = done(await t.lab.invoke("node/fn", event({ throw: true })));
    expect(err.outcome.kind).toBe("function-error");
    const body = JSON.parse((err.outcome as { payload: Buffer }).payload.toString()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["errorMessage", "errorType", "trace"]);
    expect(body).toMatchObject({ errorType: "Error", errorMessage: "asked to throw" });
    expect((body.trace as string[])[0]).toBe("Error: asked to throw");
    const next = done(await t.lab.invoke("node/fn", event({})));
    expect(next.record.instanceId).toBe(err.record.instanceId);
  });

  it.each([
    ["python", "broken.handler", "Runtime.ImportModuleError", "Unable to import module 'broken': broken on purpose"],
    ["node", "missing.handler", "Runtime.ImportModuleError", "Cannot find module"],
    ["python", "handler.nope", "Runtime.HandlerNotFound", "Handler 'nope' missing on module 'handler'"],
    ["node", "index.nope", "Runtime.HandlerNotFound", "index.nope is undefined or not exported"],
  ] as const)("an init failure (%s %s) is reported on /init/error and recorded as %s", async (runtime, handler, errorType, message) => {
    t = startTestLab();
    const config = t.deploy(runtime, { handler });
    const r = done(await t.lab.invoke(`${runtime}/fn`, event({})));
    expect(r.record).toMatchObject({ status: "error", errorType });
    await t.lab.stop();
    const logs = readdirSync(join(t.logDir, config.functionName), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), "utf8"))
      .join("");
    expect(logs).toContain(`lab: init error ${errorType}`);
    expect(logs).toContain(message);
  });

  it.each(["node", "python"] as const)("%s instances run on the interpreter release the runtime id names", async (runtime) => {
    t = startTestLab();
    const config = t.deploy(runtime);
    const r = done(await t.lab.invoke(`${runtime}/fn`, event({})));
    const seen = (JSON.parse(payloadOf(r).body) as { runtime: string }).runtime;
    const wanted = runtime === "node" ? `v${/^nodejs(\d+)/.exec(config.lambdaRuntime)![1]}.` : `${/^python(\d+\.\d+)/.exec(config.lambdaRuntime)![1]}.`;
    expect(seen.startsWith(wanted), `${seen} for ${config.lambdaRuntime}`).toBe(true);
  });

  it("idle instances are reaped after the idle timeout", async () => {
    t = startTestLab({ idleTimeoutMs: 300 });
    t.deploy("node");
    done(await t.lab.invoke("node/fn", event({})));
    expect(t.lab.liveInstances).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.lab.liveInstances).toHaveLength(0);
  });

  it("retireAll stops every instance, busy ones too, so the next call of any function is a cold start", async () => {
    t = startTestLab();
    t.deploy("node");
    const first = done(await t.lab.invoke("node/fn", event({})));
    const busy = t.lab.invoke("node/fn", event({ sleepMs: 2000 }));
    await new Promise((r) => setTimeout(r, 200));
    expect(t.lab.liveInstances.length).toBeGreaterThan(0);
    await t.lab.retireAll();
    expect(t.lab.liveInstances).toHaveLength(0);
    expect(done(await busy).record.status).toBe("error");
    const next = done(await t.lab.invoke("node/fn", event({})));
    expect(next.record.instanceId).not.toBe(first.record.instanceId);
    expect(next.record.initDurationMs).toBeGreaterThan(0);
  });

  it("REPORT lines in the log streams are collected back with the shared parser", async () => {
    t = startTestLab();
    const config = t.deploy("node", { memoryMB: 192 });
    const rs: InvokeResult[] = [];
    for (let i = 0; i < 3; i++) rs.push(done(await t.lab.invoke("node/fn", event({ i }))));
    await t.lab.stop();
    const { rows, unreadable } = collectFunction(t.logDir, {
      functionName: config.functionName,
      runtime: "node",
      function: "fn",
      memoryMB: 192,
      architecture: "x86_64",
    });
    expect(unreadable).toEqual([]);
    expect(rows.map((r) => r.requestId)).toEqual(rs.map((r) => r.record.requestId));
    rows.forEach((row, i) => {
      const rec = rs[i]!.record;
      expect(row).toMatchObject({
        durationMs: rec.durationMs,
        billedDurationMs: rec.billedDurationMs,
        maxMemoryUsedMB: rec.maxMemoryUsedMB,
        initDurationMs: rec.initDurationMs,
        status: "success",
        memoryMB: 192,
      });
      expect(row.instanceId).toContain(rec.instanceId);
    });
  });
});

describe("API front mapping", () => {
  it("maps statusCode, headers and base64 bodies like API Gateway; function errors are 502", async () => {
    t = startTestLab();
    t.deploy("node");
    t.deploy("custom");
    const front = await startFront(t.lab);
    try {
      const ok = await fetch(`${front.url}/node/fn`, { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("x-test")).toBe("yes");
      expect(((await ok.json()) as { echo: unknown }).echo).toEqual({ a: 1 });
      const b64 = await fetch(`${front.url}/custom/fn`, { method: "POST", body: '{"b":2}' });
      expect(b64.status).toBe(201);
      expect(b64.headers.get("content-type")).toBe("text/plain");
      const seen = (await b64.json()) as { echo: unknown; headers: Record<string, string> };
      expect(seen.echo).toEqual({ b: 2 });
      expect(Object.keys(seen.headers).sort()).toEqual([
        "lambda-runtime-aws-request-id",
        "lambda-runtime-deadline-ms",
        "lambda-runtime-invoked-function-arn",
        "lambda-runtime-trace-id",
      ]);
      expect(seen.headers["lambda-runtime-invoked-function-arn"]).toBe("arn:aws:lambda:us-east-1:123456789012:function:test-custom-fn");
      const err = await fetch(`${front.url}/node/fn`, { method: "POST", body: '{"throw":true}' });
      expect(err.status).toBe(502);
      expect(await err.text()).toBe('{"message":"Internal server error"}');
      const missing = await fetch(`${front.url}/nope/fn`, { method: "POST", body: "{}" });
      expect(missing.status).toBe(404);
    } finally {
      await front.stop();
    }
  });
});

describe("resource limits (cgroups; CI runs as root)", () => {
  it("is root, so limits can be enforced", () => {
    expect(process.getuid?.(), "the lab's cgroup tests must run as root").toBe(0);
  });

  it("caps CPU at memory/1769 of a core after init and memory at the configured size; removes the groups", async () => {
    t = startTestLab();
    expect(t.lab.cgroups.support, t.lab.cgroups.support.note).toMatchObject({ cpu: true, memory: true });
    t.deploy("node", { memoryMB: 256 });
    done(await t.lab.invoke("node/fn", event({})));
    const instance = t.lab.liveInstances[0]!;
    const dirs = instance.cgroupFiles.map((f) => dirname(f));
    const cpuDir = dirs.find((d) => existsSync(join(d, "cpu.cfs_quota_us")))!;
    const memDir = dirs.find((d) => existsSync(join(d, "memory.limit_in_bytes")) || existsSync(join(d, "memory.max")))!;
    const read = (f: string) => readFileSync(f, "utf8").trim();
    if (existsSync(join(cpuDir, "cpu.cfs_quota_us"))) {
      expect(Number(read(join(cpuDir, "cpu.cfs_quota_us")))).toBe(cpuQuotaUs(256));
      expect(Number(read(join(cpuDir, "cpu.cfs_period_us")))).toBe(100_000);
      expect(Number(read(join(memDir, "memory.limit_in_bytes")))).toBe(256 * 1024 * 1024);
    } else {
      expect(read(join(cpuDir, "cpu.max"))).toBe(`${cpuQuotaUs(256)} 100000`);
      expect(Number(read(join(memDir, "memory.max")))).toBe(256 * 1024 * 1024);
    }
    expect(cpuQuotaUs(256)).toBe(14471); // 256/1769 of a 100 ms period
    expect(read(join(cpuDir, "cgroup.procs")).split("\n")).toContain(String(instance.pid));
    await t.lab.stop();
    for (const d of dirs) expect(existsSync(d)).toBe(false);
  });

  it("on start, removes groups left by a crashed run (owner gone) and keeps a live run's", async () => {
    const parents = detectCgroupParents();
    expect(parents.length).toBeGreaterThan(0);
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const stale = parents.map((p) => join(p, `${dead}-0123456789abcdef`));
    const live = parents.map((p) => join(p, `${process.pid}-fedcba9876543210`));
    for (const d of [...stale, ...live]) mkdirSync(d, { recursive: true });
    try {
      t = startTestLab();
      for (const d of stale) expect(existsSync(d), d).toBe(false);
      for (const d of live) expect(existsSync(d), d).toBe(true);
    } finally {
      for (const d of live) rmdirSync(d);
    }
  });

  it("a function that allocates beyond its memory is OOM-killed: Runtime.OutOfMemory, and the run goes on", async () => {
    t = startTestLab();
    t.deploy("node", { memoryMB: 128 });
    const oom = done(await t.lab.invoke("node/fn", event({ allocMB: 300 })));
    expect(oom.record).toMatchObject({ status: "error", errorType: "Runtime.OutOfMemory" });
    expect(oom.record.maxMemoryUsedMB).toBeGreaterThanOrEqual(120);
    const next = done(await t.lab.invoke("node/fn", event({})));
    expect(next.record.status).toBe("success");
  });
});
